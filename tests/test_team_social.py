"""Team server mode, the social side: study groups (check-ins, shared milestones, an opt-in leaderboard),
study buddies (requests, pairs, progress, nudges) — full flows with several browsers, and privacy throughout.
Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import re
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import NOW, PROFILE, Home, Run

from offhours.accounts import Accounts
from offhours.catalog import default_catalog
from offhours.coach import Coach
from offhours.profile import profile_from_dict
from offhours.social import Social
from offhours.store import Store
from offhours.web import create_app
from team import PASSWORD, Browser, field_error, make_accounts, run_team

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")

TOPIC = next(iter(default_catalog().topics))


async def sign_in(new_browser: Callable[[], Browser], *names: str) -> list[Browser]:
    browsers = []
    for name in names:
        browser = new_browser()
        assert (await browser.login(f"{name}@example.com")).status_code == 303
        browsers.append(browser)
    return browsers


async def put_json(browser: Browser, url: str, body: Any) -> httpx.Response:
    return await browser.client.put(url, json=body, headers={"x-csrf-token": await browser.csrf()})


async def delete(browser: Browser, url: str) -> httpx.Response:
    return await browser.client.delete(url, headers={"x-csrf-token": await browser.csrf()})


# ---- study groups --------------------------------------------------------------------------------------------


def test_group_flow_checkins_milestones_and_leave(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob, eve = await sign_in(new_browser, "ada", "bob", "eve")
        nameless = await ada.form("/groups", {"name": "   "})
        assert nameless.status_code == 400 and "name for the group" in (field_error(nameless, "name") or "")
        made = await ada.form("/groups", {"name": "ML evenings"})
        assert made.status_code == 303
        group_id = int(made.headers["location"].rsplit("/", 1)[1])
        [summary] = (await ada.get("/api/groups")).json()
        assert summary["name"] == "ML evenings" and summary["members"] == 1
        code = summary["invite_code"]
        assert code in (await ada.get(f"/groups/{group_id}")).text

        wrong = await bob.form("/groups/join", {"invite_code": "not-a-code"})
        assert wrong.status_code == 400 and "no group has this invite code" in (field_error(wrong, "invite_code") or "")
        assert 'value="not-a-code"' in wrong.text  # nothing typed is lost
        prefilled = await bob.get(f"/groups?invite={code}")
        assert f'value="{code}"' in prefilled.text
        joined = await bob.form("/groups/join", {"invite_code": code})
        assert joined.status_code == 303 and joined.headers["location"] == f"/groups/{group_id}"
        assert (await bob.post_json("/api/groups/join", {"invite_code": code})).status_code == 200  # idempotent
        assert [m["display_name"] for m in (await bob.get(f"/api/groups/{group_id}")).json()["members"]] == [
            "Ada", "Bob"]

        # Check-ins: any member posts; newest first.
        empty = await ada.form(f"/groups/{group_id}/checkins", {"text": " "})
        assert empty.status_code == 400 and field_error(empty, "text") == "write what you did today"
        assert (await ada.form(f"/groups/{group_id}/checkins", {"text": "Read the PCA chapter"})).status_code == 303
        posted = await bob.post_json(f"/api/groups/{group_id}/checkins", {"text": "Two Kaggle exercises"})
        assert posted.status_code == 201 and posted.json()["author"] == "Bob"
        checkins = (await ada.get(f"/api/groups/{group_id}/checkins")).json()
        assert [(c["author"], c["text"]) for c in checkins] == [
            ("Bob", "Two Kaggle exercises"), ("Ada", "Read the PCA chapter")]
        page = (await ada.get(f"/groups/{group_id}")).text
        assert page.index("Two Kaggle exercises") < page.index("Read the PCA chapter")

        # Shared milestones: any member adds one; each ticks it; the page says who reached it.
        bad = await bob.form(f"/groups/{group_id}/milestones", {"title": "Finish course 1", "due": "next friday"})
        assert bad.status_code == 400 and "2026-12-31" in (field_error(bad, "due") or "")
        assert 'value="Finish course 1"' in bad.text
        assert (await bob.form(f"/groups/{group_id}/milestones",
                               {"title": "Finish course 1", "due": "2026-12-18"})).status_code == 303
        api_made = await ada.post_json(f"/api/groups/{group_id}/milestones",
                                       {"title": "Ship a model", "due": "2027-01-31"})
        assert api_made.status_code == 201 and api_made.json()["reached_by"] == []
        [first, second] = (await ada.get(f"/api/groups/{group_id}/milestones")).json()
        assert (first["title"], first["due"], second["title"]) == ("Finish course 1", "2026-12-18", "Ship a model")
        ticked = await ada.post_json(f"/api/groups/{group_id}/milestones/{first['id']}/done", {"done": True})
        assert ticked.json()["reached_by"] == ["Ada"] and ticked.json()["done_by_me"] is True
        assert (await bob.form(f"/groups/{group_id}/milestones/{first['id']}/done", {"done": "1"})).status_code == 303
        row = re.search(rf'<tr id="milestone-{first["id"]}">.*?</tr>', (await bob.get(f"/groups/{group_id}")).text,
                        re.S)
        assert row and "Ada, Bob" in row.group(0)
        await bob.form(f"/groups/{group_id}/milestones/{first['id']}/done", {"done": "0"})
        assert (await bob.get(f"/api/groups/{group_id}/milestones")).json()[0]["reached_by"] == ["Ada"]
        # A milestone of another group is not reachable through this one.
        other = (await eve.post_json("/api/groups", {"name": "Eve's own"})).json()
        other_milestone = (await eve.post_json(f"/api/groups/{other['id']}/milestones",
                                               {"title": "Secret", "due": "2027-02-01"})).json()["id"]
        assert (await ada.post_json(f"/api/groups/{group_id}/milestones/{other_milestone}/done")).status_code == 404

        # Leaving: the member loses the group; their ticks go, their check-ins stay with the group.
        await ada.post_json(f"/api/groups/{group_id}/milestones/{second['id']}/done")
        assert (await ada.form(f"/groups/{group_id}/leave", {})).status_code == 303
        assert (await ada.get(f"/groups/{group_id}")).status_code == 404
        assert (await ada.get("/api/groups")).json() == []
        seen_by_bob = (await bob.get(f"/api/groups/{group_id}")).json()
        assert [m["display_name"] for m in seen_by_bob["members"]] == ["Bob"]
        assert [m["reached_by"] for m in seen_by_bob["milestones"]] == [[], []]
        assert len(seen_by_bob["checkins"]) == 2
        assert (await bob.post_json(f"/api/groups/{group_id}/leave")).status_code == 200
        assert (await bob.post_json("/api/groups/join", {"invite_code": code})).status_code == 400  # group gone

    run_team(database_url, tmp_path, scenario)


def test_non_members_get_404_for_the_group_and_everything_in_it(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, eve = await sign_in(new_browser, "ada", "eve")
        group = (await ada.post_json("/api/groups", {"name": "Private circle"})).json()
        gid = group["id"]
        await ada.post_json(f"/api/groups/{gid}/checkins", {"text": "secret progress"})
        milestone = (await ada.post_json(f"/api/groups/{gid}/milestones", {"title": "M", "due": "2027-01-01"})).json()
        for url in (f"/groups/{gid}", f"/api/groups/{gid}", f"/api/groups/{gid}/checkins",
                    f"/api/groups/{gid}/milestones", f"/api/groups/{gid}/leaderboard", "/groups/999999"):
            answer = await eve.get(url)
            assert answer.status_code == 404, url
            assert "secret progress" not in answer.text and "Private circle" not in answer.text
        for url, body in ((f"/api/groups/{gid}/checkins", {"text": "hi"}),
                          (f"/api/groups/{gid}/checkins", {"text": ""}),  # 404 before any word about the text
                          (f"/api/groups/{gid}/milestones", {"title": "x", "due": "2027-01-01"}),
                          (f"/api/groups/{gid}/milestones/{milestone['id']}/done", {"done": True}),
                          (f"/api/groups/{gid}/leave", None)):
            assert (await eve.post_json(url, body)).status_code == 404, url
        assert (await put_json(eve, f"/api/groups/{gid}/leaderboard", {"on": True})).status_code == 404
        for url, data in ((f"/groups/{gid}/checkins", {"text": "hi"}), (f"/groups/{gid}/leave", {}),
                          (f"/groups/{gid}/leaderboard", {"on": "1"}),
                          (f"/groups/{gid}/milestones", {"title": "x", "due": "2027-01-01"}),
                          (f"/groups/{gid}/milestones/{milestone['id']}/done", {"done": "1"})):
            assert (await eve.form(url, data)).status_code == 404, url
        assert (await eve.get("/api/groups")).json() == []
        after = (await ada.get(f"/api/groups/{gid}")).json()
        assert len(after["checkins"]) == 1 and after["milestones"][0]["reached_by"] == []
        assert (await new_browser().get(f"/api/groups/{gid}")).status_code == 401  # not signed in
        assert (await eve.get("/api/groups/99999999999999999999")).status_code == 422  # never a database error
        nul = await ada.post_json(f"/api/groups/{gid}/checkins", {"text": "a\x00b"})
        assert nul.status_code == 400
        assert (await ada.post_json("/api/groups/join", {"invite_code": "\x00"})).status_code == 400

    run_team(database_url, tmp_path, scenario)


def test_leaderboard_shows_only_members_who_opted_in(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob", "cat")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob, cat = await sign_in(new_browser, "ada", "bob", "cat")
        group = (await ada.post_json("/api/groups", {"name": "Weekly grind"})).json()
        gid = group["id"]
        for browser in (bob, cat):
            await browser.post_json("/api/groups/join", {"invite_code": group["invite_code"]})
        for browser, minutes in ((ada, 45), (bob, 70), (cat, 30)):
            assert (await browser.post_json("/api/log", {"topic": TOPIC, "minutes": minutes})).status_code == 200
        assert (await ada.get(f"/api/groups/{gid}/leaderboard")).json() == []
        assert "Nobody is on the leaderboard yet" in (await ada.get(f"/groups/{gid}")).text

        assert (await ada.form(f"/groups/{gid}/leaderboard", {"on": "1"})).status_code == 303
        board = (await cat.get(f"/api/groups/{gid}/leaderboard")).json()
        assert [(e["display_name"], e["minutes_this_week"]) for e in board] == [("Ada", 45)]
        assert board[0]["minutes_this_week"] == (await ada.get("/api/progress")).json()["minutes_this_week"]
        page = (await cat.get(f"/groups/{gid}")).text
        table = re.search(r'<table id="leaderboard-table">.*?</table>', page, re.S)
        assert table and "Ada" in table.group(0) and "Bob" not in table.group(0) and "70" not in table.group(0)

        opted = await put_json(bob, f"/api/groups/{gid}/leaderboard", {"on": True})
        assert opted.status_code == 200 and opted.json()["on_leaderboard"] is True
        assert [(e["rank"], e["display_name"], e["minutes_this_week"]) for e in opted.json()["leaderboard"]] == [
            (1, "Bob", 70), (2, "Ada", 45)]
        seen_by_cat = (await cat.get(f"/api/groups/{gid}")).json()
        members = {m["display_name"]: m["on_leaderboard"] for m in seen_by_cat["members"]}
        assert members == {"Ada": True, "Bob": True, "Cat": False}
        assert (await ada.form(f"/groups/{gid}/leaderboard", {"on": "0"})).status_code == 303
        assert [e["display_name"] for e in (await cat.get(f"/api/groups/{gid}/leaderboard")).json()] == ["Bob"]
        assert "Take me off the leaderboard" in (await bob.get(f"/groups/{gid}")).text
        assert "Show my minutes on the leaderboard" in (await ada.get(f"/groups/{gid}")).text

    run_team(database_url, tmp_path, scenario)


def _account_in(store: Store, name: str, timezone: str, now: datetime) -> Any:
    account = Accounts(store, lambda: now, signup="open").sign_up(f"{name}@example.com", name.title(), PASSWORD)
    data = tomllib.loads(PROFILE)
    data.update(name=name.title(), timezone=timezone)
    coach = Coach(store, clock=lambda: now, account=account)
    coach.init_profile(profile_from_dict(data, source="test", now=now))
    return coach.account


def test_leaderboard_weeks_start_on_monday_in_each_learners_timezone(database_url: str) -> None:
    # Sunday 29 Nov 2026, 20:00 UTC: still Sunday in London, already Monday morning in Auckland (UTC+13).
    now = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    store = Store.open(database_url)
    try:
        london = _account_in(store, "lon", "Europe/London", now)
        auckland = _account_in(store, "akl", "Pacific/Auckland", now)
        for account, day, minutes in ((london, date(2026, 11, 29), 30), (london, date(2026, 11, 23), 15),
                                      (auckland, date(2026, 11, 29), 50), (auckland, date(2026, 11, 30), 20)):
            Coach(store, clock=lambda: now, account=account).log_study(TOPIC, minutes, day)
        lon, akl = Social(store, lambda: now, london), Social(store, lambda: now, auckland)
        group_id = lon.create_group("Around the world")
        akl.join_group(lon.group(group_id).invite_code)
        lon.set_on_leaderboard(group_id, True)
        akl.set_on_leaderboard(group_id, True)
        board = {e.display_name: e.minutes for e in akl.group(group_id).leaderboard}
        assert board == {"Lon": 45, "Akl": 20}  # Auckland's Sunday belongs to last week there
        for account in (london, auckland):  # the same number as each learner's own progress
            assert board[account.display_name] == Coach(store, clock=lambda: now, account=account).progress(
            ).minutes_this_week
    finally:
        store.close()


# ---- buddies ----------------------------------------------------------------------------------------------------


def test_buddy_request_accept_progress_and_unpair(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob, eve = await sign_in(new_browser, "ada", "bob", "eve")
        ada_code = (await ada.get("/api/account")).json()["buddy_code"]
        bob_code = (await bob.get("/api/account")).json()["buddy_code"]
        assert ada_code in (await ada.get("/account")).text and ada_code in (await ada.get("/buddies")).text
        await ada.post_json("/api/log", {"topic": TOPIC, "minutes": 40})

        unknown = await bob.form("/buddies", {"buddy_code": "no-such-code"})
        assert unknown.status_code == 400 and "no one has this buddy code" in (field_error(unknown, "buddy_code") or "")
        assert 'value="no-such-code"' in unknown.text
        own = await bob.form("/buddies", {"buddy_code": bob_code})
        assert "your own buddy code" in (field_error(own, "buddy_code") or "")
        assert (await bob.form("/buddies", {"buddy_code": ada_code})).status_code == 303
        again = await bob.form("/buddies", {"buddy_code": ada_code})
        assert "already asked Ada" in (field_error(again, "buddy_code") or "")

        [request] = (await ada.get("/api/buddies")).json()["incoming"]
        link = request["id"]
        assert request["display_name"] == "Bob" and "streak_days" not in request
        assert [x["display_name"] for x in (await bob.get("/api/buddies")).json()["outgoing"]] == ["Ada"]
        incoming = re.search(r'<ul id="incoming">.*?</ul>', (await ada.get("/buddies")).text, re.S)
        assert incoming and "Bob" in incoming.group(0)
        # Pending: nobody sees anybody's progress; strangers and the asker cannot accept.
        for browser in (ada, bob, eve):
            assert (await browser.get(f"/api/buddies/{link}")).status_code == 404
        assert (await eve.post_json(f"/api/buddies/{link}/accept")).status_code == 404
        assert (await bob.post_json(f"/api/buddies/{link}/accept")).status_code == 404
        assert (await eve.form(f"/buddies/{link}/accept", {})).status_code == 404
        assert (await bob.post_json(f"/api/buddies/{link}/nudges", {"text": "hi"})).status_code == 404
        assert "40 min this week" not in (await bob.get("/buddies")).text

        assert (await ada.form(f"/buddies/{link}/accept", {})).status_code == 303
        seen = (await bob.get(f"/api/buddies/{link}")).json()
        own_progress = (await ada.get("/api/progress")).json()
        upcoming = next(m for m in own_progress["milestones"] if m["remaining_minutes"] > 0)
        assert seen["display_name"] == "Ada" and seen["has_profile"] is True
        assert (seen["streak_days"], seen["minutes_this_week"]) == (own_progress["streak_days"], 40)
        assert seen["next_milestone"] == {"title": upcoming["title"], "date": upcoming["deadline"]}
        page = (await bob.get("/buddies")).text
        assert "40 min this week" in page and upcoming["title"] in page
        assert [x["display_name"] for x in (await ada.get("/api/buddies")).json()["buddies"]] == ["Bob"]
        assert (await eve.get(f"/api/buddies/{link}")).status_code == 404
        assert "Ada" not in (await eve.get("/buddies")).text

        # Unpairing ends the access for both.
        assert (await ada.form(f"/buddies/{link}/remove", {})).status_code == 303
        for browser in (ada, bob):
            assert (await browser.get(f"/api/buddies/{link}")).status_code == 404
            assert (await browser.get("/api/buddies")).json() == {"incoming": [], "outgoing": [], "buddies": []}
        assert "40 min this week" not in (await bob.get("/buddies")).text
        assert (await delete(bob, f"/api/buddies/{link}")).status_code == 404

    run_team(database_url, tmp_path, scenario)


def test_declined_request_gives_no_access_and_mutual_requests_pair(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob, eve = await sign_in(new_browser, "ada", "bob", "eve")
        codes = {name: (await b.get("/api/account")).json()["buddy_code"]
                 for name, b in (("ada", ada), ("bob", bob), ("eve", eve))}
        asked = await eve.post_json("/api/buddies", {"buddy_code": codes["bob"]})
        assert asked.status_code == 201 and asked.json()["outcome"] == "requested"
        link = asked.json()["id"]
        assert (await ada.post_json(f"/api/buddies/{link}/decline")).status_code == 404  # not hers to decline
        assert (await eve.post_json(f"/api/buddies/{link}/decline")).status_code == 404  # the asker withdraws instead
        assert (await bob.form(f"/buddies/{link}/decline", {})).status_code == 303
        assert (await eve.get(f"/api/buddies/{link}")).status_code == 404
        assert (await bob.post_json(f"/api/buddies/{link}/accept")).status_code == 404  # declined is gone
        assert (await eve.get("/api/buddies")).json()["outgoing"] == []

        # A withdrawn request disappears for the partner too.
        withdrawn = (await eve.post_json("/api/buddies", {"buddy_code": codes["ada"]})).json()["id"]
        assert (await delete(eve, f"/api/buddies/{withdrawn}")).status_code == 200
        assert (await ada.get("/api/buddies")).json()["incoming"] == []

        # Both ask each other: the second request accepts the first, one pair.
        first = (await ada.post_json("/api/buddies", {"buddy_code": codes["bob"]})).json()
        second = await bob.post_json("/api/buddies", {"buddy_code": codes["ada"]})
        assert second.status_code == 201 and second.json()["outcome"] == "accepted"
        assert second.json()["id"] == first["id"] and second.json()["kind"] == "paired"
        assert [x["id"] for x in (await ada.get("/api/buddies")).json()["buddies"]] == [first["id"]]
        already = await bob.form("/buddies", {"buddy_code": codes["ada"]})
        assert "already your buddy" in (field_error(already, "buddy_code") or "")

    run_team(database_url, tmp_path, scenario)


def test_nudges_show_on_today_until_dismissed_and_are_rate_limited(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "bob", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, bob, eve = await sign_in(new_browser, "ada", "bob", "eve")
        ada_code = (await ada.get("/api/account")).json()["buddy_code"]
        link = (await bob.post_json("/api/buddies", {"buddy_code": ada_code})).json()["id"]
        assert (await ada.post_json(f"/api/buddies/{link}/accept")).status_code == 200
        assert (await ada.get("/api/today")).json()["nudges"] == []
        assert 'id="nudges"' not in (await ada.get("/")).text

        blank = await bob.form(f"/buddies/{link}/nudge", {"text": "  "})
        assert blank.status_code == 400 and "short nudge" in (field_error(blank, "text") or "")
        sent = await bob.form(f"/buddies/{link}/nudge", {"text": "20 minutes of linear algebra tonight?"})
        assert sent.status_code == 303 and "Nudge sent" in (await bob.get(sent.headers["location"])).text
        assert (await eve.post_json(f"/api/buddies/{link}/nudges", {"text": "spam"})).status_code == 404

        today = (await ada.get("/api/today")).json()
        [nudge] = today["nudges"]
        assert (nudge["from"], nudge["text"]) == ("Bob", "20 minutes of linear algebra tonight?")
        assert (await ada.get("/api/nudges")).json() == today["nudges"]
        page = (await ada.get("/")).text
        assert "Bob</strong> nudges you: 20 minutes of linear algebra tonight?" in page
        assert (await bob.get("/api/today")).json()["nudges"] == []  # only the recipient sees it
        assert (await bob.post_json(f"/api/nudges/{nudge['id']}/seen")).status_code == 404
        assert (await eve.form(f"/nudges/{nudge['id']}/seen", {})).status_code == 404

        # At most three a day per pair: the API answers 429; the page keeps the text and explains.
        for text in ("second", "third"):
            assert (await bob.post_json(f"/api/buddies/{link}/nudges", {"text": text})).status_code == 201
        too_many = await bob.post_json(f"/api/buddies/{link}/nudges", {"text": "fourth"})
        assert too_many.status_code == 429 and "3 nudges" in too_many.json()["error"]
        page_limit = await bob.form(f"/buddies/{link}/nudge", {"text": "fifth"})
        assert page_limit.status_code == 429 and "try again tomorrow" in (field_error(page_limit, "text") or "")
        assert 'value="fifth"' in page_limit.text
        back = await ada.post_json(f"/api/buddies/{link}/nudges", {"text": "you too!"})
        assert back.status_code == 201  # the limit is per sender
        assert [n["text"] for n in (await ada.get("/api/today")).json()["nudges"]] == ["third", "second",
                                                                                       nudge["text"]]

        # Dismissing: from the Today page (form) and through the API.
        dismissed = await ada.form(f"/nudges/{nudge['id']}/seen", {"next": "/"})
        assert dismissed.status_code == 303 and dismissed.headers["location"] == "/"
        assert nudge["text"] not in (await ada.get("/")).text
        for n in (await ada.get("/api/nudges")).json():
            assert (await ada.post_json(f"/api/nudges/{n['id']}/seen")).status_code == 200
        assert (await ada.get("/api/today")).json()["nudges"] == []
        assert 'id="nudges"' not in (await ada.get("/")).text
        assert [n["text"] for n in (await bob.get("/api/today")).json()["nudges"]] == ["you too!"]

        # An unpaired buddy cannot nudge any more.
        await delete(ada, f"/api/buddies/{link}")
        assert (await bob.post_json(f"/api/buddies/{link}/nudges", {"text": "hello?"})).status_code == 404
        assert (await bob.form(f"/buddies/{link}/nudge", {"text": "hello?"})).status_code == 404

    run_team(database_url, tmp_path, scenario)


def test_single_user_today_has_no_nudges_and_no_social_routes(cli: Callable[..., Run], home: Home,
                                                              profile_file: Path) -> None:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    app = create_app(home.settings(), clock=lambda: NOW)

    async def go() -> tuple[httpx.Response, httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://offhours.test") as c:
            return await c.get("/api/today"), await c.get("/api/groups")

    today, groups = asyncio.run(go())
    assert today.status_code == 200 and "nudges" not in today.json()
    assert groups.status_code == 404
