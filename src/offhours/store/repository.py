"""The repository: the only code that reads and writes learner data. One method, one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from offhours.profile import Profile
from offhours.store import database
from offhours.store.tables import availability, goals, learners, slots


@dataclass(frozen=True)
class StoredProfile:
    learner_id: int
    profile: Profile
    start_date: date
    created_at: datetime
    updated_at: datetime


class Store:
    """Learner data in one SQL database (SQLite by default, PostgreSQL in server mode)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and bring the schema up to date (migrations apply on open)."""
        engine = database.make_engine(url)
        database.upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # ---- learner profile ---------------------------------------------------------------------------------

    def local_learner_id(self) -> int | None:
        """The learner of a single-user home: the first one created."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.min(learners.c.id))).scalar()

    def save_profile(self, profile: Profile, *, start_date: date, now: datetime,
                     learner_id: int | None = None) -> int:
        """Create or replace a learner's profile; their history (by learner id) is kept."""
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
                "work_calendar": avail["work_calendar"],
                "slots": [{"days": s["days"], "start": s["start"], "end": s["end"], "context": s["context"]}
                          for s in slot_rows],
            },
        }
        return StoredProfile(learner_id, Profile.model_validate(data), row["start_date"],
                             row["created_at"], row["updated_at"])
