"""Practice pages in-process: review with math and cloze cards, the exercise editor, projects and their checks."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Home, Run

from offhours.catalog import default_catalog
from offhours.web.markup import render_markdown
from test_web import Browser, learner, request  # noqa: F401  (learner is a fixture)

CATALOG = default_catalog()
EXERCISE = "numpy-standardize-columns"
PROJECT = "tabular-breast-cancer"


def _cards_on_page(text: str) -> list[dict[str, Any]]:
    found = re.search(r'<script type="application/json" id="cards-data">(.*?)</script>', text, re.S)
    assert found
    return list(json.loads(found.group(1)))


def _editor_code(text: str) -> str:
    found = re.search(r'<textarea id="code"[^>]*>(.*?)</textarea>', text, re.S)
    assert found
    return html.unescape(found.group(1).removeprefix("\n"))  # the parser drops that first newline


def _offline(text: str) -> None:
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', text)


# ---- review ------------------------------------------------------------------------------------------------

def test_review_page_carries_math_and_next_intervals(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("cards", "add", "What is $e^{i\\pi}$ <b>?", "$$-1$$ (Euler)").exit_code == 0
    page = request(learner, "GET", "/review")
    assert page.status_code == 200
    _offline(page.text)
    for asset in ("/static/vendor/katex/katex.min.css", "/static/vendor/katex/katex.min.js",
                  "/static/vendor/katex/contrib/auto-render.min.js", "/static/review.js", "/static/practice.css"):
        assert asset in page.text
    assert "<b>?" not in page.text  # the card text travels as escaped JSON, never as markup
    card = _cards_on_page(page.text)[0]
    assert card["front"] == "What is $e^{i\\pi}$ <b>?" and card["cloze"] is None
    intervals = card["intervals"]
    assert set(intervals) == {"again", "hard", "good", "easy"}
    assert 0 < intervals["again"] <= intervals["good"] < intervals["easy"]
    assert request(learner, "GET", "/api/cards/due").json()[0]["intervals"] == intervals


def test_cloze_cards_arrive_in_pieces(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("log", "--topic", "linear-algebra-vectors", "--minutes", "30").exit_code == 0
    due = {c["id"]: c for c in request(learner, "GET", "/api/cards/due").json()}
    card = due["la-scalar-multiple"]
    assert card["type"] == "cloze" and "[...]" in card["front"]
    hidden = [p["text"] for p in card["cloze"] if p["hidden"]]
    assert hidden == ["every component", "points the opposite way when $c < 0$"]
    assert "".join(p["text"] for p in card["cloze"]) == card["back"]


def test_rating_and_undo_from_the_review_page_queue(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("cards", "add", "Q", "A").exit_code == 0
    card = _cards_on_page(request(learner, "GET", "/review").text)[0]
    rated = request(learner, "POST", f"/api/cards/{card['id']}/rate", json={"rating": "easy"})
    assert rated.status_code == 200
    assert _cards_on_page(request(learner, "GET", "/review").text) == []
    assert request(learner, "POST", "/api/cards/undo").json() == {"undone": card["id"]}
    assert _cards_on_page(request(learner, "GET", "/review").text)[0]["id"] == card["id"]


def test_vendored_libraries_are_served(learner: Home) -> None:  # noqa: F811
    for path in ("htmx/htmx.min.js", "katex/katex.min.js", "katex/katex.min.css", "katex/contrib/auto-render.min.js",
                 "katex/fonts/KaTeX_Main-Regular.woff2", "codemirror/lib/codemirror.js",
                 "codemirror/lib/codemirror.css", "codemirror/mode/python/python.js",
                 "codemirror/addon/edit/matchbrackets.js"):
        assert request(learner, "GET", f"/static/vendor/{path}").status_code == 200, path
    css = request(learner, "GET", "/static/vendor/katex/katex.min.css").text
    fonts = re.findall(r"url\((fonts/[^)]+\.woff2)\)", css)
    assert fonts and all(request(learner, "GET", f"/static/vendor/katex/{f}").status_code == 200 for f in fonts)


# ---- exercises ---------------------------------------------------------------------------------------------

def test_exercise_page_has_the_editor_and_the_rendered_task(learner: Home) -> None:  # noqa: F811
    page = request(learner, "GET", f"/exercises/{EXERCISE}")
    assert page.status_code == 200
    _offline(page.text)
    assert "/static/vendor/codemirror/lib/codemirror.js" in page.text and "mode/python/python.js" in page.text
    assert 'id="code"' in page.text and "Run the tests" in page.text
    task = re.search(r'<section class="task md" aria-label="Task">(.*?)</section>', page.text, re.S)
    assert task and "<code>" in task.group(1) and "<h1" not in task.group(1)  # Markdown, title shown once
    assert _editor_code(page.text) == CATALOG.exercises[EXERCISE].starter
    assert "Show hint 1 of" in page.text and 'id="restored"' not in page.text
    assert request(learner, "GET", "/exercises/no-such-thing").status_code == 404


def test_submission_is_recorded_and_restored_into_the_editor(learner: Home) -> None:  # noqa: F811
    solution = CATALOG.exercises[EXERCISE].solution
    assert request(learner, "GET", f"/api/exercises/{EXERCISE}/solution").status_code == 400  # not before a pass
    wrong = request(learner, "POST", f"/api/exercises/{EXERCISE}/submit", json={"code": "x = 1\n"}).json()
    assert wrong["status"] != "pass" and "completed_block" in wrong
    detail = request(learner, "GET", f"/api/exercises/{EXERCISE}").json()
    assert detail["code"] == "x = 1\n" and detail["status"] == "started" and detail["attempts"] == 1
    done = request(learner, "POST", f"/api/exercises/{EXERCISE}/submit", json={"code": solution}).json()
    assert done["status"] == "pass"
    detail = request(learner, "GET", f"/api/exercises/{EXERCISE}").json()
    assert detail["code"] == solution and detail["status"] == "passed"
    assert detail["last_attempt"]["passed"] == detail["last_attempt"]["total"] > 0
    page = request(learner, "GET", f"/exercises/{EXERCISE}").text
    assert 'id="restored"' in page and _editor_code(page) == solution
    assert 'id="solution-box" hidden' not in page
    assert request(learner, "GET", f"/api/exercises/{EXERCISE}/solution").json()["solution"]
    listing = request(learner, "GET", "/exercises").text
    assert re.search(rf'href="/exercises/{EXERCISE}".*?badge passed', listing, re.S)


def test_hints_come_one_at_a_time(learner: Home) -> None:  # noqa: F811
    hints = CATALOG.exercises[EXERCISE].hints
    first = request(learner, "POST", f"/api/exercises/{EXERCISE}/hint", json={"number": 1}).json()
    assert first == {"number": 1, "total": len(hints), "text": hints[0]}
    too_far = request(learner, "POST", f"/api/exercises/{EXERCISE}/hint", json={"number": len(hints) + 1})
    assert too_far.status_code == 400
    browser = Browser(learner)
    page = f"/exercises/{EXERCISE}"
    fragment = browser.form(f"/exercises/{EXERCISE}/hints", page, {"number": "1"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and fragment.text.lstrip().startswith('<li class="md">')
    assert 'hx-swap-oob="true"' in fragment.text and 'name="number" value="2"' in fragment.text
    plain = browser.form(f"/exercises/{EXERCISE}/hints", page, {"number": "2"})  # without JavaScript
    assert plain.status_code == 303 and plain.headers["location"] == f"{page}?hints=2"
    shown = browser.go("GET", plain.headers["location"]).text
    assert shown.count('<li class="md">') == 2 and f"Show hint 3 of {len(hints)}" in shown


# ---- projects ----------------------------------------------------------------------------------------------

def test_project_list_matches_the_cli(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    api = request(learner, "GET", "/api/projects").json()
    assert api == json.loads(cli("project", "list", "--json").stdout)
    page = request(learner, "GET", "/projects")
    assert page.status_code == 200 and page.text.count('class="title" href="/projects/') == len(CATALOG.projects)
    detail = request(learner, "GET", f"/projects/{PROJECT}")
    assert detail.status_code == 200
    _offline(detail.text)
    assert 'id="md-milestones"' in detail.text and 'href="#md-rubric"' in detail.text
    assert "Start the project" in detail.text and "Run the checks" not in detail.text
    assert request(learner, "GET", "/projects/nope").status_code == 404


def test_start_and_check_a_project_from_the_browser(learner: Home, tmp_path: Path) -> None:  # noqa: F811
    project = CATALOG.projects[PROJECT]
    missing = [m for m in project.meta.requires if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs {missing}")
    browser = Browser(learner)
    page = f"/projects/{PROJECT}"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    refused = browser.form(f"{page}/start", page, {"folder": str(blocker)})
    assert refused.status_code == 400
    assert 'id="folder-error"' in refused.text and f'value="{blocker}"' in refused.text  # nothing typed is lost

    started = browser.form(f"{page}/start", page, {"folder": str(tmp_path)})
    assert started.status_code == 303 and started.headers["location"] == page
    folder = tmp_path / PROJECT
    assert (folder / "BRIEF.md").is_file()
    shown = browser.go("GET", page).text
    assert str(folder) in shown and "Run the checks" in shown and 'hx-post="/projects/' in shown

    failing = browser.form(f"{page}/check", page, {}, headers={"HX-Request": "true"})
    assert failing.status_code == 200
    assert re.search(r"\d+/\d+ checks pass|Error:", failing.text) and failing.text.count("<li class=") >= 3
    assert 'id="status" hx-swap-oob="true">started<' in failing.text

    for name, data in project.reference.items():
        (folder / name).write_bytes(data)
    passing = request(learner, "POST", f"/api/projects/{PROJECT}/check").json()
    assert passing["status"] == "pass", passing
    detail = request(learner, "GET", f"/api/projects/{PROJECT}").json()
    assert detail["status"] == "passed" and detail["folder"] == str(folder.resolve())
    assert detail["last_check"]["status"] == "pass" and detail["brief"] == project.brief
    assert "Last check:" in browser.go("GET", page).text


def test_checking_before_starting_says_so_beside_the_button(learner: Home) -> None:  # noqa: F811
    assert request(learner, "POST", f"/api/projects/{PROJECT}/check").status_code == 400
    browser = Browser(learner)
    page = f"/projects/{PROJECT}"
    answer = browser.form(f"{page}/check", page, {})
    assert answer.status_code == 400 and 'id="check-error"' in answer.text and "start it first" in answer.text


# ---- markdown ----------------------------------------------------------------------------------------------

def test_markdown_is_rendered_safely() -> None:
    rendered = render_markdown("# Title\n\nHi <script>alert(1)</script> [x](javascript:alert(1))\n\n"
                               "## Code\n\n```python\nx = 1 < 2\n```\n", drop_title=True)
    text = str(rendered.html)
    assert "<script>" not in text and "&lt;script&gt;" in text and 'href="javascript' not in text
    assert "Title" not in text and '<h2 id="md-code">' in text and '<span class="mi">1</span>' in text
    assert rendered.outline == [("md-code", "Code")]


def test_a_team_server_never_touches_folders_on_its_own_disk(learner: Home, tmp_path: Path) -> None:  # noqa: F811
    from offhours.coach import Coach
    from offhours.errors import InputError
    from offhours.store.team import Account

    local = learner.coach()
    try:
        account = Account(1, "a@example.org", "A", False, local.profile().learner_id, "buddy", NOW)
        coach = Coach(local.store, clock=lambda: NOW, account=account)
        assert coach.project_detail(PROJECT).folders_here is False
        with pytest.raises(InputError, match="on your own computer"):
            coach.start_project(PROJECT, tmp_path)
        with pytest.raises(InputError, match="on your own computer"):
            coach.check_project(PROJECT, tmp_path)
        assert not (tmp_path / PROJECT).exists()
    finally:
        local.close()
