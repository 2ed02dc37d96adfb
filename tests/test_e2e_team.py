"""Team server mode in a real headless Chromium: two people sign in through the forms, one starts a study
group, the other joins it with the invite code and checks in, and the first sees it — also on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NOW, REPO

from test_e2e import ARGS, CHROMIUM, served, sync_api

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")

from team import PASSWORD, make_accounts, team_settings


@pytest.fixture
def team_server(tmp_path: Path) -> Iterator[str]:
    from offhours.web import create_app

    url = f"sqlite:///{tmp_path / 'team.db'}"
    make_accounts(url, "ada", "bob")
    with served(create_app(team_settings(url, tmp_path / "home"), clock=lambda: NOW, multi_user=True)) as base:
        yield base


def _sign_in(page: object, base: str, name: str) -> None:
    page.goto(f"{base}/groups")  # type: ignore[attr-defined]
    assert "/login" in page.url  # type: ignore[attr-defined]
    page.fill("#f-email", f"{name}@example.com")  # type: ignore[attr-defined]
    page.fill("#f-password", PASSWORD)  # type: ignore[attr-defined]
    page.click("form.narrow button")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/groups")  # type: ignore[attr-defined]


def test_a_study_group_in_two_browsers(team_server: str, request: pytest.FixtureRequest) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        ada = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
        bob = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True).new_page()
        page = ada
        try:
            _sign_in(ada, team_server, "ada")
            ada.fill("#new-group #f-name", "Evening learners")
            ada.click("#new-group button")
            code = ada.locator("#invite-code").inner_text()

            page = bob
            _sign_in(bob, team_server, "bob")
            bob.fill("#join-group #f-invite_code", code)
            bob.click("#join-group button")
            bob.wait_for_selector("#members")
            assert "Evening learners" in bob.locator("h1").inner_text()
            bob.fill("form[action$='/checkins'] textarea, form[action$='/checkins'] input[name='text']",
                     "Finished the PCA notebook")
            bob.click("form[action$='/checkins'] button")
            bob.wait_for_selector("text=Finished the PCA notebook")
            assert bob.evaluate("document.documentElement.scrollWidth") <= 375

            page = ada
            ada.reload()
            assert ada.locator("#members li").count() == 2
            assert "Finished the PCA notebook" in ada.locator("body").inner_text()
        except Exception:
            folder = REPO / "test-artifacts"
            folder.mkdir(exist_ok=True)
            page.screenshot(path=str(folder / f"{request.node.name}.png"), full_page=True)
            raise
        finally:
            browser.close()
