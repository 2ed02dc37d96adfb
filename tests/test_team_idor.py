"""No IDOR: every route of the team server that takes the id of someone's object is called by another
signed-in person with the ids of the victim's objects, and must answer 404 and change nothing. The route
list is read from the app itself, so a new route is swept the day it is added. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import NOW
from fastapi import FastAPI

from offhours.catalog import default_catalog
from offhours.coach import Coach
from offhours.store import Store
from offhours.web import create_app
from team import Browser, make_accounts, run_team, team_settings

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")

PUBLIC_PARAMS = {"slug", "name", "action", "status"}  # catalogue slugs and verbs, the same for everyone
BODY = {"text": "sneaky", "rating": "good", "shared": True, "title": "sneaky", "due": "2027-01-01", "on": True,
        "done": True, "line": None, "code": "print(1)", "csrf_token": ""}
WATCHED = ("reviews", "checkins", "group_milestones", "group_milestone_done", "submission_comments",
           "group_members", "buddies", "nudges", "mentor_grants", "journal", "blocks", "own_cards")


def routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every route, through the routers the app includes."""
    for included in app.routes:
        for route in getattr(getattr(included, "original_router", None), "routes", []):
            for method in sorted(route.methods):
                yield method, route.path


def snapshot(database_url: str) -> dict[str, list[Any]]:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        rows = {t: sorted(map(repr, conn.execute(sa.text(f"SELECT * FROM {t}")))) for t in WATCHED}
    engine.dispose()
    return rows


def test_nobody_reaches_another_persons_objects(database_url: str, tmp_path: Path) -> None:
    ada, _eve, cai = make_accounts(database_url, "ada", "eve", "cai")
    store = Store.open(database_url)
    own_card = Coach(store, clock=lambda: NOW, account=ada).add_card("Ada's private question?", "Ada's answer")
    store.close()

    async def scenario(new_browser: Callable[[], Browser]) -> list[str]:
        victim, attacker, friend = new_browser(), new_browser(), new_browser()
        for browser, name in ((victim, "ada"), (attacker, "eve"), (friend, "cai")):
            assert (await browser.login(f"{name}@example.com")).status_code == 303
        ids: dict[str, Any] = {"card_id": own_card, "account_id": ada.id, "mentor_id": cai.id}
        ids["block_id"] = (await victim.post_json("/api/plan?weeks=1")).json()["blocks"][0]["id"]
        code = default_catalog().exercises["numpy-standardize-columns"].solution
        await victim.post_json("/api/exercises/numpy-standardize-columns/submit", {"code": code})
        ids["attempt_id"] = (await victim.get("/api/submissions")).json()[0]["id"]
        ids["entry_id"] = (await victim.post_json("/api/journal", {"text": "Ada's private diary"})).json()["id"]
        group = (await victim.post_json("/api/groups", {"name": "Ada's circle"})).json()
        ids["group_id"] = group["id"]
        milestone = await victim.post_json(f"/api/groups/{group['id']}/milestones",
                                           {"title": "Ada's milestone", "due": "2027-02-01"})
        ids["milestone_id"] = milestone.json()["id"]
        await victim.post_json(f"/api/groups/{group['id']}/checkins", {"text": "Ada's check-in"})
        link = await friend.post_json("/api/buddies", {"buddy_code": ada.buddy_code})
        ids["link_id"] = link.json()["id"]
        await victim.post_json(f"/api/buddies/{ids['link_id']}/accept")
        nudge = await friend.post_json(f"/api/buddies/{ids['link_id']}/nudges", {"text": "Go Ada"})
        ids["nudge_id"] = nudge.json()["id"]
        assert (await victim.post_json("/api/mentors", {"email": "cai@example.com"})).status_code == 201

        before = snapshot(database_url)
        swept, failures = [], []
        app = create_app(team_settings(database_url, tmp_path), multi_user=True)
        for method, template in routes(app):
            params = {p.strip("{}").removesuffix(".svg") for p in template.split("/") if p.startswith("{")}
            if not params - PUBLIC_PARAMS:
                continue
            url = template
            for param in params:
                url = url.replace("{" + param + "}", str(ids.get(param, "done" if param == "status" else "x")))
            client = attacker.client
            if method == "GET":
                response = await client.get(url)
            elif url.startswith("/api/"):
                response = await client.request(method, url, json=BODY,
                                                 headers={"x-csrf-token": await attacker.csrf()})
            else:
                response = await attacker.form(url, {k: str(v) for k, v in BODY.items() if v is not None})
            swept.append(f"{method} {template}")
            leaked = [s for s in ("Ada's private", "Ada's circle", "Ada's milestone", "Ada's check-in")
                      if s in response.text]
            if response.status_code != 404 or leaked:
                failures.append(f"{method} {template} -> {response.status_code} {leaked} {response.text[:120]}")
        assert not failures, "\n".join(failures)
        assert snapshot(database_url) == before  # and nothing changed
        return swept

    swept = run_team(database_url, tmp_path, scenario)
    assert len(swept) >= 40, swept  # every private route, pages and API alike
