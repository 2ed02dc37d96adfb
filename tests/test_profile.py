"""The profile file (DESIGN.md §4): every key is read, every kind of bad input is named precisely."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from conftest import NOW, PROFILE, shared_file

from offhours.errors import InputError
from offhours.profile import parse_days, parse_profile, parse_time_range, profile_from_dict


def parse(text: str, base_dir: Path | None = None):  # type: ignore[no-untyped-def]
    return parse_profile(text, source="p.toml", now=NOW, base_dir=base_dir)


def test_every_key_is_read() -> None:
    p = parse(PROFILE)
    assert (p.name, p.timezone, p.start_date, p.mode, p.domain) == (
        "Test learner", "Europe/London", date(2026, 12, 1), "structured", "finance")
    assert p.style is not None and (p.style.visual, p.style.auditory, p.style.reading, p.style.kinesthetic) == (
        0.4, 0.3, 0.1, 0.2)
    goal = p.goals[0]
    assert (goal.kind, goal.title, goal.deadline) == (
        "apply-at-work", "Use ML for card-fraud detection at work", date(2027, 5, 31))
    a = p.availability
    assert (a.weekly_minutes, a.max_daily_minutes, a.block_minutes) == (300, 90, (30, 60))
    assert a.rest_days == ["sun"] and a.work_days == ["mon", "tue", "wed", "thu", "fri"]
    assert a.work_hours == (time(9, 0), time(17, 30))
    assert a.buffer_minutes == 10  # the default
    assert parse(PROFILE.replace("block_minutes", "buffer_minutes = 5\nblock_minutes")).availability.buffer_minutes == 5
    assert [(s.days, s.start, s.end, s.context) for s in a.slots] == [
        (["mon", "tue", "wed", "thu", "fri"], time(7, 40), time(8, 20), "commute"),
        (["sat"], time(9, 0), time(12, 0), "desk"),
    ]


def test_the_shared_example_profile_parses() -> None:
    path = shared_file("profiles/example.toml")
    p = parse_profile(path.read_text(), source=str(path), now=NOW)
    assert p.timezone == "America/Chicago" and p.domain == "marketing"
    assert len(p.availability.slots) == 4


def test_work_calendar_is_relative_to_the_profile(tmp_path: Path) -> None:
    (tmp_path / "work.ics").write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    text = PROFILE.replace('work_hours = "09:00-17:30"', 'work_hours = "09:00-17:30"\nwork_calendar = "work.ics"')
    p = parse(text, base_dir=tmp_path)
    assert p.availability.work_calendar == (tmp_path / "work.ics").resolve()


def test_toml_dict_round_trips() -> None:
    p = parse(PROFILE)
    data = p.to_toml_dict()
    assert data["availability"]["work_hours"] == "09:00-17:30"
    assert data["availability"]["slots"][0]["start"] == "07:40"
    assert profile_from_dict(data, source="again", now=NOW) == p


BAD = [
    # (replace this, with this, expected line, expected words)
    ('kind = "apply-at-work"', 'kind = "get-rich"', 14, "goals[1].kind: unknown value 'get-rich'"),
    ('deadline = "2027-05-31"', 'deadline = "2025-05-31"', 16, "goals[1].deadline: deadline 2025-05-31 is not in"),
    ('work_hours = "09:00-17:30"', 'work_hours = "25:00-17:00"', 24, "availability.work_hours: hour must be 00-23"),
    ('timezone = "Europe/London"', 'timezone = "Europe/Londn"', 2, "timezone: unknown timezone 'Europe/Londn'"),
    ('start = "09:00"', 'start = "08:00"\nfoo = 1', 35, "availability.slots[2].foo: unknown key"),
    ('days = ["sat"]\nstart = "09:00"', 'days = ["mon"]\nstart = "08:00"', 26,
     "availability.slots: slots 1 and 2 overlap on mon"),
    ('rest_days = ["sun"]', 'rest_days = ["sat"]', 26, "slot 2 falls on rest day sat"),
    ('end = "08:20"', 'end = "07:20"', 26, "end 07:20 must be after start 07:40"),
    ('weekly_minutes = 300', 'weekly_minutes = "lots"', 19, "availability.weekly_minutes: Input should be"),
    ('domain = "finance"', 'domain = "astrology"', 5, "domain: unknown domain 'astrology'"),
    ('block_minutes = [30, 60]', 'block_minutes = [60, 30]', 21, "availability.block_minutes: expected [shortest"),
    ('name = "Test learner"\n', 'nickname = "T"\n', 1, "name: missing required key"),
    ('context = "desk"', 'context = "sofa"', 36, "availability.slots[2].context: unknown value 'sofa'"),
]


@pytest.mark.parametrize(("old", "new", "line", "words"), BAD, ids=[b[3].split(":")[0] for b in BAD])
def test_bad_profiles_name_file_line_and_key(old: str, new: str, line: int, words: str) -> None:
    text = PROFILE.replace(old, new)
    assert text != PROFILE
    with pytest.raises(InputError) as caught:
        parse(text)
    message = str(caught.value)
    assert "\n" not in message
    assert words in message
    if line == 1 and "missing" in words:
        assert message.startswith("p.toml")
    else:
        assert message.startswith(f"p.toml:{line}: "), message


def test_toml_syntax_error_gives_its_line() -> None:
    with pytest.raises(InputError, match=r"p.toml: TOML syntax error: .*line 13"):
        parse(PROFILE.replace("[[goals]]", "[[goals]"))


def test_missing_calendar_file_is_named(tmp_path: Path) -> None:
    text = PROFILE.replace('work_hours = "09:00-17:30"', 'work_hours = "09:00-17:30"\nwork_calendar = "nope.ics"')
    with pytest.raises(InputError, match=r"availability.work_calendar: calendar file not found: .*nope.ics"):
        parse(text, base_dir=tmp_path)


def test_deadline_must_follow_start_date() -> None:
    with pytest.raises(InputError, match="is not after start_date"):
        parse(PROFILE.replace('start_date = "2026-12-01"', 'start_date = "2027-06-01"'))


@pytest.mark.parametrize(("text", "days"), [
    ("mon-fri", ["mon", "tue", "wed", "thu", "fri"]),
    ("sat,sun", ["sat", "sun"]),
    ("fri-mon", ["mon", "fri", "sat", "sun"]),
    ("none", []),
])
def test_parse_days(text: str, days: list[str]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["9-5", "17:00-09:00", "09:60-10:00", "24:00-25:00"])
def test_parse_time_range_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time_range(text)
