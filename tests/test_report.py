"""A report built from a seeded quarter of activity renders and carries its charts."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW, Home, Run

from offhours.profile import load_profile_file


@pytest.fixture
def quarter(home: Home, profile_file: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """Ninety days of study, reviews and notes, ending on the pinned "now" the CLI will use."""
    start = NOW - timedelta(days=90)
    clock = {"now": start}
    coach = home.coach()
    coach.clock = lambda: clock["now"]
    coach.init_profile(load_profile_file(profile_file, now=start).model_copy(update={"start_date": None}))
    rng = random.Random(42)
    cards = [coach.add_card(f"Q{i}", f"A{i}", "python-basics") for i in range(15)]
    for day in range(91):
        clock["now"] = start + timedelta(days=day, hours=8)
        if rng.random() < 0.7:
            coach.log_study(rng.choice(["python-basics", "numpy-arrays", "pandas-basics"]), rng.randint(15, 60))
        for card_id in rng.sample(cards, 5):
            coach.rate_card(card_id, rng.choice(["good", "good", "hard", "again", "easy"]))
    coach.add_journal("Why does broadcasting align trailing axes?", "numpy-arrays", ["question"])
    coach.close()
    monkeypatch.setenv("OFFHOURS_NOW", (NOW + timedelta(hours=1)).isoformat())
    return home


def test_html_report_stands_alone_with_charts(cli: Callable[..., Run], quarter: Home, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli("report", "--month", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text()
    assert page.startswith("<!doctype html>") and page.count("<svg") == 5
    for section in ("What was studied", "Milestones", "Wins", "Struggles and open questions", "Next week"):
        assert f"<h2>{section}</h2>" in page
    assert "Why does broadcasting align trailing axes?" in page
    assert re.search(r"<li>(python-basics|numpy-arrays|pandas-basics): \d+ min</li>", page)
    assert "src=" not in page and "http" not in page.split("<svg")[0], "the page must not fetch anything"


def test_markdown_report_links_its_chart_files(cli: Callable[..., Run], quarter: Home, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert cli("report", "--week", "--out", str(out)).exit_code == 0
    text = out.read_text()
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text)
    assert len(links) == 5 and all((tmp_path / link).read_text().lstrip().startswith("<?xml") for link in links)
    assert cli("report", "--out", str(tmp_path / "report.pdf")).exit_code == 2


def test_charts_command(cli: Callable[..., Run], quarter: Home, tmp_path: Path) -> None:
    assert cli("charts", str(tmp_path / "charts")).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert names == ["burn-up.svg", "heatmap.svg", "mastery.svg", "retention.svg", "weekly-minutes.svg"]
    assert "Flashcard retention per week" in (tmp_path / "charts" / "retention.svg").read_text()
