"""Pages for practice: review, exercises with an editor, projects with their checks.

Each page takes its data from the same coach call as its JSON twin in api.py; the editor and the review
queue then talk to that JSON API. Forms that htmx sends (hints, project checks) get a fragment back; without
JavaScript the same forms post normally and get the whole page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from offhours import views
from offhours.coach import Coach
from offhours.errors import InputError, NotFoundError
from offhours.practice.sandbox import RunResult
from offhours.web.app import templates
from offhours.web.deps import CoachDep
from offhours.web.markup import render_markdown

router = APIRouter(include_in_schema=False)


def _from_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


# ---- review ------------------------------------------------------------------------------------------------

@router.get("/review", response_class=HTMLResponse)
def review(request: Request, coach: CoachDep) -> Response:
    cards = [views.card_json(c) for c in coach.due_cards(preview=True)]
    return templates.TemplateResponse(request, "review.html", {"cards": cards})


# ---- exercises ---------------------------------------------------------------------------------------------

@router.get("/exercises", response_class=HTMLResponse)
def exercises(request: Request, coach: CoachDep) -> Response:
    return templates.TemplateResponse(request, "exercises.html", {"items": coach.exercises()})


@router.get("/exercises/{slug}", response_class=HTMLResponse)
def exercise(request: Request, coach: CoachDep, slug: str, hints: int = 0) -> Response:
    detail = coach.exercise_detail(slug)
    shown = [render_markdown(h).html for h in detail.hints_shown]
    total = len(detail.status.exercise.hints)
    # Without JavaScript the hint form reloads the page with ?hints=N: show that many, fetched from the coach.
    for number in range(len(shown) + 1, min(hints, total) + 1):
        shown.append(render_markdown(coach.exercise_hint_number(slug, number)[2]).html)
    return templates.TemplateResponse(request, "exercise.html", {
        "d": detail, "ex": detail.status.exercise, "task": render_markdown(detail.status.exercise.readme,
                                                                          drop_title=True).html,
        "hints": shown, "hints_total": total})


@router.post("/exercises/{slug}/hints", response_class=HTMLResponse)
def next_hint(request: Request, coach: CoachDep, slug: str, number: Annotated[int, Form()]) -> Response:
    shown, total, text = coach.exercise_hint_number(slug, number)
    if not _from_htmx(request):
        return RedirectResponse(f"/exercises/{slug}?hints={shown}", status_code=303)
    return templates.TemplateResponse(request, "exercise_hint.html", {
        "ex": coach.catalog.exercises[slug], "number": shown, "total": total, "html": render_markdown(text).html})


# ---- projects ----------------------------------------------------------------------------------------------

@router.get("/projects", response_class=HTMLResponse)
def projects(request: Request, coach: CoachDep) -> Response:
    return templates.TemplateResponse(request, "projects.html", {"items": coach.projects()})


def _project_page(request: Request, coach: Coach, slug: str, status_code: int = 200, **extra: Any) -> Response:
    detail = coach.project_detail(slug)
    brief = render_markdown(detail.project.brief, drop_title=True)
    context = {"d": detail, "p": detail.project, "brief": brief.html, "outline": brief.outline,
               "default_parent": str(coach.workspace / "projects"), "folder_value": "", "start_error": None,
               "result": None, "check_error": None, **extra}
    return templates.TemplateResponse(request, "projects_detail.html", context, status_code=status_code)


@router.get("/projects/{slug}", response_class=HTMLResponse)
def project(request: Request, coach: CoachDep, slug: str) -> Response:
    return _project_page(request, coach, slug)


@router.post("/projects/{slug}/start", response_class=HTMLResponse)
def start_project(request: Request, coach: CoachDep, slug: str, folder: Annotated[str, Form()] = "") -> Response:
    try:
        coach.start_project(slug, Path(folder.strip()).expanduser() if folder.strip() else None)
    except NotFoundError:
        raise
    except (InputError, OSError) as error:  # shown beside the folder field, with what was typed
        message = str(error) if isinstance(error, InputError) else f"cannot write there: {error.strerror}"
        return _project_page(request, coach, slug, 400, folder_value=folder, start_error=message)
    return RedirectResponse(f"/projects/{slug}", status_code=303)


@router.post("/projects/{slug}/check", response_class=HTMLResponse)
def check_project(request: Request, coach: CoachDep, slug: str) -> Response:
    result: RunResult | None = None
    error: str | None = None
    try:
        result = coach.check_project(slug)
    except NotFoundError:
        raise
    except InputError as problem:  # e.g. not started, folder gone, scikit-learn missing: beside the button
        error = str(problem)
    if _from_htmx(request):
        return templates.TemplateResponse(request, "projects_check.html", {
            "d": coach.project_detail(slug), "result": result, "check_error": error, "fragment": True})
    return _project_page(request, coach, slug, 200 if error is None else 400, result=result, check_error=error)
