"""Team server under load: learners answering cards and loading Today at once, two workers, PostgreSQL.

    python benchmarks/team_server.py [--learners 200] [--seconds 30] [--think 4] [--workers 2]
                                     [--database-url URL] [--profile]

1. A fresh PostgreSQL database (offhours_bench_<random>, dropped at the end) on the server at --database-url,
   else OFFHOURS_BENCH_POSTGRES_URL, else OFFHOURS_TEST_POSTGRES_URL, else the local default below (an account
   that may CREATE DATABASE); the migrations applied. N accounts (one Argon2id hash with the production
   parameters, shared: every sign-in still verifies at full cost), each with the demo learner's profile in
   one of a few timezones, a 26-week plan and 30 own cards (written in bulk). The clock is pinned
   (OFFHOURS_NOW) to a Tuesday afternoon, for the setup and the server alike.
2. `offhours serve --multi-user --workers 2` in its own processes. From another process, on loopback:
   N virtual learners (asyncio, one httpx client and cookie jar each, like N browsers) sign in through
   POST /api/session, four at a time; when all are in, for --seconds each loops: think (exponential, mean
   --think seconds), then GET / (the Today page) or POST /api/cards/{id}/rate {"rating": "good"} (JSON) in a
   1 : 3 mix, cycling through their own cards. Each request is timed on the client. A request still running
   when the time is up may finish (30 s timeout); the load is cut off 60 s after the end (sign-in has 300 s).
3. Report: requests, throughput, p50/p95/max latency overall and per kind; errors (an exception or any
   status but 200: a redirect to /login would be a lost session); the answers the server acknowledged
   against the rows in the reviews table. Targets: p95 <= 200 ms, 0 errors, every acknowledged answer
   stored. Sign-in (Argon2id, slow by design) is reported apart, not in the targets. Then, from /proc (Linux,
   PostgreSQL on this machine): CPU per request of the server workers, the PostgreSQL backends and the load
   generator, new database connections, and how busy the machine was (other processes included).

--profile then replays the same mix for a few learners in-process through the ASGI app (the same database),
one request at a time, under cProfile: SQL statements and connection checkouts per request, and the
functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import random
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

DEFAULT_ADMIN_URL = "postgresql+psycopg://offhours:offhours@127.0.0.1:5432/postgres"
NOW = datetime(2027, 1, 5, 13, 0, tzinfo=UTC)  # a Tuesday: after the lunch slot in London, before work in Chicago
PASSWORD = "correct horse battery"
CARDS = 30  # own cards per learner
TIMEZONES = ["Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Athens"]
MIX = ["today", "answer", "answer", "answer"]  # 1 Today : 3 answers
TARGET_P95_MS = 200.0
REQUEST_TIMEOUT = 30.0
KEEPALIVE = 4.0  # seconds a client keeps an idle connection; uvicorn closes them after 5
CUTOFF = 60.0  # seconds after the end: any learner still running is abandoned (and its request is an error)
SIGN_IN_AT_ONCE = 4  # concurrent sign-ins (the learners arrive; the timed phase starts when all are in)
SIGN_IN_BUDGET = 300.0  # seconds for all to sign in
KINDS = {"today": "GET / (Today)", "answer": "POST /api/cards/{id}/rate", "sign-in": "POST /api/session"}


# ---- the database -----------------------------------------------------------------------------------------

def admin_url(given: str | None) -> str:
    return (given or os.environ.get("OFFHOURS_BENCH_POSTGRES_URL") or os.environ.get("OFFHOURS_TEST_POSTGRES_URL")
            or DEFAULT_ADMIN_URL)


@contextmanager
def fresh_database(admin: str) -> Iterator[str]:
    """A new, empty database on the server; dropped afterwards whatever happens."""
    name = f"offhours_bench_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def email(i: int) -> str:
    return f"learner{i:04d}@example.com"


def populate(url: str, learners: int) -> dict[str, list[str]]:
    """Migrate, then make the accounts, profiles, plans and cards; return each learner's card ids by email."""
    from argon2 import PasswordHasher

    from offhours.coach import Coach
    from offhours.domain import srs
    from offhours.store import Store

    store = Store.open(url)  # applies the migrations
    password_hash = PasswordHasher().hash(PASSWORD)  # the production parameters, as `Accounts` uses them
    cards: dict[str, list[str]] = {}
    demo = Coach(store, clock=lambda: NOW).demo_profile()
    for i in range(learners):
        account = store.team.create_account(email=email(i), display_name=f"Learner {i}", password_hash=password_hash,
                                            buddy_code=uuid.uuid4().hex[:12], now=NOW)
        assert account is not None
        coach = Coach(store, clock=lambda: NOW, account=account)
        coach.init_profile(demo.model_copy(update={"name": f"Learner {i}", "timezone": TIMEZONES[i % len(TIMEZONES)]}))
        coach.plan()
        learner_id = coach.profile().learner_id
        ids = [f"own-question-{j}" for j in range(CARDS)]  # what `coach.add_card("Question j?", ...)` would make
        own: list[dict[str, Any]] = [{"id": card_id, "topic": None, "type": "basic", "origin": "own",
                                      "front": f"Question {j} of learner {i}?", "back": f"Answer {j}"}
                                     for j, card_id in enumerate(ids)]
        store.import_cards(learner_id, own, {card_id: dict(srs.new_state(NOW)) for card_id in ids}, [], now=NOW)
        cards[email(i)] = ids
    store.close()
    return cards


def table_counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = {t: int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one())
                  for t in ("accounts", "web_sessions", "learners", "blocks", "deck", "reviews")}
    engine.dispose()
    return counts


def server_version(url: str) -> str:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        version = str(conn.execute(sa.text("SHOW server_version")).scalar_one())
    engine.dispose()
    return version.split()[0]


# ---- the server -------------------------------------------------------------------------------------------

@contextmanager
def server(url: str, home: Path, workers: int) -> Iterator[tuple[str, int]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "OFFHOURS_DATABASE_URL": url, "OFFHOURS_HOME": str(home), "OFFHOURS_NOW": NOW.isoformat()}
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "serve.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "offhours", "serve", "--multi-user", "--workers", str(workers),
                                "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        ready = 0
        while ready < 2 * workers:  # several answers in a row: every worker is likely up
            if process.poll() is not None:
                raise SystemExit(f"offhours serve exited: {(home / 'serve.log').read_text()[-2000:]}")
            try:
                ready += httpx.get(f"{base}/login", timeout=5).status_code == 200
            except httpx.TransportError:
                time.sleep(0.2)
            if time.monotonic() > deadline:
                raise SystemExit("offhours serve did not answer within 60 s")
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


# ---- the load (runs in its own process) -------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    kind: str
    at: float  # seconds since the load started (sign-in) or since the timed phase started
    seconds: float
    status: int  # 0: an exception (its text in `error`)
    error: str = ""


def run_load(base: str, cards: dict[str, list[str]], seconds: float, think: float, seed: int,
             started: Any, finished: Any, results: Any) -> None:
    """The load process: N learners against the server. Sets `started` when the timed part begins (all signed
    in) and `finished` when it ends; puts every request's kind, latency and status, and this process's CPU
    seconds during the timed part, on `results`."""
    results.put(asyncio.run(_load(base, cards, seconds, think, seed, started, finished)))


async def _load(base: str, cards: dict[str, list[str]], seconds: float, think: float, seed: int,
                started: Any, finished: Any) -> tuple[list[Sample], float]:
    samples: list[Sample] = []
    signed_in = 0
    all_in = asyncio.Event()
    clock = time.perf_counter
    began = clock()
    marks: dict[str, float] = {}
    tls = ssl.create_default_context()  # unused on plain http; shared so 200 clients do not each build one
    # Like a browser, drop an idle connection before the server does (uvicorn: after 5 s), rather than race it.
    limits = httpx.Limits(keepalive_expiry=KEEPALIVE)

    gate = asyncio.Semaphore(SIGN_IN_AT_ONCE)

    async def timed(kind: str, client: httpx.AsyncClient, method: str, url: str, **kw: Any) -> bool:
        origin = marks.get("start", began)
        start = clock()
        try:
            response = await client.request(method, url, **kw)
        except (httpx.HTTPError, OSError) as exc:
            samples.append(Sample(kind, start - origin, clock() - start, 0, f"{type(exc).__name__}: {exc}"))
            return False
        samples.append(Sample(kind, start - origin, clock() - start, response.status_code,
                              "" if response.status_code == 200 else response.text[:200]))
        return response.status_code == 200

    async def learner(address: str, own: list[str], rng: random.Random) -> None:
        nonlocal signed_in
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, verify=tls, limits=limits) as client:
            async with gate:  # a few at a time: Argon2id is meant to be slow, and 200 at once time out
                ok = await timed("sign-in", client, "POST", "/api/session",
                                 json={"email": address, "password": PASSWORD})
            signed_in += 1
            if signed_in == len(cards):
                marks["start"], marks["cpu"] = clock(), _own_cpu()
                started.set()
                all_in.set()
            await all_in.wait()
            if not ok:
                return
            end = marks["start"] + seconds
            order = rng.sample(own, len(own))
            step = rng.randrange(len(MIX))
            while True:
                pause = rng.expovariate(1 / think) if think > 0 else 0.0
                if clock() + pause >= end:
                    return
                await asyncio.sleep(pause)
                if MIX[step % len(MIX)] == "today":
                    await timed("today", client, "GET", "/")
                else:
                    card = order[step % len(order)]
                    await timed("answer", client, "POST", f"/api/cards/{card}/rate", json={"rating": "good"})
                step += 1

    rng = random.Random(seed)
    tasks = [asyncio.ensure_future(learner(address, own, random.Random(rng.random())))
             for address, own in cards.items()]
    done, pending = await asyncio.wait(tasks, timeout=SIGN_IN_BUDGET + seconds + CUTOFF)
    finished.set()
    cpu = _own_cpu() - marks.get("cpu", 0.0)
    for task in pending:
        task.cancel()
    for task in done:
        if task.exception() is not None:
            samples.append(Sample("learner", 0, 0, 0, repr(task.exception())))
    if pending:
        samples.append(Sample("learner", 0, 0, 0, f"{len(pending)} learners still running at the cut-off"))
    return samples, cpu


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes so far (Linux /proc; 0 elsewhere)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.0


def server_pids(root: int) -> list[int]:
    """The server process and its descendants (uvicorn's workers)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def backend_pids(database: str) -> list[int]:
    """PostgreSQL backends serving this database (their process titles name it), when on this machine."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            title = cmdline.read_bytes().decode(errors="replace")
        except OSError:
            continue
        if title.startswith("postgres: ") and f" {database} " in title:
            found.append(int(cmdline.parent.name))
    return found


def pg_sessions(url: str) -> int:
    """Connections ever opened to the database (PostgreSQL 14+)."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        sessions = conn.execute(sa.text("SELECT sessions FROM pg_stat_database WHERE datname = current_database()"))
        value = int(sessions.scalar_one())
    engine.dispose()
    return value


# ---- the report -------------------------------------------------------------------------------------------

def pct(ms: list[float], p: int) -> float:
    return statistics.quantiles(ms, n=100, method="inclusive")[p - 1] if len(ms) > 1 else ms[0]


def row(name: str, samples: list[Sample], seconds: float) -> str:
    ms = sorted(s.seconds * 1000 for s in samples)
    errors = sum(1 for s in samples if s.status != 200)
    if not ms:
        return f"{name:<28} n=0"
    return (f"{name:<28} n={len(ms):<6} {len(ms) / seconds:6.1f} req/s   p50 {pct(ms, 50):6.1f} ms   "
            f"p95 {pct(ms, 95):6.1f} ms   max {ms[-1]:7.1f} ms   errors {errors}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(samples: list[Sample], seconds: float, stored_reviews: int) -> bool:
    sign_in = [s for s in samples if s.kind == "sign-in"]
    timed = [s for s in samples if s.kind in ("today", "answer")]
    broken = [s for s in samples if s.kind == "learner"]
    wall = max([seconds, *(s.at + s.seconds for s in timed)])  # the last request may end after the deadline
    if sign_in:
        print(row(KINDS["sign-in"], sign_in, max(s.at + s.seconds for s in sign_in))
              + "   (Argon2id; before the timed phase, not in the targets)")
    for kind in ("today", "answer"):
        print(row(KINDS[kind], [s for s in timed if s.kind == kind], wall))
    print(row("all (timed phase)", timed, wall))
    ms = sorted(s.seconds * 1000 for s in timed)
    p95 = pct(ms, 95) if ms else float("inf")
    errors = [s for s in [*timed, *sign_in, *broken] if s.status != 200]
    answers_ok = sum(1 for s in timed if s.kind == "answer" and s.status == 200)
    answers_sent = sum(1 for s in timed if s.kind == "answer")
    print(f"throughput: {len(timed)} requests in {wall:.1f} s = {len(timed) / wall:.1f} req/s")
    print(f"p95 latency {p95:.1f} ms (target <= {TARGET_P95_MS:.0f} ms): {verdict(p95 <= TARGET_P95_MS)}")
    print(f"errors {len(errors)} (target 0): {verdict(not errors)}")
    for text, count in sorted(_group(errors).items(), key=lambda kv: -kv[1])[:5]:
        print(f"    {count} x {text}")
    print(f"answers: {answers_sent} sent, {answers_ok} acknowledged (200), {stored_reviews} rows in reviews "
          f"(target: every acknowledged answer stored): {verdict(answers_ok == stored_reviews)}")
    return p95 <= TARGET_P95_MS and not errors and answers_ok == stored_reviews


def _group(errors: list[Sample]) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in errors:
        key = f"{s.kind}: {s.status or ''} {s.error[:120]}".strip()
        out[key] = out.get(key, 0) + 1
    return out


# ---- profiling in-process -----------------------------------------------------------------------------------

def profile_in_process(url: str, home: Path, cards: dict[str, list[str]], learners: int, rounds: int) -> None:
    """The same mix for a few learners through the ASGI app in this process, one request at a time, with
    cProfile on in the worker threads that run the (sync) routes and their dependencies; SQL statements and
    connection checkouts counted per request."""
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from offhours.settings import Settings
    from offhours.web import create_app

    profiler = cProfile.Profile()
    run_sync = anyio.to_thread.run_sync
    counting = {"on": False, "statements": 0, "checkouts": 0}

    async def profiled(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def call(*inner: Any) -> Any:
            if not counting["on"]:
                return func(*inner)
            profiler.enable()
            try:
                return func(*inner)
            finally:
                profiler.disable()

        return await run_sync(call, *args, **kwargs)

    def statement(*_: Any) -> None:
        counting["statements"] += counting["on"]

    def checkout(*_: Any) -> None:
        counting["checkouts"] += counting["on"]

    app = create_app(Settings(home=home, database_url=url), clock=lambda: NOW, multi_user=True)
    took: dict[str, list[float]] = {"today": [], "answer": []}
    per: dict[str, list[int]] = {"today": [0, 0], "answer": [0, 0]}  # statements, checkouts
    anyio.to_thread.run_sync = profiled  # type: ignore[assignment]
    sa.event.listen(sa.Engine, "before_cursor_execute", statement)
    sa.event.listen(sa.pool.Pool, "checkout", checkout)
    try:
        clients = []
        for address in list(cards)[:learners]:  # sign-in (Argon2) is left out of the figures
            client = TestClient(app)
            client.post("/api/session", json={"email": address, "password": PASSWORD}).raise_for_status()
            clients.append((client, cards[address]))
        counting["on"] = True
        for r in range(rounds):
            for client, own in clients:
                for step, kind in enumerate(MIX):
                    before = counting["statements"], counting["checkouts"]
                    start = time.perf_counter()
                    if kind == "today":
                        response = client.get("/")
                    else:
                        response = client.post(f"/api/cards/{own[(r * len(MIX) + step) % len(own)]}/rate",
                                               json={"rating": "good"})
                    took[kind].append(time.perf_counter() - start)
                    per[kind][0] += counting["statements"] - before[0]
                    per[kind][1] += counting["checkouts"] - before[1]
                    response.raise_for_status()
    finally:
        anyio.to_thread.run_sync = run_sync
        sa.event.remove(sa.Engine, "before_cursor_execute", statement)
        sa.event.remove(sa.pool.Pool, "checkout", checkout)
    print(f"in-process through the ASGI app, {learners} learners x {rounds} rounds, one at a time, under cProfile:")
    for kind, values in took.items():
        ms = sorted(v * 1000 for v in values)
        print(f"  {KINDS[kind]:<28} n={len(ms):<4} median {statistics.median(ms):6.1f} ms   p95 {pct(ms, 95):6.1f} ms"
              f"   {per[kind][0] / len(ms):.1f} SQL statements, {per[kind][1] / len(ms):.1f} connection checkouts")
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(45)
    print(text.getvalue())


# ---- main -------------------------------------------------------------------------------------------------

def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores (Linux /proc/stat)."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]
    return (sum(ticks[:8]) - idle) / hz, sum(ticks[:8]) / hz


def snapshot(server_pid: int, database: str, url: str) -> dict[str, float]:
    busy, total = machine_busy()
    return {"server": cpu_seconds(server_pids(server_pid)), "postgres": cpu_seconds(backend_pids(database)),
            "busy": busy, "total": total, "sessions": pg_sessions(url), "at": time.perf_counter()}


def drive(base: str, cards: dict[str, list[str]], args: argparse.Namespace, server_pid: int,
          url: str) -> tuple[list[Sample], dict[str, float]]:
    """Run the load in another process; CPU and connection figures of the timed phase."""
    context = get_context("spawn")
    started, finished, results = context.Event(), context.Event(), context.Queue()
    load = context.Process(target=run_load, args=(base, cards, args.seconds, args.think, args.seed, started,
                                                  finished, results), daemon=True)
    load.start()
    try:
        database = str(sa.make_url(url).database)
        before = snapshot(server_pid, database, url) if started.wait(SIGN_IN_BUDGET) else None
        pids = set(server_pids(server_pid))
        finished.wait(args.seconds + CUTOFF + 10)
        after = snapshot(server_pid, database, url)
        samples, load_cpu = results.get(timeout=60)
        load.join(10)
    finally:
        if load.is_alive():
            load.kill()
    if before is None:
        return samples, {}
    used = {k: after[k] - before[k] for k in after}
    used["load"] = load_cpu
    used["restarts"] = len(set(server_pids(server_pid)) - pids)
    return samples, used


def cpu_report(used: dict[str, float], requests: int) -> None:
    if not used or not requests:
        return
    cores = os.cpu_count() or 1
    per = {k: used[k] / requests * 1000 for k in ("server", "postgres", "load")}
    other = used["busy"] - used["server"] - used["postgres"] - used["load"]
    print(f"CPU per request: server workers {per['server']:.1f} ms, PostgreSQL backends {per['postgres']:.1f} ms, "
          f"load generator {per['load']:.1f} ms; new database connections {used['sessions']:.0f}")
    print(f"machine during the timed phase ({cores} cores, {used['at']:.1f} s): {used['busy'] / used['total']:.0%} "
          f"busy: server {used['server'] / used['total']:.0%}, PostgreSQL {used['postgres'] / used['total']:.0%}, "
          f"load {used['load'] / used['total']:.0%}, everything else {max(0.0, other) / used['total']:.0%}")
    if used["restarts"]:
        print(f"uvicorn replaced {used['restarts']:.0f} worker(s) during the timed phase (a health check timed out)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the timed phase")
    parser.add_argument("--think", type=float, default=4.0, help="mean think time between requests, seconds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", help=f"an account that may CREATE DATABASE (default {DEFAULT_ADMIN_URL})")
    parser.add_argument("--profile", action="store_true", help="also profile the mix in-process")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    admin = admin_url(args.database_url)
    with fresh_database(admin) as url, tempfile.TemporaryDirectory() as scratch:
        began = time.perf_counter()
        cards = populate(url, args.learners)
        counts = table_counts(url)
        print(f"PostgreSQL {server_version(url)}, database {sa.make_url(url).database}: set up in "
              f"{time.perf_counter() - began:.0f} s: " + ", ".join(f"{n} {t}" for t, n in counts.items())
              + f"; now {NOW.isoformat()}")
        with server(url, Path(scratch) / "home", args.workers) as (base, pid):
            print(f"offhours serve --multi-user --workers {args.workers}; {args.learners} learners from another "
                  f"process for {args.seconds:.0f} s, think time {args.think:g} s (mean, exponential), "
                  f"1 Today : 3 answers")
            samples, used = drive(base, cards, args, pid, url)
            stored = table_counts(url)["reviews"]
        log = [line for line in (Path(scratch) / "home" / "serve.log").read_text(errors="replace").splitlines()
               if line.strip() and not line.startswith("offhours team server on")]
        if log:
            print("offhours serve said:\n    " + "\n    ".join(log[-15:]))
        passed = report(samples, args.seconds, stored)
        cpu_report(used, sum(1 for s in samples if s.kind in ("today", "answer")))
        if args.profile:
            profile_in_process(url, Path(scratch) / "home", cards, learners=10, rounds=5)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
