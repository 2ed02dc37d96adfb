"""Team server mode: mentoring pages and their JSON twins (the logic is in offhours.mentoring)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from offhours import views
from offhours.coach_progress import progress_json
from offhours.errors import InputError
from offhours.mentoring import Mentoring, comment_json, submission_json
from offhours.store.team import Account
from offhours.web.app import templates
from offhours.web.deps import require_account

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["mentoring"])
routers = [pages, api]


def get_mentoring(request: Request) -> Mentoring:
    state = request.app.state
    return Mentoring(state.store(), state.clock, require_account(request))


MentoringDep = Annotated[Mentoring, Depends(get_mentoring)]


# ---- pages ------------------------------------------------------------------------------------------------


def _home(request: Request, m: MentoringDep, values: dict[str, str] | None = None,
          errors: dict[str, str] | None = None, status: int = 200) -> Response:
    journal = m.store.journal_entries(m.viewer.learner_id) if m.viewer.learner_id is not None else []
    return templates.TemplateResponse(request, "mentoring.html", {
        "mentors": m.my_mentors(), "mentees": m.my_mentees(), "submissions": m.my_submissions(),
        "journal": list(reversed(journal))[:30], "values": values or {}, "errors": errors or {}},
        status_code=status)


@pages.get("/mentoring", response_class=HTMLResponse)
def mentoring_home(request: Request, m: MentoringDep) -> Response:
    return _home(request, m)


@pages.post("/mentoring/mentors")
def grant_page(request: Request, m: MentoringDep, mentor_email: Annotated[str, Form()] = "") -> Response:
    try:
        m.grant(mentor_email)
    except InputError as error:
        return _home(request, m, {"mentor_email": mentor_email}, {error.where or "mentor_email": error.message}, 400)
    return RedirectResponse("/mentoring", status_code=303)


@pages.post("/mentoring/mentors/{mentor_id}/revoke")
def revoke_page(m: MentoringDep, mentor_id: int) -> Response:
    m.revoke(mentor_id)
    return RedirectResponse("/mentoring", status_code=303)


@pages.post("/mentoring/journal/{entry_id}")
def share_page(m: MentoringDep, entry_id: int, shared: Annotated[str, Form()] = "") -> Response:
    m.share_journal_entry(entry_id, shared == "1")
    return RedirectResponse("/mentoring", status_code=303)


@pages.get("/mentoring/learners/{account_id}", response_class=HTMLResponse)
def mentee_page(request: Request, m: MentoringDep, account_id: int) -> Response:
    return templates.TemplateResponse(request, "mentee.html", {"v": m.mentee(account_id)})


def _submission_page(request: Request, m: MentoringDep, attempt_id: int, values: dict[str, str] | None = None,
                     errors: dict[str, str] | None = None, status: int = 200) -> Response:
    view = m.submission(attempt_id)
    by_line: dict[int | None, list[Any]] = {}
    for comment in view.comments:
        by_line.setdefault(comment.line, []).append(comment)
    return templates.TemplateResponse(request, "submission.html", {
        "v": view, "by_line": by_line, "values": values or {}, "errors": errors or {}}, status_code=status)


@pages.get("/mentoring/submissions/{attempt_id}", response_class=HTMLResponse)
def submission_page(request: Request, m: MentoringDep, attempt_id: int) -> Response:
    return _submission_page(request, m, attempt_id)


@pages.post("/mentoring/submissions/{attempt_id}")
def comment_page(request: Request, m: MentoringDep, attempt_id: int, text: Annotated[str, Form()] = "",
                 line: Annotated[str, Form()] = "") -> Response:
    try:
        if line.strip() and not line.strip().isdigit():
            raise InputError("give a line number, or leave it empty to comment on the whole", where="line")
        m.comment(attempt_id, text, int(line) if line.strip() else None)
    except InputError as error:
        if error.where is None:
            raise
        return _submission_page(request, m, attempt_id, {"text": text, "line": line},
                                {error.where: error.message}, 400)
    return RedirectResponse(f"/mentoring/submissions/{attempt_id}", status_code=303)


# ---- JSON ---------------------------------------------------------------------------------------------------


class MentorGrant(BaseModel):
    email: str


class NewComment(BaseModel):
    text: str = Field(max_length=5000)
    line: int | None = None


class Sharing(BaseModel):
    shared: bool


@api.get("/mentors")
def api_mentors(m: MentoringDep) -> list[dict[str, object]]:
    """The mentors who may read my progress and submissions."""
    return [_person(a) for a in m.my_mentors()]


@api.post("/mentors", status_code=201)
def api_grant(m: MentoringDep, body: MentorGrant) -> dict[str, object]:
    return _person(m.grant(body.email))


@api.delete("/mentors/{mentor_id}")
def api_revoke(m: MentoringDep, mentor_id: int) -> dict[str, bool]:
    m.revoke(mentor_id)
    return {"revoked": True}


@api.get("/mentees")
def api_mentees(m: MentoringDep) -> list[dict[str, object]]:
    """The learners who granted me access."""
    return [_person(a) for a in m.my_mentees()]


@api.get("/mentees/{account_id}")
def api_mentee(m: MentoringDep, account_id: int) -> dict[str, Any]:
    view = m.mentee(account_id)
    return {"learner": _person(view.learner),
            "progress": progress_json(view.progress) if view.progress else None,
            "submissions": [submission_json(s) for s in view.submissions],
            "shared_journal": [views.journal_entry_json(e) for e in view.shared_journal]}


@api.get("/submissions")
def api_my_submissions(m: MentoringDep) -> list[dict[str, object]]:
    return [submission_json(s) for s in m.my_submissions()]


@api.get("/submissions/{attempt_id}")
def api_submission(m: MentoringDep, attempt_id: int) -> dict[str, Any]:
    view = m.submission(attempt_id)
    return {**submission_json(view.submission), "learner": _person(view.learner), "code": view.submission.code,
            "comments": [comment_json(c) for c in view.comments]}


@api.post("/submissions/{attempt_id}/comments", status_code=201)
def api_comment(m: MentoringDep, attempt_id: int, body: NewComment) -> dict[str, int]:
    return {"id": m.comment(attempt_id, body.text, body.line)}


@api.post("/journal/{entry_id}/share")
def api_share(m: MentoringDep, entry_id: int, body: Sharing) -> dict[str, bool]:
    """Share one journal entry with my mentors (or stop sharing it)."""
    m.share_journal_entry(entry_id, body.shared)
    return {"shared": body.shared}


def _person(account: Account) -> dict[str, object]:
    return {"id": account.id, "display_name": account.display_name}

