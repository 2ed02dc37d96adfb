"""Server-rendered pages. Each page takes its data from the same coach call as its JSON twin."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from offhours import social
from offhours.domain.mastery import LEVELS
from offhours.errors import InputError, NotFoundError
from offhours.profile import CONTEXTS
from offhours.web.app import templates
from offhours.web.deps import CoachDep

router = APIRouter(include_in_schema=False)


@router.get("/welcome", response_class=HTMLResponse)
def welcome(request: Request) -> Response:
    return templates.TemplateResponse(request, "welcome.html", {})


@router.get("/", response_class=HTMLResponse)
def today(request: Request, coach: CoachDep, minutes: str = "", where: str = "") -> Response:
    """Today's blocks; with ?minutes=N&where=C also what fits a free moment (`offhours now`)."""
    tz = ZoneInfo(coach.profile().profile.timezone)
    todays, waiting = coach.today_blocks()
    progress = coach.progress()
    values = {"minutes": minutes, "where": where or "desk"}
    errors: dict[str, str] = {}
    suggestions = None
    if minutes or where:
        try:
            suggestions = coach.suggest(_whole_minutes(minutes), values["where"])
        except InputError as exc:
            field, _, message = str(exc).partition(": ")
            errors["where" if field == "--where" else "minutes"] = message if field.startswith("--") else str(exc)
    team = {"nudges": social.nudges_for(coach)} if request.app.state.multi_user else {}  # from buddies
    return templates.TemplateResponse(request, "today.html", {
        "date": coach.now().astimezone(tz).date(), "tz": tz, "blocks": [*waiting, *todays],
        "progress": progress, "due": progress.cards_due, "contexts": CONTEXTS, "values": values,
        "errors": errors, "suggestions": suggestions, "resources": coach.catalog.resources,
        "titles": {slug: t.title for slug, t in coach.catalog.topics.items()}, **team},
        status_code=400 if errors else 200)


def _whole_minutes(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InputError(f"--minutes: enter how many minutes you have, e.g. 20 (got {text!r})") from None


@router.post("/blocks/{block_id}/{status}")
def mark(coach: CoachDep, block_id: str, status: str) -> Response:
    if status not in ("done", "skip"):
        raise NotFoundError(f"unknown action {status!r}")
    coach.mark_block(block_id, "done" if status == "done" else "skipped")
    return RedirectResponse("/", status_code=303)


@router.get("/topics/{slug}", response_class=HTMLResponse)
def topic(request: Request, coach: CoachDep, slug: str) -> Response:
    detail = coach.topic_detail(slug)
    exercises = coach.exercises(slug)
    return templates.TemplateResponse(request, "topic.html", {"d": detail, "exercises": exercises,
                                                              "levels": LEVELS})


@router.get("/calendar.ics")
def calendar_feed(coach: CoachDep, token: str = "") -> Response:
    """A subscribable feed of the plan; the secret token in the URL is the only key (`offhours plan feed`)."""
    return Response(coach.plan_feed(token), media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": "no-store"})
