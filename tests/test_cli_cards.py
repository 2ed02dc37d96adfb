"""Flashcards through the CLI: own cards, due, rate, undo in a review session, stats; FSRS states stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

from offhours.catalog import default_catalog


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path) -> Path:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def test_own_cards_due_rate_and_stats(cli: Callable[..., Run], home: Home, learner: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("cards", "add", "What does FSRS stand for?", "Free Spaced Repetition Scheduler").exit_code == 0
    assert cli("cards", "add", "Sigmoid", r"$\sigma(z) = \frac{1}{1+e^{-z}}$", "--topic",
               "ml-logistic-regression").exit_code == 0
    assert cli("cards", "add", "x", "y", "--topic", "nope").exit_code == 2
    due = json.loads(cli("cards", "due", "--json").stdout)
    own = [c for c in due if c["id"].startswith("own-")]
    assert len(own) == 2 and all(c["new"] for c in own)
    assert "σ(z) = (1)/(1+e^-z)" in cli("review", "--limit", "5", input="\nq\n\nq\n").stdout  # noqa: RUF001

    first = own[0]["id"]
    rated = cli("cards", "rate", first, "good")
    assert rated.exit_code == 0 and "next review" in rated.stdout
    assert cli("cards", "rate", first, "brilliant").exit_code == 2
    assert cli("cards", "rate", "no-such-card", "good").exit_code == 2
    with sqlite3.connect(home.db) as db:
        state = json.loads(db.execute("SELECT state FROM deck WHERE card_id = ?", (first,)).fetchone()[0])
        assert state["last_review"].startswith("2026-11-25T12:00") and state["stability"] > 0
    stats = json.loads(cli("cards", "stats", "--json").stdout)
    assert stats["cards"] >= 2 and len(stats["forecast"]) == 30 and stats["reviews_per_day"][-1]["reviews"] == 1


def test_review_session_with_undo_and_quit(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    for i in range(3):
        assert cli("cards", "add", f"Question {i}", f"Answer {i}").exit_code == 0
    # reveal, rate good; reveal, undo; (the card is shown again) reveal, rate easy; quit at the third.
    result = cli("review", input="\n3\n\nu\n\n4\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "Undone." in result.stdout and "Reviewed 1 card(s)" in result.stdout
    assert home.count("reviews") == 1
    with sqlite3.connect(home.db) as db:
        assert db.execute("SELECT rating FROM reviews").fetchone()[0] == 4


def test_catalog_cards_join_when_a_topic_starts(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    catalog = default_catalog()
    topics = sorted({c.topic for c in catalog.cards.values()})
    if not topics:
        pytest.skip("no catalog cards shipped yet")
    topic = topics[0]
    assert not any(c["topic"] == topic for c in json.loads(cli("cards", "due", "--json").stdout))
    assert cli("log", "--topic", topic, "--minutes", "30").exit_code == 0
    due = json.loads(cli("cards", "due", "--json", "--limit", "50").stdout)
    assert any(c["topic"] == topic for c in due)


def test_retention_setting_and_optimizer_extra(cli: Callable[..., Run], home: Home, learner: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("cards", "retention", "1.5").exit_code == 2
    assert cli("cards", "retention", "0.95").exit_code == 0
    with sqlite3.connect(home.db) as db:
        assert json.loads(db.execute("SELECT srs FROM learners").fetchone()[0])["desired_retention"] == 0.95
    result = cli("cards", "optimize")
    assert result.exit_code == 2
    assert ("optimizer needs PyTorch" in result.stderr) or ("at least 400 reviews" in result.stderr)


def test_code_in_cards_is_shown_literally(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    assert cli("cards", "add", "Keep rows where a > 1?", "`df[df.a > 1]`").exit_code == 0
    shown = cli("review", input="\nq\n").stdout
    assert "`df[df.a > 1]`" in shown


def test_optimizer_fits_parameters_from_history(home: Home, profile_file: Path) -> None:
    pytest.importorskip("torch", reason="the optimizer extra (PyTorch) is not installed")
    pytest.importorskip("tqdm", reason="the optimizer extra (tqdm) is not installed")
    from datetime import timedelta

    from conftest import NOW

    from offhours.profile import load_profile_file

    clock = {"now": NOW}
    coach = home.coach()
    coach.clock = lambda: clock["now"]
    coach.init_profile(load_profile_file(profile_file, now=NOW))
    ids = [coach.add_card(f"Q{i}", f"A{i}") for i in range(60)]
    import random

    rng = random.Random(3)
    for day in range(40):  # about 480 answers over 40 days
        clock["now"] = NOW + timedelta(days=day)
        for card_id in rng.sample(ids, 12):
            coach.rate_card(card_id, rng.choice(["again", "hard", "good", "good", "easy"]))
    parameters = coach.optimise_memory_model()
    assert len(parameters) == 21 and all(isinstance(p, float) for p in parameters)
    assert coach.store.srs_settings(coach.profile().learner_id)["parameters"] == parameters
    coach.close()
