"""The profile form that onboarding and settings share: its state, its defaults, and its one parser.

The parser turns a submitted form into the same plain dict `offhours init` builds from its answers and
validates it through the same coach call, so a rule lives only in profile.py. Every problem (not just the
first) is mapped to the field it concerns; the form keeps everything the learner typed for a re-render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from starlette.datastructures import FormData

from offhours.cli.onboarding import GOAL_TITLES, system_timezone
from offhours.coach import Coach
from offhours.domain.style import describe_style
from offhours.errors import InputError
from offhours.profile import CONTEXTS, DAYS, DOMAINS, GOAL_KINDS, Profile, ProfileError, Style, local_today
from offhours.store import StoredProfile

WORK_DAYS: list[str] = list(DAYS[:5])
_ROW = re.compile(r"^(goal|slot)-(\d+)-(\w+)$")
_ROW_ERROR = re.compile(r"^(goal|slot)-(\d+)")
PAGE_ORDER = ("name", "timezone", "goals", "goal-row", "domain", "mode", "weekly_hours", "max_daily_minutes",
              "block_min", "block_max", "block_minutes", "work_days", "work_hours", "buffer_minutes", "rest_days",
              "calendar", "slots", "slot-row", "quiz")


@dataclass
class ProfileForm:
    """What the fields show: scalars as typed, checkbox lists, goal and slot rows, quiz answers, errors."""

    values: dict[str, Any]
    goals: list[dict[str, str]]
    slots: list[dict[str, Any]]
    quiz: list[str]  # one entry per question: "" or the chosen option's index
    errors: dict[str, str] = field(default_factory=dict)
    style: Style | None = None  # the stored style (settings), kept unless the quiz is answered again
    calendar_name: str = ""  # an uploaded .ics carried across a re-render (onboarding)
    calendar_data: str = ""

    def v(self, name: str) -> Any:
        return self.values.get(name, "")

    def ordered_errors(self) -> list[tuple[str, str]]:
        """The problems in the order their fields appear on the page, for the summary at the top."""
        def place(name: str) -> tuple[int, int, str]:
            match = _ROW_ERROR.match(name)
            group = f"{match[1]}-row" if match else name.split("-")[0]
            rank = PAGE_ORDER.index(group) if group in PAGE_ORDER else len(PAGE_ORDER)
            return rank, int(match[2]) if match else 0, name
        return sorted(self.errors.items(), key=lambda item: place(item[0]))

    def style_summary(self) -> str:
        return describe_style(self.style)[0] if self.style else ""


def _blank_slot(context: str, days: list[str]) -> dict[str, Any]:
    return {"context": context, "days": days, "start": "", "end": ""}


def new_form(coach: Coach, question_count: int) -> ProfileForm:
    """The defaults `offhours init` offers: a goal at work in six months, five hours a week."""
    timezone = system_timezone()
    today = local_today(coach.now(), timezone)
    return ProfileForm(
        values={"name": "", "timezone": timezone, "domain": "", "mode": "structured", "weekly_hours": "5",
                "max_daily_minutes": "90", "block_min": "30", "block_max": "60", "buffer_minutes": "10",
                "work_days": WORK_DAYS, "rest_days": ["sun"], "work_start": "09:00", "work_end": "17:30"},
        goals=[{"kind": "apply-at-work", "title": GOAL_TITLES["apply-at-work"],
                "deadline": (today + timedelta(days=182)).isoformat()}],
        slots=[_blank_slot("commute", WORK_DAYS), _blank_slot("lunch", WORK_DAYS),
               _blank_slot("evening", WORK_DAYS), _blank_slot("weekend", ["sat"])],
        quiz=[""] * question_count,
    )


def form_from_profile(stored: StoredProfile, question_count: int) -> ProfileForm:
    """The stored profile in the form's terms, plus a blank goal and slot row to add one."""
    p = stored.profile
    a = p.availability
    values: dict[str, Any] = {
        "name": p.name, "timezone": p.timezone, "domain": p.domain or "", "mode": p.mode,
        "weekly_hours": f"{a.weekly_minutes / 60:g}", "max_daily_minutes": str(a.max_daily_minutes),
        "block_min": str(a.block_minutes[0]), "block_max": str(a.block_minutes[1]),
        "buffer_minutes": str(a.buffer_minutes), "work_days": list(a.work_days), "rest_days": list(a.rest_days),
        "work_start": f"{a.work_hours[0]:%H:%M}" if a.work_hours else "",
        "work_end": f"{a.work_hours[1]:%H:%M}" if a.work_hours else "",
    }
    goals = [{"kind": g.kind, "title": g.title, "deadline": g.deadline.isoformat()} for g in p.goals]
    slots = [{"context": s.context, "days": list(s.days), "start": f"{s.start:%H:%M}", "end": f"{s.end:%H:%M}"}
             for s in a.slots]
    return ProfileForm(values, goals, [*slots, _blank_slot("desk", [])], [""] * question_count, style=p.style)


def _rows(form: FormData, kind: str) -> list[dict[str, Any]]:
    """Rows of a repeated group (goal-0-title, slot-3-days...) in order, whatever their numbers."""
    found: dict[int, dict[str, Any]] = {}
    for key in form:
        match = _ROW.match(key)
        if match and match[1] == kind:
            row = found.setdefault(int(match[2]), {})
            row[match[3]] = form.getlist(key) if match[3] == "days" else str(form.get(key, "")).strip()
    return [found[i] for i in sorted(found)]


def read_form(form: FormData, question_count: int) -> ProfileForm:
    """The submitted fields as typed. Blank goal and slot rows are dropped, so row N is the Nth goal or
    slot the profile validates and its messages ("slots 1 and 2 overlap") match what the page shows."""
    text = ("name", "timezone", "domain", "mode", "weekly_hours", "max_daily_minutes", "block_min", "block_max",
            "buffer_minutes", "work_start", "work_end")
    values: dict[str, Any] = {name: str(form.get(name, "")).strip() for name in text}
    values["work_days"] = [d for d in form.getlist("work_days") if d in DAYS]
    values["rest_days"] = [d for d in form.getlist("rest_days") if d in DAYS]
    goals = [{"kind": str(g.get("kind", "")), "title": str(g.get("title", "")), "deadline": str(g.get("deadline", ""))}
             for g in _rows(form, "goal") if g.get("title") or g.get("deadline")]
    slots = [{"context": str(s.get("context", "")), "days": [d for d in s.get("days", []) if d in DAYS],
              "start": str(s.get("start", "")), "end": str(s.get("end", ""))}
             for s in _rows(form, "slot") if s.get("start") or s.get("end")]
    quiz = [str(form.get(f"quiz-{i}", "")) for i in range(question_count)]
    return ProfileForm(values, goals or [{"kind": "apply-at-work", "title": "", "deadline": ""}], slots, quiz,
                       calendar_name=str(form.get("calendar_name", "")),
                       calendar_data=str(form.get("calendar_data", "")))


def _hours_to_minutes(text: str) -> int:
    try:
        hours = float(text)
    except ValueError:
        raise ValueError("enter hours per week, e.g. 5 or 2.5") from None
    if not 0.5 <= hours <= 40:
        raise ValueError("enter between 0.5 and 40 hours per week")
    return round(hours * 60)


def _profile_data(coach: Coach, form: ProfileForm, base: dict[str, Any]) -> dict[str, Any]:
    """The plain profile dict, as `offhours init` builds it; problems only the form can see go to errors."""
    v, errors = form.values, form.errors
    availability: dict[str, Any] = {"work_days": v["work_days"], "rest_days": v["rest_days"],
                                    "block_minutes": [v["block_min"], v["block_max"]]}
    try:
        availability["weekly_minutes"] = _hours_to_minutes(v["weekly_hours"])
    except ValueError as exc:
        errors["weekly_hours"] = str(exc)
    for name in ("max_daily_minutes", "buffer_minutes"):
        if v[name]:
            availability[name] = v[name]  # pydantic parses (and judges) the number
    if v["work_start"] and v["work_end"]:
        availability["work_hours"] = f"{v['work_start']}-{v['work_end']}"
    elif v["work_start"] or v["work_end"]:
        errors["work_hours"] = "give both the start and the end of your working day, or neither"
    availability["slots"] = []
    for i, slot in enumerate(form.slots):
        for end in ("start", "end"):
            if not slot[end]:
                errors[f"slot-{i}-{end}"] = f"give the {end} time too, or clear this slot"
        availability["slots"].append(dict(slot))
    data: dict[str, Any] = {**base, "name": v["name"] or "Learner", "timezone": v["timezone"],
                            "goals": [dict(g) for g in form.goals], "availability": availability}
    if v["mode"]:
        data["mode"] = v["mode"]
    if v["domain"]:
        data["domain"] = v["domain"]
    answered = [a for a in form.quiz if a]
    if answered and len(answered) < len(form.quiz):
        errors["quiz"] = f"answer all {len(form.quiz)} situations, or leave them all blank " \
                         f"(you answered {len(answered)})"
    elif answered:
        try:
            data["style"] = coach.style_from_answers([int(a) if a.isdigit() else -1 for a in form.quiz]).model_dump()
        except InputError as exc:
            errors["quiz"] = str(exc)
    return data


def field_for(loc: tuple[str | int, ...]) -> str:
    """The form field a profile validation error belongs to (see the names in _profile_form.html)."""
    match loc:
        case () | ("goals",):
            return "goals"
        case ("goals", int(i), str(name), *_):
            return f"goal-{i}-{name}"
        case ("goals", int(i)):
            return f"goal-{i}-title"
        case ("style", *_):
            return "quiz"
        case ("availability",):
            return "max_daily_minutes"  # the only rule across the whole availability
        case ("availability", "weekly_minutes"):
            return "weekly_hours"
        case ("availability", "block_minutes", int(i), *_):
            return ("block_min", "block_max")[i] if i < 2 else "block_minutes"
        case ("availability", "slots", int(i), str(name), *_):
            return f"slot-{i}-{name}"
        case ("availability", "slots", int(i)):
            return f"slot-{i}"
        case ("availability", str(name), *_):
            return name
        case (str(name), *_):
            return name
    return "form"


def build_profile(coach: Coach, form: ProfileForm, base: dict[str, Any] | None = None) -> Profile | None:
    """The validated profile, or None with every problem in form.errors (nothing is saved either way)."""
    data = _profile_data(coach, form, base or {})
    try:
        profile = coach.validate_profile_data(data, source="the form")
    except ProfileError as exc:
        for loc, message in exc.problems:
            form.errors.setdefault(field_for(loc), "this is required" if message == "missing required key"
                                   else message)
        return None
    return None if form.errors else profile


@cache
def _timezones() -> list[str]:
    """Region/City names for the timezone field's suggestions (the scan of tzdata happens once)."""
    from zoneinfo import available_timezones

    return [*sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV"))), "UTC"]


def choices(coach: Coach) -> dict[str, Any]:
    """What the form's selects and radios offer, from the catalogue and the profile schema."""
    catalog = coach.catalog
    return {
        "goal_kinds": [(k, catalog.goal_kinds[k].title, catalog.goal_kinds[k].summary) for k in GOAL_KINDS],
        "goal_titles": GOAL_TITLES,
        "domains": [(d, catalog.tracks[d].title if d in catalog.tracks else d) for d in DOMAINS],
        "days": DAYS, "contexts": CONTEXTS, "questions": catalog.style_questions,
        "timezones": _timezones(),
    }
