"""FSRS-6 through offhours' pure wrapper: pinned UTC times, no fuzzing, states that round-trip."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from offhours.domain.srs import Review, forecast, new_state, rate, replay, retrievability, scheduler

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
SCHED = scheduler(fuzz=False)


def test_good_answers_space_reviews_further_apart() -> None:
    state, due = rate(new_state(T0), "good", T0, sched=SCHED)
    state, due = rate(state, "good", due, sched=SCHED)  # leaves the learning steps
    intervals = []
    for _ in range(4):
        previous = due
        state, due = rate(state, "good", due, sched=SCHED)
        intervals.append(due - previous)
    assert all(b > a for a, b in itertools.pairwise(intervals))
    assert intervals[0] >= timedelta(days=1)


def test_again_brings_a_card_back_soon() -> None:
    state, due = rate(new_state(T0), "good", T0, sched=SCHED)
    state, due = rate(state, "good", due, sched=SCHED)
    state, due = rate(state, "good", due, sched=SCHED)
    lapse_at = due
    _, again_due = rate(state, "again", lapse_at, sched=SCHED)
    assert again_due - lapse_at <= timedelta(minutes=10)


def test_states_are_json_and_replay_matches() -> None:
    answers = [("good", T0), ("hard", T0 + timedelta(minutes=10)), ("good", T0 + timedelta(days=1)),
               ("easy", T0 + timedelta(days=4))]
    state = new_state(T0)
    for rating, when in answers:
        state, _ = rate(json.loads(json.dumps(state, default=str)), rating, when, sched=SCHED)
    grades = {"again": 1, "hard": 2, "good": 3, "easy": 4}
    rebuilt = replay([Review("c", grades[r], w, None) for r, w in answers], sched=SCHED)
    assert rebuilt is not None and rebuilt["due"] == state["due"] and rebuilt["stability"] == state["stability"]
    assert 0.85 < retrievability(state, datetime.fromisoformat(state["due"]), SCHED) < 0.95


def test_forecast_counts_overdue_cards_today() -> None:
    states = [rate(new_state(T0), "good", T0, sched=SCHED)[0] for _ in range(3)]
    days = forecast(states, date(2026, 12, 2), 3, UTC)
    assert [n for _, n, _ in days] == [3, 0, 0] and days[0][2] == pytest.approx(0.4)


def test_retention_is_bounded() -> None:
    with pytest.raises(ValueError):
        scheduler(1.2)
