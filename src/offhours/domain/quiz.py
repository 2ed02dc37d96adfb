"""Quizzes: checking an answer and choosing which items to ask."""

from __future__ import annotations

import re
from collections.abc import Sequence

from offhours.catalog import QuizItem

LETTERS = "abcde"


def _normal(text: str) -> str:
    # Typed answers use x-like and minus-like signs interchangeably (multiplication sign, middle dot, minus).
    for sign, ascii_sign in (("\u00d7", "*"), ("\u00b7", "*"), ("\u2212", "-"), ("^", "**")):
        text = text.replace(sign, ascii_sign)
    text = text.lower()
    return re.sub(r"\s+", "", text).strip("$")


def parse_number(text: str) -> float:
    cleaned = text.strip().replace(",", "")
    scale = 1.0
    if cleaned.endswith("%"):
        cleaned, scale = cleaned[:-1], 0.01
    return float(cleaned) * scale


def check_answer(item: QuizItem, given: str) -> bool:
    """True when `given` (as typed) answers the item: a letter for choices, a number within tolerance,
    or a formula matching one of the accepted spellings up to spacing and case."""
    given = given.strip()
    if item.kind == "choice":
        letter = given.lower()
        index = LETTERS.find(letter) if len(letter) == 1 and letter.isalpha() else \
            (int(letter) - 1 if letter.isdigit() else -1)
        return index == item.answer
    if item.kind == "numeric":
        try:
            value = parse_number(given)
        except ValueError:
            return False
        assert not isinstance(item.answer, str)
        return abs(value - float(item.answer)) <= item.tolerance + 1e-9
    accepted = {_normal(str(item.answer)), *(_normal(a) for a in item.accept)}
    return _normal(given) in accepted


def choose_items(items: Sequence[QuizItem], history: dict[str, list[bool]], count: int) -> list[QuizItem]:
    """Items never asked first, then ones answered wrongly last time, then the rest; easier ones first."""
    def priority(item: QuizItem) -> tuple[int, int, str]:
        past = history.get(item.id, [])
        return (1 if past and past[-1] else 0 if past else -1, item.difficulty, item.id)

    return sorted(items, key=priority)[:count]
