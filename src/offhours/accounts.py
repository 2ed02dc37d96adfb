"""Accounts of a team server: sign-up, login with throttling, sessions, password change, invites.

Passwords are hashed with Argon2id (argon2-cffi) and never logged, returned or stored in clear. A session
is a random token in an HttpOnly cookie; the database keeps only its SHA-256, so every worker can check it
and a stolen database copy opens nothing. Login answers the same for an unknown email and a wrong password.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Literal

from offhours.errors import InputError
from offhours.settings import Clock
from offhours.store import Store
from offhours.store.team import Account

if TYPE_CHECKING:
    from argon2 import PasswordHasher

SignupPolicy = Literal["open", "invite"]
SESSION_LIFETIME = timedelta(days=14)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 20
MIN_PASSWORD = 10
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class FieldError(InputError):
    """Bad input in one form field; the web form shows the message beside that field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message, where=field)


class ThrottledError(InputError):
    """Too many failed logins: wait before trying again."""


class NotSignedInError(InputError):
    """A team server page or API call without a valid session."""

    def __init__(self) -> None:
        super().__init__("sign in first")


def _hasher() -> PasswordHasher:
    try:
        from argon2 import PasswordHasher
    except ImportError as missing:  # the `server` extra
        raise InputError("team server mode needs argon2-cffi: pip install 'offhours[server]'") from missing
    return PasswordHasher()


@cache
def _decoy_hash() -> str:
    """Verified against when the email is unknown, so both failures take as long (no account probing)."""
    return _hasher().hash(secrets.token_urlsafe(16))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class SignedIn:
    account: Account
    token: str  # goes into the session cookie, nowhere else


class Accounts:
    def __init__(self, store: Store, clock: Clock, *, signup: SignupPolicy = "invite") -> None:
        self.team = store.team
        self.clock = clock
        self.signup_policy = signup
        self.hasher = _hasher()

    # ---- sign-up and admin ----------------------------------------------------------------------------------

    def sign_up(self, email: str, display_name: str, password: str, invite_code: str = "", *,
                is_admin: bool = False, need_invite: bool | None = None) -> Account:
        email = email.strip().lower()
        display_name = display_name.strip()
        if not EMAIL.match(email) or len(email) > 254:
            raise FieldError("email", "enter an email address like ada@example.com")
        if not display_name or len(display_name) > 100:
            raise FieldError("display_name", "enter a name of 1 to 100 characters")
        self._check_password(password)
        invite = invite_code.strip() or None
        if need_invite is None:
            need_invite = self.signup_policy == "invite"
        if need_invite and invite is None:
            raise FieldError("invite_code", "this server needs an invite code: ask your admin for one")
        account = self.team.create_account(
            email=email, display_name=display_name, password_hash=self.hasher.hash(password),
            buddy_code=secrets.token_urlsafe(9), now=self.clock(), is_admin=is_admin,
            invite_code=invite if need_invite else None)
        if account is None:
            if self.team.account_by_email(email) is not None:
                raise FieldError("email", "an account with this email exists: sign in instead")
            raise FieldError("invite_code", "this invite code is unknown or already used")
        return account

    def create_admin(self, email: str, display_name: str, password: str) -> Account:
        return self.sign_up(email, display_name, password, is_admin=True, need_invite=False)

    def create_invite(self, by: Account | None) -> str:
        if by is not None and not by.is_admin:
            raise InputError("only an admin can make invite codes")
        code = secrets.token_urlsafe(9)
        self.team.add_invite(code, created_by=by.id if by else None, now=self.clock())
        return code

    # ---- sessions -------------------------------------------------------------------------------------------

    def log_in(self, email: str, password: str, *, client: str) -> SignedIn:
        """A new session (never a reused one: that is what prevents session fixation)."""
        email = email.strip().lower()
        now = self.clock()
        by_email, by_client = self.team.recent_failures(email=email, client=client, since=now - THROTTLE_WINDOW)
        if by_email >= MAX_FAILURES_PER_EMAIL or by_client >= MAX_FAILURES_PER_CLIENT:
            raise ThrottledError("too many failed sign-ins: wait 15 minutes and try again")
        account = self.team.account_by_email(email)
        stored = self.team.password_hash(account.id) if account else None
        if account is None or stored is None:
            self._verify(_decoy_hash(), password)
        if account is None or stored is None or not self._verify(stored, password):
            self.team.add_failure(email=email, client=client, now=now, forget_before=now - THROTTLE_WINDOW)
            raise FieldError("password", "wrong email or password")
        if self.hasher.check_needs_rehash(stored):
            self.team.set_password_hash(account.id, self.hasher.hash(password), now=now)
        self.team.clear_failures(email)
        token = secrets.token_urlsafe(32)
        self.team.add_session(token_hash(token), account.id, now=now, expires_at=now + SESSION_LIFETIME)
        return SignedIn(account, token)

    def session(self, token: str | None) -> Account | None:
        if not token:
            return None
        return self.team.session_account(token_hash(token), now=self.clock())

    def log_out(self, token: str | None) -> None:
        if token:
            self.team.end_session(token_hash(token))

    def change_password(self, account: Account, current: str, new: str, *, session_token: str) -> None:
        stored = self.team.password_hash(account.id)
        if stored is None or not self._verify(stored, current):
            raise FieldError("current_password", "that is not your current password")
        self._check_password(new, field="new_password")
        self.team.set_password_hash(account.id, self.hasher.hash(new), now=self.clock(),
                                    keep_session=token_hash(session_token))

    # ---- helpers --------------------------------------------------------------------------------------------

    def _verify(self, stored: str, password: str) -> bool:
        from argon2.exceptions import VerificationError, VerifyMismatchError

        try:
            return bool(self.hasher.verify(stored, password))
        except (VerifyMismatchError, VerificationError):
            return False

    @staticmethod
    def _check_password(password: str, field: str = "password") -> None:
        if len(password) < MIN_PASSWORD:
            raise FieldError(field, f"use at least {MIN_PASSWORD} characters")
        if len(password) > 1024:
            raise FieldError(field, "use at most 1024 characters")
