"""`offhours plan`, `today`, `now`, `done`, `skip`, `log` and `plan export` on a real home."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import PROFILE, Home, Run

from test_ics import EDGE_CASES


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-01T06:00:00+00:00")  # a Tuesday, before the commute
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def plan(cli: Callable[..., Run], *args: str) -> dict:  # type: ignore[type-arg]
    result = cli("plan", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_plan_json_shape_and_promises(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    data = plan(cli)
    assert data["timezone"] == "Europe/London" and data["blocks"] and data["milestones"]
    first = data["blocks"][0]
    assert set(first) >= {"id", "start", "end", "topic", "activity", "context", "resource", "milestone", "status"}
    assert first["start"] == "2026-12-01T07:40:00+00:00" and first["context"] == "commute"
    assert all(b["activity"] in ("learn", "review", "exercise", "project", "quiz") for b in data["blocks"])
    london = ZoneInfo("Europe/London")
    for b in data["blocks"]:
        start = datetime.fromisoformat(b["start"]).astimezone(london)
        assert start.strftime("%a") != "Sun"  # rest day
        if b["context"] == "commute":
            assert "07:40" <= start.strftime("%H:%M") < "08:20" and b["activity"] == "learn"
    m = data["milestones"][0]
    assert set(m) >= {"id", "title", "goal", "deadline", "planned_finish", "feasible", "shortfall_minutes"}
    assert m["goal"] == 1 and m["id"].startswith("m-1-")
    assert data["milestones"][-1]["deadline"] == "2027-05-31"
    assert isinstance(data["unscheduled_minutes"], int)


def test_an_impossible_deadline_is_said_plainly(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    result = cli("plan")
    assert result.exit_code == 0
    assert "Not every deadline can be met" in result.stdout and "min/week" in result.stdout
    data = plan(cli)
    late = [m for m in data["milestones"] if not m["feasible"]]
    assert late and all(m["shortfall_minutes"] > 0 and m["earliest_date"] > m["deadline"] for m in late)


def test_done_skip_log_and_replanning(cli: Callable[..., Run], home: Home, learner: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    data = plan(cli)
    first, second = data["blocks"][0], data["blocks"][1]
    today = json.loads(cli("today", "--json").stdout)
    assert [b["id"] for b in today["blocks"]] == [b["id"] for b in data["blocks"]
                                                  if b["start"].startswith("2026-12-01")]
    assert cli("done", first["id"]).exit_code == 0
    again = cli("done", first["id"])
    assert again.exit_code == 2 and "already done" in again.stderr
    assert cli("skip", "b-nope").exit_code == 2
    assert home.count("study_log") == 1

    # A day later the second block was neither done nor skipped: today asks, the next plan counts it missed.
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-02T12:00:00+00:00")
    asked = json.loads(cli("today", "--json").stdout)
    assert second["id"] in [b["id"] for b in asked["unconfirmed"]]
    replanned = plan(cli)
    by_id = {b["id"]: b for b in replanned["blocks"]}
    assert by_id[first["id"]]["status"] == "done" and by_id[second["id"]]["status"] == "missed"
    future_before = {b["id"]: b["start"] for b in data["blocks"] if b["start"] >= "2026-12-03"}
    future_after = {b["id"]: b["start"] for b in replanned["blocks"] if b["start"] >= "2026-12-03"}
    kept = sum(1 for i, s in future_after.items() if future_before.get(i) == s)
    assert kept >= 0.5 * len(future_before), "a replan keeps most of the future as it was"

    assert cli("log", "--topic", "python-basics", "--minutes", "45", "--note", "read ch. 3").exit_code == 0
    bad = cli("log", "--topic", "python-basics", "--minutes", "45", "--date", "2027-01-01")
    assert bad.exit_code == 2 and "in the future" in bad.stderr
    assert cli("log", "--topic", "nope", "--minutes", "5").exit_code == 2
    assert home.count("study_log") == 2


def test_now_suggests_work_that_fits(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    commute = json.loads(cli("now", "--minutes", "20", "--where", "commute", "--json").stdout)
    assert commute and all(s["activity"] == "learn" and s["resource"] for s in commute)
    desk = json.loads(cli("now", "--minutes", "45", "--json").stdout)
    assert desk[0]["topic"] in ("command-line-basics", "python-basics")
    assert cli("now", "--minutes", "20", "--where", "beach").exit_code == 2


def test_plan_export_is_a_calendar_that_updates_in_place(cli: Callable[..., Run], home: Home, learner: Path,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("plan", "export", str(tmp_path / "none.ics")).exit_code == 2  # no plan yet
    data = plan(cli)
    out = tmp_path / "plan.ics"
    assert cli("plan", "export", str(out)).exit_code == 0
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len([b for b in data["blocks"] if b["status"] == "planned"])
    uids = {str(e["UID"]) for e in events}
    assert f"{data['blocks'][0]['id']}@offhours" in uids and len(uids) == len(events)
    assert all(int(e["SEQUENCE"]) == 0 for e in events)
    assert "Resource:" in str(events[0]["DESCRIPTION"])

    # Skip the first block; then a meeting lands on the first Saturday: ids stay, moved events get a
    # higher SEQUENCE, the skipped one is cancelled.
    assert cli("skip", data["blocks"][0]["id"]).exit_code == 0
    saturday = next(b for b in data["blocks"] if b["start"].startswith("2026-12-05"))
    meeting = EDGE_CASES.replace(b"20261019T093000", b"20261205T090000").replace(
        b"20261019T094500", b"20261205T100000").replace(b"COUNT=10", b"COUNT=1").replace(
        b"BYDAY=MO,TU,WE,TH,FR", b"BYDAY=SA")
    (tmp_path / "work.ics").write_bytes(meeting)
    assert cli("calendar", "import", str(tmp_path / "work.ics")).exit_code == 0
    plan(cli)
    assert cli("plan", "export", str(out)).exit_code == 0
    again = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert str(again[f"{data['blocks'][0]['id']}@offhours"]["STATUS"]) == "CANCELLED"
    moved = again[f"{saturday['id']}@offhours"]
    assert int(moved["SEQUENCE"]) == 1 and moved["DTSTART"].dt > datetime.fromisoformat(saturday["start"])


def test_busy_calendar_time_is_never_planned(cli: Callable[..., Run], home: Home, learner: Path,
                                             tmp_path: Path) -> None:
    meeting = EDGE_CASES.replace(b"20261019T093000", b"20261205T090000").replace(
        b"20261019T094500", b"20261205T100000").replace(b"COUNT=10", b"COUNT=1").replace(
        b"BYDAY=MO,TU,WE,TH,FR", b"BYDAY=SA")
    (tmp_path / "work.ics").write_bytes(meeting)
    assert cli("calendar", "import", str(tmp_path / "work.ics")).exit_code == 0
    blocks = plan(cli, "--weeks", "2")["blocks"]
    saturday = [b for b in blocks if b["start"].startswith("2026-12-05")]
    assert saturday and all(b["start"] >= "2026-12-05T10:10" for b in saturday)  # the meeting plus a buffer


@pytest.mark.parametrize(("zone", "now", "first_local"), [
    ("Europe/London", "2026-03-23T05:00:00+00:00", "07:40"),
    ("America/New_York", "2026-03-02T10:00:00+00:00", "07:40"),
])
def test_dst_weeks_keep_wall_clock_slots(cli: Callable[..., Run], home: Home, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, zone: str, now: str,
                                         first_local: str) -> None:
    monkeypatch.setenv("OFFHOURS_NOW", now)
    profile = tmp_path / "p.toml"
    profile.write_text(PROFILE.replace('timezone = "Europe/London"', f'timezone = "{zone}"')
                       .replace('start_date = "2026-12-01"\n', ""))
    assert cli("init", "--profile", str(profile)).exit_code == 0
    blocks = plan(cli, "--weeks", "2")["blocks"]
    tz = ZoneInfo(zone)
    commutes = [datetime.fromisoformat(b["start"]) for b in blocks if b["context"] == "commute"]
    offsets = {c.utcoffset() for c in commutes}
    assert len(offsets) == 2, "the two weeks straddle the clock change"
    firsts: dict[str, str] = {}
    for c in commutes:
        firsts.setdefault(c.astimezone(tz).date().isoformat(), c.astimezone(tz).strftime("%H:%M"))
    assert set(firsts.values()) == {first_local}
