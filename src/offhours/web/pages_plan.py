"""Pages about time and growth: the week calendar with the milestone timeline, the knowledge map, the path,
and progress (charts, mastery by area, achievements, rewards). Each takes its data from one coach call,
the same one as its JSON twin in api.py; web/layout.py only decides where things go on screen."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from offhours import coach_report
from offhours.coach import Coach
from offhours.domain.achievements import ACHIEVEMENTS
from offhours.domain.mastery import LEVELS
from offhours.domain.planner import REVIEW_TOPIC
from offhours.errors import InputError, NotFoundError
from offhours.web import layout
from offhours.web.app import templates
from offhours.web.deps import CoachDep

router = APIRouter(include_in_schema=False)

ACTIVITIES = ("learn", "exercise", "project", "quiz", "review")
STREAK_PRESETS = (3, 7, 14, 30, 60, 100)
HOUR_PRESETS = (5, 10, 25, 50, 100, 200)


def _topic_titles(coach: Coach) -> dict[str, str]:
    return {**{slug: t.title for slug, t in coach.catalog.topics.items()}, REVIEW_TOPIC: "Flashcards"}


def _parse_week(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"week: expected a date as YYYY-MM-DD, got {text!r}") from None


@router.get("/plan", response_class=HTMLResponse)
def plan(request: Request, coach: CoachDep, week: str | None = None) -> Response:
    """The week as a calendar (looking never changes the plan; the Replan button does)."""
    view = coach.plan_week(_parse_week(week))
    return templates.TemplateResponse(request, "plan.html", {
        "view": view, "grid": layout.week_grid(view), "timeline": layout.timeline(view.milestones, view.today),
        "titles": _topic_titles(coach), "resources": coach.catalog.resources, "activities": ACTIVITIES,
        "previous": view.week_start - timedelta(days=7), "next": view.week_start + timedelta(days=7),
        "last_day": view.week_start + timedelta(days=6),
        "this_week": view.week_start <= view.today < view.week_start + timedelta(days=7)})


@router.post("/plan")
def replan(coach: CoachDep, week: str = Form("")) -> Response:
    shown = _parse_week(week)  # first, so a bad field changes nothing
    coach.plan()
    return RedirectResponse(f"/plan?week={shown.isoformat()}" if shown else "/plan", status_code=303)


@router.get("/map", response_class=HTMLResponse)
def knowledge_map(request: Request, coach: CoachDep, only: str = "") -> Response:
    """The topic graph by area, coloured by mastery; `?only=path` keeps the learner's path topics."""
    found = coach.knowledge_map()
    shown = tuple(t for t in found.topics if t.on_path) if only == "path" else found.topics
    return templates.TemplateResponse(request, "map.html", {
        "map": layout.map_layout(found.areas, shown), "only_path": only == "path", "levels": LEVELS,
        "areas": found.areas, "topics": shown, "node_w": layout.NODE_W, "node_h": layout.NODE_H,
        "on_path": sum(1 for t in found.topics if t.on_path)})


@router.get("/path", response_class=HTMLResponse)
def path(request: Request, coach: CoachDep) -> Response:
    learning_path = coach.path()
    return templates.TemplateResponse(request, "path.html", {
        "path": learning_path, "titles": {t.slug: t.title for t in learning_path.topics},
        "status": {t.slug: t.status for t in learning_path.topics}})


def _progress_page(request: Request, coach: Coach, values: dict[str, str] | None = None,
                   errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    p = coach.progress()
    news = coach.celebrate(p)  # as `offhours progress` does: award what was earned since, and say so once
    charts = {name.removesuffix(".svg"): title for name, title in coach_report.CHART_TITLES.items()}
    earned = coach.achievements()
    rewards = coach.rewards()
    milestone_titles = {f"milestone:{m.id}": m.title for m in p.milestones}
    return templates.TemplateResponse(request, "progress.html", {
        "p": p, "charts": charts, "news": news, "levels": LEVELS, "areas": coach.catalog.areas,
        "achievements": [(a, earned.get(a.id)) for a in ACHIEVEMENTS], "earned_count": len(earned),
        "rewards": rewards, "reward_when": _reward_choices(milestone_titles), "milestone_titles": milestone_titles,
        "values": values or {}, "errors": errors or {}}, status_code=status_code)


def _reward_choices(milestone_titles: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The form's choices for `offhours reward add --when`: each milestone, streaks, hours in all."""
    return [("When I finish a milestone", [(key, title) for key, title in milestone_titles.items()]),
            ("When my streak reaches", [(f"streak:{n}", f"{n} days") for n in STREAK_PRESETS]),
            ("When I have studied", [(f"hours:{n}", f"{n} hours in all") for n in HOUR_PRESETS])]


@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, coach: CoachDep) -> Response:
    return _progress_page(request, coach)


@router.get("/progress/charts/{name}.svg")
def chart(coach: CoachDep, name: str) -> Response:
    """One chart, drawn on request: the page shows at once and the browser fetches the charts beside it."""
    if f"{name}.svg" not in coach_report.CHART_TITLES:
        raise NotFoundError(f"unknown chart {name!r}")
    svg = coach_report.charts(coach, only=f"{name}.svg")[f"{name}.svg"]
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"})


@router.post("/progress/rewards", response_class=HTMLResponse)
def add_reward(request: Request, coach: CoachDep, text: str = Form(""), when: str = Form("")) -> Response:
    """`offhours reward add TEXT --when W`; a problem is shown beside its field, with the form as typed."""
    values: dict[str, Any] = {"text": text, "when": when}
    try:
        coach.add_reward(text, when)
    except InputError as exc:
        # The coach names the CLI's --when; on the page the choice is a list, so say it in its words.
        error = {"when": "choose when you will have earned it"} if str(exc).startswith("--when") else {"text": str(exc)}
        return _progress_page(request, coach, values, error, 400)
    return RedirectResponse("/progress#rewards", status_code=303)
