"""Server-rendered pages. Each page takes its data from the same coach call as its JSON twin."""

from __future__ import annotations

import json
from itertools import groupby
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from offhours import coach_report, views
from offhours.errors import NotFoundError
from offhours.web.app import templates
from offhours.web.deps import CoachDep

router = APIRouter(include_in_schema=False)


@router.get("/welcome", response_class=HTMLResponse)
def welcome(request: Request) -> Response:
    return templates.TemplateResponse(request, "welcome.html", {})


@router.get("/", response_class=HTMLResponse)
def today(request: Request, coach: CoachDep) -> Response:
    tz = ZoneInfo(coach.profile().profile.timezone)
    todays, waiting = coach.today_blocks()
    progress = coach.progress()
    return templates.TemplateResponse(request, "today.html", {
        "date": coach.now().astimezone(tz).date(), "tz": tz, "blocks": [*waiting, *todays],
        "progress": progress, "due": progress.cards_due})


@router.post("/blocks/{block_id}/{status}")
def mark(coach: CoachDep, block_id: str, status: str) -> Response:
    if status not in ("done", "skip"):
        raise NotFoundError(f"unknown action {status!r}")
    coach.mark_block(block_id, "done" if status == "done" else "skipped")
    return RedirectResponse("/", status_code=303)


@router.get("/plan", response_class=HTMLResponse)
def plan(request: Request, coach: CoachDep) -> Response:
    view = coach.plan()
    tz = ZoneInfo(view.timezone)
    upcoming = [b for b in view.blocks][:60]
    days = [(day, list(items)) for day, items in groupby(upcoming, key=lambda b: b.start.astimezone(tz).date())]
    return templates.TemplateResponse(request, "plan.html", {"view": view, "days": days, "tz": tz})


@router.post("/plan")
def replan(coach: CoachDep) -> Response:
    coach.plan()
    return RedirectResponse("/plan", status_code=303)


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, coach: CoachDep) -> Response:
    cards = [views.card_json(c) for c in coach.due_cards()]
    return templates.TemplateResponse(request, "review.html", {"cards_json": json.dumps(cards)})


@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, coach: CoachDep) -> Response:
    charts = {name.removesuffix(".svg"): svg[svg.index("<svg"):] for name, svg in coach_report.charts(coach).items()}
    return templates.TemplateResponse(request, "progress.html", {"p": coach.progress(), "charts": charts})


@router.get("/path", response_class=HTMLResponse)
def path(request: Request, coach: CoachDep) -> Response:
    learning_path = coach.path()
    return templates.TemplateResponse(request, "path.html", {
        "path": learning_path, "titles": {t.slug: t.title for t in learning_path.topics},
        "status": {t.slug: t.status for t in learning_path.topics}})


@router.get("/topics/{slug}", response_class=HTMLResponse)
def topic(request: Request, coach: CoachDep, slug: str) -> Response:
    return templates.TemplateResponse(request, "topic.html", {"d": coach.topic_detail(slug)})


@router.get("/exercises", response_class=HTMLResponse)
def exercises(request: Request, coach: CoachDep) -> Response:
    return templates.TemplateResponse(request, "exercises.html", {"items": coach.exercises()})


@router.get("/exercises/{slug}", response_class=HTMLResponse)
def exercise(request: Request, coach: CoachDep, slug: str) -> Response:
    found = coach.catalog.exercises.get(slug)
    if found is None:
        raise NotFoundError(f"unknown exercise {slug!r}")
    return templates.TemplateResponse(request, "exercise.html", {"ex": found})


@router.get("/calendar.ics")
def calendar_feed(coach: CoachDep, token: str = "") -> Response:
    """A subscribable feed of the plan; the secret token in the URL is the only key (`offhours plan feed`)."""
    return Response(coach.plan_feed(token), media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": "no-store"})
