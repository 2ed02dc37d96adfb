"""The JSON API: thin routes over the coach, shaped by the same views as the CLI's --json output."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from offhours import social, views
from offhours.coach_cards import stats_json
from offhours.coach_progress import knowledge_map_json, progress_json
from offhours.errors import InputError
from offhours.web.deps import CoachDep

router = APIRouter(prefix="/api", tags=["api"])


class Rating(BaseModel):
    rating: Literal["again", "hard", "good", "easy"]
    duration_ms: int | None = Field(None, ge=0, le=3_600_000)


class Code(BaseModel):
    code: str = Field(max_length=200_000)


class HintRequest(BaseModel):
    number: int = Field(ge=1, le=20)


class ProjectStart(BaseModel):
    folder: str | None = Field(None, max_length=1024, description="Parent folder (default ./offhours-exercises)")


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
              max_minutes: int | None = None, free: bool = False, q: str | None = None) -> list[dict[str, Any]]:
    return [views.resource_json(r) for r in coach.resources(topic=topic, format=format, max_minutes=max_minutes,
                                                             free=free, text=q)]


@router.get("/path")
def path(coach: CoachDep) -> dict[str, Any]:
    return views.path_json(coach.path())


@router.get("/stack")
def stack(coach: CoachDep) -> list[dict[str, Any]]:
    return views.stack_json(coach.stack())


class StackChoiceBody(BaseModel):
    resource: str | None = None
    topic: str | None = None


@router.post("/stack/{action}")
def stack_choice(coach: CoachDep, action: Literal["swap", "pin", "ban", "reset"],
                 body: StackChoiceBody | None = None) -> list[dict[str, Any]]:
    """`offhours stack swap TOPIC [RESOURCE] | pin RESOURCE | ban RESOURCE | reset`; returns the new stack."""
    body = body or StackChoiceBody()
    if action == "reset":
        coach.reset_stack()
    elif action == "swap":
        if not body.topic:
            raise InputError("swap needs a topic")
        coach.choose_in_stack("swap", body.resource, body.topic)
    else:
        if not body.resource:
            raise InputError(f"{action} needs a resource")
        coach.choose_in_stack(action, body.resource)
    return views.stack_json(coach.stack())


@router.post("/plan")
def plan(coach: CoachDep, weeks: int | None = None) -> dict[str, Any]:
    """Build or refresh the plan (the same as `offhours plan`)."""
    return views.plan_json(coach.plan(weeks))


@router.get("/plan/week")
def plan_week(coach: CoachDep, week: date | None = None) -> dict[str, Any]:
    """The week containing `week` (default this one): blocks, busy time, free slots, milestones; changes nothing."""
    return views.week_json(coach.plan_week(week))


@router.get("/now")
def now(coach: CoachDep, minutes: int, where: str = "desk") -> list[dict[str, Any]]:
    """What fits `minutes` at `where` (the same as `offhours now --json`)."""
    return [s.__dict__ for s in coach.suggest(minutes, where)]


@router.get("/map")
def knowledge_map(coach: CoachDep) -> dict[str, Any]:
    """Every topic with its prerequisites, depth, mastery and whether it is on the path (the /map page)."""
    return knowledge_map_json(coach.knowledge_map())


@router.get("/today")
def today(request: Request, coach: CoachDep) -> dict[str, Any]:
    tz = ZoneInfo(coach.profile().profile.timezone)
    todays, waiting = coach.today_blocks()
    data = views.today_json(coach.now().astimezone(tz).date(), todays, waiting, tz)
    if request.app.state.multi_user:  # team server mode: unseen nudges from buddies
        data["nudges"] = [social.nudge_json(n) for n in social.nudges_for(coach)]
    return data


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
    return [views.card_json(c) for c in coach.due_cards(limit, preview=True)]


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
    """The task, where you are on it, and the code an editor opens with (your last submission, else the starter)."""
    return views.exercise_detail_json(coach.exercise_detail(slug))


@router.post("/exercises/{slug}/test")
def exercise_test(coach: CoachDep, slug: str, body: Code) -> dict[str, Any]:
    """Run the hidden tests on code sent from the editor (the same sandbox as the CLI)."""
    from offhours import coach_practice

    return coach_practice.run(coach, slug, body.code).to_json()


@router.post("/exercises/{slug}/submit")
def exercise_submit(coach: CoachDep, slug: str, body: Code) -> dict[str, Any]:
    """Run the tests and record the attempt, as `offhours exercise submit --json` does."""
    result, block = coach.submit_exercise_code(slug, body.code)
    return {**result.to_json(), "completed_block": block}


@router.post("/exercises/{slug}/hint")
def exercise_hint(coach: CoachDep, slug: str, body: HintRequest) -> dict[str, Any]:
    number, total, text = coach.exercise_hint_number(slug, body.number)
    return {"number": number, "total": total, "text": text}


@router.get("/exercises/{slug}/solution")
def exercise_solution(coach: CoachDep, slug: str) -> dict[str, Any]:
    """The reference solution, once you have passed."""
    return {"slug": slug, "solution": coach.exercise_solution(slug)}


@router.get("/projects")
def projects(coach: CoachDep) -> list[dict[str, Any]]:
    return [views.project_json(p, status) for p, status in coach.projects()]


@router.get("/projects/{slug}")
def project(coach: CoachDep, slug: str) -> dict[str, Any]:
    return views.project_detail_json(coach.project_detail(slug))


@router.post("/projects/{slug}/start")
def project_start(coach: CoachDep, slug: str, body: ProjectStart | None = None) -> dict[str, Any]:
    """Write the scaffold into a folder on this machine (never overwriting), as `offhours project start`."""
    folder = body.folder if body and body.folder else None
    return {"slug": slug, "folder": str(coach.start_project(slug, Path(folder) if folder else None))}


@router.post("/projects/{slug}/check")
def project_check(coach: CoachDep, slug: str) -> dict[str, Any]:
    """Run the automatic check on the started folder, as `offhours project check --json`."""
    return coach.check_project(slug).to_json()


@router.get("/journal")
def journal(coach: CoachDep, topic: str | None = None, tag: str | None = None) -> list[dict[str, Any]]:
    return [views.journal_entry_json(e) for e in coach.journal(topic, tag)]


@router.post("/journal")
def add_journal(coach: CoachDep, entry: JournalEntry) -> dict[str, Any]:
    return {"id": coach.add_journal(entry.text, entry.topic, entry.tags)}
