"""The JSON API: thin routes over the coach, shaped by the same views as the CLI's --json output."""

from __future__ import annotations

from typing import Any, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter
from pydantic import BaseModel, Field

from offhours import views
from offhours.coach_cards import stats_json
from offhours.coach_progress import progress_json
from offhours.errors import NotFoundError
from offhours.web.deps import CoachDep

router = APIRouter(prefix="/api", tags=["api"])


class Rating(BaseModel):
    rating: Literal["again", "hard", "good", "easy"]
    duration_ms: int | None = Field(None, ge=0, le=3_600_000)


class Code(BaseModel):
    code: str = Field(max_length=200_000)


class JournalEntry(BaseModel):
    text: str = Field(min_length=1, max_length=10_000)
    topic: str | None = None
    tags: list[str] = []


class LogEntry(BaseModel):
    topic: str
    minutes: int = Field(ge=1, le=720)
    note: str | None = None


@router.get("/profile")
def profile(coach: CoachDep) -> dict[str, Any]:
    return views.profile_json(coach.profile())


@router.get("/topics")
def topics(coach: CoachDep, area: str | None = None) -> list[dict[str, Any]]:
    return [views.topic_json(t) for t in coach.topics(area)]


@router.get("/topics/{slug}")
def topic(coach: CoachDep, slug: str) -> dict[str, Any]:
    return views.topic_detail_json(coach.topic_detail(slug))


@router.get("/resources")
def resources(coach: CoachDep, topic: str | None = None, format: str | None = None,
              max_minutes: int | None = None, free: bool = False) -> list[dict[str, Any]]:
    return [views.resource_json(r) for r in coach.resources(topic=topic, format=format, max_minutes=max_minutes,
                                                             free=free)]


@router.get("/path")
def path(coach: CoachDep) -> dict[str, Any]:
    return views.path_json(coach.path())


@router.get("/stack")
def stack(coach: CoachDep) -> list[dict[str, Any]]:
    return views.stack_json(coach.stack())


@router.post("/plan")
def plan(coach: CoachDep, weeks: int | None = None) -> dict[str, Any]:
    """Build or refresh the plan (the same as `offhours plan`)."""
    return views.plan_json(coach.plan(weeks))


@router.get("/today")
def today(coach: CoachDep) -> dict[str, Any]:
    tz = ZoneInfo(coach.profile().profile.timezone)
    todays, waiting = coach.today_blocks()
    return views.today_json(coach.now().astimezone(tz).date(), todays, waiting, tz)


@router.post("/blocks/{block_id}/{status}")
def mark_block(coach: CoachDep, block_id: str, status: Literal["done", "skip"]) -> dict[str, Any]:
    block = coach.mark_block(block_id, "done" if status == "done" else "skipped")
    return views.block_json(block, ZoneInfo(coach.profile().profile.timezone))


@router.post("/log")
def log(coach: CoachDep, entry: LogEntry) -> dict[str, Any]:
    coach.log_study(entry.topic, entry.minutes, None, entry.note)
    return {"logged": entry.minutes, "topic": entry.topic}


@router.get("/progress")
def progress(coach: CoachDep) -> dict[str, Any]:
    return progress_json(coach.progress())


@router.get("/cards/due")
def cards_due(coach: CoachDep, limit: int | None = None) -> list[dict[str, Any]]:
    return [views.card_json(c) for c in coach.due_cards(limit)]


@router.post("/cards/{card_id}/rate")
def rate(coach: CoachDep, card_id: str, answer: Rating) -> dict[str, Any]:
    due = coach.rate_card(card_id, answer.rating, answer.duration_ms)
    return {"card": card_id, "rating": answer.rating, "next_due": due.isoformat()}


@router.post("/cards/undo")
def undo(coach: CoachDep) -> dict[str, Any]:
    return {"undone": coach.undo_review()}


@router.get("/cards/stats")
def cards_stats(coach: CoachDep) -> dict[str, Any]:
    return stats_json(coach.card_stats())


@router.get("/exercises")
def exercises(coach: CoachDep, topic: str | None = None) -> list[dict[str, Any]]:
    return [views.exercise_status_json(s) for s in coach.exercises(topic)]


@router.get("/exercises/{slug}")
def exercise(coach: CoachDep, slug: str) -> dict[str, Any]:
    found = coach.catalog.exercises.get(slug)
    if found is None:
        raise NotFoundError(f"unknown exercise {slug!r}")
    return {"slug": slug, "title": found.meta.title, "task": found.readme, "starter": found.starter,
            "hints": len(found.hints), "topics": list(found.meta.topics)}


@router.post("/exercises/{slug}/test")
def exercise_test(coach: CoachDep, slug: str, body: Code) -> dict[str, Any]:
    """Run the hidden tests on code sent from the editor (the same sandbox as the CLI)."""
    from offhours import coach_practice

    return coach_practice.run(coach, slug, body.code).to_json()


@router.get("/journal")
def journal(coach: CoachDep, topic: str | None = None, tag: str | None = None) -> list[dict[str, Any]]:
    return [views.journal_entry_json(e) for e in coach.journal(topic, tag)]


@router.post("/journal")
def add_journal(coach: CoachDep, entry: JournalEntry) -> dict[str, Any]:
    return {"id": coach.add_journal(entry.text, entry.topic, entry.tags)}
