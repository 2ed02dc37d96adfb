"""Scoring the learning-style self-assessment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from offhours.catalog import StyleQuestion
from offhours.profile import Style

STYLE_NAMES = {"visual": "seeing (visual)", "auditory": "listening (auditory)",
               "reading": "reading and writing", "kinesthetic": "doing (hands-on)"}


def score_style(questions: Sequence[StyleQuestion], answers: Sequence[int]) -> Style:
    """Answers are option indexes (0-3), one per question; the result is the share of each preference."""
    if len(answers) != len(questions):
        raise ValueError(f"expected {len(questions)} answers, got {len(answers)}")
    counts: Counter[str] = Counter()
    for number, (question, answer) in enumerate(zip(questions, answers, strict=True), 1):
        if not 0 <= answer < len(question.options):
            raise ValueError(f"answer {number} must be one of a-{chr(ord('a') + len(question.options) - 1)}")
        counts[question.options[answer].style] += 1
    total = len(answers)
    return Style(**{name: round(counts[name] / total, 3) for name in STYLE_NAMES})


def describe_style(style: Style) -> tuple[str, str]:
    """Two lines: what the learner leans towards, and what that does (and does not) mean."""
    shares = sorted(style.model_dump().items(), key=lambda kv: -kv[1])
    (first, a), (second, b) = shares[0], shares[1]
    lean = f"You lean towards learning by {STYLE_NAMES[first]} ({a:.0%}), then {STYLE_NAMES[second]} ({b:.0%})."
    if a - shares[-1][1] < 0.15:
        lean = "Your preferences are evenly spread, so offhours will mix formats freely."
    honest = ("offhours uses this only to pick which formats to suggest first; for everyone, practising and "
              "recalling what you learned (flashcards, exercises) is what makes it stick.")
    return lean, honest
