"""Quiz answer checking, item choice, mastery levels, and `offhours quiz SLUG` when items ship."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

from offhours.catalog import QuizItem, default_catalog
from offhours.domain.mastery import topic_mastery
from offhours.domain.quiz import check_answer, choose_items

CHOICE = QuizItem(id="q-a", topic="t", kind="choice", prompt="Which one is right?", choices=("x", "y", "z"),
                  answer=1, explanation="Because y is the right one here.", difficulty=1)
NUMBER = QuizItem(id="q-b", topic="t", kind="numeric", prompt="What is the recall here?", answer=0.75,
                  tolerance=0.005, explanation="Recall is TP / (TP + FN) = 0.75.", difficulty=2)
FORMULA = QuizItem(id="q-c", topic="t", kind="formula", prompt="Var(X + Y) for independent X, Y?",
                   answer="Var(X) + Var(Y)", accept=("Var(Y) + Var(X)",), explanation="The covariance is zero.",
                   difficulty=3)


@pytest.mark.parametrize(("item", "given", "right"), [
    (CHOICE, "b", True), (CHOICE, "B", True), (CHOICE, "2", True), (CHOICE, "a", False), (CHOICE, "zz", False),
    (NUMBER, "0.75", True), (NUMBER, "0.754", True), (NUMBER, "75%", True), (NUMBER, "0.76", False),
    (NUMBER, "three quarters", False),
    (FORMULA, "var(x)+var(y)", True), (FORMULA, "Var(Y) + Var(X)", True), (FORMULA, "Var(X)", False),
])
def test_check_answer(item: QuizItem, given: str, right: bool) -> None:
    assert check_answer(item, given) is right


def test_choose_items_prefers_new_then_missed() -> None:
    chosen = choose_items([CHOICE, NUMBER, FORMULA], {"q-a": [True], "q-b": [False]}, 2)
    assert [i.id for i in chosen] == ["q-c", "q-b"]


@pytest.mark.parametrize(("kwargs", "level"), [
    ({"minutes": 0, "answers": []}, "not-started"),
    ({"minutes": 30, "answers": []}, "attempted"),
    ({"minutes": 30, "answers": [True, False, False]}, "attempted"),
    ({"minutes": 30, "answers": [True, True, False]}, "familiar"),
    ({"minutes": 30, "answers": [True, True, True, True, False]}, "proficient"),
    ({"minutes": 30, "answers": [True, True, True], "card_recall": 0.9}, "mastered"),
    ({"minutes": 0, "answers": [], "tested_out": True}, "proficient"),
])
def test_mastery_levels(kwargs: dict, level: str) -> None:  # type: ignore[type-arg]
    assert topic_mastery(**kwargs) == level


def test_quiz_a_topic(cli: Callable[..., Run], home: Home, profile_file: Path) -> None:
    catalog = default_catalog()
    topics = sorted({i.topic for i in catalog.quiz_items.values()})
    if not topics:
        pytest.skip("no quiz items shipped yet")
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    topic = topics[0]
    result = cli("quiz", topic, "--count", "2", input="a\n1\n")
    assert result.exit_code == 0, result.stderr
    assert "right. Your mastery of" in result.stdout
    assert home.count("quiz_answers") == 2
    assert cli("quiz", "no-such-topic").exit_code == 2


def test_placement_through_the_cli(cli: Callable[..., Run], home: Home, profile_file: Path) -> None:
    catalog = default_catalog()
    if not catalog.quiz_items:
        pytest.skip("no quiz items shipped yet")
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    before = json.loads(cli("path", "--json").stdout)["topics"]
    result = cli("placement", "--questions", "3", input="\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "You tested out of 0 topic(s)" in result.stdout
    assert home.count("quiz_answers") == 3
    assert json.loads(cli("path", "--json").stdout)["topics"] == before
