"""The sandbox that runs learner code: a child process that cannot hurt the learner or the machine.

Layers, each reported when unavailable: a fresh temporary folder; `python -I` with a minimal
environment; rlimits on CPU time, memory, file size and (for non-root users) processes; a new session so
every process it starts is killed afterwards; a wall-clock timeout; and, where Linux allows, `unshare`
namespaces: no network, its own PID space (it cannot signal offhours) and the offhours data folder hidden
behind an empty tmpfs (it cannot read the learner's database). As root, a pids cgroup caps process count.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

CPU_SECONDS = 20
MEMORY_BYTES = 2 * 1024**3
FILE_BYTES = 20 * 1024**2
PROCESSES = 64
PIDS_CGROUP = Path("/sys/fs/cgroup/pids")


@dataclass(frozen=True)
class RunResult:
    """Exercism results.json version 3, plus how the code was isolated and how long it took."""

    status: str  # pass | fail | error
    message: str | None
    tests: list[dict[str, Any]]
    isolation: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"version": 3, "status": self.status, "message": self.message, "tests": self.tests,
                "isolation": self.isolation, "seconds": round(self.seconds, 3)}


@cache
def _namespaces() -> tuple[list[str], str | None]:
    """The unshare flags that work here, or why none do."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return [], "no network or process isolation: `unshare` is not available on this system"
    flags = ["--net", "--pid", "--fork", "--mount-proc"]
    if os.geteuid() != 0:
        flags = ["--user", "--map-root-user", *flags]
    probe = subprocess.run(["unshare", *flags, "true"], capture_output=True, timeout=10)
    if probe.returncode != 0:
        reason = probe.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["refused"]
        return [], f"no network or process isolation: the system refused namespaces ({reason[0]})"
    return flags, None


def _limits(cgroup: Path | None, cpu_seconds: int) -> None:
    """Runs in the child between fork and exec."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.geteuid() != 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (PROCESSES, PROCESSES))
    if cgroup is not None:
        (cgroup / "cgroup.procs").write_text(str(os.getpid()))


def _make_cgroup() -> Path | None:
    if os.geteuid() != 0 or not (PIDS_CGROUP / "cgroup.procs").exists():
        return None
    path = PIDS_CGROUP / f"offhours-{uuid.uuid4().hex[:12]}"
    try:
        path.mkdir()
        (path / "pids.max").write_text(str(PROCESSES))
    except OSError:
        return None
    return path


def _remove_cgroup(path: Path | None) -> None:
    if path is None:
        return
    for _ in range(50):
        try:
            pids = (path / "cgroup.procs").read_text().split()
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(int(pid), signal.SIGKILL)
            path.rmdir()
            return
        except OSError:
            time.sleep(0.05)


def run_tests(code: str, tests: str, *, hide: Sequence[Path] = (), timeout: float = 10.0,
              support: dict[str, bytes] | None = None) -> RunResult:
    """Run hidden `tests` against the learner's `code` in the sandbox and return the verdict."""
    started = time.monotonic()
    flags, missing = _namespaces()
    isolation = ["fresh folder", "isolated interpreter", "cpu, memory and file-size limits", "timeout"]
    workdir = Path(tempfile.mkdtemp(prefix="offhours-run-"))
    cgroup = _make_cgroup()
    try:
        (workdir / "submission.py").write_text(code, encoding="utf-8")
        (workdir / "test_hidden.py").write_text(tests, encoding="utf-8")
        for name, data in (support or {}).items():
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        driver = resources.files("offhours.practice").joinpath("driver.py").read_text(encoding="utf-8")
        (workdir / "_driver.py").write_text(driver, encoding="utf-8")
        python = [sys.executable, "-I", str(workdir / "_driver.py"), str(workdir)]
        if flags:
            mounts = " && ".join(f"mount -t tmpfs -o size=1m tmpfs {_quote(p)}" for p in hide if p.exists())
            # Loopback only (a project may serve and call its own HTTP API); no route anywhere else.
            ip = shutil.which("ip") or shutil.which("ip", path="/usr/sbin:/sbin")
            loopback = f"{_quote(ip)} link set lo up 2>/dev/null; " if ip else ""
            script = loopback + (mounts + " && " if mounts else "") + "exec " + " ".join(_quote(a) for a in python)
            argv = ["unshare", *flags, "sh", "-c", script]
            isolation += ["no network", "own process space", "data folder hidden"]
        else:
            argv = python
            if missing:
                isolation.append(missing)
        isolation.append("process cap (cgroup)" if cgroup else
                         "process cap (rlimit)" if os.geteuid() != 0 else "no process cap: run as a normal user")
        env = {"PATH": "/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
               "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
        with open(workdir / "output.log", "wb") as log:
            proc = subprocess.Popen(argv, cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    preexec_fn=lambda: _limits(cgroup, max(CPU_SECONDS, int(timeout) * 2)))
            try:
                returncode: int | None = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                returncode = None
            finally:
                with contextlib.suppress(OSError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        return _verdict(workdir, returncode, timeout, isolation, time.monotonic() - started)
    finally:
        _remove_cgroup(cgroup)
        shutil.rmtree(workdir, ignore_errors=True)


def _quote(text: str | Path) -> str:
    return "'" + str(text).replace("'", "'\\''") + "'"


def _verdict(workdir: Path, returncode: int | None, timeout: float, isolation: list[str],
             seconds: float) -> RunResult:
    results_file = workdir / "results.json"
    if returncode is None:
        return RunResult("error", f"timed out after {timeout:g} s: an infinite loop, or far too slow", [],
                         isolation, seconds)
    if results_file.exists():
        try:
            data = json.loads(results_file.read_text(encoding="utf-8"))
            return RunResult(data["status"], data["message"], data["tests"], isolation, seconds)
        except (ValueError, KeyError):
            pass
    tail = (workdir / "output.log").read_bytes()[-300:].decode(errors="replace").strip()
    if returncode < 0 or returncode > 128:
        number = -returncode if returncode < 0 else returncode - 128
        reasons = {int(signal.SIGKILL): "was killed (a memory or process limit, or the code killed itself)",
                   int(signal.SIGXCPU): "was stopped: it used too much CPU time",
                   int(signal.SIGXFSZ): "was stopped: it wrote a file larger than allowed",
                   int(signal.SIGSEGV): "crashed (segmentation fault)"}
        message = "the test process " + reasons.get(number, f"ended on signal {number}")
    else:
        message = f"the code ended the test process (exit status {returncode}) before the tests finished"
    return RunResult("error", message + (f"; last output: {tail}" if tail else ""), [], isolation, seconds)
