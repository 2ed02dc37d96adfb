"""Interactive `offhours init`: a few questions with sensible defaults.

Answers are collected into the same plain dict a profile file holds and validated by the same model,
so nothing is written until every question is answered (Ctrl-C leaves the home untouched).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import typer

from offhours.cli.common import console
from offhours.coach import Coach
from offhours.profile import (
    DOMAINS,
    GOAL_KINDS,
    Slot,
    check_timezone,
    find_slot_overlap,
    local_today,
    parse_days,
    parse_time_range,
)

T = TypeVar("T")

GOAL_TITLES = {
    "build-and-deploy": "Build and deploy a machine-learning model end to end",
    "apply-at-work": "Apply machine learning to a problem at work",
    "career-change": "Move into a machine-learning role",
    "foundations": "Understand the foundations of AI and ML",
    "personal-project": "Ship a personal ML project",
}


def system_timezone() -> str:
    """The machine's IANA timezone name, or UTC when it cannot be told."""
    candidates = [os.environ.get("TZ", "")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        try:
            return check_timezone(name.lstrip(":"))
        except ValueError:
            continue
    return "UTC"


def ask(question: str, default: str | None, parse: Callable[[str], T]) -> T:
    """Prompt until the answer parses; the parser's message says what was wrong."""

    def process(value: str) -> T:
        try:
            return parse(value.strip())
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None

    result: T = typer.prompt(question, default=default, value_proc=process)
    return result


def _choice(options: Sequence[str]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value.isdigit() and 1 <= int(value) <= len(options):
            return options[int(value) - 1]
        if value in options:
            return value
        raise ValueError(f"choose a number 1-{len(options)} or one of: {', '.join(options)}")
    return parse


def _days(value: str) -> list[str]:
    return list(parse_days(value))


def _minutes(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.isdigit() or not low <= int(value) <= high:
            raise ValueError(f"enter a whole number from {low} to {high}")
        return int(value)
    return parse


def _hours_per_week(value: str) -> int:
    try:
        hours = float(value)
    except ValueError:
        raise ValueError("enter hours per week, e.g. 5 or 2.5") from None
    if not 0.5 <= hours <= 40:
        raise ValueError("enter between 0.5 and 40 hours per week")
    return round(hours * 60)


def _optional_range(value: str) -> str | None:
    if value.lower() in ("", "none", "no", "-"):
        return None
    parse_time_range(value)
    return value


def _optional_file(value: str) -> str | None:
    if value.lower() in ("", "none", "no", "-"):
        return None
    path = Path(value).expanduser().resolve()
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    return str(path)


def _date(value: str) -> str:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("enter a date as YYYY-MM-DD") from None
    return value


def _add_slot(slots: list[dict[str, Any]], days: Sequence[str], span: str, context: str,
              rest_days: Sequence[str]) -> str | None:
    """Add a slot if it fits beside the others; return why not otherwise."""
    start, end = parse_time_range(span)
    candidate = {"days": list(days), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}", "context": context}
    models = [Slot.model_validate(s) for s in [*slots, candidate]]
    if overlap := find_slot_overlap(models):
        return f"that overlaps another slot on {overlap[2]}"
    if clash := [d for d in days if d in rest_days]:
        return f"{clash[0]} is a rest day"
    slots.append(candidate)
    return None


def _ask_slot(slots: list[dict[str, Any]], question: str, example: str, days: Sequence[str], context: str,
              rest_days: Sequence[str]) -> None:
    while True:
        span = ask(f"{question} (e.g. {example}; blank for none)", "", _optional_range)
        if span is None:
            return
        problem = _add_slot(slots, days, span, context, rest_days)
        if problem is None:
            return
        console.print(f"[red]Error:[/red] {problem}")


def run_onboarding(coach: Coach) -> Any:
    console.print("[bold]Welcome to offhours.[/bold] A few questions (Enter takes the default in brackets); "
                  "Ctrl-C at any time leaves nothing saved.\n")
    name = ask("Your name", os.environ.get("USER") or "Learner", lambda v: v or "Learner")
    timezone = ask("Your timezone (IANA name)", system_timezone(), check_timezone)
    today = local_today(coach.now(), timezone)

    console.print("\nWhat do you want to achieve?")
    for i, option in enumerate(GOAL_KINDS, 1):
        console.print(f"  {i}. {option}: {GOAL_TITLES[option]}")
    kind: str = ask("Goal", "2", _choice(GOAL_KINDS))
    title = ask("In your own words, the goal", GOAL_TITLES.get(kind, ""), lambda v: v)
    deadline = ask("Deadline (YYYY-MM-DD)", (today + timedelta(days=182)).isoformat(), _date)
    domain_options = (*DOMAINS, "none")
    console.print("Domain track: " + ", ".join(f"{i}. {d}" for i, d in enumerate(domain_options, 1)))
    domain = ask("Your domain", "none", _choice(domain_options))

    weekly = ask("Hours per week you can give", "5", _hours_per_week)
    daily = ask("Most minutes on any one day", str(min(90, weekly)), _minutes(15, min(weekly, 720)))
    work_days: list[str] = ask("Work days", "mon-fri", _days)
    work_hours = ask("Working hours (blank if none)", "09:00-17:30", _optional_range) if work_days else None
    calendar = ask("Work calendar export (.ics path, blank for none)", "", _optional_file)
    rest_days: list[str] = ask("Rest days with no study", "sun", _days)

    console.print("\nWhen can you study? Commute and lunch slots get audio, short videos and flashcards; "
                  "desk, evening and weekend slots get everything, coding included.")
    slots: list[dict[str, Any]] = []
    study_days = [d for d in work_days if d not in rest_days]
    if study_days:
        _ask_slot(slots, "Commute on work days", "07:40-08:20", study_days, "commute", rest_days)
        _ask_slot(slots, "Lunch break on work days", "12:30-13:00", study_days, "lunch", rest_days)
        _ask_slot(slots, "Evening time on work days", "20:00-21:00", study_days, "evening", rest_days)
    while True:
        days = ask("Another slot: which days? (e.g. sat or mon,wed; blank to finish)", "", parse_days)
        if not days:
            if slots:
                break
            console.print("[red]Error:[/red] add at least one slot, e.g. `sat` then 09:00-11:00")
            continue
        span = ask("  Time", "09:00-11:00", parse_time_range)
        context = ask("  Where (commute, lunch, desk, evening, weekend)", "desk",
                      _choice(("commute", "lunch", "desk", "evening", "weekend")))
        if problem := _add_slot(slots, days, f"{span[0]:%H:%M}-{span[1]:%H:%M}", context, rest_days):
            console.print(f"[red]Error:[/red] {problem}")

    mode = ask("Mode: structured (we order the path) or self-directed (you reorder it)", "structured",
               _choice(("structured", "self-directed")))
    data: dict[str, Any] = {
        "name": name, "timezone": timezone, "mode": mode,
        "goals": [{"kind": kind, "title": title, "deadline": deadline}],
        "availability": {
            "weekly_minutes": weekly, "max_daily_minutes": daily, "rest_days": rest_days,
            "work_days": work_days, "slots": slots,
        },
    }
    if domain != "none":
        data["domain"] = domain
    if work_hours:
        data["availability"]["work_hours"] = work_hours
    if calendar:
        data["availability"]["work_calendar"] = calendar
    profile = coach.validate_profile_data(data)
    total = sum(Slot.model_validate(s).minutes * len(s["days"]) for s in slots)
    console.print(f"\nYour slots offer {total} min a week; offhours will plan {min(total, weekly)} of them.")
    if not typer.confirm("Save this profile?", default=True):
        raise typer.Abort()
    return profile
