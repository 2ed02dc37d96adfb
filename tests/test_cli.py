"""The CLI as a user meets it: init from a file or by questions, profile show, errors as one line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROFILE, Home, Run, shared_file


def test_init_from_profile_then_show(cli: Callable[..., Run], home: Home, profile_file: Path) -> None:
    result = cli("init", "--profile", str(profile_file))
    assert result.exit_code == 0, result.stderr
    assert "Saved the profile of Test learner" in result.stdout
    assert home.db.exists()

    shown = cli("profile", "show")
    assert shown.exit_code == 0
    for words in ("Test learner", "Europe/London", "apply-at-work", "2027-05-31", "300 min/week",
                  "07:40-08:20", "commute", "09:00-17:30", "rest days: sun", "domain: finance"):
        assert words in shown.stdout, words

    data = json.loads(cli("profile", "show", "--json").stdout)
    assert data["goals"] == [{"kind": "apply-at-work", "title": "Use ML for card-fraud detection at work",
                              "deadline": "2027-05-31"}]
    assert data["availability"]["work_hours"] == "09:00-17:30"
    assert data["availability"]["slots"][0] == {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "07:40",
                                                "end": "08:20", "context": "commute"}
    assert data["style"] == {"visual": 0.4, "auditory": 0.3, "reading": 0.1, "kinesthetic": 0.2}
    assert data["start_date"] == "2026-12-01" and data["created_at"].startswith("2026-11-25T12:00:00")


def test_init_with_the_shared_example(cli: Callable[..., Run], home: Home) -> None:
    path = shared_file("profiles/example.toml")
    assert cli("init", "--profile", str(path)).exit_code == 0
    assert json.loads(cli("profile", "show", "--json").stdout)["timezone"] == "America/Chicago"


def test_reinit_asks_first_and_force_skips(cli: Callable[..., Run], home: Home, profile_file: Path) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    profile_file.write_text(PROFILE.replace('name = "Test learner"', 'name = "Second"'))

    declined = cli("init", "--profile", str(profile_file), input="n\n")
    assert "already lives here" in declined.stdout
    assert declined.exit_code == 130 and "nothing was saved" in declined.stderr
    assert json.loads(cli("profile", "show", "--json").stdout)["name"] == "Test learner"

    assert cli("init", "--profile", str(profile_file), input="y\n").exit_code == 0
    assert json.loads(cli("profile", "show", "--json").stdout)["name"] == "Second"
    profile_file.write_text(PROFILE.replace('name = "Test learner"', 'name = "Third"'))
    assert cli("init", "--profile", str(profile_file), "--force").exit_code == 0
    assert json.loads(cli("profile", "show", "--json").stdout)["name"] == "Third"
    assert home.count("learners") == 1 and home.count("goals") == 1


def test_demo_sets_up_the_example_learner(cli: Callable[..., Run], home: Home) -> None:
    assert cli("demo").exit_code == 0
    data = json.loads(cli("profile", "show", "--json").stdout)
    assert data["domain"] == "finance" and data["timezone"] == "Europe/London"
    assert data["goals"][0]["deadline"] == "2027-05-26"  # 26 weeks after the pinned today


@pytest.mark.parametrize(("old", "new", "expected"), [
    (None, None, "profile file not found"),
    ("[[goals]]", "[[goals]", "TOML syntax error"),
    ('kind = "apply-at-work"', 'kind = "get-rich"', ":14: goals[1].kind: unknown value 'get-rich'"),
    ('deadline = "2027-05-31"', 'deadline = "2026-01-31"', ":16: goals[1].deadline: deadline 2026-01-31 is not"),
    ('work_hours = "09:00-17:30"', 'work_hours = "25:00-17:00"', ":24: availability.work_hours: hour must be"),
    ('timezone = "Europe/London"', 'timezone = "Nowhere/City"', ":2: timezone: unknown timezone"),
    ('days = ["sat"]\nstart = "09:00"', 'days = ["mon"]\nstart = "08:00"', ":26: availability.slots: slots 1 and 2"),
    ('mode = "structured"', 'mode = "structured"\ncolour = "blue"', ":5: colour: unknown key"),
])
def test_bad_profiles_exit_2_with_one_line_and_write_nothing(
    cli: Callable[..., Run], home: Home, profile_file: Path, old: str | None, new: str | None, expected: str
) -> None:
    if old is None:
        profile_file.unlink()
    else:
        profile_file.write_text(PROFILE.replace(old, new or ""))
    result = cli("init", "--profile", str(profile_file))
    assert result.exit_code == 2
    assert result.stdout == ""
    line = result.stderr.rstrip("\n")
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"error: {profile_file}")
    assert expected in line
    assert not home.db.exists(), "a rejected profile must not create the database"


def test_commands_before_init_say_what_to_do(cli: Callable[..., Run], home: Home) -> None:
    result = cli("profile", "show")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no learner here yet: run `offhours init` (or `offhours demo`) first"


def test_usage_errors_are_one_line(cli: Callable[..., Run], home: Home) -> None:
    result = cli("init", "--no-such-flag")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "No such option" in result.stderr


def test_debug_shows_the_traceback(cli: Callable[..., Run], home: Home, tmp_path: Path) -> None:
    result = cli("--debug", "init", "--profile", str(tmp_path / "missing.toml"))
    assert result.exit_code == 1
    assert result.exception is not None and "profile file not found" in str(result.exception)


ANSWERS = [
    "Ana",                # name
    "Europe/Lisbon",      # timezone
    "9",                  # goal: a bad choice, asked again
    "1",                  # goal: build-and-deploy
    "",                   # title: default
    "2027-06-30",         # deadline
    "1",                  # domain: finance
    "6",                  # hours per week
    "",                   # max minutes per day: default
    "mon-fri",            # work days
    "",                   # work hours: default 09:00-17:30
    "",                   # no calendar
    "sun",                # rest days
    "07:40-08:20",        # commute
    "25:00-26:00",        # lunch: invalid, asked again
    "12:30-13:00",        # lunch
    "",                   # evening: none
    "sat",                # another slot: saturday
    "09:00-11:00",        # time
    "desk",               # context
    "",                   # no more slots
    "self-directed",      # mode
    "y",                  # save
]


def test_interactive_init(cli: Callable[..., Run], home: Home) -> None:
    result = cli("init", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "choose a number 1-5" in result.stdout
    assert "hour must be 00-23" in result.stdout
    data = json.loads(cli("profile", "show", "--json").stdout)
    assert data["name"] == "Ana" and data["timezone"] == "Europe/Lisbon" and data["mode"] == "self-directed"
    assert data["goals"][0]["kind"] == "build-and-deploy" and data["goals"][0]["deadline"] == "2027-06-30"
    assert data["domain"] == "finance"
    avail = data["availability"]
    assert avail["weekly_minutes"] == 360 and avail["max_daily_minutes"] == 90
    assert avail["work_hours"] == "09:00-17:30" and avail["rest_days"] == ["sun"]
    assert [(s["context"], s["start"], s["days"]) for s in avail["slots"]] == [
        ("commute", "07:40", ["mon", "tue", "wed", "thu", "fri"]),
        ("lunch", "12:30", ["mon", "tue", "wed", "thu", "fri"]),
        ("desk", "09:00", ["sat"]),
    ]


def test_interrupted_interactive_init_saves_nothing(cli: Callable[..., Run], home: Home) -> None:
    # The input ends half-way, as when the learner presses Ctrl-C (click reports both as an abort).
    result = cli("init", input="\n".join(ANSWERS[:8]) + "\n")
    assert result.exit_code == 130
    assert "nothing was saved" in result.stderr
    assert home.count("learners") == 0


def test_python_dash_m_works(home: Home) -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "offhours", "--help"], capture_output=True, text=True, check=True)
    assert "study coach" in out.stdout
