"""How well offhours' memory model predicts recall, and what the default settings cost a learner.

    python benchmarks/srs.py

1. On the public review log in ../shared/data/reviews/ (12,580 reviews of 1,205 cards): replay every
   card's history through FSRS-6 with default parameters; on the last 20% of reviews by time that come at
   least a day after the previous one, score the predicted recall probability against what happened
   (recalled = any rating but "again"). Log loss and RMSE, against a constant baseline that always predicts
   the recall rate of the first 80%. Reference on this split: FSRS-6 default 0.4515, constant 0.4715.
2. A simulated learner who adds 10 new cards a day for a year and recalls with the model's own
   probability: reviews per day and minutes per day (8 s a card) at the default retention of 0.9.
"""

from __future__ import annotations

import csv
import math
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler

LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "reviews" / "py-fsrs_review_logs.csv"


def evaluate() -> None:
    if not LOG.exists():
        print("evaluation: ../shared review log not present, skipped")
        return
    rows = []
    with LOG.open() as handle:
        for r in csv.DictReader(handle):
            rows.append((r["card_id"], int(r["review_rating"]), datetime.fromisoformat(r["review_time"])))
    rows.sort(key=lambda r: r[2])
    split = rows[int(len(rows) * 0.8)][2]
    scheduler = Scheduler(enable_fuzzing=False)
    cards: dict[str, Card] = {}
    last: dict[str, datetime] = {}
    predictions: list[tuple[float, int]] = []
    train_outcomes: list[int] = []
    for card_id, rating, at in rows:
        card = cards.get(card_id) or Card(due=at)
        if card_id in last and at - last[card_id] >= timedelta(days=1):
            recalled = int(rating > 1)
            if at >= split:
                predictions.append((scheduler.get_card_retrievability(card, at), recalled))
            else:
                train_outcomes.append(recalled)
        cards[card_id], _ = scheduler.review_card(card, Rating(rating), at)
        last[card_id] = at
    constant = sum(train_outcomes) / len(train_outcomes)

    def scores(pairs: list[tuple[float, int]]) -> tuple[float, float]:
        eps = 1e-6
        loss = -sum(y * math.log(max(p, eps)) + (1 - y) * math.log(max(1 - p, eps)) for p, y in pairs) / len(pairs)
        rmse = math.sqrt(sum((p - y) ** 2 for p, y in pairs) / len(pairs))
        return loss, rmse

    fsrs_loss, fsrs_rmse = scores(predictions)
    const_loss, const_rmse = scores([(constant, y) for _, y in predictions])
    print(f"evaluation on {len(predictions)} test reviews (last 20% by time, >= 1 day elapsed):")
    print(f"  FSRS-6 default parameters: log loss {fsrs_loss:.4f}, RMSE {fsrs_rmse:.4f}   (reference 0.4515)")
    print(f"  constant {constant:.3f}:           log loss {const_loss:.4f}, RMSE {const_rmse:.4f}   (reference 0.4715)")


def simulate(days: int = 365, new_per_day: int = 10, seconds_per_review: float = 8.0) -> None:
    rng = random.Random(1)
    scheduler = Scheduler(desired_retention=0.9)
    start = datetime(2027, 1, 1, 7, 0, tzinfo=UTC)
    deck: list[Card] = []
    per_day: dict[int, int] = defaultdict(int)
    for day in range(days):
        now = start + timedelta(days=day)
        deck.extend(Card(due=now) for _ in range(new_per_day))
        for i, card in enumerate(deck):
            # Learning steps fall on the same day; keep answering until the card leaves today.
            while card.due <= now + timedelta(hours=12):
                at = max(card.due, now)
                p = scheduler.get_card_retrievability(card, at) if card.last_review else 0.0
                rating = Rating.Good if (card.last_review is None or rng.random() < p) else Rating.Again
                card, _ = scheduler.review_card(card, rating, at)
                per_day[day] += 1
            deck[i] = card
    last_quarter = [per_day[d] for d in range(days - 90, days)]
    first_month = [per_day[d] for d in range(30)]
    avg = sum(last_quarter) / len(last_quarter)
    print(f"simulation: {new_per_day} new cards a day at retention 0.9: first month {sum(first_month) / 30:.0f} "
          f"reviews/day; after 9-12 months {avg:.0f} reviews/day = {avg * seconds_per_review / 60:.1f} min/day "
          f"(at {seconds_per_review:g} s a card), deck of {len(deck)} cards")


if __name__ == "__main__":
    evaluate()
    simulate()
