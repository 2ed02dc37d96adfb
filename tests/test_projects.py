"""Guided projects: every reference passes its check and every starter fails it; the CLI flow works."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

from offhours.catalog import default_catalog
from offhours.practice.sandbox import run_tests

CATALOG = default_catalog()


def _needs(requires: tuple[str, ...]) -> None:
    missing = [m for m in requires if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs {missing}")


@pytest.mark.parametrize("slug", sorted(CATALOG.projects))
def test_reference_passes_and_starter_fails(slug: str) -> None:
    project = CATALOG.projects[slug]
    _needs(project.meta.requires)
    done = run_tests("", project.check, timeout=project.meta.timeout, support=project.reference)
    assert done.status == "pass", (done.message, [t for t in done.tests if t["status"] != "pass"])
    assert len(done.tests) >= 3
    fresh = run_tests("", project.check, timeout=project.meta.timeout, support=project.starter)
    assert fresh.status != "pass"
    for section in ("## Milestones", "## Rubric"):
        assert section in project.brief


def test_project_flow(cli: Callable[..., Run], home: Home, profile_file: Path, tmp_path: Path) -> None:
    project = CATALOG.projects["tabular-breast-cancer"]
    _needs(project.meta.requires)
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    assert json.loads(cli("project", "list", "--json").stdout)[0]["slug"] == "tabular-breast-cancer"
    assert cli("project", "start", "tabular-breast-cancer", "--dir", str(tmp_path)).exit_code == 0
    folder = tmp_path / "tabular-breast-cancer"
    assert {"BRIEF.md", "project.py", "REPORT.md", ".gitignore"} <= {p.name for p in folder.iterdir()}
    if shutil.which("git"):
        assert (folder / ".git").is_dir()
    failing = json.loads(cli("project", "check", "tabular-breast-cancer", "--json").stdout)
    assert failing["status"] != "pass"
    for name, data in project.reference.items():
        (folder / name).write_bytes(data)
    passing = json.loads(cli("project", "check", "tabular-breast-cancer", "--json").stdout)
    assert passing["status"] == "pass", passing
    assert json.loads(cli("project", "list", "--json").stdout)[0]["status"] == "passed"
