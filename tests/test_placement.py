"""The adaptive placement check credits prerequisites and rules out dependents."""

from __future__ import annotations

from offhours.catalog import default_catalog
from offhours.domain.path import build_path
from offhours.domain.placement import Placement

CATALOG = default_catalog()


def placement() -> Placement:
    path = build_path(CATALOG, goal_kinds=["apply-at-work"], domain=None).slugs()
    return Placement(path, {s: t.prerequisites for s, t in CATALOG.topics.items()})


def test_a_right_answer_credits_everything_below() -> None:
    p = placement()
    p.answer("ml-gradient-boosting", True)
    assert {"ml-decision-trees", "python-basics", "pandas-basics"} <= p.known
    assert "ml-kmeans" not in p.known


def test_a_wrong_answer_rules_out_everything_above() -> None:
    p = placement()
    p.answer("pandas-basics", False)
    assert {"pandas-groupby-merge", "ml-gradient-boosting"} <= p.not_known
    assert "python-basics" not in p.not_known


def test_an_expert_places_out_in_few_questions() -> None:
    p = placement()
    while (topic := p.next_topic()) is not None:
        p.answer(topic, True)
    assert p.asked <= 20 and set(p.order) == p.known


def test_a_beginner_is_placed_quickly_too() -> None:
    p = placement()
    while (topic := p.next_topic()) is not None:
        p.answer(topic, False)
    assert p.asked <= 20 and not p.known and p.next_topic() is None
