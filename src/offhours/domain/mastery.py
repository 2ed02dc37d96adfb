"""Mastery per topic, in Khan-Academy-like levels, from quiz answers, card recall and study time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Level = Literal["not-started", "attempted", "familiar", "proficient", "mastered"]
LEVELS: tuple[Level, ...] = ("not-started", "attempted", "familiar", "proficient", "mastered")
RECENT = 6  # the latest quiz answers that count


def topic_mastery(*, minutes: int, answers: Sequence[bool], card_recall: float | None = None,
                  exercise_passed: bool = False, tested_out: bool = False) -> Level:
    """`answers` oldest first; `card_recall` is the share of the topic's card reviews recalled (or None)."""
    if tested_out:
        return "proficient"
    recent = list(answers)[-RECENT:]
    accuracy = sum(recent) / len(recent) if recent else None
    if accuracy is None and minutes == 0 and card_recall is None and not exercise_passed:
        return "not-started"
    solid_quiz = accuracy is not None and len(recent) >= 3 and accuracy >= 0.8
    if solid_quiz and (exercise_passed or (card_recall is not None and card_recall >= 0.85)):
        return "mastered"
    if solid_quiz or exercise_passed:
        return "proficient"
    if (accuracy is not None and accuracy >= 0.5) or (card_recall is not None and card_recall >= 0.7):
        return "familiar"
    return "attempted"
