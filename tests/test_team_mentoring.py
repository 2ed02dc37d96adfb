"""Team server mode, mentoring: grant, read, comment line by line, answer, revoke — and privacy throughout.
Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offhours.catalog import default_catalog
from team import Browser, field_error, make_accounts, run_team

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")


def test_mentor_reads_comments_and_loses_access_on_revoke(database_url: str, tmp_path: Path) -> None:
    make_accounts(database_url, "ada", "mia", "eve")

    async def scenario(new_browser: Callable[[], Browser]) -> None:
        ada, mia, eve = new_browser(), new_browser(), new_browser()
        for browser, name in ((ada, "ada"), (mia, "mia"), (eve, "eve")):
            assert (await browser.login(f"{name}@example.com")).status_code == 303
        code = default_catalog().exercises["numpy-standardize-columns"].solution
        ran = await ada.post_json("/api/exercises/numpy-standardize-columns/submit", {"code": code})
        assert ran.json()["status"] == "pass"
        attempt = (await ada.get("/api/submissions")).json()[0]["id"]
        entry = (await ada.post_json("/api/journal", {"text": "Struggled with broadcasting today"})).json()["id"]
        await ada.post_json("/api/journal", {"text": "Private: salary negotiation notes"})

        # Before any grant nobody else sees anything, and ids cannot be probed.
        assert (await mia.get(f"/api/submissions/{attempt}")).status_code == 404
        assert (await mia.get(f"/mentoring/submissions/{attempt}")).status_code == 404
        ada_id = (await ada.get("/api/account")).json()["id"]
        assert (await mia.get(f"/api/mentees/{ada_id}")).status_code == 404

        bad = await ada.form("/mentoring/mentors", {"mentor_email": "nobody@example.com"})
        assert bad.status_code == 400 and "signs up first" in (field_error(bad, "mentor_email") or "")
        assert 'value="nobody@example.com"' in bad.text
        assert (await ada.form("/mentoring/mentors", {"mentor_email": "mia@example.com"})).status_code == 303
        assert (await ada.post_json(f"/api/journal/{entry}/share", {"shared": True})).status_code == 200

        mentees = (await mia.get("/api/mentees")).json()
        assert [m["display_name"] for m in mentees] == ["Ada"]
        mentee = (await mia.get(f"/api/mentees/{ada_id}")).json()
        assert mentee["progress"]["streak_days"] == 0 and [s["id"] for s in mentee["submissions"]] == [attempt]
        assert [e["text"] for e in mentee["shared_journal"]] == ["Struggled with broadcasting today"]
        page = await mia.get(f"/mentoring/learners/{ada_id}")
        assert "salary" not in page.text and "broadcasting" in page.text

        # Line comment and a whole-submission comment by the mentor; the learner answers.
        url = f"/mentoring/submissions/{attempt}"
        assert (await mia.form(url, {"line": "2", "text": "Name this axis"})).status_code == 303
        out_of_range = await mia.form(f"/mentoring/submissions/{attempt}", {"line": "999", "text": "??"})
        assert "between 1 and" in (field_error(out_of_range, "line") or "")
        comments = f"/api/submissions/{attempt}/comments"
        assert (await mia.post_json(comments, {"text": "Nice and vectorised"})).status_code == 201
        assert (await ada.post_json(comments, {"text": "Thanks!", "line": None})).status_code == 201
        thread = (await ada.get(f"/api/submissions/{attempt}")).json()
        assert [(c["author"], c["line"], c["text"]) for c in thread["comments"]] == [
            ("Mia", 2, "Name this axis"), ("Mia", None, "Nice and vectorised"), ("Ada", None, "Thanks!")]
        page = (await ada.get(f"/mentoring/submissions/{attempt}")).text
        assert page.index("Name this axis") < page.index('id="L3"')  # shown under line 2

        # Eve was never granted anything: 404 everywhere, commenting included.
        assert (await eve.get(f"/api/submissions/{attempt}")).status_code == 404
        assert (await eve.post_json(f"/api/submissions/{attempt}/comments", {"text": "hi"})).status_code == 404
        assert (await eve.post_json(f"/api/journal/{entry}/share", {"shared": False})).status_code == 404

        # Revoke: the mentor's access is gone at once.
        mia_id = (await mia.get("/api/account")).json()["id"]
        assert (await ada.form(f"/mentoring/mentors/{mia_id}/revoke", {})).status_code == 303
        assert (await mia.get("/api/mentees")).json() == []
        assert (await mia.get(f"/api/mentees/{ada_id}")).status_code == 404
        assert (await mia.get(f"/api/submissions/{attempt}")).status_code == 404
        assert (await mia.post_json(comments, {"text": "still here?"})).status_code == 404
        assert (await ada.get("/api/mentors")).json() == []

    run_team(database_url, tmp_path, scenario)
