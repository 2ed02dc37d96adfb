"""Exercises: every shipped one is sound (solution passes, starter fails, in time), and the CLI flow works."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

from offhours.catalog import default_catalog
from offhours.practice.sandbox import run_tests

CATALOG = default_catalog()


@pytest.mark.parametrize("slug", sorted(CATALOG.exercises))
def test_reference_solution_passes_and_starter_fails(slug: str) -> None:
    exercise = CATALOG.exercises[slug]
    missing = [m for m in exercise.meta.requires if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs {missing} (the ml extra)")
    solved = run_tests(exercise.solution, exercise.tests, timeout=exercise.meta.timeout, support=exercise.support)
    assert solved.status == "pass", (solved.message, [t for t in solved.tests if t["status"] != "pass"])
    assert len(solved.tests) >= 3, "at least three tests"
    assert solved.seconds < exercise.meta.timeout
    started = run_tests(exercise.starter, exercise.tests, timeout=exercise.meta.timeout, support=exercise.support)
    assert started.status != "pass", "the starter must not pass its own tests"
    assert 2 <= len(exercise.hints) <= 4 and "## " not in exercise.readme[:2]


def test_exercise_flow(cli: Callable[..., Run], home: Home, profile_file: Path, tmp_path: Path) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    listed = json.loads(cli("exercise", "list", "--json").stdout)
    assert any(e["slug"] == "numpy-standardize-columns" and e["status"] == "new" for e in listed)
    assert cli("exercise", "test", "numpy-standardize-columns").exit_code == 2  # not started
    started = cli("exercise", "start", "numpy-standardize-columns", "--dir", str(tmp_path / "work"))
    assert started.exit_code == 0, started.stderr
    path = tmp_path / "work" / "numpy-standardize-columns" / "numpy-standardize-columns.py"
    assert path.read_text().startswith("import numpy as np")

    failing = json.loads(cli("exercise", "test", "numpy-standardize-columns", "--json").stdout)
    assert failing["version"] == 3 and failing["status"] == "error"
    assert "NotImplementedError" in failing["tests"][0]["message"]
    hint = cli("exercise", "hint", "numpy-standardize-columns")
    assert "Hint 1/3" in hint.stdout
    refused = cli("exercise", "solution", "numpy-standardize-columns")
    assert refused.exit_code == 2 and "--give-up" in refused.stderr

    path.write_text(CATALOG.exercises["numpy-standardize-columns"].solution)
    result = cli("exercise", "submit", "numpy-standardize-columns")
    assert result.exit_code == 0 and "All tests pass" in result.stdout
    assert "def standardize" in cli("exercise", "solution", "numpy-standardize-columns").stdout
    assert json.loads(cli("exercise", "list", "--json").stdout)[0]["status"] in ("passed", "new", "started")
    assert home.count("exercise_attempts") == 1


def test_notebook_start_and_test(cli: Callable[..., Run], home: Home, profile_file: Path, tmp_path: Path) -> None:
    import nbformat

    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    assert cli("exercise", "start", "numpy-standardize-columns", "--dir", str(tmp_path), "--notebook").exit_code == 0
    path = tmp_path / "numpy-standardize-columns" / "numpy-standardize-columns.ipynb"
    book = nbformat.read(str(path), as_version=4)
    assert [c.cell_type for c in book.cells] == ["markdown", "code"]
    book.cells[1].source = CATALOG.exercises["numpy-standardize-columns"].solution
    nbformat.write(book, str(path))
    assert json.loads(cli("exercise", "test", "numpy-standardize-columns", "--json").stdout)["status"] == "pass"


def test_the_exercise_track_is_complete() -> None:
    assert len(CATALOG.exercises) >= 40
    difficulties = {e.meta.difficulty for e in CATALOG.exercises.values()}
    assert min(difficulties) <= 2 and max(difficulties) >= 6, "a track of rising difficulty"
    assert len(CATALOG.projects) >= 6
    orders = [p.meta.order for p in CATALOG.projects.values()]
    assert len(orders) == len(set(orders)), "projects grow in complexity in a single order"
