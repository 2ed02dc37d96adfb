"""Request-scoped access to the coach: one store (connection pool) per app, a coach per request.

In team server mode the coach is bound to the signed-in account, so a route can only ever reach that
person's own learner; without a valid session the request stops here (401 for the API, /login for pages).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from offhours.accounts import Accounts, NotSignedInError
from offhours.coach import Coach
from offhours.store.team import Account

SESSION_COOKIE = "offhours_session"


def get_accounts(request: Request) -> Accounts:
    state = request.app.state
    return Accounts(state.store(), state.clock, signup=state.settings.signup)


def get_account(request: Request) -> Account | None:
    """The signed-in account (team mode), looked up once per request."""
    if not request.app.state.multi_user:
        return None
    if not hasattr(request.state, "account"):
        request.state.account = get_accounts(request).session(request.cookies.get(SESSION_COOKIE))
    account: Account | None = request.state.account
    return account


def require_account(request: Request) -> Account:
    account = get_account(request)
    if account is None:
        raise NotSignedInError()
    return account


def get_coach(request: Request) -> Iterator[Coach]:
    state = request.app.state
    account = None
    if state.multi_user:
        account = require_account(request)
    yield Coach(state.store(), clock=state.clock, home=state.home, account=account)


CoachDep = Annotated[Coach, Depends(get_coach)]
AccountsDep = Annotated[Accounts, Depends(get_accounts)]
AccountDep = Annotated[Account, Depends(require_account)]
