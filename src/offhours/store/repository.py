"""The repository: the only code that reads and writes learner data. One method, one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

import sqlalchemy as sa

from offhours.domain.path import PathEdit, TopicStatus
from offhours.domain.planner import Block
from offhours.domain.stack import StackChoice
from offhours.errors import InputError
from offhours.profile import Mode, Profile, Style
from offhours.store import database
from offhours.store.memory import MemoryStore
from offhours.store.mentoring import MentoringStore
from offhours.store.social import SocialStore
from offhours.store.tables import (
    achievements,
    availability,
    blocks,
    calendars,
    exercise_attempts,
    exercise_state,
    goals,
    journal,
    learners,
    network,
    path_edits,
    rewards,
    slots,
    stack_choices,
    study_log,
    timers,
    topic_status,
)
from offhours.store.team import TeamStore
from offhours.store.team_tables import accounts


@dataclass(frozen=True)
class StoredProfile:
    learner_id: int
    profile: Profile
    start_date: date
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class StoredCalendar:
    name: str
    content: str
    imported_at: datetime
    expanded: dict[str, Any] | None = None  # a cached expansion (see Coach.calendar_busy)
    expanded_from: datetime | None = None
    expanded_to: datetime | None = None


class Store(MemoryStore):
    """Learner data in one SQL database (SQLite by default, PostgreSQL in server mode)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Connect and bring the schema up to date (migrations apply on open). A team server does not
        migrate on open (several workers would race): it refuses a database that is not up to date."""
        engine = database.make_engine(url)
        if migrate:
            database.upgrade(engine)
        else:
            found, needed = database.current_revision(engine), database.head_revision()
            if found != needed:
                engine.dispose()
                raise InputError(f"the database is at revision {found or 'none'} but this offhours needs "
                                 f"{needed}: run `offhours db upgrade` first")
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @cached_property
    def team(self) -> TeamStore:
        """Accounts, sessions, groups, buddies and mentors (team server mode)."""
        return TeamStore(self.engine)

    @cached_property
    def social(self) -> SocialStore:
        """Study groups, buddies and nudges (team server mode)."""
        return SocialStore(self.engine)

    @cached_property
    def mentoring(self) -> MentoringStore:
        """Mentor grants, submissions and their comments, shared journal entries (team server mode)."""
        return MentoringStore(self.engine)

    # ---- learner profile ---------------------------------------------------------------------------------

    def local_learner_id(self) -> int | None:
        """The learner of a single-user home: the first one created. A team server's database has many
        people's learners, and none of them is "the" learner: asking there is refused, not answered."""
        any_account = sa.select(accounts.c.id).limit(1).scalar_subquery()
        first_learner = sa.select(sa.func.min(learners.c.id)).scalar_subquery()
        with self.engine.connect() as conn:
            account, learner = conn.execute(sa.select(any_account, first_learner)).one()
            if account is not None:
                raise InputError("this database belongs to a team server (it has accounts): use it through "
                                 "`offhours serve --multi-user`; the learner commands work on a personal home")
            return int(learner) if learner is not None else None

    def save_profile(self, profile: Profile, *, start_date: date, now: datetime,
                     learner_id: int | None = None, account_id: int | None = None) -> int:
        """Create or replace a learner's profile; their history (by learner id) is kept. A new learner of a
        team server belongs to the account that onboarded (`account_id`)."""
        learner_row = {
            "name": profile.name, "timezone": profile.timezone, "start_date": start_date,
            "mode": profile.mode, "domain": profile.domain,
            "style": profile.style.model_dump() if profile.style else None, "updated_at": now,
        }
        with self.engine.begin() as conn:
            if learner_id is None:
                learner_id = conn.execute(
                    learners.insert().values(**learner_row, created_at=now).returning(learners.c.id)
                ).scalar_one()
                if account_id is not None:
                    conn.execute(accounts.update().where(accounts.c.id == account_id).values(learner_id=learner_id))
            else:
                conn.execute(learners.update().where(learners.c.id == learner_id).values(**learner_row))
                for table in (goals, slots, availability):
                    conn.execute(table.delete().where(table.c.learner_id == learner_id))
            avail = profile.availability
            conn.execute(availability.insert().values(
                learner_id=learner_id, weekly_minutes=avail.weekly_minutes,
                max_daily_minutes=avail.max_daily_minutes, block_min_minutes=avail.block_minutes[0],
                block_max_minutes=avail.block_minutes[1], rest_days=avail.rest_days,
                work_days=avail.work_days,
                work_start=avail.work_hours[0] if avail.work_hours else None,
                work_end=avail.work_hours[1] if avail.work_hours else None,
                work_calendar=str(avail.work_calendar) if avail.work_calendar else None,
                buffer_minutes=avail.buffer_minutes,
            ))
            if profile.goals:
                conn.execute(goals.insert(), [
                    {"learner_id": learner_id, "position": i, "kind": g.kind, "title": g.title,
                     "deadline": g.deadline} for i, g in enumerate(profile.goals)
                ])
            conn.execute(slots.insert(), [
                {"learner_id": learner_id, "position": i, "days": s.days, "start": s.start, "end": s.end,
                 "context": s.context} for i, s in enumerate(avail.slots)
            ])
        return learner_id

    def load_profile(self, learner_id: int, conn: sa.Connection | None = None) -> StoredProfile | None:
        if conn is None:
            with self.engine.connect() as own:
                return self.load_profile(learner_id, own)
        row = conn.execute(sa.select(learners).where(learners.c.id == learner_id)).mappings().first()
        if row is None:
            return None
        avail = conn.execute(
            sa.select(availability).where(availability.c.learner_id == learner_id)
        ).mappings().one()
        goal_rows = conn.execute(
            sa.select(goals).where(goals.c.learner_id == learner_id).order_by(goals.c.position)
        ).mappings().all()
        slot_rows = conn.execute(
            sa.select(slots).where(slots.c.learner_id == learner_id).order_by(slots.c.position)
        ).mappings().all()
        data: dict[str, Any] = {
            "name": row["name"], "timezone": row["timezone"], "start_date": row["start_date"],
            "mode": row["mode"], "domain": row["domain"], "style": row["style"],
            "goals": [{"kind": g["kind"], "title": g["title"], "deadline": g["deadline"]} for g in goal_rows],
            "availability": {
                "weekly_minutes": avail["weekly_minutes"], "max_daily_minutes": avail["max_daily_minutes"],
                "block_minutes": (avail["block_min_minutes"], avail["block_max_minutes"]),
                "rest_days": avail["rest_days"], "work_days": avail["work_days"],
                "work_hours": (avail["work_start"], avail["work_end"]) if avail["work_start"] else None,
                "work_calendar": avail["work_calendar"], "buffer_minutes": avail["buffer_minutes"],
                "slots": [{"days": s["days"], "start": s["start"], "end": s["end"], "context": s["context"]}
                          for s in slot_rows],
            },
        }
        return StoredProfile(learner_id, Profile.model_validate(data), row["start_date"],
                             row["created_at"], row["updated_at"])

    def update_learner(self, learner_id: int, *, now: datetime, style: Style | None = None,
                       mode: Mode | None = None) -> None:
        values: dict[str, Any] = {"updated_at": now}
        if style is not None:
            values["style"] = style.model_dump()
        if mode is not None:
            values["mode"] = mode
        with self.engine.begin() as conn:
            conn.execute(learners.update().where(learners.c.id == learner_id).values(**values))

    # ---- topics, path edits, stack choices -------------------------------------------------------------------

    def topic_statuses(self, learner_id: int) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(topic_status.c.topic, topic_status.c.status)
                                .where(topic_status.c.learner_id == learner_id))
            return {topic: status for topic, status in rows}

    def set_topic_status(self, learner_id: int, topics: list[str], status: TopicStatus | Literal["known"] | None,
                         *, now: datetime) -> None:
        """Set (or with None, clear) what the learner says about some topics, all in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(topic_status.delete().where(topic_status.c.learner_id == learner_id,
                                                     topic_status.c.topic.in_(topics)))
            if status is not None and status != "todo":
                conn.execute(topic_status.insert(), [
                    {"learner_id": learner_id, "topic": t, "status": status, "updated_at": now} for t in topics])

    def path_edits(self, learner_id: int) -> list[PathEdit]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(path_edits).where(path_edits.c.learner_id == learner_id)
                                .order_by(path_edits.c.id)).mappings()
            return [PathEdit(r["action"], r["topic"], r["anchor"], r["placement"]) for r in rows]

    def add_path_edit(self, learner_id: int, edit: PathEdit, *, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(path_edits.insert().values(learner_id=learner_id, action=edit.action, topic=edit.topic,
                                                    anchor=edit.anchor, placement=edit.placement, created_at=now))

    def clear_path_edits(self, learner_id: int) -> int:
        with self.engine.begin() as conn:
            return conn.execute(path_edits.delete().where(path_edits.c.learner_id == learner_id)).rowcount

    def stack_choices(self, learner_id: int) -> list[StackChoice]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(stack_choices).where(stack_choices.c.learner_id == learner_id)
                                .order_by(stack_choices.c.id)).mappings()
            return [StackChoice(r["action"], r["resource"], r["topic"]) for r in rows]

    def add_stack_choice(self, learner_id: int, choice: StackChoice, *, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(stack_choices.insert().values(learner_id=learner_id, action=choice.action,
                                                       resource=choice.resource, topic=choice.topic, created_at=now))

    def clear_stack_choices(self, learner_id: int) -> int:
        with self.engine.begin() as conn:
            return conn.execute(stack_choices.delete().where(stack_choices.c.learner_id == learner_id)).rowcount

    # ---- the work calendar -----------------------------------------------------------------------------------

    def save_calendar(self, learner_id: int, *, name: str, content: str, now: datetime) -> None:
        """Replace the learner's stored work calendar."""
        with self.engine.begin() as conn:
            conn.execute(calendars.delete().where(calendars.c.learner_id == learner_id))
            conn.execute(calendars.insert().values(learner_id=learner_id, name=name, content=content,
                                                   imported_at=now))

    def load_calendar(self, learner_id: int) -> StoredCalendar | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(calendars).where(calendars.c.learner_id == learner_id)).mappings().first()
        if row is None:
            return None
        return StoredCalendar(row["name"], row["content"], row["imported_at"], row["expanded"],
                              row["expanded_from"], row["expanded_to"])

    def cache_calendar(self, learner_id: int, expanded: dict[str, Any], start: datetime, end: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(calendars.update().where(calendars.c.learner_id == learner_id)
                         .values(expanded=expanded, expanded_from=start, expanded_to=end))

    def clear_calendar(self, learner_id: int) -> bool:
        with self.engine.begin() as conn:
            return conn.execute(calendars.delete().where(calendars.c.learner_id == learner_id)).rowcount > 0

    # ---- the plan and the study log --------------------------------------------------------------------------

    def load_blocks(self, learner_id: int, since: datetime | None = None) -> list[tuple[Block, int]]:
        """Every block (or every one starting at or after `since`) with its calendar sequence number, in time
        order."""
        query = sa.select(blocks).where(blocks.c.learner_id == learner_id)
        if since is not None:
            query = query.where(blocks.c.start >= since)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(blocks.c.start)).mappings().all()
        return [(Block(r["id"], r["start"], r["end"], r["topic"], r["activity"], r["context"], r["resource"],
                       r["milestone"], r["status"]), r["sequence"]) for r in rows]

    def save_plan(self, learner_id: int, planned: list[Block], *, missed: list[str], now: datetime) -> None:
        """Mark missed blocks and replace the planned ones; a block that moves gets its sequence bumped."""
        with self.engine.begin() as conn:
            if missed:
                conn.execute(blocks.update().where(blocks.c.learner_id == learner_id, blocks.c.id.in_(missed))
                             .values(status="missed", updated_at=now))
            before = {r["id"]: r for r in conn.execute(
                sa.select(blocks).where(blocks.c.learner_id == learner_id, blocks.c.status == "planned")).mappings()}
            conn.execute(blocks.delete().where(blocks.c.learner_id == learner_id, blocks.c.status == "planned"))
            rows = []
            for b in planned:
                old = before.get(b.id)
                same = old is not None and (old["start"], old["end"], old["topic"], old["activity"],
                                            old["resource"]) == (b.start, b.end, b.topic, b.activity, b.resource)
                sequence = 0 if old is None else old["sequence"] + (0 if same else 1)
                rows.append({"learner_id": learner_id, "id": b.id, "start": b.start, "end": b.end, "topic": b.topic,
                             "activity": b.activity, "context": b.context, "resource": b.resource,
                             "milestone": b.milestone, "status": "planned", "sequence": sequence,
                             "updated_at": now if not same or old is None else old["updated_at"]})
            if rows:
                conn.execute(blocks.insert(), rows)

    def set_block_status(self, learner_id: int, block_id: str, status: str, *, now: datetime,
                         log: dict[str, Any] | None = None) -> None:
        """Mark a block done or skipped (and log its minutes) in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(blocks.update().where(blocks.c.learner_id == learner_id, blocks.c.id == block_id)
                         .values(status=status, updated_at=now))
            if log is not None:
                conn.execute(study_log.insert().values(learner_id=learner_id, logged_at=now, **log))

    def add_log(self, learner_id: int, *, topic: str, minutes: int, activity: str, day: date, now: datetime,
                note: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(study_log.insert().values(learner_id=learner_id, topic=topic, minutes=minutes,
                                                   activity=activity, day=day, logged_at=now, note=note))

    def minutes_by_topic(self, learner_id: int) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(study_log.c.topic, sa.func.sum(study_log.c.minutes))
                                .where(study_log.c.learner_id == learner_id).group_by(study_log.c.topic))
            return {topic: int(total) for topic, total in rows}

    def minutes_by_day(self, learner_id: int, since: date) -> dict[date, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(study_log.c.day, sa.func.sum(study_log.c.minutes))
                                .where(study_log.c.learner_id == learner_id, study_log.c.day >= since)
                                .group_by(study_log.c.day))
            return {day: int(total) for day, total in rows}

    # ---- exercises ---------------------------------------------------------------------------------------------

    def exercise_state(self, learner_id: int, slug: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(exercise_state).where(exercise_state.c.learner_id == learner_id,
                                                               exercise_state.c.slug == slug)).mappings().first()
        return dict(row) if row else None

    def start_exercise(self, learner_id: int, slug: str, path: str, *, now: datetime) -> None:
        with self.engine.begin() as conn:
            updated = conn.execute(exercise_state.update().where(
                exercise_state.c.learner_id == learner_id, exercise_state.c.slug == slug).values(path=path))
            if updated.rowcount == 0:
                conn.execute(exercise_state.insert().values(learner_id=learner_id, slug=slug, path=path,
                                                            hints_shown=0, gave_up=False, started_at=now))

    def update_exercise_state(self, learner_id: int, slug: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(exercise_state.update().where(exercise_state.c.learner_id == learner_id,
                                                       exercise_state.c.slug == slug).values(**values))

    def add_attempt(self, learner_id: int, slug: str, *, status: str, passed: int, total: int, code: str,
                    now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(exercise_attempts.insert().values(learner_id=learner_id, slug=slug, status=status,
                                                           tests_passed=passed, tests_total=total, code=code,
                                                           submitted_at=now))

    def last_attempt(self, learner_id: int, slug: str) -> dict[str, Any] | None:
        """The latest attempt at an exercise (or `project/SLUG`): status, tests_passed, tests_total, code,
        submitted_at."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(exercise_attempts).where(
                exercise_attempts.c.learner_id == learner_id, exercise_attempts.c.slug == slug)
                .order_by(exercise_attempts.c.submitted_at.desc(), exercise_attempts.c.id.desc())
                .limit(1)).mappings().first()
        return dict(row) if row else None

    def exercise_summary(self, learner_id: int) -> dict[str, tuple[int, bool]]:
        """Per exercise: (attempts, passed at least once)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(exercise_attempts.c.slug, exercise_attempts.c.status)
                                .where(exercise_attempts.c.learner_id == learner_id))
            out: dict[str, tuple[int, bool]] = {}
            for slug, status in rows:
                count, passed = out.get(slug, (0, False))
                out[slug] = (count + 1, passed or status == "pass")
            return out

    # ---- the journal -------------------------------------------------------------------------------------------

    def add_journal(self, learner_id: int, *, text: str, topic: str | None, tags: list[str], now: datetime) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(journal.insert().values(learner_id=learner_id, text=text, topic=topic, tags=tags,
                                                            created_at=now).returning(journal.c.id)).scalar_one())

    def journal_entries(self, learner_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(journal).where(journal.c.learner_id == learner_id)
                                                  .order_by(journal.c.created_at, journal.c.id)).mappings()]

    # ---- achievements and rewards ------------------------------------------------------------------------------

    def achievements(self, learner_id: int) -> dict[str, datetime]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(achievements.c.id, achievements.c.awarded_at)
                                .where(achievements.c.learner_id == learner_id))
            return {i: at for i, at in rows}

    def award(self, learner_id: int, achievement_ids: list[str], reward_ids: list[int], *, now: datetime) -> None:
        """Record new achievements and earned rewards in one transaction."""
        with self.engine.begin() as conn:
            if achievement_ids:
                conn.execute(achievements.insert(), [{"learner_id": learner_id, "id": a, "awarded_at": now}
                                                     for a in achievement_ids])
            if reward_ids:
                conn.execute(rewards.update().where(rewards.c.learner_id == learner_id, rewards.c.id.in_(reward_ids))
                             .values(earned_at=now))

    def add_reward(self, learner_id: int, text: str, condition: str, *, now: datetime) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(rewards.insert().values(learner_id=learner_id, text=text, condition=condition,
                                                            created_at=now).returning(rewards.c.id)).scalar_one())

    def rewards(self, learner_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(rewards).where(rewards.c.learner_id == learner_id)
                                                  .order_by(rewards.c.id)).mappings()]

    # ---- the study timer ---------------------------------------------------------------------------------------

    def timer(self, learner_id: int) -> tuple[str, datetime] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(timers.c.topic, timers.c.started_at)
                               .where(timers.c.learner_id == learner_id)).first()
        return (row[0], row[1]) if row else None

    def start_timer(self, learner_id: int, topic: str, *, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(timers.insert().values(learner_id=learner_id, topic=topic, started_at=now))

    def stop_timer(self, learner_id: int, log: dict[str, Any] | None, *, now: datetime) -> None:
        """Remove the timer and log its minutes in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(timers.delete().where(timers.c.learner_id == learner_id))
            if log is not None:
                conn.execute(study_log.insert().values(learner_id=learner_id, logged_at=now, **log))

    # ---- reading history for reports ---------------------------------------------------------------------------

    def study_entries(self, learner_id: int, since: date, until: date) -> list[tuple[date, str, int]]:
        """(day, topic, minutes) rows of the study log between two local dates, inclusive."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(study_log.c.day, study_log.c.topic, study_log.c.minutes).where(
                study_log.c.learner_id == learner_id, study_log.c.day >= since, study_log.c.day <= until))
            return [(d, t, int(m)) for d, t, m in rows]

    def attempts(self, learner_id: int) -> list[tuple[str, str, datetime]]:
        """(slug, status, submitted_at) of every exercise and project attempt, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(exercise_attempts.c.slug, exercise_attempts.c.status,
                                          exercise_attempts.c.submitted_at)
                                .where(exercise_attempts.c.learner_id == learner_id)
                                .order_by(exercise_attempts.c.submitted_at))
            return [(slug, status, at) for slug, status, at in rows]

    # ---- the network log ---------------------------------------------------------------------------------------

    def add_contact(self, learner_id: int, *, kind: str, name: str, note: str | None, met_on: date,
                    follow_up: date | None, now: datetime) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(network.insert().values(
                learner_id=learner_id, kind=kind, name=name, note=note, met_on=met_on, follow_up=follow_up,
                created_at=now).returning(network.c.id)).scalar_one())

    def contacts(self, learner_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(network).where(network.c.learner_id == learner_id)
                                                  .order_by(network.c.met_on, network.c.id)).mappings()]

    def clear_follow_up(self, learner_id: int, contact_id: int) -> bool:
        with self.engine.begin() as conn:
            return conn.execute(network.update().where(network.c.learner_id == learner_id,
                                                       network.c.id == contact_id)
                                .values(follow_up=None)).rowcount > 0

    # ---- the calendar feed -------------------------------------------------------------------------------------

    def feed_token(self, learner_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(learners.c.feed_token).where(learners.c.id == learner_id)).scalar()

    def set_feed_token(self, learner_id: int, token: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(learners.update().where(learners.c.id == learner_id).values(feed_token=token))

    def learner_by_feed_token(self, token: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(learners.c.id).where(learners.c.feed_token == token)).scalar()
