"""Helpers for team server tests: a multi-user app on a database URL, and signed-in browser-like clients."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from conftest import NOW, PROFILE

from offhours.accounts import Accounts
from offhours.coach import Coach
from offhours.profile import profile_from_dict
from offhours.settings import Settings
from offhours.store import Store
from offhours.store.team import Account
from offhours.web import create_app

T = TypeVar("T")
PASSWORD = "correct horse battery"


def team_settings(database_url: str, home: Path, signup: str = "invite") -> Settings:
    return Settings(home=home, database_url=database_url, signup=signup)  # type: ignore[arg-type]


def make_accounts(database_url: str, *names: str, with_profile: bool = True) -> list[Account]:
    """Accounts (name@example.com) made directly, each with the test learner's profile when asked."""
    import tomllib

    store = Store.open(database_url)
    accounts = Accounts(store, lambda: NOW, signup="open")
    made = []
    for name in names:
        account = accounts.sign_up(f"{name}@example.com", name.title(), PASSWORD)
        if with_profile:
            coach = Coach(store, clock=lambda: NOW, account=account)
            data = tomllib.loads(PROFILE)
            data["name"] = name.title()
            coach.init_profile(profile_from_dict(data, source="test", now=NOW))
            account = coach.account or account
        made.append(account)
    store.close()
    return made


class Browser:
    """An httpx client against the in-process app that keeps cookies and sends the page's CSRF token."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def csrf(self) -> str:
        if "offhours_csrf" not in self.client.cookies:
            await self.client.get("/login")
        return str(self.client.cookies.get("offhours_csrf"))

    async def form(self, url: str, data: dict[str, str]) -> httpx.Response:
        return await self.client.post(url, data={**data, "csrf_token": await self.csrf()})

    async def login(self, email: str, password: str = PASSWORD) -> httpx.Response:
        return await self.form("/login", {"email": email, "password": password})

    async def get(self, url: str) -> httpx.Response:
        return await self.client.get(url)

    async def post_json(self, url: str, body: Any = None) -> httpx.Response:
        """A JSON API call as the dashboard's scripts make it (CSRF token in the header)."""
        return await self.client.post(url, json=body, headers={"x-csrf-token": await self.csrf()})


def run_team(database_url: str, home: Path, scenario: Callable[[Callable[[], Browser]], Awaitable[T]],
             signup: str = "invite") -> T:
    """Run `scenario(new_browser)` against a fresh multi-user app; each browser has its own cookie jar."""
    app = create_app(team_settings(database_url, home, signup), clock=lambda: NOW, multi_user=True)
    transport = httpx.ASGITransport(app=app, client=("10.0.0.7", 50000))
    clients: list[httpx.AsyncClient] = []

    def new_browser() -> Browser:
        client = httpx.AsyncClient(transport=transport, base_url="http://team.test")
        clients.append(client)
        return Browser(client)

    async def go() -> T:
        try:
            return await scenario(new_browser)
        finally:
            for client in clients:
                await client.aclose()

    return asyncio.run(go())


def field_error(page: httpx.Response, field: str) -> str | None:
    found = re.search(rf'<span class="error" id="e-{field}">([^<]*)</span>', page.text)
    return found.group(1) if found else None
