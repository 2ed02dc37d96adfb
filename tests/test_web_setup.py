"""The setup pages in-process: onboarding, settings, journal, resources and the stack, import/export.

Forms post the double-submit CSRF token as a browser would; every check reads the real SQLite home.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import Home, Run

from test_web import request

TOKEN = "test-csrf-token-0123456789abcdef"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
WORK_ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//offhours web tests//EN
BEGIN:VEVENT
UID:weekly-review@example.com
DTSTART;TZID=Europe/London:20261123T100000
DTEND;TZID=Europe/London:20261123T110000
RRULE:FREQ=WEEKLY;BYDAY=MO,WE
SUMMARY:Weekly review
END:VEVENT
END:VCALENDAR
"""


def post(home: Home, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
    """A form POST from one of our pages: the CSRF cookie and the same token in the form."""
    return request(home, "POST", url, data={**(data or {}), "csrf_token": TOKEN},
                   headers={"cookie": f"offhours_csrf={TOKEN}"}, **kwargs)


def answers(**changes: Any) -> dict[str, Any]:
    """A complete onboarding form, as a learner fills it in (with all 14 quiz answers)."""
    form: dict[str, Any] = {
        "name": "Ada", "timezone": "Europe/London", "goal-0-kind": "build-and-deploy",
        "goal-0-title": "Ship a fraud model", "goal-0-deadline": "2027-06-30", "domain": "finance",
        "mode": "structured", "weekly_hours": "6", "max_daily_minutes": "90", "block_min": "30", "block_max": "60",
        "buffer_minutes": "10", "work_days": WEEKDAYS, "rest_days": ["sun"], "work_start": "09:00",
        "work_end": "17:30",
        "slot-0-context": "commute", "slot-0-days": WEEKDAYS, "slot-0-start": "07:40", "slot-0-end": "08:20",
        "slot-1-context": "lunch", "slot-1-days": WEEKDAYS, "slot-1-start": "", "slot-1-end": "",
        "slot-2-context": "weekend", "slot-2-days": ["sat"], "slot-2-start": "09:00", "slot-2-end": "12:00",
        **{f"quiz-{i}": "3" for i in range(14)},
    }
    form.update(changes)
    return form


def field_error(page: httpx.Response, name: str) -> str | None:
    found = re.search(rf'<p class="field-error" id="{re.escape(name)}-error">([^<]*)</p>', page.text)
    return html.unescape(found.group(1)) if found else None


@pytest.fixture
def learner(cli: Callable[..., Run], home: Home, profile_file: Path) -> Home:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return home


# ---- onboarding ---------------------------------------------------------------------------------------------

def test_welcome_offers_the_form_and_the_example(home: Home) -> None:
    page = request(home, "GET", "/welcome")
    assert 'href="/onboarding"' in page.text and 'action="/demo"' in page.text and "offhours init" in page.text
    form = request(home, "GET", "/onboarding")
    assert form.status_code == 200
    assert form.text.count('<fieldset class="question"') == 14 and 'name="quiz-13"' in form.text
    assert 'name="calendar"' in form.text and 'enctype="multipart/form-data"' in form.text
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', form.text)


def test_onboarding_saves_the_learner_and_builds_the_plan(home: Home) -> None:
    done = post(home, "/onboarding", answers(), files={"calendar": ("work.ics", WORK_ICS, "text/calendar")})
    assert done.status_code == 303 and done.headers["location"] == "/plan", done.text[:2000]
    profile = request(home, "GET", "/api/profile").json()
    assert profile["name"] == "Ada" and profile["domain"] == "finance"
    assert profile["goals"] == [{"kind": "build-and-deploy", "title": "Ship a fraud model", "deadline": "2027-06-30"}]
    availability = profile["availability"]
    assert availability["weekly_minutes"] == 360 and availability["work_hours"] == "09:00-17:30"
    assert [(s["context"], s["start"], s["end"]) for s in availability["slots"]] == [
        ("commute", "07:40", "08:20"), ("weekend", "09:00", "12:00")]  # the blank lunch row is no slot
    assert profile["style"] == {"visual": 0.0, "auditory": 0.0, "reading": 0.0, "kinesthetic": 1.0}
    assert home.count("calendars") == 1 and home.count("blocks") > 0  # the first plan is built
    assert request(home, "GET", "/plan").status_code == 200
    assert request(home, "GET", "/onboarding").headers["location"] == "/settings"  # one learner per home


def test_onboarding_errors_are_shown_beside_their_fields_and_nothing_is_lost(home: Home) -> None:
    typed = answers(**{"timezone": "Mars/Olympus", "goal-0-deadline": "2020-01-01", "weekly_hours": "lots",
                       "slot-2-days": ["sat", "sun"], "quiz-5": ""})
    page = post(home, "/onboarding", typed)
    assert page.status_code == 400
    assert "unknown timezone 'Mars/Olympus'" in (field_error(page, "timezone") or "")
    assert "not in the future" in (field_error(page, "goal-0-deadline") or "")
    assert field_error(page, "weekly_hours") == "enter hours per week, e.g. 5 or 2.5"
    assert "slot 2 falls on rest day sun" in (field_error(page, "slots") or "")
    assert "answer all 14" in (field_error(page, "quiz") or "")
    # Everything typed comes back, the quiz answers too.
    for value in ("Mars/Olympus", "2020-01-01", "lots", "Ship a fraud model", "07:40"):
        assert f'value="{value}"' in page.text
    assert len(re.findall(r'name="quiz-\d+" value="3" checked', page.text)) == 13
    backwards = post(home, "/onboarding", answers(**{"slot-0-start": "08:30", "slot-1-end": "13:00"}))
    assert "end 08:20 must be after start 08:30" in (field_error(backwards, "slot-0") or "")
    assert field_error(backwards, "slot-1-start") == "give the start time too, or clear this slot"
    assert request(home, "GET", "/api/profile").status_code == 409  # nothing saved


def test_a_bad_calendar_is_named_and_saves_nothing(home: Home) -> None:
    page = post(home, "/onboarding", answers(), files={"calendar": ("work.ics", b"not a calendar", "text/calendar")})
    assert page.status_code == 400 and "not a valid iCalendar file" in (field_error(page, "calendar") or "")
    assert request(home, "GET", "/api/profile").status_code == 409


def test_a_calendar_survives_a_correction(home: Home) -> None:
    first = post(home, "/onboarding", answers(name="x" * 101),
                 files={"calendar": ("work.ics", WORK_ICS, "text/calendar")})
    assert first.status_code == 400 and field_error(first, "name")
    kept = re.search(r'name="calendar_data" value="([^"]+)"', first.text)
    assert kept and "Kept: work.ics" in first.text
    done = post(home, "/onboarding", answers(calendar_name="work.ics", calendar_data=kept.group(1)))
    assert done.status_code == 303 and home.count("calendars") == 1


def test_the_example_learner(home: Home) -> None:
    assert post(home, "/demo").headers["location"] == "/plan"
    assert request(home, "GET", "/api/profile").json()["name"] == "Priya (demo)" and home.count("blocks") > 0


# ---- settings -----------------------------------------------------------------------------------------------

def test_settings_edit_the_profile_with_the_same_form(learner: Home) -> None:
    page = request(learner, "GET", "/settings")
    assert page.status_code == 200
    assert 'value="Test learner"' in page.text and 'value="Use ML for card-fraud detection at work"' in page.text
    assert 'name="slot-1-start" id="slot-1-start" value="09:00"' in page.text
    before = request(learner, "GET", "/api/profile").json()

    bad = post(learner, "/settings/profile", answers(max_daily_minutes="500", weekly_hours="2"))
    assert bad.status_code == 400
    assert "max_daily_minutes cannot exceed weekly_minutes" in (field_error(bad, "max_daily_minutes") or "")
    assert request(learner, "GET", "/api/profile").json() == before

    good = post(learner, "/settings/profile", answers(**{"quiz-0": "", **{f"quiz-{i}": "" for i in range(14)}}))
    assert good.status_code == 303 and good.headers["location"].startswith("/settings?saved=profile")
    after = request(learner, "GET", "/api/profile").json()
    assert after["name"] == "Ada" and after["start_date"] == before["start_date"]  # history's start is kept
    assert after["style"] == before["style"] and after["mode"] == before["mode"]  # unanswered quiz keeps style


def test_settings_mode_calendar_and_feed(learner: Home) -> None:
    assert post(learner, "/settings/mode", {"mode": "self-directed"}).status_code == 303
    assert request(learner, "GET", "/api/profile").json()["mode"] == "self-directed"

    refused = post(learner, "/settings/calendar", files={"calendar": ("bad.ics", b"nope", "text/calendar")})
    assert refused.status_code == 400 and "not a valid iCalendar" in (field_error(refused, "calendar") or "")
    assert post(learner, "/settings/calendar",
                files={"calendar": ("work.ics", WORK_ICS, "text/calendar")}).status_code == 303
    page = request(learner, "GET", "/settings").text
    assert "<strong>work.ics</strong>" in page and "8 busy events in the next four weeks" in page
    assert post(learner, "/settings/calendar/clear").status_code == 303 and learner.count("calendars") == 0

    url = re.search(r'class="feed-url" readonly value="([^"]+)"', page)
    assert url and url.group(1).startswith("http://offhours.test/calendar.ics?token=")
    token = url.group(1).split("token=")[1]
    assert request(learner, "GET", f"/calendar.ics?token={token}").status_code == 200
    assert post(learner, "/settings/feed").status_code == 303
    assert request(learner, "GET", f"/calendar.ics?token={token}").status_code == 404  # renewed


# ---- journal ------------------------------------------------------------------------------------------------

def test_journal_add_list_and_card(learner: Home) -> None:
    empty = post(learner, "/journal", {"text": "  ", "topic": "ml-pca", "tags": "idea"})
    assert empty.status_code == 400 and field_error(empty, "text") == "a journal entry needs some text"
    assert 'value="idea"' in empty.text and '<option value="ml-pca" selected>' in empty.text
    bad_tag = post(learner, "/journal", {"text": "PCA rotates", "tags": "no way!"})
    assert bad_tag.status_code == 400 and "must be letters" in (field_error(bad_tag, "tags") or "")
    assert ">PCA rotates</textarea>" in bad_tag.text

    added = post(learner, "/journal", {"text": "PCA finds directions of most variance", "topic": "ml-pca",
                                       "tags": "summary", "question": "1"})
    assert added.status_code == 303 and added.headers["location"].startswith("/journal?added=")
    entries = request(learner, "GET", "/api/journal").json()
    assert [(e["text"], e["topic"], e["tags"]) for e in entries] == [
        ("PCA finds directions of most variance", "ml-pca", ["question", "summary"])]
    page = request(learner, "GET", "/journal?tag=question")
    assert "PCA finds directions of most variance" in page.text
    assert "No entries match" in request(learner, "GET", "/journal?tag=nothing").text

    card = post(learner, f"/journal/{entries[0]['id']}/card")
    assert card.status_code == 303 and "card=" in card.headers["location"]
    assert any(c["back"] == "PCA finds directions of most variance" for c in request(learner, "GET",
                                                                                     "/api/cards/due").json())


# ---- resources and the stack --------------------------------------------------------------------------------

def test_stack_actions_and_catalogue(learner: Home) -> None:
    stack = request(learner, "GET", "/api/stack").json()
    entry = next(e for e in stack if e["alternates"])
    page = request(learner, "GET", "/resources")
    assert page.status_code == 200 and f'id="stack-{entry["topic"]}"' in page.text

    swapped = post(learner, "/resources/stack/swap", {"topic": entry["topic"], "back": "/resources"})
    assert swapped.status_code == 303 and swapped.headers["location"].endswith(f"#stack-{entry['topic']}")
    after = next(e for e in request(learner, "GET", "/api/stack").json() if e["topic"] == entry["topic"])
    assert after["primary"]["id"] == entry["alternates"][0]["id"]

    banned = entry["alternates"][0]["id"]
    assert post(learner, "/resources/stack/ban", {"resource": banned}).status_code == 303
    primaries = [e["primary"]["id"] for e in request(learner, "GET", "/api/stack").json() if e["primary"]]
    assert banned not in primaries
    refused = post(learner, "/resources/stack/pin", {"resource": "no-such-thing"})
    assert refused.status_code == 400 and "unknown resource 'no-such-thing'" in html.unescape(refused.text)
    assert post(learner, "/resources/stack/reset").status_code == 303

    free = request(learner, "GET", "/resources?format=audio&free=1")
    api = request(learner, "GET", "/api/resources?format=audio&free=true").json()
    assert f"{len(api)} resource" in free.text and all(r["cost"] == "free" for r in api)
    searched = request(learner, "GET", "/api/resources?q=podcast").json()
    assert searched and all("podcast" in (r["title"] + r["provider"] + r["note"] + r["id"]).lower() for r in searched)
    assert "unknown format 'telepathy'" in html.unescape(request(learner, "GET", "/resources?format=telepathy").text)


def test_stack_json_twin(learner: Home) -> None:
    entry = next(e for e in request(learner, "GET", "/api/stack").json() if e["alternates"])
    swapped = request(learner, "POST", "/api/stack/swap", json={"topic": entry["topic"]}).json()
    assert next(e for e in swapped if e["topic"] == entry["topic"])["primary"]["id"] == entry["alternates"][0]["id"]
    assert request(learner, "POST", "/api/stack/pin", json={}).status_code == 400


def test_resources_without_a_learner(home: Home) -> None:
    page = request(home, "GET", "/resources?topic=ml-pca")
    assert page.status_code == 200 and 'id="stack"' not in page.text and "Catalogue" in page.text


# ---- import and export --------------------------------------------------------------------------------------

def test_export_then_import_with_a_preview(learner: Home, tmp_path: Path) -> None:
    download = request(learner, "GET", "/data/export.json")
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    doc = download.json()
    assert doc["format"] == "offhours-export" and doc["tables"]["learners"][0]["name"] == "Test learner"

    bad = post(learner, "/data/import", files={"file": ("backup.json", b"{not json", "application/json")})
    assert bad.status_code == 400 and "backup.json:1:2: not valid JSON" in (field_error(bad, "import") or "")

    doc["tables"]["learners"][0]["name"] = "Restored"
    upload = {"file": ("backup.json", json.dumps(doc).encode(), "application/json")}
    preview = post(learner, "/data/import", files=upload)
    assert preview.status_code == 200 and "backup.json is valid" in preview.text
    token = re.search(r'name="token" value="([^"]+)"', preview.text)
    assert token and request(learner, "GET", "/api/profile").json()["name"] == "Test learner"  # a dry run

    unconfirmed = post(learner, "/data/import/confirm", {"token": token.group(1), "name": "backup.json"})
    assert unconfirmed.status_code == 400 and "tick the box" in unconfirmed.text
    done = post(learner, "/data/import/confirm", {"token": token.group(1), "name": "backup.json", "replace": "1"})
    assert done.status_code == 200 and "Imported" in done.text
    assert request(learner, "GET", "/api/profile").json()["name"] == "Restored"
    again = post(learner, "/data/import/confirm", {"token": token.group(1), "name": "backup.json", "replace": "1"})
    assert again.status_code == 400 and "expired" in again.text


@pytest.mark.parametrize("url", ["/onboarding", "/settings", "/journal", "/resources", "/data"])
def test_setup_pages_render_offline_with_csrf_fields(learner: Home, url: str) -> None:
    page = request(learner, "GET", url if url != "/onboarding" else "/welcome")
    assert page.status_code == 200, page.text[:500]
    assert page.text.startswith("<!doctype html>") and "<nav>" in page.text
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', page.text)
    for form in re.findall(r'<form[^>]*method="post".*?</form>', page.text, flags=re.S):
        assert 'name="csrf_token"' in form
