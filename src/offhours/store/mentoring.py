"""Mentoring storage: grants from a learner to a mentor, submissions a mentor may read, comments on them,
and journal entries a learner chose to share. Reached as `store.mentoring`; one transaction per method."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from offhours.store.tables import exercise_attempts, journal
from offhours.store.team import ACCOUNT_COLUMNS, Account, account_from_row
from offhours.store.team_tables import accounts, mentor_grants, submission_comments


@dataclass(frozen=True)
class Submission:
    id: int
    learner_id: int
    slug: str
    status: str
    tests_passed: int
    tests_total: int
    code: str
    submitted_at: datetime


@dataclass(frozen=True)
class Comment:
    id: int
    attempt_id: int
    author_id: int
    author_name: str
    line: int | None
    text: str
    created_at: datetime


class MentoringStore:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def grant(self, learner_account_id: int, mentor_id: int, *, now: datetime) -> bool:
        """False when the grant already exists."""
        with self.engine.begin() as conn:
            exists = conn.execute(sa.select(mentor_grants.c.mentor_id).where(
                mentor_grants.c.learner_account_id == learner_account_id,
                mentor_grants.c.mentor_id == mentor_id)).first()
            if exists:
                return False
            conn.execute(mentor_grants.insert().values(learner_account_id=learner_account_id, mentor_id=mentor_id,
                                                       granted_at=now))
            return True

    def revoke(self, learner_account_id: int, mentor_id: int) -> bool:
        with self.engine.begin() as conn:
            gone = conn.execute(mentor_grants.delete().where(mentor_grants.c.learner_account_id == learner_account_id,
                                                             mentor_grants.c.mentor_id == mentor_id))
            return bool(gone.rowcount)

    def has_grant(self, learner_account_id: int, mentor_id: int) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(mentor_grants.c.mentor_id).where(
                mentor_grants.c.learner_account_id == learner_account_id,
                mentor_grants.c.mentor_id == mentor_id)).first() is not None

    def mentors_of(self, learner_account_id: int) -> list[Account]:
        return self._people(mentor_grants.c.mentor_id, mentor_grants.c.learner_account_id == learner_account_id)

    def mentees_of(self, mentor_id: int) -> list[Account]:
        return self._people(mentor_grants.c.learner_account_id, mentor_grants.c.mentor_id == mentor_id)

    def _people(self, person: sa.Column[int], condition: sa.ColumnElement[bool]) -> list[Account]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*ACCOUNT_COLUMNS).join(mentor_grants, person == accounts.c.id)
                                .where(condition).order_by(accounts.c.display_name, accounts.c.id))
            return [account_from_row(row) for row in rows]

    # ---- submissions and comments ---------------------------------------------------------------------------

    def submissions(self, learner_id: int, limit: int = 100) -> list[Submission]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(exercise_attempts).where(exercise_attempts.c.learner_id == learner_id)
                                .order_by(exercise_attempts.c.submitted_at.desc(), exercise_attempts.c.id.desc())
                                .limit(limit)).mappings()
            return [Submission(**dict(r)) for r in rows]

    def submission(self, attempt_id: int) -> Submission | None:
        with self.engine.connect() as conn:
            query = sa.select(exercise_attempts).where(exercise_attempts.c.id == attempt_id)
            row = conn.execute(query).mappings().first()
        return Submission(**dict(row)) if row else None

    def owner_account(self, learner_id: int) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*ACCOUNT_COLUMNS).where(accounts.c.learner_id == learner_id)).first()
        return account_from_row(row) if row else None

    def comments(self, attempt_id: int) -> list[Comment]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(submission_comments, accounts.c.display_name)
                .join(accounts, accounts.c.id == submission_comments.c.author_id)
                .where(submission_comments.c.attempt_id == attempt_id)
                .order_by(submission_comments.c.created_at, submission_comments.c.id)).mappings()
            return [Comment(id=r["id"], attempt_id=r["attempt_id"], author_id=r["author_id"],
                            author_name=r["display_name"], line=r["line"], text=r["text"],
                            created_at=r["created_at"]) for r in rows]

    def add_comment(self, attempt_id: int, author_id: int, *, line: int | None, text: str, now: datetime) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(submission_comments.insert().values(
                attempt_id=attempt_id, author_id=author_id, line=line, text=text, created_at=now)
                .returning(submission_comments.c.id)).scalar_one())

    # ---- shared journal entries -----------------------------------------------------------------------------

    def set_journal_shared(self, learner_id: int, entry_id: int, shared: bool) -> bool:
        with self.engine.begin() as conn:
            changed = conn.execute(journal.update().where(journal.c.id == entry_id, journal.c.learner_id == learner_id)
                                   .values(shared=shared))
            return bool(changed.rowcount)

    def shared_journal(self, learner_id: int) -> list[dict[str, object]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(journal).where(journal.c.learner_id == learner_id, journal.c.shared.is_(True))
                                .order_by(journal.c.created_at.desc(), journal.c.id.desc())).mappings()
            return [dict(r) for r in rows]
