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
from pathlib import Path

import pytest
from conftest import NOW, REPO, Home, Run

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (Debian package `chromium`)", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture
def server(cli: Callable[..., Run], home: Home, profile_file: Path) -> Iterator[str]:
    import uvicorn

    from offhours.web import create_app

    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    for i in range(3):
        assert cli("cards", "add", f"Question {i}?", f"Answer {i}").exit_code == 0
    assert cli("log", "--topic", "python-basics", "--minutes", "37").exit_code == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(home.settings(), clock=lambda: NOW), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


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
        assert page.locator("ul.day li").count() > 3

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
        page.fill("#code", solution)
        page.click("#run")
        page.wait_for_selector("#summary", timeout=20_000)
        assert page.locator("#summary").inner_text() == "All tests pass."

        page.goto(f"{server}/progress")
        assert page.locator("#week-minutes").inner_text() == "37"
        assert page.locator("figure.chart svg").count() == 5
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
