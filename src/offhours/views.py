"""JSON shapes that scripts rely on (DESIGN.md §6), shared by the CLI's --json and the web API."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from offhours.catalog import Project, Resource, Topic
from offhours.coach import TopicDetail
from offhours.coach_cards import CardView
from offhours.coach_plan import PlanView, WeekView
from offhours.coach_practice import Attempt, ExerciseDetail, ExerciseStatus, ProjectDetail
from offhours.domain.path import LearningPath
from offhours.domain.planner import Block, MilestonePlan
from offhours.domain.stack import StackEntry
from offhours.store import StoredProfile


def card_json(card: CardView) -> dict[str, Any]:
    return {"id": card.id, "topic": card.topic, "type": card.type, "front": card.front, "back": card.back,
            "extra": card.extra, "new": card.is_new, "due": card.due.isoformat(),
            "cloze": [{"text": p.text, "hidden": p.hidden, "hint": p.hint} for p in card.cloze] or None,
            "intervals": card.intervals}


def topic_json(t: Topic) -> dict[str, Any]:
    return {"slug": t.slug, "title": t.title, "area": t.area, "level": t.level, "hours": t.hours,
            "prerequisites": list(t.prerequisites)}


def resource_json(r: Resource) -> dict[str, Any]:
    return {**r.model_dump(mode="json"), "suits_dead_time": r.suits_dead_time}


def path_json(path: LearningPath) -> dict[str, Any]:
    return {
        "topics": [{"slug": t.slug, "title": t.title, "area": t.area, "hours": t.hours, "status": t.status,
                    "milestone": t.milestone} for t in path.topics],
        "milestones": [{"index": m.index, "title": m.title, "topics": list(m.topics), "hours": m.hours,
                        "remaining_hours": m.remaining_hours} for m in path.milestones],
        "total_hours": path.total_hours,
        "remaining_hours": path.remaining_hours,
        "skipped": list(path.skipped),
        "ignored_edits": [{"action": e.action, "topic": e.topic, "reason": why} for e, why in path.ignored_edits],
    }


def stack_json(entries: list[StackEntry]) -> list[dict[str, Any]]:
    return [{"topic": e.topic, "primary": resource_json(e.primary) if e.primary else None,
             "alternates": [resource_json(r) for r in e.alternates], "reason": e.reason} for e in entries]


def block_json(b: Block, tz: ZoneInfo) -> dict[str, Any]:
    return {"id": b.id, "start": b.start.astimezone(tz).isoformat(), "end": b.end.astimezone(tz).isoformat(),
            "topic": b.topic, "activity": b.activity, "context": b.context, "resource": b.resource,
            "milestone": b.milestone, "status": b.status, "minutes": b.minutes}


def milestone_json(m: MilestonePlan) -> dict[str, Any]:
    return {"id": m.id, "title": m.title, "goal": m.goal, "deadline": m.deadline.isoformat(),
            "planned_finish": m.planned_finish.isoformat() if m.planned_finish else None, "feasible": m.feasible,
            "shortfall_minutes": m.shortfall_minutes, "extra_minutes_per_week": m.extra_minutes_per_week,
            "earliest_date": m.earliest_date.isoformat() if m.earliest_date else None, "minutes": m.minutes}


def plan_json(view: PlanView) -> dict[str, Any]:
    tz = ZoneInfo(view.timezone)
    return {"timezone": view.timezone, "blocks": [block_json(b, tz) for b in view.blocks],
            "milestones": [milestone_json(m) for m in view.milestones],
            "unscheduled_minutes": view.unscheduled_minutes, "horizon": view.horizon.isoformat(),
            "weekly_capacity_minutes": view.weekly_capacity, "warnings": list(view.warnings)}


def profile_json(stored: StoredProfile) -> dict[str, object]:
    data = stored.profile.to_toml_dict()
    data["start_date"] = stored.start_date.isoformat()
    data["created_at"] = stored.created_at.isoformat()
    data["updated_at"] = stored.updated_at.isoformat()
    return data


def topic_detail_json(detail: TopicDetail) -> dict[str, Any]:
    t = detail.topic
    return {**topic_json(t), "summary": t.summary, "outcomes": list(t.outcomes), "status": detail.status,
            "mastery": detail.mastery,
            "dependents": [d.slug for d in detail.dependents],
            "resources": [resource_json(r) for r in detail.resources]}


def exercise_status_json(s: ExerciseStatus) -> dict[str, Any]:
    meta = s.exercise.meta
    return {"slug": s.exercise.slug, "title": meta.title, "topics": list(meta.topics), "difficulty": meta.difficulty,
            "minutes": meta.minutes, "status": s.state, "attempts": s.attempts}


def attempt_json(a: Attempt | None) -> dict[str, Any] | None:
    return None if a is None else {"status": a.status, "passed": a.passed, "total": a.total,
                                   "at": a.at.isoformat()}


def exercise_detail_json(d: ExerciseDetail) -> dict[str, Any]:
    ex = d.status.exercise
    return {**exercise_status_json(d.status), "task": ex.readme, "starter": ex.starter, "code": d.code,
            "hints": len(ex.hints), "hints_shown": list(d.hints_shown), "last_attempt": attempt_json(d.last_attempt),
            "file": d.file}


def project_json(p: Project, status: str) -> dict[str, Any]:
    """The shape of `offhours project list --json`."""
    return {"slug": p.slug, "title": p.meta.title, "order": p.meta.order, "hours": p.meta.hours,
            "topics": list(p.meta.topics), "status": status}


def project_detail_json(d: ProjectDetail) -> dict[str, Any]:
    return {**project_json(d.project, d.state), "brief": d.project.brief, "requires": list(d.project.meta.requires),
            "folder": d.folder, "last_check": attempt_json(d.last_check)}


def today_json(day: date, todays: list[Block], waiting: list[Block], tz: ZoneInfo) -> dict[str, Any]:
    return {"date": day.isoformat(), "blocks": [block_json(b, tz) for b in todays],
            "unconfirmed": [block_json(b, tz) for b in waiting]}


def journal_entry_json(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "created_at": entry["created_at"].isoformat()}


def week_json(view: WeekView) -> dict[str, Any]:
    """The week calendar: blocks, busy time (work hours, events, days off), free slots, milestones."""
    tz = ZoneInfo(view.timezone)
    return {"timezone": view.timezone, "week_start": view.week_start.isoformat(), "today": view.today.isoformat(),
            "blocks": [block_json(b, tz) for b in view.blocks],
            "busy": [{"start": b.start.astimezone(tz).isoformat(), "end": b.end.astimezone(tz).isoformat(),
                      "kind": b.kind, "label": b.label} for b in view.busy],
            "free": [{"start": w.start.astimezone(tz).isoformat(), "end": w.end.astimezone(tz).isoformat(),
                      "context": w.context} for w in view.free],
            "milestones": [milestone_json(m) for m in view.milestones], "has_plan": view.has_plan,
            "weekly_capacity_minutes": view.weekly_capacity, "warnings": list(view.warnings)}
