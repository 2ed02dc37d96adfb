"""Export → import into an empty home → export gives the same data; bad exports change nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Home, Run

from offhours.store.transfer import schema_version


def _export(cli: Callable[..., Run], path: Path) -> dict[str, Any]:
    result = cli("export", str(path))
    assert result.exit_code == 0, result.stderr
    return json.loads(path.read_text())


def test_round_trip(cli: Callable[..., Run], home: Home, profile_file: Path, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    first = _export(cli, tmp_path / "first.json")
    assert first["format"] == "offhours-export" and first["schema_version"] == schema_version()
    assert {"app_version", "exported_at"} <= set(first)
    assert first["tables"]["learners"][0]["name"] == "Test learner"
    assert len(first["tables"]["slots"]) == 2

    monkeypatch.setenv("OFFHOURS_HOME", str(tmp_path / "empty-home"))
    result = cli("import", str(tmp_path / "first.json"))
    assert result.exit_code == 0, result.stderr
    assert "imported 5 rows" in result.stdout
    second = _export(cli, tmp_path / "second.json")
    assert second["tables"] == first["tables"]
    shown = cli("profile", "show", "--json")
    assert json.loads(shown.stdout)["name"] == "Test learner"


def test_dry_run_and_replace(cli: Callable[..., Run], home: Home, profile_file: Path, tmp_path: Path) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    doc = _export(cli, tmp_path / "x.json")
    doc["tables"]["learners"][0]["name"] = "From the file"
    (tmp_path / "x.json").write_text(json.dumps(doc))

    dry = cli("import", str(tmp_path / "x.json"), "--dry-run")
    assert dry.exit_code == 0 and "would import" in dry.stdout
    refused = cli("import", str(tmp_path / "x.json"))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert json.loads(cli("profile", "show", "--json").stdout)["name"] == "Test learner"

    assert cli("import", str(tmp_path / "x.json"), "--force").exit_code == 0
    assert json.loads(cli("profile", "show", "--json").stdout)["name"] == "From the file"


def _corrupt(original: dict[str, Any], how: str) -> str:
    doc = copy.deepcopy(original)
    tables = doc["tables"]
    if how == "not-json":
        return '{"format": "offhours-export",\n "tables": [}'
    if how == "format":
        doc["format"] = "something-else"
    elif how == "schema":
        doc["schema_version"] = 999
    elif how == "table":
        tables["cats"] = []
    elif how == "column":
        tables["goals"][0]["colour"] = "red"
    elif how == "date":
        tables["goals"][0]["deadline"] = "31/05/2027"
    elif how == "null":
        tables["learners"][0]["name"] = None
    elif how == "orphan":
        tables["goals"][0]["learner_id"] = 99
    elif how == "profile":
        tables["learners"][0]["mode"] = "chaos"
    elif how == "naive-time":
        tables["learners"][0]["created_at"] = "2026-11-25T12:00:00"
    return json.dumps(doc, indent=1)


CORRUPTIONS = {
    "not-json": ":2:13: not valid JSON",
    "format": "format: expected 'offhours-export'",
    "schema": f"schema_version: this offhours reads version {schema_version()}",
    "table": "unknown table(s) cats",
    "column": "tables.goals[0]: unknown column(s) colour",
    "date": "tables.goals[0].deadline: invalid date '31/05/2027'",
    "null": "tables.learners[0].name: must not be null",
    "orphan": "rows do not fit together",
    "profile": "the learner profile is invalid at mode",
    "naive-time": "tables.learners[0].created_at: invalid utcdatetime",
}


@pytest.mark.parametrize("how", list(CORRUPTIONS))
def test_corrupt_exports_are_refused_whole(cli: Callable[..., Run], home: Home, profile_file: Path,
                                           tmp_path: Path, how: str) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    doc = _export(cli, tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    bad.write_text(_corrupt(doc, how))
    before = (home.count("learners"), home.count("goals"), home.count("slots"))

    for extra in ([], ["--dry-run"]):
        result = cli("import", str(bad), "--force", *extra)
        assert result.exit_code == 2, (result.stdout, result.stderr)
        line = result.stderr.strip()
        assert "\n" not in line and "Traceback" not in line
        assert line.startswith("error: ") and str(bad) in line
        assert CORRUPTIONS[how] in line
    assert (home.count("learners"), home.count("goals"), home.count("slots")) == before
    assert _export(cli, tmp_path / "after.json")["tables"] == doc["tables"]


def test_missing_import_file(cli: Callable[..., Run], home: Home, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.json'}: file not found"
    assert not home.db.exists()
