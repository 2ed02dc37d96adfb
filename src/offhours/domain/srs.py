"""Spaced repetition with FSRS-6 (the `fsrs` package): pure functions over serialisable card states.

`now` is always passed in. Card states travel as the package's own dicts (`Card.to_dict`), so the store
keeps them as JSON and a later version of the model can re-read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, cast

from fsrs import Card, Rating, Scheduler

__all__ = ["Scheduler"]
from fsrs.card import CardDict

CardState = dict[str, Any]  # the JSON form of an fsrs Card (its to_dict)

RatingName = Literal["again", "hard", "good", "easy"]
RATINGS: dict[str, Rating] = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
DEFAULT_RETENTION = 0.9


@dataclass(frozen=True)
class Review:
    card_id: str
    rating: int  # 1 again .. 4 easy
    reviewed_at: datetime
    duration_ms: int | None


def _card(state: CardState) -> Card:
    return Card.from_dict(cast(CardDict, state))


def scheduler(desired_retention: float = DEFAULT_RETENTION, *, fuzz: bool = True,
              parameters: Sequence[float] | None = None) -> Scheduler:
    if not 0.7 <= desired_retention <= 0.99:
        raise ValueError("desired retention must be between 0.70 and 0.99")
    kwargs: dict[str, Any] = {"desired_retention": desired_retention, "enable_fuzzing": fuzz}
    if parameters is not None:
        kwargs["parameters"] = tuple(parameters)
    return Scheduler(**kwargs)


def new_state(now: datetime) -> CardState:
    """A card never reviewed, due now."""
    return dict(Card(card_id=0, due=now.astimezone(UTC)).to_dict())


def rate(state: CardState, rating: RatingName | int, now: datetime, *, duration_ms: int | None = None,
         sched: Scheduler | None = None) -> tuple[CardState, datetime]:
    """Apply one answer; return the new state and when the card is next due."""
    grade = RATINGS[rating] if isinstance(rating, str) else Rating(rating)
    card = _card(state)
    updated, _log = (sched or scheduler()).review_card(card, grade, now.astimezone(UTC), duration_ms)
    return dict(updated.to_dict()), updated.due


def replay(reviews: Iterable[Review], *, sched: Scheduler | None = None) -> CardState | None:
    """Rebuild a card's state from its review history (used after import, or with new parameters)."""
    state: CardState | None = None
    for review in sorted(reviews, key=lambda r: r.reviewed_at):
        state = state or new_state(review.reviewed_at)
        state, _ = rate(state, review.rating, review.reviewed_at, duration_ms=review.duration_ms, sched=sched)
    return state


def retrievability(state: CardState, now: datetime, sched: Scheduler | None = None) -> float:
    """The model's probability of recalling the card at `now` (0 for a card never reviewed)."""
    card = _card(state)
    if card.last_review is None:
        return 0.0
    return float((sched or scheduler()).get_card_retrievability(card, now.astimezone(UTC)))


def is_new(state: CardState) -> bool:
    return _card(state).last_review is None


def due_at(state: CardState) -> datetime:
    return _card(state).due



def forecast(states: Iterable[CardState], today: date, days: int, tz: Any,
             seconds_per_review: float = 8.0) -> list[tuple[date, int, float]]:
    """Cards due each day for the next `days` days (overdue ones count today), and the minutes they take."""
    counts: dict[date, int] = {today + timedelta(days=i): 0 for i in range(days)}
    last = today + timedelta(days=days - 1)
    for state in states:
        day = max(today, due_at(state).astimezone(tz).date())
        if day <= last:
            counts[day] += 1
    return [(day, n, round(n * seconds_per_review / 60, 1)) for day, n in counts.items()]
