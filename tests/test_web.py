"""The web app in-process (httpx ASGI transport): JSON API and pages from the same coach calls."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import NOW, Home, Run

from offhours.catalog import default_catalog
from offhours.web import create_app


def request(home: Home, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to a fresh app. API POSTs without a body say they are JSON, as any script would."""
    app = create_app(home.settings(), clock=lambda: NOW)
    if method == "POST" and url.startswith("/api/") and not {"json", "data", "files", "content"} & kwargs.keys():
        kwargs.setdefault("headers", {"content-type": "application/json"})

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://offhours.test") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(go())


class Browser:
    """One cookie jar across requests, as a browser keeps it: forms need this session's CSRF token."""

    def __init__(self, home: Home) -> None:
        self.app = create_app(home.settings(), clock=lambda: NOW)
        self.cookies: dict[str, str] = {}

    def go(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def run() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://offhours.test",
                                         cookies=self.cookies) as client:
                response = await client.request(method, url, **kwargs)
                self.cookies.update(dict(client.cookies))
                return response

        return asyncio.run(run())

    def form(self, url: str, page: str, data: dict[str, str], **kwargs: Any) -> httpx.Response:
        token = re.search(r'name="csrf_token" value="([^"]+)"', self.go("GET", page).text)
        assert token, "the page has no form token"
        return self.go("POST", url, data={"csrf_token": token.group(1), **data}, **kwargs)


@pytest.fixture
def learner(cli: Callable[..., Run], home: Home, profile_file: Path) -> Home:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return home


def test_no_learner_yet(home: Home) -> None:
    assert request(home, "GET", "/api/profile").status_code == 409
    page = request(home, "GET", "/")
    assert page.status_code == 303 and page.headers["location"] == "/welcome"
    assert "offhours init" in request(home, "GET", "/welcome").text


def test_api_matches_the_cli_shapes(learner: Home, cli: Callable[..., Run]) -> None:
    profile = request(learner, "GET", "/api/profile").json()
    assert profile["name"] == "Test learner"
    path = request(learner, "GET", "/api/path").json()
    assert path["topics"][0]["slug"] == "command-line-basics"
    plan = request(learner, "POST", "/api/plan?weeks=2").json()
    assert plan["timezone"] == "Europe/London" and plan["blocks"]
    today = request(learner, "GET", "/api/today").json()
    assert set(today) == {"date", "blocks", "unconfirmed"}
    assert request(learner, "GET", "/api/topics/ml-astrology").status_code == 404
    bad = request(learner, "POST", "/api/log", json={"topic": "python-basics", "minutes": 0})
    assert bad.status_code == 422
    assert request(learner, "POST", "/api/log", json={"topic": "python-basics", "minutes": 30}).status_code == 200
    assert request(learner, "GET", "/api/progress").json()["minutes_total"] == 30
    schema = request(learner, "GET", "/openapi.json").json()
    assert "/api/cards/{card_id}/rate" in schema["paths"]


def test_cards_through_the_api(learner: Home, cli: Callable[..., Run]) -> None:
    assert cli("cards", "add", "Q", "A").exit_code == 0
    due = request(learner, "GET", "/api/cards/due").json()
    assert due and due[0]["front"] == "Q"
    rated = request(learner, "POST", f"/api/cards/{due[0]['id']}/rate", json={"rating": "good"})
    assert rated.status_code == 200 and rated.json()["next_due"]
    assert request(learner, "POST", "/api/cards/nope/rate", json={"rating": "good"}).status_code == 404
    assert request(learner, "POST", f"/api/cards/{due[0]['id']}/rate", json={"rating": "meh"}).status_code == 422
    assert request(learner, "POST", "/api/cards/undo").json() == {"undone": due[0]["id"]}


def test_exercise_from_the_editor(learner: Home) -> None:
    solution = default_catalog().exercises["numpy-standardize-columns"].solution
    result = request(learner, "POST", "/api/exercises/numpy-standardize-columns/test", json={"code": solution})
    assert result.json()["status"] == "pass"
    page = request(learner, "GET", "/exercises/numpy-standardize-columns")
    assert page.status_code == 200 and "Run the tests" in page.text


@pytest.mark.parametrize("url", ["/", "/plan", "/review", "/progress", "/path", "/topics/ml-pca", "/exercises"])
def test_pages_render(learner: Home, url: str) -> None:
    page = request(learner, "GET", url)
    assert page.status_code == 200, page.text[:500]
    assert page.text.startswith("<!doctype html>") and "<nav>" in page.text
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', page.text)  # nothing fetched: offline


def test_progress_page_shows_minutes_and_charts(learner: Home, cli: Callable[..., Run]) -> None:
    assert cli("log", "--topic", "python-basics", "--minutes", "42").exit_code == 0
    page = request(learner, "GET", "/progress").text
    assert '<strong id="week-minutes">42</strong>' in page and page.count('<figure class="chart"') == 5
    chart = request(learner, "GET", "/progress/charts/weekly-minutes.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml") and "<svg" in chart.text
    assert request(learner, "GET", "/progress/charts/nope.svg").status_code == 404


def test_subscribable_calendar_feed(learner: Home, cli: Callable[..., Run]) -> None:
    import icalendar

    assert cli("plan", "--weeks", "2").exit_code == 0
    url = cli("plan", "feed").stdout.split()[0]
    token = url.split("token=")[1]
    feed = request(learner, "GET", f"/calendar.ics?token={token}")
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    events = list(icalendar.Calendar.from_ical(feed.content).walk("VEVENT"))
    assert events and all(str(e["UID"]).endswith("@offhours") for e in events)
    assert request(learner, "GET", "/calendar.ics?token=wrong").status_code == 404
    assert request(learner, "GET", "/calendar.ics").status_code == 404
    renewed = cli("plan", "feed", "--renew").stdout.split()[0].split("token=")[1]
    assert renewed != token and request(learner, "GET", f"/calendar.ics?token={token}").status_code == 404


def test_forms_need_the_csrf_token_of_this_browser(learner: Home) -> None:
    app = create_app(learner.settings(), clock=lambda: NOW)

    async def go() -> tuple[int, int, int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://offhours.test") as client:
            forged = (await client.post("/plan", data={})).status_code  # a foreign page: no cookie, no token
            page = await client.get("/plan")
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            assert token and client.cookies.get("offhours_csrf") == token.group(1)
            wrong = (await client.post("/plan", data={"csrf_token": "guess"})).status_code
            right = (await client.post("/plan", data={"csrf_token": token.group(1)})).status_code
            api_form = (await client.post("/api/cards/undo", data={"x": "1"})).status_code
            return forged, wrong, right, api_form

    forged, wrong, right, api_form = asyncio.run(go())
    assert (forged, wrong, right, api_form) == (403, 403, 303, 403)


def test_a_bug_shows_a_calm_page_not_a_traceback(learner: Home) -> None:
    app = create_app(learner.settings(), clock=lambda: NOW)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internals")

    async def go() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://offhours.test") as client:
            return await client.get("/boom"), await client.get("/api/boom")

    page, api = asyncio.run(go())
    assert page.status_code == 500 and "unexpected problem" in page.text and "secret internals" not in page.text
    assert api.status_code == 500 and "secret internals" not in api.json()["error"]
