"""The personal stack: a teaching resource per topic, ranked by the learner, and their choices win."""

from __future__ import annotations

from collections import Counter

from offhours.catalog import default_catalog
from offhours.domain.path import build_path
from offhours.domain.stack import SUPPORTING, StackChoice, build_stack
from offhours.profile import Style

CATALOG = default_catalog()
PATH = build_path(CATALOG, goal_kinds=["career-change"], domain="finance").slugs()


def test_every_topic_gets_a_teaching_primary_and_distinct_alternates() -> None:
    stack = build_stack(CATALOG, PATH, style=None, dead_time_share=0.3)
    assert [e.topic for e in stack] == PATH
    for entry in stack:
        assert entry.primary is not None
        assert entry.topic in entry.primary.topics
        assert entry.primary.format not in SUPPORTING
        assert entry.primary.id not in {r.id for r in entry.alternates}
        assert all(entry.topic in r.topics for r in entry.alternates)
        if entry.on_the_go is not None:
            assert entry.on_the_go.suits_dead_time


def test_the_format_mix_is_varied() -> None:
    stack = build_stack(CATALOG, PATH, style=None, dead_time_share=0.3)
    formats = Counter(e.primary.format for e in stack if e.primary)
    assert len(formats) >= 4
    assert max(formats.values()) <= 0.5 * len(stack)


def test_style_steers_the_formats() -> None:
    listener = Style(visual=0.3, auditory=0.6, reading=0.05, kinesthetic=0.05)
    reader = Style(visual=0.05, auditory=0.05, reading=0.85, kinesthetic=0.05)

    def share(style: Style, formats: set[str]) -> float:
        stack = build_stack(CATALOG, PATH, style=style, dead_time_share=0.0)
        return sum(1 for e in stack if e.primary and e.primary.format in formats) / len(stack)

    assert share(listener, {"video", "course"}) > share(reader, {"video", "course"})
    assert share(reader, {"reading", "book"}) > share(listener, {"reading", "book"})


def test_swap_pin_and_ban_win_over_the_ranking() -> None:
    base = {e.topic: e for e in build_stack(CATALOG, PATH, style=None, dead_time_share=0.0)}
    topic = "ml-gradient-boosting"
    alternate = base[topic].alternates[0].id
    first_primary = base[topic].primary.id  # type: ignore[union-attr]
    book = next(r for r in CATALOG.resources.values() if r.format == "book" and len(r.topics) > 10)
    choices = [
        StackChoice("swap", alternate, topic),
        StackChoice("pin", book.id),
        StackChoice("ban", first_primary),
    ]
    stack = {e.topic: e for e in build_stack(CATALOG, PATH, style=None, dead_time_share=0.0, choices=choices)}
    assert stack[topic].primary.id == alternate and stack[topic].reason == "your choice"  # type: ignore[union-attr]
    for slug in set(book.topics) & set(PATH) - {topic}:
        assert stack[slug].primary.id == book.id, slug  # type: ignore[union-attr]
    for entry in stack.values():
        assert first_primary not in {r.id for r in entry.alternates}
        assert entry.primary is None or entry.primary.id != first_primary
