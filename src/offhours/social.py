"""Team server mode, the social side: study groups and study buddies, for one signed-in account.

A study group has members (joined by its invite code), their "what I did today" check-ins, shared
milestones each member ticks, and a weekly leaderboard of study minutes that shows only the members who
opted in. Buddies pair up by buddy code (a request the partner accepts or declines); an accepted buddy sees
the other's streak, minutes this week and next milestone, and may send a few nudges a day.

Privacy by default: every call checks that the account belongs to the group or the accepted pair and
raises NotFoundError otherwise (never "forbidden"), so the ids of other people's things cannot be probed.
The pages and the JSON API both go through `Social`; the JSON shapes are the `*_json` functions here.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from offhours import coach_progress
from offhours.accounts import FieldError, ThrottledError
from offhours.coach import Coach
from offhours.errors import NotFoundError, NotInitialisedError
from offhours.settings import Clock
from offhours.store import Store
from offhours.store.social import BuddyRow, CheckinRow, GroupRow, NudgeRow
from offhours.store.team import Account

MAX_GROUP_NAME = 100
MAX_CHECKIN = 1000
MAX_MILESTONE_TITLE = 200
MAX_NUDGE = 300
NUDGES_PER_DAY = 3  # per pair and sender, over the last 24 hours
CHECKINS_SHOWN = 50


class NudgeLimitError(ThrottledError):
    """Too many nudges to one buddy today (429 on the API; beside the text field on the page)."""

    field = "text"


# ---- what the pages and the API show ----------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    account_id: int
    display_name: str
    joined_at: datetime
    on_leaderboard: bool


@dataclass(frozen=True)
class LeaderboardEntry:
    account_id: int
    display_name: str
    minutes: int
    has_profile: bool


@dataclass(frozen=True)
class GroupMilestone:
    id: int
    title: str
    due: date
    reached_by: tuple[str, ...]  # display names, in the order they got there
    done_by_me: bool


@dataclass(frozen=True)
class GroupView:
    id: int
    name: str
    invite_code: str
    members: tuple[Member, ...]
    checkins: tuple[CheckinRow, ...]  # newest first
    milestones: tuple[GroupMilestone, ...]
    leaderboard: tuple[LeaderboardEntry, ...]  # opted-in members only, most minutes first
    me_on_leaderboard: bool


@dataclass(frozen=True)
class BuddyStatus:
    """What an accepted buddy sees of the other: taken from the coach's own progress of that learner."""

    has_profile: bool
    streak_days: int = 0
    minutes_this_week: int = 0
    next_milestone: tuple[str, date] | None = None  # (title, due date) of the first one not yet done


@dataclass(frozen=True)
class BuddyLink:
    id: int
    kind: Literal["incoming", "outgoing", "paired"]
    display_name: str  # the other person
    since: datetime  # asked at, or paired at
    status: BuddyStatus | None = None  # accepted pairs only


@dataclass(frozen=True)
class Buddies:
    incoming: tuple[BuddyLink, ...]
    outgoing: tuple[BuddyLink, ...]
    paired: tuple[BuddyLink, ...]


@dataclass(frozen=True)
class BuddyRequestResult:
    link: BuddyLink
    outcome: Literal["requested", "accepted", "pending", "paired"]


# ---- the service -------------------------------------------------------------------------------------------


def _text(value: str, field: str, limit: int, what: str) -> str:
    clean = value.strip()
    if "\x00" in clean:
        raise FieldError(field, "remove the NUL character from the text")
    if not clean:
        raise FieldError(field, f"write {what}")
    if len(clean) > limit:
        raise FieldError(field, f"keep it to {limit} characters (this is {len(clean)})")
    return clean


def _plausible(code: str) -> bool:
    """Worth looking up: codes are short URL-safe tokens (and PostgreSQL refuses NUL in a query)."""
    return 0 < len(code) <= 64 and "\x00" not in code


def parse_due(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FieldError("due", "enter a date like 2026-12-31") from None


class Social:
    """Groups, buddies and nudges as seen by one signed-in account."""

    def __init__(self, store: Store, clock: Clock, account: Account) -> None:
        self.store = store
        self.data = store.social
        self.clock = clock
        self.account = account

    # ---- groups ---------------------------------------------------------------------------------------------

    def my_groups(self) -> list[GroupRow]:
        return self.data.groups_of(self.account.id)

    def create_group(self, name: str) -> int:
        clean = _text(name, "name", MAX_GROUP_NAME, "a name for the group")
        return self.data.create_group(name=clean, invite_code=secrets.token_urlsafe(9), account_id=self.account.id,
                                      now=self.clock())

    def join_group(self, invite_code: str) -> int:
        code = invite_code.strip()
        group_id = self.data.join_group(code, self.account.id, now=self.clock()) if _plausible(code) else None
        if group_id is None:
            raise FieldError("invite_code", "no group has this invite code: check it with the person who sent it")
        return group_id

    def leave_group(self, group_id: int) -> None:
        if not self.data.leave_group(group_id, self.account.id):
            raise _no_group(group_id)

    def group(self, group_id: int) -> GroupView:
        detail = self.data.group_detail(group_id, self.account.id, checkin_limit=CHECKINS_SHOWN)
        if detail is None:
            raise _no_group(group_id)
        members = tuple(Member(m.account_id, m.display_name, m.joined_at, m.on_leaderboard) for m in detail.members)
        board = [self._leaderboard_entry(m.account_id, m.display_name) for m in detail.members if m.on_leaderboard]
        board.sort(key=lambda e: (-e.minutes, e.display_name.lower(), e.account_id))
        milestones = tuple(GroupMilestone(m.id, m.title, m.due, tuple(name for _, name, _ in m.reached),
                                          any(who == self.account.id for who, _, _ in m.reached))
                           for m in detail.milestones)
        me = next(m for m in members if m.account_id == self.account.id)
        return GroupView(detail.group.id, detail.group.name, detail.group.invite_code, members, detail.checkins,
                         milestones, tuple(board), me.on_leaderboard)

    def set_on_leaderboard(self, group_id: int, on: bool) -> None:
        if not self.data.set_on_leaderboard(group_id, self.account.id, on):
            raise _no_group(group_id)

    def add_checkin(self, group_id: int, text: str) -> int:
        self._must_be_member(group_id)  # a non-member gets 404 before any word about the text
        clean = _text(text, "text", MAX_CHECKIN, "what you did today")
        checkin_id = self.data.add_checkin(group_id, self.account.id, clean, now=self.clock())
        if checkin_id is None:
            raise _no_group(group_id)
        return checkin_id

    def add_milestone(self, group_id: int, title: str, due: date | str) -> int:
        self._must_be_member(group_id)
        clean = _text(title, "title", MAX_MILESTONE_TITLE, "what the group wants to reach")
        when = parse_due(due) if isinstance(due, str) else due
        milestone_id = self.data.add_group_milestone(group_id, self.account.id, title=clean, due=when,
                                                     now=self.clock())
        if milestone_id is None:
            raise _no_group(group_id)
        return milestone_id

    def set_milestone_done(self, group_id: int, milestone_id: int, done: bool = True) -> None:
        if not self.data.set_milestone_done(group_id, milestone_id, self.account.id, done, now=self.clock()):
            raise NotFoundError(f"no milestone {milestone_id} in your group {group_id}")

    def _must_be_member(self, group_id: int) -> None:
        if not self.data.is_member(group_id, self.account.id):
            raise _no_group(group_id)

    def _leaderboard_entry(self, account_id: int, display_name: str) -> LeaderboardEntry:
        """Minutes since Monday in that member's own timezone, counted as their Progress page counts them."""
        member = self.store.team.account(account_id)
        if member is None or member.learner_id is None:
            return LeaderboardEntry(account_id, display_name, 0, False)
        try:
            minutes = coach_progress.minutes_this_week(self._coach_of(member))
        except NotInitialisedError:
            return LeaderboardEntry(account_id, display_name, 0, False)
        return LeaderboardEntry(account_id, display_name, minutes, True)

    def _coach_of(self, other: Account) -> Coach:
        """A coach bound to another person's account, used here only to read their progress."""
        return Coach(self.store, clock=self.clock, account=other)

    # ---- buddies --------------------------------------------------------------------------------------------

    def buddies(self) -> Buddies:
        links = [self._link(row) for row in self.data.buddy_links(self.account.id)]
        return Buddies(tuple(x for x in links if x.kind == "incoming"), tuple(x for x in links if x.kind == "outgoing"),
                       tuple(x for x in links if x.kind == "paired"))

    def request_buddy(self, buddy_code: str) -> BuddyRequestResult:
        code = buddy_code.strip()
        partner = self.store.team.account_by_buddy_code(code) if _plausible(code) else None
        if partner is None:
            raise FieldError("buddy_code", "no one has this buddy code: they find theirs on their Account page")
        if partner.id == self.account.id:
            raise FieldError("buddy_code", "that is your own buddy code: ask your buddy for theirs")
        outcome, link_id = self.data.request_buddy(self.account.id, partner.id, now=self.clock())
        if outcome == "pending":
            raise FieldError("buddy_code", f"you have already asked {partner.display_name}: wait for an answer")
        if outcome == "paired":
            raise FieldError("buddy_code", f"{partner.display_name} is already your buddy")
        return BuddyRequestResult(self.buddy(link_id, status=False), outcome)

    def buddy(self, link_id: int, *, status: bool = True) -> BuddyLink:
        """One request or pair of this account; an accepted pair comes with the buddy's progress."""
        row = self.data.buddy_link(link_id, self.account.id)
        if row is None:
            raise _no_buddy(link_id)
        return self._link(row, status=status)

    def buddy_status(self, link_id: int) -> BuddyLink:
        """An accepted buddy's streak, minutes and next milestone: 404 for requests and for strangers."""
        link = self.buddy(link_id)
        if link.kind != "paired":
            raise _no_buddy(link_id)
        return link

    def accept_buddy(self, link_id: int) -> BuddyLink:
        if not self.data.accept_buddy(link_id, self.account.id, now=self.clock()):
            raise _no_buddy(link_id)
        return self.buddy(link_id)

    def decline_buddy(self, link_id: int) -> None:
        if not self.data.decline_buddy(link_id, self.account.id):
            raise _no_buddy(link_id)

    def remove_buddy(self, link_id: int) -> None:
        """Unpair, or withdraw a request one sent: from now on neither sees the other's progress."""
        if not self.data.remove_buddy(link_id, self.account.id):
            raise _no_buddy(link_id)

    def nudge(self, link_id: int, text: str) -> int:
        if self.data.buddy_link(link_id, self.account.id) is None:
            raise _no_buddy(link_id)
        clean = _text(text, "text", MAX_NUDGE, "a short nudge, e.g. \"20 minutes tonight?\"")
        now = self.clock()
        outcome, nudge_id = self.data.add_nudge(link_id, self.account.id, clean, now=now,
                                                since=now - timedelta(days=1), limit=NUDGES_PER_DAY)
        if outcome == "limit":
            raise NudgeLimitError(f"you have sent {NUDGES_PER_DAY} nudges to this buddy in the last 24 hours: "
                                  "give them a break and try again tomorrow")
        if nudge_id is None:
            raise _no_buddy(link_id)
        return nudge_id

    def _link(self, row: BuddyRow, *, status: bool = True) -> BuddyLink:
        mine = row.requester_id == self.account.id
        other_id, other_name = (row.partner_id, row.partner_name) if mine else (row.requester_id, row.requester_name)
        if row.accepted_at is None:
            return BuddyLink(row.id, "outgoing" if mine else "incoming", other_name, row.created_at)
        return BuddyLink(row.id, "paired", other_name, row.accepted_at,
                         self._status_of(other_id) if status else None)

    def _status_of(self, account_id: int) -> BuddyStatus:
        """The buddy's numbers from the coach's progress of their learner (the same as their Progress page)."""
        other = self.store.team.account(account_id)
        if other is None or other.learner_id is None:
            return BuddyStatus(has_profile=False)
        try:
            progress = self._coach_of(other).progress()
        except NotInitialisedError:
            return BuddyStatus(has_profile=False)
        upcoming = next((m for m in progress.milestones if m.remaining_minutes > 0), None)
        return BuddyStatus(True, progress.streak.days, progress.minutes_this_week,
                           (upcoming.title, upcoming.deadline) if upcoming else None)

    # ---- nudges ---------------------------------------------------------------------------------------------

    def unseen_nudges(self) -> list[NudgeRow]:
        return self.data.unseen_nudges(self.account.id)

    def dismiss_nudge(self, nudge_id: int) -> None:
        if not self.data.mark_nudge_seen(nudge_id, self.account.id, now=self.clock()):
            raise NotFoundError(f"no nudge {nudge_id} for you")


def _no_group(group_id: int) -> NotFoundError:
    return NotFoundError(f"no group {group_id} among your groups")


def _no_buddy(link_id: int) -> NotFoundError:
    return NotFoundError(f"no buddy or request {link_id} of yours")


# ---- JSON shapes -------------------------------------------------------------------------------------------


def group_summary_json(g: GroupRow) -> dict[str, Any]:
    return {"id": g.id, "name": g.name, "invite_code": g.invite_code, "members": g.members,
            "created_at": g.created_at.isoformat()}


def checkin_json(c: CheckinRow) -> dict[str, Any]:
    return {"id": c.id, "author": c.display_name, "text": c.text, "created_at": c.created_at.isoformat()}


def group_milestone_json(m: GroupMilestone) -> dict[str, Any]:
    return {"id": m.id, "title": m.title, "due": m.due.isoformat(), "reached_by": list(m.reached_by),
            "done_by_me": m.done_by_me}


def leaderboard_json(board: tuple[LeaderboardEntry, ...]) -> list[dict[str, Any]]:
    return [{"rank": i, "display_name": e.display_name, "minutes_this_week": e.minutes,
             "has_profile": e.has_profile} for i, e in enumerate(board, start=1)]


def group_json(g: GroupView) -> dict[str, Any]:
    return {"id": g.id, "name": g.name, "invite_code": g.invite_code,
            "members": [{"display_name": m.display_name, "joined_at": m.joined_at.isoformat(),
                         "on_leaderboard": m.on_leaderboard} for m in g.members],
            "on_leaderboard": g.me_on_leaderboard, "leaderboard": leaderboard_json(g.leaderboard),
            "checkins": [checkin_json(c) for c in g.checkins],
            "milestones": [group_milestone_json(m) for m in g.milestones]}


def buddy_json(link: BuddyLink) -> dict[str, Any]:
    data: dict[str, Any] = {"id": link.id, "kind": link.kind, "display_name": link.display_name,
                            "since": link.since.isoformat()}
    if link.status is not None:
        s = link.status
        data.update(has_profile=s.has_profile, streak_days=s.streak_days, minutes_this_week=s.minutes_this_week,
                    next_milestone={"title": s.next_milestone[0], "date": s.next_milestone[1].isoformat()}
                    if s.next_milestone else None)
    return data


def buddies_json(b: Buddies) -> dict[str, Any]:
    return {"incoming": [buddy_json(x) for x in b.incoming], "outgoing": [buddy_json(x) for x in b.outgoing],
            "buddies": [buddy_json(x) for x in b.paired]}


def nudge_json(n: NudgeRow) -> dict[str, Any]:
    return {"id": n.id, "from": n.from_name, "text": n.text, "created_at": n.created_at.isoformat()}


def nudges_for(coach: Coach) -> list[NudgeRow]:
    """The unseen nudges of the coach's signed-in account (team server mode), for its Today page and API."""
    if coach.account is None:
        return []
    return coach.store.social.unseen_nudges(coach.account.id)
