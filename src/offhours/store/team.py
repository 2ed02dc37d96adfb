"""Team server mode storage: accounts, web sessions, login throttling, invites, groups, buddies, mentors.

Like the repository, every method is one transaction, and this module is the only one that touches these
tables. Reached as `store.team`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from offhours.store.team_tables import accounts, invites, login_failures, web_sessions


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    display_name: str
    is_admin: bool
    learner_id: int | None
    buddy_code: str
    created_at: datetime


def account_from_row(row: sa.Row[tuple[object, ...]]) -> Account:
    m = row._mapping
    return Account(id=m["id"], email=m["email"], display_name=m["display_name"], is_admin=bool(m["is_admin"]),
                   learner_id=m["learner_id"], buddy_code=m["buddy_code"], created_at=m["created_at"])


ACCOUNT_COLUMNS = [accounts.c[name] for name in
                    ("id", "email", "display_name", "is_admin", "learner_id", "buddy_code", "created_at")]


class TeamStore:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # ---- accounts -------------------------------------------------------------------------------------------

    def create_account(self, *, email: str, display_name: str, password_hash: str, buddy_code: str,
                       now: datetime, is_admin: bool = False, invite_code: str | None = None) -> Account | None:
        """A new account; None when the email is taken or the invite code is not (or no longer) valid."""
        with self.engine.begin() as conn:
            if conn.execute(sa.select(accounts.c.id).where(accounts.c.email == email)).first() is not None:
                return None
            if invite_code is not None:
                free = sa.and_(invites.c.code == invite_code, invites.c.used_by.is_(None))
                if conn.execute(sa.select(invites.c.code).where(free).with_for_update()).first() is None:
                    return None
            account_id = conn.execute(accounts.insert().values(
                email=email, display_name=display_name, password_hash=password_hash, is_admin=is_admin,
                buddy_code=buddy_code, created_at=now, password_changed_at=now).returning(accounts.c.id)).scalar_one()
            if invite_code is not None:
                conn.execute(invites.update().where(invites.c.code == invite_code)
                             .values(used_by=account_id, used_at=now))
            row = conn.execute(sa.select(*ACCOUNT_COLUMNS).where(accounts.c.id == account_id)).one()
            return account_from_row(row)

    def account(self, account_id: int) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*ACCOUNT_COLUMNS).where(accounts.c.id == account_id)).first()
        return account_from_row(row) if row else None

    def account_by_email(self, email: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*ACCOUNT_COLUMNS).where(accounts.c.email == email)).first()
        return account_from_row(row) if row else None

    def account_by_buddy_code(self, code: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*ACCOUNT_COLUMNS).where(accounts.c.buddy_code == code)).first()
        return account_from_row(row) if row else None

    def password_hash(self, account_id: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(accounts.c.password_hash).where(accounts.c.id == account_id)).scalar()

    def set_password_hash(self, account_id: int, password_hash: str, *, now: datetime,
                          keep_session: str | None = None) -> None:
        """A new password ends every other signed-in session of the account."""
        with self.engine.begin() as conn:
            conn.execute(accounts.update().where(accounts.c.id == account_id)
                         .values(password_hash=password_hash, password_changed_at=now))
            others = web_sessions.c.account_id == account_id
            if keep_session is not None:
                others = sa.and_(others, web_sessions.c.token_hash != keep_session)
            conn.execute(web_sessions.delete().where(others))

    def link_learner(self, account_id: int, learner_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(accounts.update().where(accounts.c.id == account_id).values(learner_id=learner_id))

    def count_accounts(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(accounts)).scalar_one())

    # ---- web sessions ---------------------------------------------------------------------------------------

    def add_session(self, token_hash: str, account_id: int, *, now: datetime, expires_at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(web_sessions.delete().where(web_sessions.c.expires_at < now))
            conn.execute(web_sessions.insert().values(token_hash=token_hash, account_id=account_id,
                                                      created_at=now, expires_at=expires_at))

    def session_account(self, token_hash: str, *, now: datetime) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(*ACCOUNT_COLUMNS).join(web_sessions, web_sessions.c.account_id == accounts.c.id)
                .where(web_sessions.c.token_hash == token_hash, web_sessions.c.expires_at > now)).first()
        return account_from_row(row) if row else None

    def end_session(self, token_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(web_sessions.delete().where(web_sessions.c.token_hash == token_hash))

    # ---- login throttling -----------------------------------------------------------------------------------

    def recent_failures(self, *, email: str, client: str, since: datetime) -> tuple[int, int]:
        """Failed logins since `since`: for this email, and from this client."""
        with self.engine.connect() as conn:
            def count(condition: sa.ColumnElement[bool]) -> int:
                query = sa.select(sa.func.count()).select_from(login_failures)
                return int(conn.execute(query.where(condition, login_failures.c.failed_at >= since)).scalar_one())

            return count(login_failures.c.email == email), count(login_failures.c.client == client)

    def add_failure(self, *, email: str, client: str, now: datetime, forget_before: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.failed_at < forget_before))
            conn.execute(login_failures.insert().values(email=email, client=client, failed_at=now))

    def clear_failures(self, email: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.email == email))

    # ---- invites --------------------------------------------------------------------------------------------

    def add_invite(self, code: str, *, created_by: int | None, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(invites.insert().values(code=code, created_by=created_by, created_at=now))
