"""The shipped curriculum is valid data: counts, references, a DAG, reachability, coverage, real URLs."""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from offhours.catalog import ContentError, check_catalog, coverage_problems, default_catalog, find_cycle, load_catalog
from offhours.domain.path import prerequisite_closure
from offhours.profile import DOMAINS, GOAL_KINDS

CATALOG = default_catalog()
CORE_AREAS = {"linear-algebra", "calculus", "probability-statistics", "python", "data-preparation",
              "machine-learning", "deep-learning", "mlops", "responsible-ai", "llm-applications"}


def test_content_loads_without_a_single_problem() -> None:
    _, problems = check_catalog()
    assert problems == []


def test_counts_meet_the_minimums() -> None:
    assert len(CATALOG.topics) >= 120
    assert len(CATALOG.resources) >= 200
    assert len(CATALOG.tracks) >= 5
    assert len(CATALOG.style_questions) >= 12
    assert {a for a, area in CATALOG.areas.items() if area.kind == "core"} == CORE_AREAS
    assert set(DOMAINS) == set(CATALOG.tracks) == {a for a, x in CATALOG.areas.items() if x.kind == "domain"}
    assert set(GOAL_KINDS) == set(CATALOG.goal_kinds)


def test_every_area_has_topics_and_every_topic_has_resources_in_two_formats() -> None:
    for area in CATALOG.areas:
        assert any(t.area == area for t in CATALOG.topics.values()), area
    assert coverage_problems(CATALOG) == []


def test_graph_is_acyclic_and_core_never_depends_on_a_domain() -> None:
    assert find_cycle({s: t.prerequisites for s, t in CATALOG.topics.items()}) is None
    for topic in CATALOG.topics.values():
        if topic.area in CORE_AREAS:
            for prereq in topic.prerequisites:
                assert CATALOG.topics[prereq].area in CORE_AREAS, f"{topic.slug} -> {prereq}"


def test_find_cycle_reports_the_loop() -> None:
    assert find_cycle({"a": ("b",), "b": ("c",), "c": ("a",)}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ("b",), "b": ()}) is None


def test_topics_are_plausible() -> None:
    for t in CATALOG.topics.values():
        assert 1 <= t.hours <= 30, t.slug
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", t.summary.strip()) if s]
        assert 2 <= len(sentences) <= 4, f"{t.slug}: summary has {len(sentences)} sentences"
        assert 2 <= len(t.outcomes) <= 5
        if t.level == "beginner" and t.area in CORE_AREAS:
            assert all(CATALOG.topics[p].level != "advanced" for p in t.prerequisites), t.slug


def test_every_topic_is_reachable_from_some_goal_or_track() -> None:
    reached: set[str] = set()
    for kind in CATALOG.goal_kinds.values():
        reached |= prerequisite_closure(CATALOG, kind.targets)
    for track in CATALOG.tracks.values():
        reached |= prerequisite_closure(CATALOG, track.topics)
    assert set(CATALOG.topics) - reached == set()


def test_domain_tracks_are_complete_and_connected_to_the_core() -> None:
    for track in CATALOG.tracks.values():
        in_area = {s for s, t in CATALOG.topics.items() if t.area == track.slug}
        assert set(track.topics) == in_area, track.slug
        core_links = {p for s in track.topics for p in CATALOG.topics[s].prerequisites
                      if CATALOG.topics[p].area in CORE_AREAS}
        assert len(core_links) >= 3, f"{track.slug} barely connects to the core"
        position = {s: i for i, s in enumerate(track.topics)}
        for slug in track.topics:
            for prereq in CATALOG.topics[slug].prerequisites:
                if prereq in position:
                    assert position[prereq] < position[slug], f"{track.slug}: {prereq} listed after {slug}"


def test_resources_are_well_formed_and_unique() -> None:
    urls = [r.url for r in CATALOG.resources.values()]
    assert len(urls) == len(set(urls))
    formats = {r.format for r in CATALOG.resources.values()}
    assert formats == {"video", "audio", "reading", "interactive", "course", "book", "project", "community"}
    for r in CATALOG.resources.values():
        assert r.url.startswith("https://") and " " not in r.url
        assert r.session_minutes <= r.minutes, r.id
        if r.audio_only:
            assert r.format in ("audio", "video", "course"), r.id
    assert sum(r.suits_dead_time for r in CATALOG.resources.values()) >= 40


@pytest.mark.parametrize("provider", [
    "Coursera", "edX", "Udacity", "fast.ai", "Kaggle", "Khan Academy", "3Blue1Brown", "Codecademy", "DataCamp",
    "StatQuest", "MIT", "Stanford", "HackerRank", "LeetCode", "Stack Overflow",
])
def test_the_sources_learners_rely_on_are_present(provider: str) -> None:
    assert any(provider.lower() in (r.provider + " " + r.title).lower() for r in CATALOG.resources.values())


@pytest.mark.parametrize("title", [
    "Linear Algebra Done Right", "Mathematics for Machine Learning", "Deep Learning", "Dive into Deep Learning",
    "Introduction to Statistical Learning",
])
def test_the_classic_textbooks_are_present(title: str) -> None:
    assert any(title.lower() in r.title.lower() for r in CATALOG.resources.values() if r.format == "book")


def test_style_quiz_offers_every_preference_in_every_question() -> None:
    for question in CATALOG.style_questions:
        assert {o.style for o in question.options} == {"visual", "auditory", "reading", "kinesthetic"}


def test_a_broken_content_folder_names_file_and_entry(tmp_path: Path) -> None:
    root = tmp_path / "content"
    with resources.as_file(resources.files("offhours") / "content") as source:
        shutil.copytree(source, root)
    path = root / "topics" / "calculus.toml"
    path.write_text(path.read_text().replace('level = "beginner"', 'level = "expert"', 1))
    with pytest.raises(ContentError) as caught:
        load_catalog(root)  # type: ignore[arg-type]
    assert any("content/topics/calculus.toml [topics calculus-" in p and "level" in p for p in caught.value.problems)


def test_flashcards_and_quiz_items() -> None:
    assert len(CATALOG.cards) >= 500
    assert len(CATALOG.quiz_items) >= 300
    core_topics = [s for s, t in CATALOG.topics.items() if t.area in CORE_AREAS]
    with_cards = {c.topic for c in CATALOG.cards.values()}
    assert set(core_topics) - with_cards == set(), "every core topic has cards"
    with_items = {i.topic for i in CATALOG.quiz_items.values()}
    on_main_paths: set[str] = set()
    for kind in CATALOG.goal_kinds.values():
        on_main_paths |= prerequisite_closure(CATALOG, kind.targets)
    assert on_main_paths - with_items == set(), "every topic on the main paths has quiz items"
    for card in CATALOG.cards.values():
        assert card.source.startswith("https://") and card.type in ("basic", "cloze")
    fronts = [c.front.strip().lower() for c in CATALOG.cards.values() if c.type == "basic"]
    assert len(fronts) == len(set(fronts)), "two cards ask the same question"


def test_every_quiz_item_accepts_its_own_answer() -> None:
    from offhours.domain.quiz import LETTERS, check_answer

    for item in CATALOG.quiz_items.values():
        given = LETTERS[item.answer] if item.kind == "choice" else str(item.answer)  # type: ignore[index]
        assert check_answer(item, given), item.id
        for alternative in item.accept:
            assert check_answer(item, alternative), item.id
