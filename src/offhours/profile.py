"""The learner's profile: who they are, what they aim for, and when they can study.

The models here are the single definition of the profile schema (DESIGN.md §4). The TOML file, the
interactive onboarding, the database and the export all go through them, so a rule is written once.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from offhours.errors import InputError

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GoalKindName = Literal["build-and-deploy", "apply-at-work", "career-change", "foundations", "personal-project"]
GOAL_KINDS: tuple[GoalKindName, ...] = (
    "build-and-deploy", "apply-at-work", "career-change", "foundations", "personal-project",
)
Context = Literal["commute", "lunch", "desk", "evening", "weekend"]
CONTEXTS: tuple[Context, ...] = ("commute", "lunch", "desk", "evening", "weekend")
Mode = Literal["structured", "self-directed"]
DOMAINS = ("finance", "healthcare", "marketing", "software-engineering", "operations")

_TIME_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_clock(text: str) -> time:
    """Parse "HH:MM" (24-hour clock) into a time, with a message that says what is wrong."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not match:
        raise ValueError(f"expected a time as HH:MM, got {text!r}")
    return _clock(int(match[1]), int(match[2]), text)


def _clock(hour: int, minute: int, text: str) -> time:
    if hour > 23:
        raise ValueError(f"hour must be 00-23, got {text!r}")
    if minute > 59:
        raise ValueError(f"minute must be 00-59, got {text!r}")
    return time(hour, minute)


def parse_time_range(text: str) -> tuple[time, time]:
    """Parse "HH:MM-HH:MM" into (start, end); the end must come after the start on the same day."""
    match = _TIME_RANGE.match(text)
    if not match:
        raise ValueError(f"expected a range as HH:MM-HH:MM, got {text!r}")
    start = _clock(int(match[1]), int(match[2]), text)
    end = _clock(int(match[3]), int(match[4]), text)
    if end <= start:
        raise ValueError(f"the end must be after the start, got {text!r}")
    return start, end


def format_time_range(span: tuple[time, time]) -> str:
    return f"{span[0]:%H:%M}-{span[1]:%H:%M}"


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> str:
    """Return the name if it is a known IANA timezone, else raise ValueError."""
    if name not in _known_zones():
        raise ValueError(f"unknown timezone {name!r}: use an IANA name such as 'Europe/London'")
    return name


def parse_days(text: str) -> list[Day]:
    """Parse "mon,tue" or "mon-fri" (or "none") into a list of day names in week order."""
    text = text.strip().lower()
    if text in ("", "none", "-"):
        return []
    chosen: set[str] = set()
    for part in re.split(r"[,\s]+", text):
        if "-" in part:
            first, _, last = part.partition("-")
            if first not in DAYS or last not in DAYS:
                raise ValueError(f"unknown day range {part!r}: use mon, tue, wed, thu, fri, sat, sun")
            i, j = DAYS.index(first), DAYS.index(last)
            chosen.update(DAYS[i:j + 1] if i <= j else DAYS[i:] + DAYS[:j + 1])
        elif part in DAYS:
            chosen.add(part)
        else:
            raise ValueError(f"unknown day {part!r}: use mon, tue, wed, thu, fri, sat, sun")
    return [d for d in DAYS if d in chosen]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _unique_days(days: list[Day]) -> list[Day]:
    if len(set(days)) != len(days):
        raise ValueError("a day is listed twice")
    return sorted(days, key=DAYS.index)


class Style(_Strict):
    """Learning-style preferences, 0..1 each; they guide format choice, nothing more."""

    visual: float = Field(0.25, ge=0, le=1)
    auditory: float = Field(0.25, ge=0, le=1)
    reading: float = Field(0.25, ge=0, le=1)
    kinesthetic: float = Field(0.25, ge=0, le=1)

    @model_validator(mode="after")
    def _not_all_zero(self) -> Style:
        if self.visual + self.auditory + self.reading + self.kinesthetic <= 0:
            raise ValueError("at least one style preference must be above 0")
        return self


class Goal(_Strict):
    kind: GoalKindName
    title: str = Field(min_length=3, max_length=200)
    deadline: date

    @field_validator("deadline")
    @classmethod
    def _deadline_in_future(cls, value: date, info: ValidationInfo) -> date:
        today = (info.context or {}).get("today")  # only new input is checked, not stored profiles
        if today is not None and value <= today:
            raise ValueError(f"deadline {value.isoformat()} is not in the future (today is {today.isoformat()})")
        return value


class Slot(_Strict):
    """A recurring window when the learner can study, and where they are then."""

    days: list[Day] = Field(min_length=1)
    start: time
    end: time
    context: Context

    _days_unique = field_validator("days")(_unique_days)

    @field_validator("start", "end", mode="before")
    @classmethod
    def _clock_text(cls, value: Any) -> Any:
        return parse_clock(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _ordered(self) -> Slot:
        if self.end <= self.start:
            raise ValueError(f"end {self.end:%H:%M} must be after start {self.start:%H:%M}")
        return self

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


def find_slot_overlap(slots: list[Slot]) -> tuple[int, int, Day] | None:
    """Return (i, j, day) for the first two slots that overlap on some day, or None."""
    for i, a in enumerate(slots):
        for j in range(i + 1, len(slots)):
            b = slots[j]
            for day in a.days:
                if day in b.days and a.start < b.end and b.start < a.end:
                    return i, j, day
    return None


class Availability(_Strict):
    weekly_minutes: int = Field(ge=30, le=40 * 60)
    max_daily_minutes: int = Field(90, ge=15, le=12 * 60)
    block_minutes: tuple[int, int] = (30, 60)
    rest_days: list[Day] = Field(default_factory=list)
    work_days: list[Day] = Field(default_factory=lambda: list(DAYS[:5]))
    work_hours: tuple[time, time] | None = None
    work_calendar: Path | None = None
    buffer_minutes: int = Field(10, ge=0, le=60, description="kept between a calendar event and a desk block")
    slots: list[Slot] = Field(min_length=1)

    _days_unique = field_validator("rest_days", "work_days")(_unique_days)

    @field_validator("work_hours", mode="before")
    @classmethod
    def _parse_work_hours(cls, value: Any) -> Any:
        return parse_time_range(value) if isinstance(value, str) else value

    @field_validator("block_minutes")
    @classmethod
    def _block_bounds(cls, value: tuple[int, int]) -> tuple[int, int]:
        shortest, longest = value
        if not 10 <= shortest <= longest <= 240:
            raise ValueError(f"expected [shortest, longest] with 10 <= shortest <= longest <= 240, got {list(value)}")
        return value

    @field_validator("work_calendar")
    @classmethod
    def _calendar_exists(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is None or info.context is None or "base_dir" not in info.context:
            return value  # stored profiles keep their path even if the file has moved since
        base = info.context["base_dir"]
        path = (Path(base) / value) if base and not value.is_absolute() else value
        path = path.expanduser().resolve()
        if not path.is_file():
            raise ValueError(f"calendar file not found: {path}")
        return path

    @field_validator("slots")
    @classmethod
    def _slots_fit_the_week(cls, value: list[Slot], info: ValidationInfo) -> list[Slot]:
        if overlap := find_slot_overlap(value):
            i, j, day = overlap
            raise ValueError(f"slots {i + 1} and {j + 1} overlap on {day}")
        rest_days = info.data.get("rest_days") or []
        for number, slot in enumerate(value, 1):
            clash = [d for d in slot.days if d in rest_days]
            if clash:
                raise ValueError(f"slot {number} falls on rest day {clash[0]}")
        return value

    @model_validator(mode="after")
    def _daily_within_weekly(self) -> Availability:
        if self.max_daily_minutes > self.weekly_minutes:
            raise ValueError("max_daily_minutes cannot exceed weekly_minutes")
        return self

    @property
    def work_hours_text(self) -> str | None:
        return format_time_range(self.work_hours) if self.work_hours else None


class Profile(_Strict):
    name: str = Field(min_length=1, max_length=100)
    timezone: str
    start_date: date | None = None
    mode: Mode = "structured"
    domain: str | None = None
    style: Style | None = None
    goals: list[Goal] = Field(min_length=1, max_length=10)
    availability: Availability

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("domain")
    @classmethod
    def _known_domain(cls, value: str | None) -> str | None:
        if value is not None and value not in DOMAINS:
            raise ValueError(f"unknown domain {value!r}; choose one of: {', '.join(DOMAINS)}")
        return value

    @model_validator(mode="after")
    def _deadlines_after_start(self) -> Profile:
        if self.start_date:
            for goal in self.goals:
                if goal.deadline <= self.start_date:
                    raise ValueError(f"goal {goal.title!r}: deadline {goal.deadline} is not after start_date")
        return self

    def to_toml_dict(self) -> dict[str, Any]:
        """The profile as the plain dict a profile file holds (round-trips through parse_profile)."""
        data = self.model_dump(mode="json", exclude_none=True)
        avail = data["availability"]
        if self.availability.work_hours:
            avail["work_hours"] = self.availability.work_hours_text
        for slot in avail["slots"]:
            slot["start"], slot["end"] = slot["start"][:5], slot["end"][:5]
        return data


# ---- reading a profile file, with errors that point at a line ------------------------------------------------

_MESSAGES = {
    "extra_forbidden": "unknown key",
    "missing": "missing required key",
}


def _friendly(err: Any) -> str:
    if err["type"] == "literal_error":
        return f"unknown value {err['input']!r}; expected one of {err['ctx']['expected']}"
    message: str = _MESSAGES.get(err["type"], err["msg"])
    return message.removeprefix("Value error, ")


def locate_key(text: str, loc: tuple[str | int, ...]) -> int | None:
    """Best line number (1-based) for a key path such as ('availability', 'slots', 1, 'start')."""
    wanted = tuple(loc)
    table: tuple[str | int, ...] = ()
    counts: dict[tuple[str, ...], int] = {}
    best: tuple[int, int] | None = None  # (matched length, line)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[["):
            name = tuple(line.strip("[] ").split("."))
            counts[name] = counts.get(name, -1) + 1
            table = (*name[:-1], name[-1], counts[name])
            path: tuple[str | int, ...] = table
        elif line.startswith("["):
            table = tuple(line.strip("[] ").split("."))
            path = table
        elif "=" in line:
            key = line.split("=", 1)[0].strip().strip('"')
            path = (*table, *key.split("."))
        else:
            continue
        matched = 0
        for a, b in zip(path, wanted, strict=False):
            if a != b:
                break
            matched += 1
        if matched == min(len(path), len(wanted)) and (best is None or matched > best[0]):
            best = (matched, number)
    return best[1] if best else None


def parse_profile(text: str, *, source: str, now: datetime, base_dir: Path | None = None) -> Profile:
    """Parse profile TOML text; raise InputError naming the file, line and key of the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"TOML syntax error: {exc}", where=source) from None
    return profile_from_dict(data, source=source, now=now, base_dir=base_dir, text=text)


def local_today(now: datetime, timezone: object) -> date:
    """Today's date where the learner is (UTC when the timezone is missing or unknown)."""
    if isinstance(timezone, str) and timezone in _known_zones():
        return now.astimezone(ZoneInfo(timezone)).date()
    return now.astimezone(UTC).date()


class ProfileError(InputError):
    """A profile that does not validate. The message names the first problem (for a terminal); `problems`
    lists every one as (key path, message), so a form can show each beside its field."""

    def __init__(self, message: str, *, where: str | None,
                 problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        super().__init__(message, where=where)
        self.problems = problems


def profile_from_dict(
    data: dict[str, Any], *, source: str, now: datetime, base_dir: Path | None = None, text: str = ""
) -> Profile:
    """Validate a profile given as plain data (from TOML or onboarding answers)."""
    today = local_today(now, data.get("timezone"))
    try:
        return Profile.model_validate(data, context={"today": today, "base_dir": base_dir})
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = tuple(first["loc"])
        key = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in loc).replace(".[", "[")
        line = locate_key(text, loc) if text else None
        where = f"{source}:{line}" if line else source
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        problems = [(tuple(e["loc"]), _friendly(e)) for e in errors]
        raise ProfileError(f"{key or 'profile'}: {_friendly(first)}{more}", where=where, problems=problems) from None


def load_profile_file(path: Path, *, now: datetime) -> Profile:
    """Read and validate a profile file; relative paths inside it are relative to the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("profile file not found", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read profile file: {exc}", where=str(path)) from None
    return parse_profile(text, source=str(path), now=now, base_dir=path.resolve().parent)
