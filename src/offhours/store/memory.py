"""Storage of the learner's memory: the deck, every review, quiz answers and the SRS settings.

Part of the repository (`Store` inherits these methods); like it, one method is one transaction.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import sqlalchemy as sa

from offhours.store.tables import deck, learners, own_cards, quiz_answers, reviews


class MemoryStore:
    engine: sa.Engine

    # ---- the deck and its reviews -----------------------------------------------------------------------------

    def deck_states(self, learner_id: int, *, card_ids: list[str] | None = None,
                    due_by: datetime | None = None) -> dict[str, dict[str, Any]]:
        """The deck's card states: all, or only the given cards, or only the cards due by a time (new cards,
        due when they joined, included)."""
        query = sa.select(deck.c.card_id, deck.c.state).where(deck.c.learner_id == learner_id)
        if card_ids is not None:
            query = query.where(deck.c.card_id.in_(card_ids))
        if due_by is not None:
            query = query.where(deck.c.due <= due_by)
        with self.engine.connect() as conn:
            return {card_id: state for card_id, state in conn.execute(query)}

    def count_due_reviews(self, learner_id: int, due_by: datetime) -> int:
        """Cards answered before (not new: FSRS's `last_review` is set) that are due by a time."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(deck).where(
                deck.c.learner_id == learner_id, deck.c.due <= due_by,
                deck.c.state["last_review"].as_string().is_not(None))).scalar_one())

    def add_to_deck(self, learner_id: int, states: dict[str, dict[str, Any]], *, now: datetime) -> None:
        if not states:
            return
        with self.engine.begin() as conn:
            conn.execute(deck.insert(), [
                {"learner_id": learner_id, "card_id": card_id, "state": state,
                 "due": datetime.fromisoformat(state["due"]), "added_at": now} for card_id, state in states.items()])

    def record_review(self, learner_id: int, card_id: str, *, rating: int, reviewed_at: datetime,
                      duration_ms: int | None, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Store the answer and the card's new state in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(reviews.insert().values(learner_id=learner_id, card_id=card_id, rating=rating,
                                                 reviewed_at=reviewed_at, duration_ms=duration_ms,
                                                 state_before=before))
            conn.execute(deck.update().where(deck.c.learner_id == learner_id, deck.c.card_id == card_id)
                         .values(state=after, due=datetime.fromisoformat(after["due"])))

    def add_reviews(self, learner_id: int,
                    answers: list[tuple[str, int, datetime, int | None, dict[str, Any] | None]]) -> None:
        """Store many (card, rating, reviewed_at, duration_ms, state before) answers in one transaction;
        the cards' states are left as they are."""
        if not answers:
            return
        with self.engine.begin() as conn:
            conn.execute(reviews.insert(), [
                {"learner_id": learner_id, "card_id": c, "rating": r, "reviewed_at": t, "duration_ms": d,
                 "state_before": before} for c, r, t, d, before in answers])

    def undo_last_review(self, learner_id: int) -> str | None:
        """Remove the latest answer and restore the card's state before it; the card id, or None."""
        with self.engine.begin() as conn:
            last = conn.execute(sa.select(reviews).where(reviews.c.learner_id == learner_id)
                                .order_by(reviews.c.id.desc()).limit(1)).mappings().first()
            if last is None or last["state_before"] is None:
                return None
            before = last["state_before"]
            conn.execute(reviews.delete().where(reviews.c.id == last["id"]))
            conn.execute(deck.update().where(deck.c.learner_id == learner_id, deck.c.card_id == last["card_id"])
                         .values(state=before, due=datetime.fromisoformat(before["due"])))
            return str(last["card_id"])

    def review_history(self, learner_id: int, since: datetime | None = None) -> list[tuple[str, int, datetime]]:
        query = sa.select(reviews.c.card_id, reviews.c.rating, reviews.c.reviewed_at).where(
            reviews.c.learner_id == learner_id)
        if since is not None:
            query = query.where(reviews.c.reviewed_at >= since)
        with self.engine.connect() as conn:
            return [(c, r, t) for c, r, t in conn.execute(query.order_by(reviews.c.reviewed_at))]

    def recall_by_card(self, learner_id: int) -> dict[str, tuple[int, int]]:
        """Per card: (answers, answers other than "again"), counted by the database."""
        recalled = sa.func.sum(sa.case((reviews.c.rating > 1, 1), else_=0))
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reviews.c.card_id, sa.func.count(), recalled)
                                .where(reviews.c.learner_id == learner_id).group_by(reviews.c.card_id))
            return {card_id: (int(n), int(ok)) for card_id, n, ok in rows}

    def cards_first_answered_since(self, learner_id: int, since: datetime) -> int:
        """How many cards got their first answer at or after `since` (new cards introduced since then)."""
        earlier = reviews.alias("earlier")
        query = sa.select(sa.func.count(sa.distinct(reviews.c.card_id))).where(
            reviews.c.learner_id == learner_id, reviews.c.reviewed_at >= since,
            ~sa.exists().where(earlier.c.learner_id == learner_id, earlier.c.card_id == reviews.c.card_id,
                               earlier.c.reviewed_at < since))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def own_card_topics(self, learner_id: int) -> dict[str, str]:
        """The topic of each of the learner's own cards that has one."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(own_cards.c.id, own_cards.c.topic)
                                .where(own_cards.c.learner_id == learner_id, own_cards.c.topic.is_not(None)))
            return {card_id: topic for card_id, topic in rows}

    def own_cards(self, learner_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(own_cards).where(own_cards.c.learner_id == learner_id)
                                                  .order_by(own_cards.c.created_at)).mappings()]

    def add_own_card(self, learner_id: int, card: dict[str, Any], state: dict[str, Any], *, now: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(own_cards.insert().values(learner_id=learner_id, created_at=now, **card))
            conn.execute(deck.insert().values(learner_id=learner_id, card_id=card["id"], state=state,
                                              due=datetime.fromisoformat(state["due"]), added_at=now))

    def ratings_on_review_cards(self, learner_id: int, since: datetime) -> list[int]:
        """Ratings of answers given to cards that were in the Review state (FSRS state 2) at the time."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reviews.c.rating, reviews.c.state_before).where(
                reviews.c.learner_id == learner_id, reviews.c.reviewed_at >= since))
            return [rating for rating, before in rows if before and before.get("state") == 2]

    # ---- quiz answers ------------------------------------------------------------------------------------------

    def add_quiz_answers(self, learner_id: int, answers: list[tuple[str, str, bool]], *, context: str,
                         now: datetime) -> None:
        """Record (item id, topic, correct) answers of one quiz in one transaction."""
        if not answers:
            return
        with self.engine.begin() as conn:
            conn.execute(quiz_answers.insert(), [
                {"learner_id": learner_id, "item_id": item, "topic": topic, "correct": correct,
                 "answered_at": now, "context": context} for item, topic, correct in answers])

    def quiz_history(self, learner_id: int, context: str | None = None) -> list[tuple[str, str, bool, datetime]]:
        query = sa.select(quiz_answers.c.item_id, quiz_answers.c.topic, quiz_answers.c.correct,
                          quiz_answers.c.answered_at).where(quiz_answers.c.learner_id == learner_id)
        if context is not None:
            query = query.where(quiz_answers.c.context == context)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(quiz_answers.c.id))
            return [(i, t, bool(c), a) for i, t, c, a in rows]

    def import_cards(self, learner_id: int, own: list[dict[str, Any]], states: dict[str, dict[str, Any]],
                     history: list[tuple[str, int, datetime, int | None]], *, now: datetime) -> None:
        """Add imported cards, their deck states and their review history in one transaction."""
        with self.engine.begin() as conn:
            if own:
                conn.execute(own_cards.insert(), [{"learner_id": learner_id, "created_at": now, **c} for c in own])
            existing = set(conn.execute(sa.select(deck.c.card_id).where(deck.c.learner_id == learner_id)).scalars())
            for card_id, state in states.items():
                values = {"state": state, "due": datetime.fromisoformat(state["due"])}
                if card_id in existing:
                    conn.execute(deck.update().where(deck.c.learner_id == learner_id, deck.c.card_id == card_id)
                                 .values(**values))
                else:
                    conn.execute(deck.insert().values(learner_id=learner_id, card_id=card_id, added_at=now,
                                                      **values))
            if history:
                conn.execute(reviews.insert(), [
                    {"learner_id": learner_id, "card_id": c, "rating": r, "reviewed_at": t, "duration_ms": d,
                     "state_before": None} for c, r, t, d in history])

    def srs_settings(self, learner_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(learners.c.srs).where(learners.c.id == learner_id)).scalar()
        return dict(value or {})

    def set_srs_settings(self, learner_id: int, settings: dict[str, Any], *,
                         states: dict[str, dict[str, Any]] | None = None) -> None:
        """Save the scheduler settings (and, after optimising, the re-scheduled deck) in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(learners.update().where(learners.c.id == learner_id).values(srs=settings))
            for card_id, state in (states or {}).items():
                conn.execute(deck.update().where(deck.c.learner_id == learner_id, deck.c.card_id == card_id)
                             .values(state=state, due=datetime.fromisoformat(state["due"])))

    def review_counts_by_day(self, learner_id: int, tz: tzinfo) -> dict[date, int]:
        """Answers per local date in `tz`. SQLite counts them itself, one stretch of constant UTC offset at a
        time (a year of answers is a few thousand times cheaper to count than to read); other databases
        send the times."""
        counts: dict[date, int] = {}
        mine = reviews.c.learner_id == learner_id
        with self.engine.connect() as conn:
            if conn.dialect.name != "sqlite":
                for at in conn.execute(sa.select(reviews.c.reviewed_at).where(mine)).scalars():
                    day = at.astimezone(tz).date()
                    counts[day] = counts.get(day, 0) + 1
                return counts
            first = conn.execute(sa.select(sa.func.min(reviews.c.reviewed_at)).where(mine)).scalar()
            last = conn.execute(sa.select(sa.func.max(reviews.c.reviewed_at)).where(mine)).scalar()
            if first is None or last is None:
                return counts
            for start, end, minutes in _offset_spans(tz, first, last):
                day = sa.func.date(reviews.c.reviewed_at, sa.literal_column(f"'{minutes:+d} minutes'"), type_=sa.Date)
                rows = conn.execute(sa.select(day, sa.func.count()).where(
                    mine, reviews.c.reviewed_at >= start, reviews.c.reviewed_at < end).group_by(day))
                for local_day, n in rows:
                    counts[local_day] = counts.get(local_day, 0) + int(n)
        return counts

    def review_answers(self, learner_id: int) -> list[tuple[datetime, int, bool]]:
        """(when, rating, card was in review) for every answer, for retention over time."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reviews.c.reviewed_at, reviews.c.rating, reviews.c.state_before)
                                .where(reviews.c.learner_id == learner_id).order_by(reviews.c.reviewed_at))
            return [(at, int(r), bool(before) and before.get("state") == 2) for at, r, before in rows]


def _offset_spans(tz: tzinfo, first: datetime, last: datetime) -> list[tuple[datetime, datetime, int]]:
    """[first, last] cut where `tz` changes its UTC offset: (from, to (exclusive), offset in minutes) per stretch.
    Offsets change on whole seconds, so a day-by-day walk and a bisection to the second find every change."""
    def offset(second: int) -> int:
        delta = datetime.fromtimestamp(second, UTC).astimezone(tz).utcoffset()
        return round(delta.total_seconds() / 60) if delta is not None else 0

    begin, end = math.floor(first.timestamp()), math.floor(last.timestamp()) + 1
    spans: list[tuple[int, int, int]] = []
    current, probe = offset(begin), begin
    while probe < end:
        step = min(probe + 86_400, end)
        if offset(step) == current:
            probe = step
            continue
        low, high = probe, step  # offset(low) is the current one, offset(high) is not
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == current else (low, middle)
        spans.append((begin, high, current))
        begin, current, probe = high, offset(high), high
    spans.append((begin, end, current))
    return [(datetime.fromtimestamp(a, UTC), datetime.fromtimestamp(b, UTC), m) for a, b, m in spans]
