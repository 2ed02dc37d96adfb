"""The sandbox gives every hostile ending a clear verdict, and offhours survives all of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from offhours.practice.sandbox import run_tests

TESTS = """
from submission import add

def test_adds_small_numbers():
    assert add(2, 3) == 5, f"add(2, 3) should be 5, got {add(2, 3)!r}"

def test_adds_negatives():
    assert add(-2, -3) == -5
"""


def verdict(code: str, **kwargs):  # type: ignore[no-untyped-def]
    return run_tests(code, TESTS, timeout=kwargs.pop("timeout", 8), **kwargs)


def test_pass_and_fail() -> None:
    ok = verdict("def add(a, b):\n    return a + b\n")
    assert ok.status == "pass" and [t["status"] for t in ok.tests] == ["pass", "pass"]
    assert ok.tests[0]["name"] == "adds small numbers"
    bad = verdict("def add(a, b):\n    print('debug', a, b)\n    return a - b\n")
    assert bad.status == "fail"
    assert bad.tests[0]["message"] == "add(2, 3) should be 5, got -1"
    assert bad.tests[0]["output"].startswith("debug 2 3")


@pytest.mark.parametrize(("code", "words"), [
    ("def add(a, b)\n    return a + b\n", "syntax error in your code, line 1"),
    ("import no_such_module\n", "could not be loaded: ModuleNotFoundError"),
    ("def add(a, b):\n    while True:\n        pass\n", "timed out after"),
    ("def add(a, b):\n    x = bytearray(10 * 1024**3)\n    return a + b\n", "ran out of memory"),
    ("import sys\ndef add(a, b):\n    sys.exit(3)\n", "a test raised an error"),
    ("import os\ndef add(a, b):\n    os._exit(0)\n", "ended the test process (exit status 0)"),
    ("import os, signal\ndef add(a, b):\n    os.kill(os.getppid(), signal.SIGKILL)\n    return a + b\n", ""),
    ("def add(a, b):\n    for _ in range(10**7):\n        print('x' * 100)\n    return a + b\n", ""),
])
def test_hostile_code_gets_a_clear_verdict(code: str, words: str) -> None:
    result = verdict(code, timeout=6)
    assert result.status in ("error", "fail", "pass")
    assert words in (result.message or "") + " ".join(t["message"] or "" for t in result.tests)
    assert os.getpid() > 0  # still here


def test_fork_bomb_is_contained() -> None:
    code = ("import os\ndef add(a, b):\n    while True:\n        try:\n            os.fork()\n"
            "        except OSError:\n            pass\n")
    result = verdict(code, timeout=4)
    assert result.status == "error"
    assert os.system("true") == 0  # the machine can still start processes


def test_no_network_and_no_database(tmp_path: Path) -> None:
    secret = tmp_path / "home"
    secret.mkdir()
    (secret / "offhours.db").write_text("private")
    probe = f"""
import socket
def add(a, b):
    try:
        open({str(secret / "offhours.db")!r}).read()
        return "read the database"
    except OSError:
        pass
    s = socket.socket()
    s.settimeout(2)
    try:
        s.connect(("10.255.255.1", 80))
        return "network"
    except OSError:
        return a + b
"""
    result = run_tests(probe, TESTS, hide=[secret], timeout=8)
    if not any(i == "no network" for i in result.isolation):
        pytest.skip("namespaces unavailable here: " + "; ".join(result.isolation))
    assert result.status == "pass", result
