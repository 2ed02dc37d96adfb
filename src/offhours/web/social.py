"""Team server mode: study groups, buddies and nudges, as pages and as their JSON twins.

Routes stay thin: `offhours.social.Social` (bound to the signed-in account) checks membership and pairs and
raises NotFoundError (404) for anything that is not the account's to see.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from offhours import social
from offhours.accounts import FieldError
from offhours.social import NudgeLimitError, Social
from offhours.web.app import templates
from offhours.web.deps import require_account

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["social"])
routers = [pages, api]


def get_social(request: Request) -> Social:
    state = request.app.state
    return Social(state.store(), state.clock, require_account(request))


SocialDep = Annotated[Social, Depends(get_social)]
Text = Annotated[str, Form()]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]  # a database integer: larger ids are refused, not looked up


def _see(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _errors(error: FieldError | NudgeLimitError) -> dict[str, str]:
    return {error.field: error.message}


# ---- groups: pages ---------------------------------------------------------------------------------------------


def _groups_page(request: Request, s: Social, values: dict[str, str] | None = None,
                 errors: dict[str, str] | None = None, status: int = 200) -> Response:
    return templates.TemplateResponse(request, "groups.html", {
        "groups": s.my_groups(), "values": values or {}, "errors": errors or {}}, status_code=status)


@pages.get("/groups", response_class=HTMLResponse)
def groups_page(request: Request, s: SocialDep, invite: str = "") -> Response:
    """My groups, with forms to start one and to join one (?invite=CODE fills in the code)."""
    return _groups_page(request, s, {"invite_code": invite})


@pages.post("/groups")
def create_group(request: Request, s: SocialDep, name: Text = "") -> Response:
    try:
        group_id = s.create_group(name)
    except FieldError as error:
        return _groups_page(request, s, {"name": name}, _errors(error), status=400)
    return _see(f"/groups/{group_id}")


@pages.post("/groups/join")
def join_group(request: Request, s: SocialDep, invite_code: Text = "") -> Response:
    try:
        group_id = s.join_group(invite_code)
    except FieldError as error:
        return _groups_page(request, s, {"invite_code": invite_code}, _errors(error), status=400)
    return _see(f"/groups/{group_id}")


def _group_page(request: Request, s: Social, group_id: Id, values: dict[str, str] | None = None,
                errors: dict[str, str] | None = None, status: int = 200) -> Response:
    group = s.group(group_id)
    return templates.TemplateResponse(request, "group.html", {
        "g": group, "me": s.account, "values": values or {}, "errors": errors or {},
        "join_url": f"{str(request.base_url).rstrip('/')}/groups?invite={group.invite_code}"}, status_code=status)


@pages.get("/groups/{group_id}", response_class=HTMLResponse)
def group_page(request: Request, s: SocialDep, group_id: Id) -> Response:
    return _group_page(request, s, group_id)


@pages.post("/groups/{group_id}/leave")
def leave_group(s: SocialDep, group_id: Id) -> Response:
    s.leave_group(group_id)
    return _see("/groups")


@pages.post("/groups/{group_id}/leaderboard")
def set_leaderboard(s: SocialDep, group_id: Id, on: Text = "") -> Response:
    s.set_on_leaderboard(group_id, on == "1")
    return _see(f"/groups/{group_id}#leaderboard")


@pages.post("/groups/{group_id}/checkins")
def add_checkin(request: Request, s: SocialDep, group_id: Id, text: Text = "") -> Response:
    try:
        s.add_checkin(group_id, text)
    except FieldError as error:
        return _group_page(request, s, group_id, {"text": text}, _errors(error), status=400)
    return _see(f"/groups/{group_id}#checkins")


@pages.post("/groups/{group_id}/milestones")
def add_milestone(request: Request, s: SocialDep, group_id: Id, title: Text = "", due: Text = "") -> Response:
    try:
        s.add_milestone(group_id, title, due)
    except FieldError as error:
        return _group_page(request, s, group_id, {"title": title, "due": due}, _errors(error), status=400)
    return _see(f"/groups/{group_id}#milestones")


@pages.post("/groups/{group_id}/milestones/{milestone_id}/done")
def tick_milestone(s: SocialDep, group_id: Id, milestone_id: Id, done: Text = "1") -> Response:
    s.set_milestone_done(group_id, milestone_id, done == "1")
    return _see(f"/groups/{group_id}#milestones")


# ---- buddies and nudges: pages -----------------------------------------------------------------------------------


def _buddies_page(request: Request, s: Social, values: dict[str, str] | None = None,
                  errors: dict[str, str] | None = None, nudge_for: int | None = None, notice: str = "",
                  status: int = 200) -> Response:
    return templates.TemplateResponse(request, "buddies.html", {
        "b": s.buddies(), "me": s.account, "values": values or {}, "errors": errors or {}, "nudge_for": nudge_for,
        "notice": notice, "per_day": social.NUDGES_PER_DAY}, status_code=status)


@pages.get("/buddies", response_class=HTMLResponse)
def buddies_page(request: Request, s: SocialDep, sent: str = "") -> Response:
    return _buddies_page(request, s, notice="Nudge sent." if sent else "")


@pages.post("/buddies")
def request_buddy(request: Request, s: SocialDep, buddy_code: Text = "") -> Response:
    try:
        s.request_buddy(buddy_code)
    except FieldError as error:
        return _buddies_page(request, s, {"buddy_code": buddy_code}, _errors(error), status=400)
    return _see("/buddies")


@pages.post("/buddies/{link_id}/accept")
def accept_buddy(s: SocialDep, link_id: Id) -> Response:
    s.accept_buddy(link_id)
    return _see("/buddies")


@pages.post("/buddies/{link_id}/decline")
def decline_buddy(s: SocialDep, link_id: Id) -> Response:
    s.decline_buddy(link_id)
    return _see("/buddies")


@pages.post("/buddies/{link_id}/remove")
def remove_buddy(s: SocialDep, link_id: Id) -> Response:
    s.remove_buddy(link_id)
    return _see("/buddies")


@pages.post("/buddies/{link_id}/nudge")
def nudge(request: Request, s: SocialDep, link_id: Id, text: Text = "") -> Response:
    try:
        s.nudge(link_id, text)
    except (FieldError, NudgeLimitError) as error:
        return _buddies_page(request, s, {"text": text}, _errors(error), nudge_for=link_id,
                             status=429 if isinstance(error, NudgeLimitError) else 400)
    return _see("/buddies?sent=1")


@pages.post("/nudges/{nudge_id}/seen")
def dismiss_nudge(s: SocialDep, nudge_id: Id, next: Text = "/") -> Response:
    s.dismiss_nudge(nudge_id)
    return _see(next if next.startswith("/") and not next.startswith("//") else "/")


# ---- JSON -------------------------------------------------------------------------------------------------------


class NewGroup(BaseModel):
    name: str = Field(max_length=1000)


class JoinGroup(BaseModel):
    invite_code: str = Field(max_length=100)


class LeaderboardChoice(BaseModel):
    on: bool


class NewCheckin(BaseModel):
    text: str = Field(max_length=10_000)


class NewMilestone(BaseModel):
    title: str = Field(max_length=10_000)
    due: date


class MilestoneTick(BaseModel):
    done: bool = True


class BuddyRequest(BaseModel):
    buddy_code: str = Field(max_length=100)


class NewNudge(BaseModel):
    text: str = Field(max_length=10_000)


@api.get("/groups")
def api_groups(s: SocialDep) -> list[dict[str, Any]]:
    return [social.group_summary_json(g) for g in s.my_groups()]


@api.post("/groups", status_code=201)
def api_create_group(s: SocialDep, body: NewGroup) -> dict[str, Any]:
    return social.group_json(s.group(s.create_group(body.name)))


@api.post("/groups/join")
def api_join_group(s: SocialDep, body: JoinGroup) -> dict[str, Any]:
    return social.group_json(s.group(s.join_group(body.invite_code)))


@api.get("/groups/{group_id}")
def api_group(s: SocialDep, group_id: Id) -> dict[str, Any]:
    return social.group_json(s.group(group_id))


@api.post("/groups/{group_id}/leave")
def api_leave_group(s: SocialDep, group_id: Id) -> dict[str, Any]:
    s.leave_group(group_id)
    return {"left": group_id}


@api.get("/groups/{group_id}/leaderboard")
def api_leaderboard(s: SocialDep, group_id: Id) -> list[dict[str, Any]]:
    return social.leaderboard_json(s.group(group_id).leaderboard)


@api.put("/groups/{group_id}/leaderboard")
def api_set_leaderboard(s: SocialDep, group_id: Id, body: LeaderboardChoice) -> dict[str, Any]:
    """Opt in to (or out of) the group's weekly leaderboard of study minutes."""
    s.set_on_leaderboard(group_id, body.on)
    return {"on_leaderboard": body.on, "leaderboard": social.leaderboard_json(s.group(group_id).leaderboard)}


@api.get("/groups/{group_id}/checkins")
def api_checkins(s: SocialDep, group_id: Id) -> list[dict[str, Any]]:
    return [social.checkin_json(c) for c in s.group(group_id).checkins]


@api.post("/groups/{group_id}/checkins", status_code=201)
def api_add_checkin(s: SocialDep, group_id: Id, body: NewCheckin) -> dict[str, Any]:
    checkin_id = s.add_checkin(group_id, body.text)
    return next(social.checkin_json(c) for c in s.group(group_id).checkins if c.id == checkin_id)


@api.get("/groups/{group_id}/milestones")
def api_milestones(s: SocialDep, group_id: Id) -> list[dict[str, Any]]:
    return [social.group_milestone_json(m) for m in s.group(group_id).milestones]


@api.post("/groups/{group_id}/milestones", status_code=201)
def api_add_milestone(s: SocialDep, group_id: Id, body: NewMilestone) -> dict[str, Any]:
    milestone_id = s.add_milestone(group_id, body.title, body.due)
    return next(social.group_milestone_json(m) for m in s.group(group_id).milestones if m.id == milestone_id)


@api.post("/groups/{group_id}/milestones/{milestone_id}/done")
def api_tick_milestone(s: SocialDep, group_id: Id, milestone_id: Id,
                       body: MilestoneTick | None = None) -> dict[str, Any]:
    s.set_milestone_done(group_id, milestone_id, body.done if body else True)
    return next(social.group_milestone_json(m) for m in s.group(group_id).milestones if m.id == milestone_id)


@api.get("/buddies")
def api_buddies(s: SocialDep) -> dict[str, Any]:
    return social.buddies_json(s.buddies())


@api.post("/buddies", status_code=201)
def api_request_buddy(s: SocialDep, body: BuddyRequest) -> dict[str, Any]:
    """Ask for a buddy by their buddy code; when they had already asked you, you are paired at once."""
    result = s.request_buddy(body.buddy_code)
    return {**social.buddy_json(result.link), "outcome": result.outcome}


@api.get("/buddies/{link_id}")
def api_buddy(s: SocialDep, link_id: Id) -> dict[str, Any]:
    """An accepted buddy: their streak, minutes this week and next milestone (404 for anyone else)."""
    return social.buddy_json(s.buddy_status(link_id))


@api.post("/buddies/{link_id}/accept")
def api_accept_buddy(s: SocialDep, link_id: Id) -> dict[str, Any]:
    return social.buddy_json(s.accept_buddy(link_id))


@api.post("/buddies/{link_id}/decline")
def api_decline_buddy(s: SocialDep, link_id: Id) -> dict[str, Any]:
    s.decline_buddy(link_id)
    return {"declined": link_id}


@api.delete("/buddies/{link_id}")
def api_remove_buddy(s: SocialDep, link_id: Id) -> dict[str, Any]:
    """Unpair (or withdraw a request you sent)."""
    s.remove_buddy(link_id)
    return {"removed": link_id}


@api.post("/buddies/{link_id}/nudges", status_code=201)
def api_nudge(s: SocialDep, link_id: Id, body: NewNudge) -> dict[str, Any]:
    return {"id": s.nudge(link_id, body.text), "sent": True}


@api.get("/nudges")
def api_nudges(s: SocialDep) -> list[dict[str, Any]]:
    """Unseen nudges from buddies, newest first."""
    return [social.nudge_json(n) for n in s.unseen_nudges()]


@api.post("/nudges/{nudge_id}/seen")
def api_dismiss_nudge(s: SocialDep, nudge_id: Id) -> dict[str, Any]:
    s.dismiss_nudge(nudge_id)
    return {"seen": nudge_id}
