"""Web latency with a year of history: the Today page and answering a card, served by uvicorn on SQLite.

    python benchmarks/web.py [--requests 300] [--home DIR] [--profile]

1. A learner with a year of history, generated in a temporary OFFHOURS_HOME through the real coach and
   store: the example profile (../shared/profiles/example.toml, else the tests' profile) started 52 weeks
   before the pinned clock; a plan every Monday (two weeks ahead) with about 500 of its blocks marked done
   (the study sessions of the study log), some skipped and the rest left to be missed, two weeks of summer
   holiday; a deck of the catalog cards of every topic studied plus a 3,000-card Anki import, answered
   every morning (10 new cards a day, the app's allowance; one day in ten skipped; none over the new-year
   holiday) by FSRS-6 with the default parameters and a learner who recalls a little less often than the
   model predicts: about 40,000 reviews with the card states before each, written in bulk. Then the plan
   for the rest of the goal, made on the Monday; "now" is Tuesday 07:00, before the morning commute.
2. `offhours serve --port P` in another process with that home and the pinned clock (OFFHOURS_NOW); from
   this process, N GET / (the Today page) and N answers (POST /api/cards/{id}/rate, JSON, the ids from
   GET /api/cards/due), timed on the client side over one keep-alive connection after a short warm-up.
   Targets: Today p95 <= 100 ms, an answer p95 <= 50 ms.

--home DIR generates the learner into DIR once and reuses it on later runs (each run serves a copy, as
answering cards changes the data); --profile also runs the same requests in-process through the ASGI app
under cProfile and prints the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import heapq
import io
import os
import pstats
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fsrs import Card, Rating

from offhours.coach import Coach
from offhours.coach_cards import NEW_CARDS_PER_DAY
from offhours.domain import srs
from offhours.settings import Settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "profiles" / "example.toml"
NOW = datetime(2027, 1, 5, 13, 0, tzinfo=UTC)  # a Tuesday: 07:00 in Chicago (the example learner), 13:00 in London
WEEKS = 52
SESSIONS = 500  # study sessions (blocks done) over the year
OWN_CARDS = 3000  # an Anki deck imported on the first day
RECALL = 0.945  # the learner recalls with this share of the model's predicted probability
SKIP_DAY = 0.1  # a day without reviews
HOLIDAY_WEEKS = (30, 31)  # summer: blocks missed, no cards
TARGETS = {"today": 100.0, "answer": 50.0}  # p95, ms


# ---- generating the learner ------------------------------------------------------------------------------

def example_profile() -> tuple[dict[str, Any], str]:
    if EXAMPLE.exists():
        return tomllib.loads(EXAMPLE.read_text(encoding="utf-8")), str(EXAMPLE)
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import PROFILE

    return tomllib.loads(PROFILE), "tests/conftest.py PROFILE"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def local(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)


def generate(home: Path) -> dict[str, int]:
    """Write the learner's year into `home`; return what was written."""
    rng = random.Random(8)
    random.seed(8)  # the fsrs scheduler fuzzes intervals with the global generator
    data, source = example_profile()
    tz = ZoneInfo(data["timezone"])
    today = NOW.astimezone(tz).date()
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=WEEKS)  # a Monday, a year ago
    data["start_date"] = first.isoformat()
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'offhours.db'}")
    clock = Clock(local(first, 0, 0, tz))
    coach = Coach.open(settings, clock=clock)
    coach.init_profile(coach.validate_profile_data(data, source=source))
    learner_id = coach.profile().learner_id

    # Weekly plans, and their blocks done, skipped or missed (a done block is a study session in the log).
    done = 0
    for week in range(WEEKS):
        monday = first + timedelta(weeks=week)
        clock.now = local(monday, 0, 0, tz)
        view = coach.plan(weeks=2)
        blocks = [b for b in view.blocks if b.status == "planned"
                  and monday <= b.start.astimezone(tz).date() < monday + timedelta(days=7)]
        if week in HOLIDAY_WEEKS or not blocks:
            continue
        holidays_left = sum(1 for w in HOLIDAY_WEEKS if w > week)
        chance = (SESSIONS - done) / max(1, len(blocks) * (WEEKS - week - holidays_left))
        for block in blocks:
            roll = rng.random()
            if roll < min(0.97, chance):
                clock.now = block.end + timedelta(minutes=rng.randint(1, 90))
                coach.mark_block(block.id, "done")
                done += 1
            elif roll < min(0.97, chance) + 0.05:
                clock.now = block.end + timedelta(minutes=rng.randint(1, 600))
                coach.mark_block(block.id, "skipped")

    # The cards, day by day, in memory; then written in bulk.
    catalog = coach.catalog
    started: dict[str, date] = {}
    for day, topic, _minutes in sorted(coach.store.study_entries(learner_id, first, today)):
        started.setdefault(topic, day)
    catalog_cards = [(c.id, started[c.topic]) for c in sorted(catalog.cards.values(),
                                                                key=lambda c: (started.get(c.topic, today), c.id))
                     if c.topic in started]
    own = [{"id": f"anki-{i:05d}", "topic": None, "type": "basic", "origin": "anki",
            "front": f"{rng.choice(TERMS)} ({i}): {rng.choice(QUESTIONS)}",
            "back": " ".join(rng.choice(TERMS).lower() for _ in range(rng.randint(6, 30)))} for i in range(OWN_CARDS)]
    states, answers = simulate_cards(rng, catalog_cards, [c["id"] for c in own], first, today, tz)
    coach.store.import_cards(learner_id, own, states, [], now=local(first, 7, 0, tz))
    coach.store.add_reviews(learner_id, answers)

    # This week's plan, made on Monday morning; Monday's commute done, the evening block still waiting.
    monday = today - timedelta(days=today.weekday())
    clock.now = local(monday, 0, 0, tz)
    coach.plan()
    mondays = [b for b, _ in coach.store.load_blocks(learner_id)
               if b.status == "planned" and b.start.astimezone(tz).date() == monday]
    if mondays:
        clock.now = mondays[0].end
        coach.mark_block(mondays[0].id, "done")
    clock.now = NOW
    counts = {"blocks": len(coach.store.load_blocks(learner_id)), "sessions": done + bool(mondays),
              "cards": len(states), "reviews": len(answers), "due": len(coach.due_cards())}
    coach.close()
    return counts


TERMS = ["Gradient", "Logit", "Recall", "Precision", "Embedding", "Attention", "Regularisation", "Bootstrap",
         "Lift", "Uplift", "Churn", "Cohort", "Holdout", "Calibration", "Feature store", "Drift", "Tokenizer"]
QUESTIONS = ["what is it, and when does it mislead?", "how would you explain it to a stakeholder?",
             "write the formula", "name two pitfalls", "what does a high value mean for the campaign?"]


def simulate_cards(rng: random.Random, catalog_cards: list[tuple[str, date]], own_ids: list[str], first: date,
                   today: date, tz: ZoneInfo) -> tuple[dict[str, srs.CardState], list[tuple[Any, ...]]]:
    """FSRS-6 day by day: every morning the due reviews, then up to the day's allowance of new cards, learning
    steps repeated within the session. Returns the final states and (card, rating, at, ms, state before) rows."""
    sched = srs.scheduler()
    cards: dict[str, Card] = {}
    answers: list[tuple[Any, ...]] = []

    def answer(card_id: str, at: datetime) -> datetime:
        card = cards[card_id]
        if card.last_review is None:
            recalled = rng.random() < 0.75
        else:
            recalled = rng.random() < RECALL * sched.get_card_retrievability(card, at)
        rating = (Rating.Again if not recalled else rng.choices([Rating.Hard, Rating.Good, Rating.Easy],
                                                                [0.1, 0.82, 0.08])[0])
        ms = int(rng.lognormvariate(8.9, 0.5))  # about 7 s, now and then much longer
        before = card.to_dict()
        cards[card_id], _ = sched.review_card(card, rating, at, ms)
        answers.append((card_id, int(rating), at, ms, before))
        return at + timedelta(milliseconds=ms + rng.randint(500, 3000))

    holiday = {first + timedelta(weeks=w, days=d) for w in HOLIDAY_WEEKS for d in range(7)}
    holiday |= {today - timedelta(days=d) for d in range(1, 6)}  # the new-year break: a backlog builds up
    waiting = list(catalog_cards)  # catalog cards join the deck as their topic starts (the app's sync)
    new_catalog: list[str] = []  # in the deck, never answered: introduced before the Anki cards, as in the app
    new_own = list(own_ids)
    for card_id in own_ids:
        cards[card_id] = Card(card_id=0, due=local(first, 7, 0, tz))
    day = first
    while day < today:
        while waiting and waiting[0][1] <= day:
            card_id, joined = waiting.pop(0)
            cards[card_id] = Card(card_id=0, due=local(joined, 7, 0, tz))
            new_catalog.append(card_id)
        if day not in holiday and rng.random() >= SKIP_DAY:
            cursor = local(day, 7, rng.randint(30, 40), tz)
            end = cursor + timedelta(hours=2)
            due = sorted((c.due, cid) for cid, c in cards.items() if c.last_review is not None and c.due <= cursor)
            from_catalog = new_catalog[:NEW_CARDS_PER_DAY]
            from_own = new_own[:NEW_CARDS_PER_DAY - len(from_catalog)]
            del new_catalog[:len(from_catalog)], new_own[:len(from_own)]
            fresh = from_catalog + from_own
            for _due, cid in due:
                cursor = answer(cid, cursor)
            for cid in fresh:
                cursor = answer(cid, cursor)
            # Learning and relearning steps come back in the same session once their minutes have passed.
            again = [(cards[cid].due, cid) for cid in [*(cid for _, cid in due), *fresh] if cards[cid].due <= end]
            heapq.heapify(again)
            while again:
                due_at, cid = heapq.heappop(again)
                cursor = answer(cid, max(cursor, due_at))
                if cards[cid].due <= end:
                    heapq.heappush(again, (cards[cid].due, cid))
        day += timedelta(days=1)
    return {cid: dict(c.to_dict()) for cid, c in cards.items()}, answers


def copy_db(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source / "offhours.db") as src, sqlite3.connect(target / "offhours.db") as dst:
        src.backup(dst)


# ---- timing ------------------------------------------------------------------------------------------------

def summary(name: str, samples: list[float], target: float | None) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    verdict = f"  target p95 <= {target:.0f} ms: {'PASS' if p95 <= target else 'MISS'}" if target else ""
    return (f"{name:<26} n={len(ms):<4} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {ms[-1]:6.1f} ms{verdict}")


def drive(client: httpx.Client | Any, requests: int) -> tuple[dict[str, list[float]], int]:
    """Warm up, then time N Today pages, 10 due lists and N answers (ids from the due list); the samples and
    the number of cards the due list held."""
    def timed(call: Callable[[], httpx.Response]) -> tuple[float, httpx.Response]:
        start = time.perf_counter()
        response = call()
        elapsed = time.perf_counter() - start
        response.raise_for_status()
        return elapsed, response

    for _ in range(5):
        timed(lambda: client.get("/"))
        timed(lambda: client.get("/api/cards/due"))
    out: dict[str, list[float]] = {"today": [], "due": [], "answer": []}
    for _ in range(requests):
        out["today"].append(timed(lambda: client.get("/"))[0])
    for _ in range(10):
        took, response = timed(lambda: client.get("/api/cards/due"))
        out["due"].append(took)
    due = [c["id"] for c in response.json()]
    rng = random.Random(3)
    ratings = rng.choices(["again", "hard", "good", "easy"], [0.12, 0.1, 0.7, 0.08], k=len(due))
    for card_id, rating in list(zip(due, ratings, strict=True))[:requests]:
        body = {"rating": rating, "duration_ms": rng.randint(2000, 15000)}
        out["answer"].append(timed(lambda c=card_id, b=body: client.post(f"/api/cards/{c}/rate", json=b))[0])
    return out, len(due)


@contextmanager
def server(home: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = Path(sys.executable).with_name("offhours")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "offhours"]
    env = {**os.environ, "OFFHOURS_HOME": str(home), "OFFHOURS_NOW": NOW.isoformat()}
    env.pop("OFFHOURS_DATABASE_URL", None)
    process = subprocess.Popen([*command, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"offhours serve exited: {process.stderr.read().decode() if process.stderr else ''}")
            try:
                if httpx.get(f"{base}/api/profile", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("offhours serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def profile_in_process(home: Path, requests: int) -> None:
    """The same requests through the ASGI app in this process, with cProfile on in the worker threads that run
    the (sync) routes and their dependencies."""
    import warnings

    import anyio.to_thread

    with warnings.catch_warnings():  # Starlette's note that its test client will move off httpx
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from offhours.web import create_app

    profiler = cProfile.Profile()
    run_sync = anyio.to_thread.run_sync

    async def profiled(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def call(*inner: Any) -> Any:
            profiler.enable()
            try:
                return func(*inner)
            finally:
                profiler.disable()

        return await run_sync(call, *args, **kwargs)

    settings = Settings(home=home, database_url=f"sqlite:///{home / 'offhours.db'}")
    app = create_app(settings, clock=lambda: NOW)
    anyio.to_thread.run_sync = profiled  # type: ignore[assignment]
    try:
        with TestClient(app) as client:
            samples, _listed = drive(client, requests)
    finally:
        anyio.to_thread.run_sync = run_sync
    print("in-process through the ASGI app, under cProfile (slower than served):")
    for name in ("today", "answer"):
        print("  " + summary(name, samples[name], None))
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    print(text.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--home", type=Path, help="generate the learner here once and reuse it")
    parser.add_argument("--profile", action="store_true", help="also profile the requests in-process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        source = args.home or Path(scratch) / "generated"
        if not (source / "offhours.db").exists():
            began = time.perf_counter()
            counts = generate(source)
            print(f"generated in {time.perf_counter() - began:.0f} s: " + ", ".join(f"{v} {k}" for k, v in
                                                                                    counts.items()))
        served = Path(scratch) / "served"
        copy_db(source, served)
        with sqlite3.connect(served / "offhours.db") as db:
            rows = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                    for t in ("reviews", "study_log", "deck", "blocks")}
        print("learner: " + ", ".join(f"{n} {t}" for t, n in rows.items()) + f"; now {NOW.isoformat()}")
        with server(served) as base, httpx.Client(base_url=base, timeout=30) as client:
            samples, listed = drive(client, args.requests)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"served by uvicorn (offhours serve), SQLite, timed on the client over one connection "
              f"(load average {load} on {os.cpu_count()} CPUs):")
        print(summary("GET / (Today)", samples["today"], TARGETS["today"]))
        print(summary("POST /api/cards/{id}/rate", samples["answer"], TARGETS["answer"]))
        print(summary("GET /api/cards/due", samples["due"], None) + f"   ({listed} cards listed)")
        if args.profile:
            profiled = Path(scratch) / "profiled"
            copy_db(source, profiled)
            profile_in_process(profiled, args.requests)


if __name__ == "__main__":
    main()
