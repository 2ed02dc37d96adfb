"""Schemathesis generates requests from our OpenAPI document, for every operation, and none may end in a
server error — in the local dashboard and in team server mode (signed in, with the CSRF token)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import NOW, PROFILE, Home
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[dev]')")
pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")

from offhours.web import create_app  # noqa: E402
from team import PASSWORD, make_accounts, team_settings  # noqa: E402


@pytest.fixture(params=["dashboard", "team"])
def fuzzed(request: pytest.FixtureRequest, home: Home, tmp_path: Path) -> Iterator[dict[str, Any]]:
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    multi_user = request.param == "team"
    if multi_user:
        make_accounts(url, "ada", "bob")
    else:  # a personal home: one learner, no accounts
        import tomllib

        from offhours.coach import Coach
        from offhours.profile import profile_from_dict
        from offhours.store import Store

        store = Store.open(url)
        Coach(store, clock=lambda: NOW).init_profile(profile_from_dict(tomllib.loads(PROFILE), source="t", now=NOW))
        store.close()
    app = create_app(team_settings(url, home.path), clock=lambda: NOW, multi_user=multi_user)

    async def sign_in() -> dict[str, str]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://fuzz.test") as client:
            await client.get("/openapi.json")
            if multi_user:
                signed = await client.post("/api/session", json={"email": "ada@example.com", "password": PASSWORD})
                assert signed.status_code == 200
            return {"offhours_csrf": "fuzz-token", **dict(client.cookies)}

    cookies = asyncio.run(sign_in())
    yield {"app": app, "cookies": cookies, "headers": {"x-csrf-token": cookies["offhours_csrf"]}}


def test_no_server_error(fuzzed: dict[str, Any]) -> None:
    """Every operation, a dozen generated requests each (derandomized, so a failure repeats)."""
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed["app"])
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20
    failures: list[str] = []
    statuses: dict[int, int] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def call(case: Any) -> None:
            response = case.call(headers=fuzzed["headers"], cookies=fuzzed["cookies"])
            statuses[response.status_code // 100] = statuses.get(response.status_code // 100, 0) + 1
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.body!r}: {response.text[:200]}")

        call()
    assert not failures, "\n".join(failures[:10])
    assert statuses.get(2, 0) > len(operations)  # most operations were really exercised, not only refused
