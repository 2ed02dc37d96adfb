"""Achievements and the rewards learners choose: conditions over a snapshot of what they have done."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    """Everything the conditions look at, computed once."""

    minutes_total: int
    streak_days: int
    longest_streak: int
    reviews: int
    exercises_passed: int
    projects_passed: int
    domain_projects_passed: int
    milestones_done: frozenset[str]
    perfect_quizzes: int  # topics whose latest three quiz answers were all right
    journal_entries: int
    journal_questions: int
    topics_mastered: int
    topics_tested_out: int
    own_cards: int
    blocks_done: int


@dataclass(frozen=True)
class Achievement:
    id: str
    title: str
    description: str
    earned: Callable[[Snapshot], bool]


ACHIEVEMENTS: tuple[Achievement, ...] = (
    Achievement("first-steps", "First steps", "Logged your first study time.", lambda s: s.minutes_total > 0),
    Achievement("first-hour", "First hour", "An hour of study in all.", lambda s: s.minutes_total >= 60),
    Achievement("ten-hours", "Ten hours", "Ten hours of study in all.", lambda s: s.minutes_total >= 600),
    Achievement("fifty-hours", "Fifty hours", "Fifty hours of study in all.", lambda s: s.minutes_total >= 3000),
    Achievement("hundred-hours", "A hundred hours", "A hundred hours in all.", lambda s: s.minutes_total >= 6000),
    Achievement("streak-3", "Warming up", "A three-day streak.", lambda s: s.longest_streak >= 3),
    Achievement("streak-7", "A full week", "A seven-day streak.", lambda s: s.longest_streak >= 7),
    Achievement("streak-30", "A month of habit", "A thirty-day streak.", lambda s: s.longest_streak >= 30),
    Achievement("streak-100", "Unstoppable", "A hundred-day streak.", lambda s: s.longest_streak >= 100),
    Achievement("first-review", "First recall", "Answered your first flashcard.", lambda s: s.reviews >= 1),
    Achievement("reviews-100", "A hundred recalls", "100 flashcard answers.", lambda s: s.reviews >= 100),
    Achievement("reviews-1000", "Memory athlete", "1,000 flashcard answers.", lambda s: s.reviews >= 1000),
    Achievement("first-exercise", "It runs!", "Passed your first coding exercise.",
                lambda s: s.exercises_passed >= 1),
    Achievement("ten-exercises", "Ten down", "Passed ten coding exercises.", lambda s: s.exercises_passed >= 10),
    Achievement("first-project", "Shipped", "Passed the check of a guided project.",
                lambda s: s.projects_passed >= 1),
    Achievement("domain-project", "Useful at work", "Passed a project in your domain.",
                lambda s: s.domain_projects_passed >= 1),
    Achievement("first-milestone", "Milestone", "Completed your first milestone.",
                lambda s: len(s.milestones_done) >= 1),
    Achievement("perfect-quiz", "Spotless", "Three right answers in a row on a topic's quiz.",
                lambda s: s.perfect_quizzes >= 1),
    Achievement("first-mastery", "Mastered", "Reached 'mastered' on a topic.", lambda s: s.topics_mastered >= 1),
    Achievement("tested-out", "Already knew it", "Tested out of a topic.", lambda s: s.topics_tested_out >= 1),
    Achievement("journaler", "Reflective", "Ten journal entries.", lambda s: s.journal_entries >= 10),
    Achievement("curious", "Curious", "Wrote down a question for later.", lambda s: s.journal_questions >= 1),
    Achievement("own-card", "Card author", "Wrote a flashcard of your own.", lambda s: s.own_cards >= 1),
    Achievement("on-plan", "Right on plan", "Completed ten planned study blocks.", lambda s: s.blocks_done >= 10),
)

_REWARD = re.compile(r"^(milestone):(m-[0-9]+-[0-9]+)$|^(streak):([0-9]{1,4})$|^(hours):([0-9]{1,5})$")


def parse_reward_condition(text: str) -> tuple[str, str]:
    """`milestone:m-1-2`, `streak:30` or `hours:50` → (kind, value); ValueError says what is accepted."""
    match = _REWARD.match(text.strip())
    if not match:
        raise ValueError(f"--when {text!r}: use milestone:ID (see `offhours progress`), streak:DAYS or hours:HOURS")
    groups = [g for g in match.groups() if g is not None]
    return groups[0], groups[1]


def reward_earned(kind: str, value: str, snapshot: Snapshot) -> bool:
    if kind == "milestone":
        return value in snapshot.milestones_done
    if kind == "streak":
        return snapshot.longest_streak >= int(value)
    return snapshot.minutes_total >= 60 * int(value)
