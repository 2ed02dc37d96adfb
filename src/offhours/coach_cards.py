"""The coach's flashcard use cases: the deck, due cards, answers, undo, statistics, own cards.

A topic's catalog cards join the deck once the learner has started the topic (a block done, minutes
logged, or the topic marked in progress). New cards are introduced a few a day; reviews come first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from offhours.catalog import CLOZE, QuizItem
from offhours.domain import srs
from offhours.domain.mastery import Level, topic_mastery
from offhours.domain.placement import Placement
from offhours.domain.quiz import choose_items
from offhours.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from offhours.coach import Coach

NEW_CARDS_PER_DAY = 10


@dataclass(frozen=True)
class CardView:
    id: str
    topic: str | None
    type: str
    front: str
    back: str
    extra: str
    is_new: bool
    due: datetime
    cloze: tuple[ClozePart, ...] = ()  # a cloze card's text in pieces, so a face can mark the deletions
    intervals: dict[str, int] | None = None  # seconds until the card returns, per rating (when previewed)


@dataclass(frozen=True)
class ClozePart:
    """A piece of a cloze text: plain text, or a deletion (its answer, and the hint shown in its place)."""

    text: str
    hidden: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class CardStats:
    cards: int
    new: int
    due_now: int
    retention: float | None  # share of answers other than "again" on cards already in review, last 30 days
    reviews_per_day: list[tuple[date, int]]  # the last 30 days
    forecast: list[tuple[date, int, float]]  # the next 30 days: cards due, minutes


def _cloze_sides(text: str) -> tuple[str, str]:
    front = CLOZE.sub(lambda m: f"[{m[3]}]" if m[3] else "[...]", text)
    back = CLOZE.sub(lambda m: m[2], text)
    return front, back


def cloze_parts(text: str) -> tuple[ClozePart, ...]:
    parts: list[ClozePart] = []
    at = 0
    for m in CLOZE.finditer(text):
        if m.start() > at:
            parts.append(ClozePart(text[at:m.start()]))
        parts.append(ClozePart(m[2], hidden=True, hint=m[3]))
        at = m.end()
    if at < len(text):
        parts.append(ClozePart(text[at:]))
    return tuple(parts)


def card_view(coach: Coach, card_id: str, state: srs.CardState, own: dict[str, dict[str, Any]]) -> CardView:
    """The card as shown; `own` is the learner's own cards by id (read once per listing, not per card)."""
    card = coach.catalog.cards.get(card_id)
    if card is not None:
        front, back = (_cloze_sides(card.text) if card.type == "cloze" else (card.front, card.back))
        return CardView(card_id, card.topic, card.type, front, back, card.extra, srs.is_new(state), srs.due_at(state),
                        cloze_parts(card.text) if card.type == "cloze" else ())
    if card_id in own:
        c = own[card_id]
        front, back = _cloze_sides(c["front"]) if c["type"] == "cloze" else (c["front"], c["back"])
        return CardView(card_id, c["topic"], c["type"], front, back, "", srs.is_new(state), srs.due_at(state),
                        cloze_parts(c["front"]) if c["type"] == "cloze" else ())
    raise NotFoundError(f"card {card_id!r} is no longer in the content")


def next_intervals(state: srs.CardState, now: datetime, sched: srs.Scheduler) -> dict[str, int]:
    """Seconds until the card would come back after each rating (what the answer buttons show)."""
    return {name: max(0, round((srs.rate(state, int(grade), now, sched=sched)[1] - now).total_seconds()))
            for name, grade in srs.RATINGS.items()}


def started_topics(coach: Coach) -> set[str]:
    learner_id = coach.profile().learner_id
    statuses = coach.store.topic_statuses(learner_id)
    return set(coach.store.minutes_by_topic(learner_id)) | {t for t, s in statuses.items()
                                                            if s in ("in-progress", "done")}


def sync_deck(coach: Coach) -> int:
    """Add the cards of every started topic that are not in the deck yet; return how many joined."""
    learner_id = coach.profile().learner_id
    have = coach.store.deck_states(learner_id)
    topics = started_topics(coach)
    now = coach.now()
    fresh = {c.id: srs.new_state(now) for c in coach.catalog.cards.values() if c.topic in topics and c.id not in have}
    coach.store.add_to_deck(learner_id, fresh, now=now)
    return len(fresh)


def due_cards(coach: Coach, limit: int | None = None, *, preview: bool = False) -> list[CardView]:
    """Reviews due now (most overdue first), then today's allowance of new cards in path order; with
    `preview`, each card also says when each rating would bring it back."""
    sync_deck(coach)
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    now = coach.now()
    states = coach.store.deck_states(stored.learner_id)
    day_start = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz)
    introduced_today = coach.store.cards_first_answered_since(stored.learner_id, day_start)
    reviews = sorted((cid for cid, st in states.items() if not srs.is_new(st) and srs.due_at(st) <= now),
                     key=lambda cid: srs.due_at(states[cid]))
    order = {slug: i for i, slug in enumerate(coach.path().slugs())}
    cards = coach.catalog.cards
    own = {c["id"]: c for c in coach.store.own_cards(stored.learner_id)}

    def path_rank(card_id: str) -> tuple[int, str]:
        # The learner's own cards on a topic come with that topic's cards; those without one come last.
        topic = cards[card_id].topic if card_id in cards else own[card_id]["topic"] if card_id in own else None
        return (order.get(topic, len(order)) if topic else len(order), card_id)

    new = sorted((cid for cid, st in states.items() if srs.is_new(st)), key=path_rank)
    new = new[: max(0, NEW_CARDS_PER_DAY - introduced_today)]
    chosen = [*reviews, *new][: limit or None]
    views = [card_view(coach, cid, states[cid], own) for cid in chosen]
    if preview:  # unfuzzed, like Anki's buttons: the real answer may land a little later
        sched = scheduler_for(coach, fuzz=False)
        views = [replace(v, intervals=next_intervals(states[v.id], now, sched)) for v in views]
    return views


def due_review_count(coach: Coach) -> int:
    """How many reviews are due now (new cards not counted): the head of `due_cards`, counted by the store."""
    return coach.store.count_due_reviews(coach.profile().learner_id, coach.now())


def rate_card(coach: Coach, card_id: str, rating: str, duration_ms: int | None = None) -> datetime:
    if rating not in srs.RATINGS:
        raise InputError(f"rating: expected again, hard, good or easy, got {rating!r}")
    learner_id = learner_of(coach)
    states = coach.store.deck_states(learner_id, card_ids=[card_id])
    if card_id not in states:
        raise NotFoundError(f"card {card_id!r} is not in your deck; see `offhours cards due`")
    now = coach.now()
    before = states[card_id]
    grade = int(srs.RATINGS[rating])
    after, due = srs.rate(before, grade, now, duration_ms=duration_ms, sched=scheduler_for(coach))
    coach.store.record_review(learner_id, card_id, rating=grade, reviewed_at=now,
                              duration_ms=duration_ms, before=before, after=dict(after))
    return due


def undo_review(coach: Coach) -> str:
    card_id = coach.store.undo_last_review(coach.profile().learner_id)
    if card_id is None:
        raise InputError("there is no answer to undo")
    return card_id


def add_card(coach: Coach, front: str, back: str, topic: str | None = None, origin: str = "own") -> str:
    if topic is not None and topic not in coach.catalog.topics:
        raise NotFoundError(f"unknown topic {topic!r}; see `offhours topics`")
    if not front.strip() or not back.strip():
        raise InputError("a card needs a front and a back")
    learner_id = coach.profile().learner_id
    taken = {c["id"] for c in coach.store.own_cards(learner_id)}
    base = "own-" + (re.sub(r"[^a-z0-9]+", "-", front.lower()).strip("-")[:40] or "card")
    card_id, n = base, 1
    while card_id in taken:
        n += 1
        card_id = f"{base}-{n}"
    coach.store.add_own_card(learner_id, {"id": card_id, "topic": topic, "type": "basic", "front": front.strip(),
                                          "back": back.strip(), "origin": origin},
                             dict(srs.new_state(coach.now())), now=coach.now())
    return card_id


def card_stats(coach: Coach) -> CardStats:
    sync_deck(coach)
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    now = coach.now()
    today = now.astimezone(tz).date()
    states = coach.store.deck_states(stored.learner_id)
    history = coach.store.review_history(stored.learner_id, since=now - timedelta(days=30))
    per_day = Counter(at.astimezone(tz).date() for _, _, at in history)
    # Retention counts answers on cards past their learning steps: learning-step misses are expected.
    mature = coach.store.ratings_on_review_cards(stored.learner_id, now - timedelta(days=30))
    retention = (sum(1 for r in mature if r > 1) / len(mature)) if mature else None
    return CardStats(
        cards=len(states), new=sum(1 for s in states.values() if srs.is_new(s)),
        due_now=sum(1 for s in states.values() if not srs.is_new(s) and srs.due_at(s) <= now),
        retention=retention,
        reviews_per_day=[(today - timedelta(days=i), per_day.get(today - timedelta(days=i), 0))
                         for i in range(29, -1, -1)],
        forecast=srs.forecast([s for s in states.values() if not srs.is_new(s)], today, 30, tz),
    )


def quiz_items(coach: Coach, topic: str, count: int) -> list[QuizItem]:
    if topic not in coach.catalog.topics:
        raise NotFoundError(f"unknown topic {topic!r}; see `offhours topics`")
    items = [i for i in coach.catalog.quiz_items.values() if i.topic == topic]
    if not items:
        raise InputError(f"there are no quiz items for {topic} yet")
    history: dict[str, list[bool]] = {}
    for item_id, _topic, correct, _at in coach.store.quiz_history(coach.profile().learner_id):
        history.setdefault(item_id, []).append(correct)
    return choose_items(items, history, count)


def record_quiz(coach: Coach, answers: list[tuple[QuizItem, bool]], context: str = "quiz") -> None:
    coach.store.add_quiz_answers(coach.profile().learner_id, [(i.id, i.topic, ok) for i, ok in answers],
                                 context=context, now=coach.now())


def mastery(coach: Coach) -> dict[str, Level]:
    """Every topic's level from quiz answers, card recall and study minutes."""
    learner_id = coach.profile().learner_id
    answers: dict[str, list[bool]] = {}
    for _item, topic, correct, _at in coach.store.quiz_history(learner_id, "quiz"):  # not placement guesses
        answers.setdefault(topic, []).append(correct)
    recalls: dict[str, list[int]] = {}  # per topic: [answers, recalled]
    cards = coach.catalog.cards
    own_topics = coach.store.own_card_topics(learner_id)
    for card_id, (count, recalled) in coach.store.recall_by_card(learner_id).items():
        owner: str | None = cards[card_id].topic if card_id in cards else own_topics.get(card_id)
        if owner:
            totals = recalls.setdefault(owner, [0, 0])
            totals[0] += count
            totals[1] += recalled
    minutes = coach.store.minutes_by_topic(learner_id)
    known = {t for t, s in coach.store.topic_statuses(learner_id).items() if s == "known"}
    passed = {topic for slug, (_, ok) in coach.store.exercise_summary(learner_id).items() if ok
              and slug in coach.catalog.exercises for topic in coach.catalog.exercises[slug].meta.topics}
    return {slug: topic_mastery(minutes=minutes.get(slug, 0), answers=answers.get(slug, []),
                                card_recall=(recalls[slug][1] / recalls[slug][0]) if slug in recalls else None,
                                exercise_passed=slug in passed, tested_out=slug in known)
            for slug in coach.catalog.topics}


def export_cards(coach: Coach, path: Path, *, every_card: bool = False) -> int:
    """Write an .apkg: the learner's deck (or, with every_card, every card offhours ships)."""
    from offhours.integrations.anki import ExportCard, write_apkg  # genanki loads only when exporting

    catalog = coach.catalog
    chosen: list[ExportCard] = []
    in_deck: set[str] = set()
    if not every_card:
        in_deck = set(coach.store.deck_states(coach.profile().learner_id))
    for card in catalog.cards.values():
        if every_card or card.id in in_deck:
            area = catalog.areas[catalog.topics[card.topic].area].title
            front, back = (card.text, "") if card.type == "cloze" else (card.front, card.back)
            chosen.append(ExportCard(card.id, area, card.topic, card.type, front, back, card.extra))
    if not every_card:
        for own in coach.store.own_cards(coach.profile().learner_id):
            chosen.append(ExportCard(own["id"], "My cards", own["topic"], own["type"], own["front"], own["back"]))
    return write_apkg(chosen, path)


def import_cards(coach: Coach, path: Path) -> tuple[int, int, int]:
    """Bring in an Anki deck's notes (as own cards; ours map back to their catalog card) with their review
    history; return (new cards, cards updated with history, reviews)."""
    from genanki import guid_for

    from offhours.integrations.anki import read_apkg

    notes = read_apkg(path)
    learner_id = coach.profile().learner_id
    ours = {guid_for("offhours", card_id): card_id for card_id in coach.catalog.cards}
    own_ids = {c["id"] for c in coach.store.own_cards(learner_id)}
    for c in coach.store.own_cards(learner_id):
        ours.setdefault(guid_for("offhours", c["id"]), c["id"])
    new_own: list[dict[str, Any]] = []
    states: dict[str, srs.CardState] = {}
    history: list[tuple[str, int, datetime, int | None]] = []
    now = coach.now()
    for note in notes:
        card_id = ours.get(note.guid) or "anki-" + re.sub(r"[^a-z0-9]+", "-", note.guid.lower()).strip("-")
        if card_id not in coach.catalog.cards and card_id not in own_ids:
            cloze = bool(CLOZE.search(note.front))
            topic = next((t.split("::", 1)[1] for t in note.tags if t.startswith("offhours::")
                          and t.split("::", 1)[1] in coach.catalog.topics), None)
            new_own.append({"id": card_id, "topic": topic, "type": "cloze" if cloze else "basic",
                            "front": note.front, "back": note.back or "(see front)", "origin": "anki"})
            own_ids.add(card_id)
        replayed = srs.replay(srs.Review(card_id, r, t, d) for t, r, d in note.reviews)
        states[card_id] = replayed or srs.new_state(now)
        history += [(card_id, r, t, d) for t, r, d in note.reviews]
    coach.store.import_cards(learner_id, new_own, states, history, now=now)
    return len(new_own), sum(1 for n in notes if n.reviews), len(history)


def start_placement(coach: Coach, max_questions: int = 20) -> Placement:
    """A placement check over the learner's path topics that have quiz items."""
    with_items = {i.topic for i in coach.catalog.quiz_items.values()}
    order = [t.slug for t in coach.path().topics if t.slug in with_items and t.status != "done"]
    if not order:
        raise InputError("no topic on your path has quiz items yet, so there is nothing to test out of")
    prerequisites = {s: t.prerequisites for s, t in coach.catalog.topics.items()}
    return Placement(order, prerequisites, max_questions=max_questions)


def placement_item(coach: Coach, topic: str, asked: set[str]) -> QuizItem:
    """A medium item of the topic not asked yet in this check."""
    items = sorted((i for i in coach.catalog.quiz_items.values() if i.topic == topic and i.id not in asked),
                   key=lambda i: (abs(i.difficulty - 2), i.id))
    return items[0]


def finish_placement(coach: Coach, placement: Placement, answers: list[tuple[QuizItem, bool]]) -> list[str]:
    """Record the answers and mark the credited topics known; return them (they leave the path)."""
    coach.record_quiz(answers, "placement")
    tested_out = [t for t in placement.order if t in placement.known]
    if tested_out:
        coach.store.set_topic_status(coach.profile().learner_id, tested_out, "known", now=coach.now())
    return tested_out


MIN_REVIEWS_TO_OPTIMISE = 400


def learner_of(coach: Coach) -> int:
    """The learner's id without reading their whole profile (a team server knows it from the session)."""
    learner_id = coach.current_learner_id()
    return coach.profile().learner_id if learner_id is None else learner_id  # None: NotInitialisedError


def scheduler_for(coach: Coach, *, fuzz: bool = True) -> srs.Scheduler:
    settings = coach.store.srs_settings(learner_of(coach))
    return srs.scheduler(settings.get("desired_retention", srs.DEFAULT_RETENTION), fuzz=fuzz,
                         parameters=settings.get("parameters"))


def set_retention(coach: Coach, retention: float) -> None:
    if not 0.7 <= retention <= 0.99:
        raise InputError(f"retention: expected 0.70 to 0.99, got {retention}")
    learner_id = coach.profile().learner_id
    settings = coach.store.srs_settings(learner_id)
    coach.store.set_srs_settings(learner_id, {**settings, "desired_retention": retention})


def optimise(coach: Coach) -> list[float]:
    """Fit FSRS parameters to the learner's own review history (needs the `optimizer` extra), then
    re-schedule every reviewed card with them."""
    try:  # the optimizer's own dependencies: fail early with a clear message
        import pandas  # noqa: F401
        import torch  # noqa: F401
        import tqdm  # noqa: F401
        from fsrs import Optimizer, Rating, ReviewLog
    except ImportError:
        raise InputError("the optimizer needs PyTorch, pandas and tqdm: pip install 'offhours[optimizer]'") from None
    learner_id = coach.profile().learner_id
    history = coach.store.review_history(learner_id)
    if len(history) < MIN_REVIEWS_TO_OPTIMISE:
        raise InputError(f"optimising needs at least {MIN_REVIEWS_TO_OPTIMISE} reviews; you have {len(history)}")
    numbers = {card_id: i for i, card_id in enumerate(sorted({c for c, _, _ in history}))}
    logs = [ReviewLog(card_id=numbers[c], rating=Rating(r), review_datetime=t, review_duration=None)
            for c, r, t in history]
    parameters = [float(p) for p in Optimizer(logs).compute_optimal_parameters()]
    settings = {**coach.store.srs_settings(learner_id), "parameters": parameters}
    sched = srs.scheduler(settings.get("desired_retention", srs.DEFAULT_RETENTION), parameters=parameters)
    by_card: dict[str, list[srs.Review]] = {}
    for c, r, t in history:
        by_card.setdefault(c, []).append(srs.Review(c, r, t, None))
    states = {c: state for c, revs in by_card.items() if (state := srs.replay(revs, sched=sched)) is not None}
    coach.store.set_srs_settings(learner_id, settings, states=states)
    return parameters


def stats_json(stats: CardStats) -> dict[str, Any]:
    return {"cards": stats.cards, "new": stats.new, "due_now": stats.due_now, "retention": stats.retention,
            "reviews_per_day": [{"date": d.isoformat(), "reviews": n} for d, n in stats.reviews_per_day],
            "forecast": [{"date": d.isoformat(), "due": n, "minutes": m} for d, n, m in stats.forecast]}
