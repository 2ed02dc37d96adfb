"""End to end in a real headless Chromium (Debian's package), driven by Playwright, against uvicorn.

Skips with a reason when Chromium or Playwright is missing; `.ci/run` installs both. On failure a
screenshot is kept in test-artifacts/ for the CI log.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import NOW, REPO, Home, Run
from fastapi import FastAPI

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (Debian package `chromium`)", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """The app under uvicorn in a background thread on a free loopback port; yields its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@pytest.fixture
def server(cli: Callable[..., Run], home: Home, profile_file: Path) -> Iterator[str]:
    from offhours.web import create_app

    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    for i in range(3):
        assert cli("cards", "add", f"Question {i}?", f"Answer {i}").exit_code == 0
    assert cli("log", "--topic", "python-basics", "--minutes", "37").exit_code == 0
    with served(create_app(home.settings(), clock=lambda: NOW)) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


def _keep_screenshot(page: object, name: str) -> None:
    folder = REPO / "test-artifacts"
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_plan_review_exercise_progress(server: str, browser: object, request: pytest.FixtureRequest) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    try:
        page.goto(f"{server}/plan")
        assert page.locator("h1").inner_text() == "Your plan"
        page.get_by_role("button", name="Build my plan").click()  # a new learner's first plan
        page.goto(f"{server}/plan?week=2026-12-07")  # the profile starts on 1 December
        assert page.locator("a.block").count() > 3

        page.goto(f"{server}/review")
        page.wait_for_selector("#front:not(:empty)")
        start = int(page.locator("#left").inner_text().split()[0])
        assert start >= 3
        for i in range(3):  # three cards with the keyboard alone
            page.keyboard.press("Space")
            assert page.locator("#back").is_visible()
            page.keyboard.press("3")
            remaining = start - i - 1
            expected = f"{remaining} left" if remaining else ""
            page.wait_for_function(f"document.getElementById('left').textContent === '{expected}'")

        from offhours.catalog import default_catalog

        solution = default_catalog().exercises["numpy-standardize-columns"].solution
        page.goto(f"{server}/exercises/numpy-standardize-columns")
        page.evaluate("c => document.querySelector('.CodeMirror').CodeMirror.setValue(c)", solution)
        page.click("#run")
        page.wait_for_selector("#summary", timeout=20_000)
        assert page.locator("#summary").inner_text() == "All tests pass."

        page.goto(f"{server}/progress")
        assert page.locator("#week-minutes").inner_text() == "37"
        assert page.locator("figure.chart img").count() == 5
        page.locator("figure.chart img").first.scroll_into_view_if_needed()
        page.wait_for_function(
            "[...document.querySelectorAll('figure.chart img')].every(i => i.complete && i.naturalWidth > 0)")
    except Exception:
        _keep_screenshot(page, request.node.name)
        raise


def test_review_on_a_phone(server: str, browser: object, request: pytest.FixtureRequest) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    try:
        page.goto(f"{server}/review")
        page.wait_for_selector("#front:not(:empty)")
        start = int(page.locator("#left").inner_text().split()[0])
        page.click("#reveal")
        page.click("button[data-rating='good']")
        page.wait_for_function(f"document.getElementById('left').textContent === '{start - 1} left'")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the page is {width}px wide on a 375px phone"
        page.goto(f"{server}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    except Exception:
        _keep_screenshot(page, request.node.name)
        raise


def test_math_cards_and_the_code_editor(server: str, browser: object, cli: Callable[..., Run],
                                        request: pytest.FixtureRequest) -> None:
    """KaTeX typesets a card's math (kept as a 375 px phone screenshot); a person types into the CodeMirror
    editor and runs the tests with Ctrl-Enter."""
    from offhours.catalog import default_catalog

    # On the first topic of the path, so it comes before today's other new cards.
    added = cli("cards", "add", "What is $e^{i\\pi}$?", "$$e^{i\\pi} = -1$$", "--topic", "command-line-basics")
    assert added.exit_code == 0
    phone = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    desk = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = phone
    try:
        phone.goto(f"{server}/review")
        phone.wait_for_selector("#front:not(:empty)")
        for _ in range(12):  # answer other cards until the one with math is up
            if phone.locator("#front .katex").count():
                break
            before = phone.locator("#left").inner_text()
            phone.click("#reveal")
            phone.click("button[data-rating='good']")
            phone.wait_for_function(f"document.getElementById('left').textContent !== '{before}'")
        assert phone.locator("#front .katex").count() == 1
        phone.click("#reveal")
        assert phone.locator("#back .katex-display").count() == 1
        assert phone.locator("button[data-rating='easy'] small").inner_text().strip()  # the next interval
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        folder = REPO / "test-artifacts"
        folder.mkdir(exist_ok=True)
        phone.screenshot(path=str(folder / "review-phone-375.png"), full_page=True)

        page = desk
        solution = default_catalog().exercises["numpy-standardize-columns"].solution
        desk.goto(f"{server}/exercises/numpy-standardize-columns")
        desk.click(".CodeMirror")
        desk.keyboard.press("Control+A")
        desk.keyboard.press("Delete")
        desk.keyboard.insert_text(solution)
        desk.keyboard.type("\n# typed in the browser\n")
        assert "# typed in the browser" in desk.locator(".CodeMirror").inner_text()
        desk.keyboard.press("Control+Enter")
        desk.wait_for_selector("#summary", timeout=20_000)
        assert desk.locator("#summary").inner_text() == "All tests pass."
        assert desk.locator("#results li.pass").count() >= 3
    except Exception:
        _keep_screenshot(page, request.node.name)
        raise


@pytest.fixture
def empty_server(home: Home) -> Iterator[str]:
    """uvicorn on a home where no learner lives yet."""
    from offhours.web import create_app

    with served(create_app(home.settings(), clock=lambda: NOW)) as url:
        yield url


def test_onboarding_from_an_empty_home(empty_server: str, browser: object, request: pytest.FixtureRequest) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    try:
        page.goto(f"{empty_server}/")
        page.click("text=Start")
        page.wait_for_url("**/onboarding")
        page.fill("#name", "Grace")
        page.fill("#timezone", "Europe/London")
        page.select_option("#goal-0-kind", "build-and-deploy")
        assert page.input_value("#goal-0-title").startswith("Build and deploy")  # the title follows the kind
        page.fill("#goal-0-deadline", "2027-09-30")
        page.select_option("#domain", "software-engineering")
        page.fill("#weekly_hours", "4")
        page.fill("#slot-0-start", "07:40")
        page.fill("#slot-0-end", "08:20")
        page.click("button:has-text('Add a slot')")  # a new row from the template, numbered after the others
        page.select_option("#slot-4-context", "weekend")
        page.check("input[name=slot-4-days][value=sat]")
        page.fill("#slot-4-start", "09:00")
        page.fill("#slot-4-end", "11:30")
        questions = page.locator("fieldset.question").count()
        assert questions == 14
        for i in range(questions - 1):  # leave one out: the form says so and keeps the rest
            page.check(f"input[name=quiz-{i}][value='{i % 4}']")
        page.click("#save")
        assert "answer all 14" in page.locator("#quiz-error").inner_text()
        assert page.input_value("#slot-1-start") == "09:00"  # blank rows dropped, the weekend slot kept
        assert page.is_checked("input[name=quiz-0][value='0']") and page.input_value("#name") == "Grace"
        page.check("input[name=quiz-13][value='1']")
        page.click("#save")
        page.wait_for_url("**/plan")
        assert page.locator("h1").inner_text() == "Your plan"
        assert page.locator("[data-block]").count() > 0
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    except Exception:
        _keep_screenshot(page, request.node.name)
        raise
