"""Team server mode storage for the social side: study groups (members, check-ins, shared milestones) and
study buddies (requests, pairs, nudges). Reached as `store.social`.

Every method is one transaction and takes the acting account's id: a method that reads or changes a group
checks membership in the same transaction, and one that touches a buddy pair checks that the account is on
it, so a caller cannot reach another person's data by passing someone else's id (it gets None / False).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import sqlalchemy as sa

from offhours.store.team_tables import (
    accounts,
    buddies,
    checkins,
    group_members,
    group_milestone_done,
    group_milestones,
    nudges,
    study_groups,
)


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    invite_code: str
    created_at: datetime
    members: int


@dataclass(frozen=True)
class MemberRow:
    account_id: int
    display_name: str
    learner_id: int | None
    on_leaderboard: bool
    joined_at: datetime


@dataclass(frozen=True)
class CheckinRow:
    id: int
    account_id: int
    display_name: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    due: date
    created_at: datetime
    reached: tuple[tuple[int, str, datetime], ...]  # (account id, display name, when), current members only


@dataclass(frozen=True)
class GroupDetail:
    group: GroupRow
    members: tuple[MemberRow, ...]
    checkins: tuple[CheckinRow, ...]  # newest first
    milestones: tuple[MilestoneRow, ...]  # by due date


@dataclass(frozen=True)
class BuddyRow:
    id: int
    requester_id: int
    requester_name: str
    partner_id: int
    partner_name: str
    accepted_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class NudgeRow:
    id: int
    from_id: int
    from_name: str
    text: str
    created_at: datetime


BuddyRequestOutcome = Literal["requested", "accepted", "pending", "paired"]
NudgeOutcome = Literal["sent", "limit", "not-found"]


def _is_member(conn: sa.Connection, group_id: int, account_id: int) -> bool:
    found = conn.execute(sa.select(group_members.c.group_id).where(
        group_members.c.group_id == group_id, group_members.c.account_id == account_id)).first()
    return found is not None


def _group_row(conn: sa.Connection, group_id: int) -> GroupRow | None:
    members = (sa.select(sa.func.count()).select_from(group_members)
               .where(group_members.c.group_id == study_groups.c.id).scalar_subquery())
    row = conn.execute(sa.select(study_groups.c.id, study_groups.c.name, study_groups.c.invite_code,
                                 study_groups.c.created_at, members.label("members"))
                       .where(study_groups.c.id == group_id)).first()
    if row is None:
        return None
    m = row._mapping
    return GroupRow(m["id"], m["name"], m["invite_code"], m["created_at"], int(m["members"]))


_requester = accounts.alias("requester")
_partner = accounts.alias("partner")
_BUDDY_QUERY = (sa.select(buddies.c.id, buddies.c.requester_id, _requester.c.display_name.label("requester_name"),
                          buddies.c.partner_id, _partner.c.display_name.label("partner_name"),
                          buddies.c.accepted_at, buddies.c.created_at)
                .join(_requester, _requester.c.id == buddies.c.requester_id)
                .join(_partner, _partner.c.id == buddies.c.partner_id))


def _buddy_row(row: Any) -> BuddyRow:  # a row of _BUDDY_QUERY
    m = row._mapping
    return BuddyRow(m["id"], m["requester_id"], m["requester_name"], m["partner_id"], m["partner_name"],
                    m["accepted_at"], m["created_at"])


def _link_between(conn: sa.Connection, a: int, b: int) -> sa.Row[tuple[object, ...]] | None:
    """The pair row of two accounts, in either direction."""
    either = sa.or_(sa.and_(buddies.c.requester_id == a, buddies.c.partner_id == b),
                    sa.and_(buddies.c.requester_id == b, buddies.c.partner_id == a))
    return conn.execute(sa.select(buddies).where(either)).first()


def _lock_accounts(conn: sa.Connection, *ids: int) -> None:
    """Serialise changes to the pairs of these accounts (PostgreSQL row locks, lowest id first; SQLite
    serialises writers anyway), so two people asking each other at once make one pair, not two."""
    for account_id in sorted(ids):
        conn.execute(sa.select(accounts.c.id).where(accounts.c.id == account_id).with_for_update())


class SocialStore:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # ---- groups ---------------------------------------------------------------------------------------------

    def create_group(self, *, name: str, invite_code: str, account_id: int, now: datetime) -> int:
        with self.engine.begin() as conn:
            group_id = int(conn.execute(study_groups.insert().values(
                name=name, invite_code=invite_code, created_by=account_id, created_at=now)
                .returning(study_groups.c.id)).scalar_one())
            conn.execute(group_members.insert().values(group_id=group_id, account_id=account_id, joined_at=now))
            return group_id

    def join_group(self, invite_code: str, account_id: int, *, now: datetime) -> int | None:
        """The group's id (joined now, or already a member); None when no group has this invite code."""
        with self.engine.begin() as conn:
            group_id = conn.execute(sa.select(study_groups.c.id).where(study_groups.c.invite_code == invite_code)
                                    .with_for_update()).scalar()
            if group_id is None:
                return None
            if not _is_member(conn, group_id, account_id):
                conn.execute(group_members.insert().values(group_id=group_id, account_id=account_id,
                                                           joined_at=now))
            return int(group_id)

    def leave_group(self, group_id: int, account_id: int) -> bool:
        """Leave (False when not a member). The milestones the person ticked forget them; their check-ins
        stay with the group. The last one out deletes the group."""
        with self.engine.begin() as conn:
            if conn.execute(sa.select(study_groups.c.id).where(study_groups.c.id == group_id)
                            .with_for_update()).first() is None or not _is_member(conn, group_id, account_id):
                return False
            conn.execute(group_members.delete().where(group_members.c.group_id == group_id,
                                                      group_members.c.account_id == account_id))
            in_group = sa.select(group_milestones.c.id).where(group_milestones.c.group_id == group_id)
            conn.execute(group_milestone_done.delete().where(group_milestone_done.c.account_id == account_id,
                                                             group_milestone_done.c.milestone_id.in_(in_group)))
            left = conn.execute(sa.select(sa.func.count()).select_from(group_members)
                                .where(group_members.c.group_id == group_id)).scalar_one()
            if not left:
                conn.execute(study_groups.delete().where(study_groups.c.id == group_id))
            return True

    def is_member(self, group_id: int, account_id: int) -> bool:
        with self.engine.connect() as conn:
            return _is_member(conn, group_id, account_id)

    def groups_of(self, account_id: int) -> list[GroupRow]:
        with self.engine.connect() as conn:
            ids = conn.execute(sa.select(group_members.c.group_id).where(group_members.c.account_id == account_id)
                               .order_by(group_members.c.joined_at, group_members.c.group_id)).scalars().all()
            return [row for row in (_group_row(conn, group_id) for group_id in ids) if row is not None]

    def group_detail(self, group_id: int, account_id: int, *, checkin_limit: int = 50) -> GroupDetail | None:
        """Everything a member sees on the group page; None unless `account_id` is a member."""
        with self.engine.connect() as conn:
            group = _group_row(conn, group_id)
            if group is None or not _is_member(conn, group_id, account_id):
                return None
            member_rows = conn.execute(
                sa.select(group_members.c.account_id, accounts.c.display_name, accounts.c.learner_id,
                          group_members.c.on_leaderboard, group_members.c.joined_at)
                .join(accounts, accounts.c.id == group_members.c.account_id)
                .where(group_members.c.group_id == group_id)
                .order_by(group_members.c.joined_at, group_members.c.account_id))
            members = tuple(MemberRow(a, n, lid, bool(on), j) for a, n, lid, on, j in member_rows)
            checkin_rows = conn.execute(
                sa.select(checkins.c.id, checkins.c.account_id, accounts.c.display_name, checkins.c.text,
                          checkins.c.created_at)
                .join(accounts, accounts.c.id == checkins.c.account_id)
                .where(checkins.c.group_id == group_id)
                .order_by(checkins.c.created_at.desc(), checkins.c.id.desc()).limit(checkin_limit))
            posted = tuple(CheckinRow(i, a, n, t, c) for i, a, n, t, c in checkin_rows)
            milestone_rows = conn.execute(
                sa.select(group_milestones.c.id, group_milestones.c.title, group_milestones.c.due,
                          group_milestones.c.created_at)
                .where(group_milestones.c.group_id == group_id)
                .order_by(group_milestones.c.due, group_milestones.c.id)).all()
            done_rows = conn.execute(
                sa.select(group_milestone_done.c.milestone_id, group_milestone_done.c.account_id,
                          accounts.c.display_name, group_milestone_done.c.done_at)
                .join(accounts, accounts.c.id == group_milestone_done.c.account_id)
                .join(group_milestones, group_milestones.c.id == group_milestone_done.c.milestone_id)
                .join(group_members, sa.and_(group_members.c.group_id == group_milestones.c.group_id,
                                             group_members.c.account_id == group_milestone_done.c.account_id))
                .where(group_milestones.c.group_id == group_id)
                .order_by(group_milestone_done.c.done_at, group_milestone_done.c.account_id))
            reached: dict[int, list[tuple[int, str, datetime]]] = {}
            for milestone_id, who, name, at in done_rows:
                reached.setdefault(milestone_id, []).append((who, name, at))
            milestones = tuple(MilestoneRow(i, t, d, c, tuple(reached.get(i, []))) for i, t, d, c in milestone_rows)
            return GroupDetail(group, members, posted, milestones)

    def set_on_leaderboard(self, group_id: int, account_id: int, on: bool) -> bool:
        with self.engine.begin() as conn:
            changed = conn.execute(group_members.update().where(
                group_members.c.group_id == group_id, group_members.c.account_id == account_id)
                .values(on_leaderboard=on))
            return bool(changed.rowcount)

    def add_checkin(self, group_id: int, account_id: int, text: str, *, now: datetime) -> int | None:
        with self.engine.begin() as conn:
            if not _is_member(conn, group_id, account_id):
                return None
            return int(conn.execute(checkins.insert().values(group_id=group_id, account_id=account_id, text=text,
                                                             created_at=now).returning(checkins.c.id)).scalar_one())

    def add_group_milestone(self, group_id: int, account_id: int, *, title: str, due: date,
                            now: datetime) -> int | None:
        with self.engine.begin() as conn:
            if not _is_member(conn, group_id, account_id):
                return None
            return int(conn.execute(group_milestones.insert().values(
                group_id=group_id, title=title, due=due, created_by=account_id, created_at=now)
                .returning(group_milestones.c.id)).scalar_one())

    def set_milestone_done(self, group_id: int, milestone_id: int, account_id: int, done: bool, *,
                           now: datetime) -> bool:
        """Tick (or untick) a milestone of the group for this member; False when either is not theirs."""
        with self.engine.begin() as conn:
            if not _is_member(conn, group_id, account_id):
                return False
            in_group = conn.execute(sa.select(group_milestones.c.id).where(
                group_milestones.c.id == milestone_id, group_milestones.c.group_id == group_id)
                .with_for_update()).first()
            if in_group is None:
                return False
            mine = sa.and_(group_milestone_done.c.milestone_id == milestone_id,
                           group_milestone_done.c.account_id == account_id)
            ticked = conn.execute(sa.select(group_milestone_done.c.milestone_id).where(mine)).first() is not None
            if done and not ticked:
                conn.execute(group_milestone_done.insert().values(milestone_id=milestone_id, account_id=account_id,
                                                                  done_at=now))
            elif not done and ticked:
                conn.execute(group_milestone_done.delete().where(mine))
            return True

    # ---- buddies --------------------------------------------------------------------------------------------

    def buddy_links(self, account_id: int) -> list[BuddyRow]:
        """Every request and pair the account is part of, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(_BUDDY_QUERY.where(sa.or_(buddies.c.requester_id == account_id,
                                                          buddies.c.partner_id == account_id))
                                .order_by(buddies.c.created_at, buddies.c.id))
            return [_buddy_row(row) for row in rows]

    def buddy_link(self, link_id: int, account_id: int) -> BuddyRow | None:
        """One request or pair, only when the account is on it."""
        with self.engine.connect() as conn:
            row = conn.execute(_BUDDY_QUERY.where(buddies.c.id == link_id, sa.or_(
                buddies.c.requester_id == account_id, buddies.c.partner_id == account_id))).first()
            return _buddy_row(row) if row else None

    def request_buddy(self, requester_id: int, partner_id: int, *,
                      now: datetime) -> tuple[BuddyRequestOutcome, int]:
        """Ask `partner_id` to pair up. When they had already asked, that request is accepted instead."""
        with self.engine.begin() as conn:
            _lock_accounts(conn, requester_id, partner_id)
            found = _link_between(conn, requester_id, partner_id)
            if found is not None:
                m = found._mapping
                if m["accepted_at"] is not None:
                    return "paired", int(m["id"])
                if m["requester_id"] == requester_id:
                    return "pending", int(m["id"])
                conn.execute(buddies.update().where(buddies.c.id == m["id"]).values(accepted_at=now))
                return "accepted", int(m["id"])
            link_id = conn.execute(buddies.insert().values(requester_id=requester_id, partner_id=partner_id,
                                                           created_at=now).returning(buddies.c.id)).scalar_one()
            return "requested", int(link_id)

    def accept_buddy(self, link_id: int, account_id: int, *, now: datetime) -> bool:
        """Only the person asked can accept, and only a pending request."""
        with self.engine.begin() as conn:
            changed = conn.execute(buddies.update().where(
                buddies.c.id == link_id, buddies.c.partner_id == account_id, buddies.c.accepted_at.is_(None))
                .values(accepted_at=now))
            return bool(changed.rowcount)

    def decline_buddy(self, link_id: int, account_id: int) -> bool:
        """The person asked says no: the request is deleted."""
        with self.engine.begin() as conn:
            gone = conn.execute(buddies.delete().where(
                buddies.c.id == link_id, buddies.c.partner_id == account_id, buddies.c.accepted_at.is_(None)))
            return bool(gone.rowcount)

    def remove_buddy(self, link_id: int, account_id: int) -> bool:
        """Unpair, or withdraw one's own request: either side of the row may delete it."""
        with self.engine.begin() as conn:
            gone = conn.execute(buddies.delete().where(buddies.c.id == link_id, sa.or_(
                buddies.c.requester_id == account_id, buddies.c.partner_id == account_id)))
            return bool(gone.rowcount)

    # ---- nudges ---------------------------------------------------------------------------------------------

    def add_nudge(self, link_id: int, from_id: int, text: str, *, now: datetime, since: datetime,
                  limit: int) -> tuple[NudgeOutcome, int | None]:
        """Nudge the buddy of an accepted pair, at most `limit` times since `since` per pair and sender."""
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(buddies).where(
                buddies.c.id == link_id, buddies.c.accepted_at.is_not(None),
                sa.or_(buddies.c.requester_id == from_id, buddies.c.partner_id == from_id))
                .with_for_update()).first()  # also serialises concurrent nudges of the pair
            if row is None:
                return "not-found", None
            m = row._mapping
            to_id = m["partner_id"] if m["requester_id"] == from_id else m["requester_id"]
            sent = conn.execute(sa.select(sa.func.count()).select_from(nudges).where(
                nudges.c.from_id == from_id, nudges.c.to_id == to_id, nudges.c.created_at >= since)).scalar_one()
            if sent >= limit:
                return "limit", None
            nudge_id = conn.execute(nudges.insert().values(from_id=from_id, to_id=to_id, text=text, created_at=now)
                                    .returning(nudges.c.id)).scalar_one()
            return "sent", int(nudge_id)

    def unseen_nudges(self, account_id: int) -> list[NudgeRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(nudges.c.id, nudges.c.from_id, accounts.c.display_name, nudges.c.text, nudges.c.created_at)
                .join(accounts, accounts.c.id == nudges.c.from_id)
                .where(nudges.c.to_id == account_id, nudges.c.seen_at.is_(None))
                .order_by(nudges.c.created_at.desc(), nudges.c.id.desc()))
            return [NudgeRow(i, f, n, t, c) for i, f, n, t, c in rows]

    def mark_nudge_seen(self, nudge_id: int, account_id: int, *, now: datetime) -> bool:
        """Only the recipient can dismiss a nudge; True when it is theirs (seen before or now)."""
        with self.engine.begin() as conn:
            mine = sa.and_(nudges.c.id == nudge_id, nudges.c.to_id == account_id)
            if conn.execute(sa.select(nudges.c.id).where(mine)).first() is None:
                return False
            conn.execute(nudges.update().where(mine, nudges.c.seen_at.is_(None)).values(seen_at=now))
            return True
