"""`offhours calendar`: import replaces the stored calendar, a bad file changes nothing, problems are named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROFILE, Home, Run, shared_file

from test_ics import EDGE_CASES


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path) -> Path:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def test_import_show_and_clear(cli: Callable[..., Run], home: Home, learner: Path, tmp_path: Path) -> None:
    edge = tmp_path / "work.ics"
    edge.write_bytes(EDGE_CASES)
    result = cli("calendar", "import", str(edge), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == "work.ics" and data["unreadable_series"] == []
    assert data["busy_events_next_4_weeks"] == 0  # the pinned "now" is after these events
    assert home.count("calendars") == 1

    bad = tmp_path / "bad.ics"
    bad.write_text("this is not a calendar")
    refused = cli("calendar", "import", str(bad))
    assert refused.exit_code == 2 and refused.stderr.startswith(f"error: {bad}: not a valid iCalendar file")
    assert json.loads(cli("calendar", "show", "--json").stdout)["name"] == "work.ics"

    assert cli("calendar", "clear").exit_code == 0 and home.count("calendars") == 0
    assert "No work calendar stored" in cli("calendar", "show").stdout


def test_unreadable_series_is_named(cli: Callable[..., Run], home: Home, learner: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = shared_file("data/calendars/icalendar__issue_165_missing_event.ics")
    monkeypatch.setenv("OFFHOURS_NOW", "2015-07-01T00:00:00+00:00")
    result = cli("calendar", "import", str(path))
    assert result.exit_code == 0
    assert "Could not read the recurrence of 'Sprint 25 Daily Standup'" in result.stdout
    assert "10:00-10:30 every day from 2015-07-03 to 2015-07-22" in result.stdout


def test_init_stores_the_profiles_work_calendar(cli: Callable[..., Run], home: Home, tmp_path: Path) -> None:
    (tmp_path / "work.ics").write_bytes(EDGE_CASES)
    profile = tmp_path / "p.toml"
    profile.write_text(PROFILE.replace('work_hours = "09:00-17:30"', 'work_hours = "09:00-17:30"\n'
                                                                     'work_calendar = "work.ics"'))
    assert cli("init", "--profile", str(profile)).exit_code == 0
    assert home.count("calendars") == 1
    shown = json.loads(cli("profile", "show", "--json").stdout)
    assert shown["availability"]["work_calendar"] == str((tmp_path / "work.ics").resolve())

    (tmp_path / "work.ics").write_text("garbage")
    refused = cli("init", "--profile", str(profile), "--force")
    assert refused.exit_code == 2 and "not a valid iCalendar file" in refused.stderr


def test_calendar_needs_a_learner(cli: Callable[..., Run], home: Home, tmp_path: Path) -> None:
    (tmp_path / "work.ics").write_bytes(EDGE_CASES)
    result = cli("calendar", "import", str(tmp_path / "work.ics"))
    assert result.exit_code == 2 and "no learner here yet" in result.stderr
