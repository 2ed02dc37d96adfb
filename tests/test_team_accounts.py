"""Team server mode, accounts: sign-up, sign-in, throttling, sessions, CSRF, passwords — on SQLite and on
a real PostgreSQL server (the `database_url` fixture runs each test on both)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from conftest import NOW, Home, Run

from offhours.accounts import Accounts
from offhours.errors import InputError
from offhours.store import Store
from offhours.web import create_app
from team import PASSWORD, Browser, field_error, make_accounts, run_team, team_settings

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")


def test_db_upgrade_then_serve(database_url: str, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch,
                               home: Home) -> None:
    monkeypatch.setenv("OFFHOURS_DATABASE_URL", database_url)
    with pytest.raises(InputError, match="offhours db upgrade"):
        Store.open(database_url, migrate=False)  # what `serve --multi-user` checks before starting
    assert "run `offhours db upgrade`" in cli("db", "status").stdout
    first = cli("db", "upgrade")
    assert first.exit_code == 0 and "Upgraded the database from revision none to" in first.stdout
    assert "up to date" in cli("db", "upgrade").stdout and "up to date" in cli("db", "status").stdout
    Store.open(database_url, migrate=False).close()

    made = cli("admin", "create", "--email", "Boss@Example.com", "--name", "Boss", "--password-stdin",
               input=PASSWORD + "\n")
    assert made.exit_code == 0 and "boss@example.com" in made.stdout
    short = cli("admin", "create", "--email", "x@example.com", "--name", "X", "--password-stdin", input="short\n")
    assert short.exit_code == 2 and "at least 10 characters" in short.stderr
    codes = cli("admin", "invite", "--count", "2").stdout.split()
    assert len(codes) == 2 and codes[0] != codes[1]


def test_sign_up_needs_an_invite_and_shows_errors_beside_fields(database_url: str, tmp_path: Path) -> None:
    store = Store.open(database_url)
    code = Accounts(store, lambda: NOW).create_invite(None)
    store.close()

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        browser = new_browser()
        page = await browser.form("/signup", {"email": "ada@example.com", "display_name": "Ada",
                                              "password": PASSWORD, "invite_code": ""})
        assert page.status_code == 400 and "invite code" in (field_error(page, "invite_code") or "")
        assert 'value="ada@example.com"' in page.text  # nothing typed is lost
        page = await browser.form("/signup", {"email": "ada@example.com", "display_name": "Ada",
                                              "password": "short", "invite_code": code})
        assert "at least 10" in (field_error(page, "password") or "")
        page = await browser.form("/signup", {"email": "ada@example.com", "display_name": "Ada",
                                              "password": PASSWORD, "invite_code": code})
        assert page.status_code == 303 and page.headers["location"] == "/welcome"
        me = await browser.get("/api/account")
        assert me.json()["email"] == "ada@example.com" and me.json()["has_profile"] is False
        again = await new_browser().form("/signup", {"email": "eve@example.com", "display_name": "Eve",
                                                     "password": PASSWORD, "invite_code": code})
        assert "already used" in (field_error(again, "invite_code") or "")

    run_team(database_url, tmp_path, scenario)


def test_sign_in_cookies_sign_out_and_no_fixation(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        browser = new_browser()
        assert (await browser.get("/api/today")).status_code == 401
        page = await browser.get("/plan")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/plan"
        # An attacker plants a session cookie and a CSRF cookie before the victim signs in.
        browser.client.cookies.set("offhours_session", "planted-by-attacker", domain="team.test")
        planted_csrf = await browser.csrf()
        signed_in = await browser.login("ADA@example.com")
        assert signed_in.status_code == 303
        cookie = signed_in.headers.get_list("set-cookie")
        session = next(c for c in cookie if c.startswith("offhours_session="))
        assert "HttpOnly" in session and "SameSite=lax" in session and "planted" not in session
        assert browser.client.cookies.get("offhours_csrf") != planted_csrf  # renewed at sign-in
        assert (await browser.get("/api/profile")).json()["name"] == "Ada"
        stolen = str(browser.client.cookies.get("offhours_session"))
        await browser.form("/logout", {})
        assert (await browser.get("/api/profile")).status_code == 401
        thief = new_browser()
        thief.client.cookies.set("offhours_session", stolen, domain="team.test")
        assert (await thief.get("/api/profile")).status_code == 401  # the session row is gone

    run_team(database_url, tmp_path, scenario)


def test_login_is_throttled(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", with_profile=False)

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        browser = new_browser()
        unknown = await browser.login("nobody@example.com", "whatever-password")
        wrong = await browser.login("ada@example.com", "not-the-password")
        assert field_error(unknown, "password") == field_error(wrong, "password") == "wrong email or password"
        for _ in range(4):
            await browser.login("ada@example.com", "not-the-password")
        blocked = await browser.login("ada@example.com")  # the right password, but too late
        assert blocked.status_code == 429 and "wait 15 minutes" in blocked.text
        api = await browser.post_json("/api/session", {"email": "ada@example.com", "password": PASSWORD})
        assert api.status_code == 429

    run_team(database_url, tmp_path, scenario)


def test_password_change_ends_other_sessions_and_is_never_shown(
        database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    make_accounts(database_url, "ada")
    caplog.set_level(logging.DEBUG)
    new_password = "an entirely new passphrase"

    async def scenario(new_browser: Callable[[], Browser]) -> list[str]:
        laptop, phone = new_browser(), new_browser()
        await laptop.login("ada@example.com")
        await phone.login("ada@example.com")
        wrong = await laptop.form("/account/password", {"current_password": "nope-nope-nope",
                                                        "new_password": new_password})
        assert "not your current password" in (field_error(wrong, "current_password") or "")
        done = await laptop.form("/account/password", {"current_password": PASSWORD, "new_password": new_password})
        assert done.status_code == 200 and "Password changed" in done.text
        assert (await laptop.get("/api/account")).status_code == 200
        assert (await phone.get("/api/account")).status_code == 401
        assert (await new_browser().login("ada@example.com")).status_code == 400
        assert (await new_browser().login("ada@example.com", new_password)).status_code == 303
        pages = [await laptop.get(url) for url in ("/account", "/api/account", "/api/profile")]
        return [p.text for p in pages]

    texts = run_team(database_url, tmp_path, scenario)
    for secret in (PASSWORD, new_password):
        assert not any(secret in text for text in texts)
        assert secret not in caplog.text
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        hashes = [row[0] for row in conn.execute(sa.text("SELECT password_hash FROM accounts"))]
        tokens = [row[0] for row in conn.execute(sa.text("SELECT token_hash FROM web_sessions"))]
    engine.dispose()
    assert all(h.startswith("$argon2id$") and new_password not in h for h in hashes)
    assert all(len(t) == 64 for t in tokens)  # only SHA-256 of the cookie tokens


def test_each_account_reaches_only_its_own_learner(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob = new_browser(), new_browser()
        await ada.login("ada@example.com")
        await bob.login("bob@example.com")
        assert (await ada.get("/api/profile")).json()["name"] == "Ada"
        assert (await bob.get("/api/profile")).json()["name"] == "Bob"
        plan = (await ada.post_json("/api/plan?weeks=1")).json()
        block = plan["blocks"][0]["id"]
        assert (await bob.post_json(f"/api/blocks/{block}/done")).status_code == 404
        assert (await ada.post_json(f"/api/blocks/{block}/done")).status_code == 200
        assert (await bob.get("/api/today")).status_code == 200

    run_team(database_url, tmp_path, scenario)


def test_a_new_account_onboards_its_own_learner(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada")  # someone else already studies here

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        bob = new_browser()
        signed = await bob.form("/signup", {"email": "bob@example.com", "display_name": "Bob", "password": PASSWORD})
        assert signed.status_code == 303 and signed.headers["location"] == "/welcome"
        assert (await bob.get("/api/profile")).status_code == 409  # no learner yet: not Ada's!
        welcome = await bob.get("/welcome")
        assert "no study plan yet" in welcome.text and "/data" not in welcome.text
        assert (await bob.get("/")).headers["location"] == "/welcome"
        assert (await bob.form("/demo", {})).status_code == 303
        assert (await bob.get("/api/account")).json()["has_profile"] is True
        assert (await bob.get("/api/profile")).json()["name"] != "Ada"
        ada = new_browser()
        await ada.login("ada@example.com")
        assert (await ada.get("/api/profile")).json()["name"] == "Ada"

    run_team(database_url, tmp_path, scenario, signup="open")


def test_a_team_database_is_not_a_personal_home(database_url: str, cli: Callable[..., Run],
                                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The CLI's learner commands, or the dashboard served without --multi-user, would otherwise act as
    whichever learner came first: they refuse instead."""
    make_accounts(database_url, "ada")
    monkeypatch.setenv("OFFHOURS_DATABASE_URL", database_url)
    for command in (["today"], ["profile", "show"], ["cards", "due"]):
        result = cli(*command)
        assert result.exit_code == 2 and "belongs to a team server" in result.stderr, command
    app = create_app(team_settings(database_url, tmp_path), clock=lambda: NOW)

    async def go() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://x.test") as client:
            return (await client.get("/api/profile")).status_code

    assert asyncio.run(go()) == 400


def test_csrf_is_required_in_team_mode_too(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada = new_browser()
        await ada.login("ada@example.com")
        forged_form = await ada.client.post("/groups", data={"name": "Planted"})  # cookie sent, no token
        forged_api = await ada.client.post("/api/groups", data={"name": "Planted"})  # a form aimed at the API
        wrong = await ada.client.post("/groups", data={"name": "Planted", "csrf_token": "guess"})
        assert (forged_form.status_code, forged_api.status_code, wrong.status_code) == (403, 403, 403)
        assert (await ada.get("/api/groups")).json() == []
        assert (await ada.form("/groups", {"name": "Real"})).status_code == 303

    run_team(database_url, tmp_path, scenario)
