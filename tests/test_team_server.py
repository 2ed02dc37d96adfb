"""Team server mode as it runs in production: `offhours serve --multi-user --workers 2` in its own processes,
driven over real HTTP on loopback. Two workers answering cards for one learner at once lose no review.
Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from conftest import NOW

from offhours.coach import Coach
from offhours.store import Store
from team import PASSWORD, make_accounts

pytest.importorskip("argon2", reason="team server mode needs argon2-cffi (pip install -e '.[server]')")
CARDS = 40


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def team_server(database_url: str, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    make_accounts(database_url, "ada")
    store = Store.open(database_url)
    coach = Coach(store, clock=lambda: NOW, account=store.team.account_by_email("ada@example.com"))
    cards = [coach.add_card(f"Question {i}?", f"Answer {i}") for i in range(CARDS)]
    store.close()
    port = _free_port()
    env = {**os.environ, "OFFHOURS_DATABASE_URL": database_url, "OFFHOURS_HOME": str(tmp_path / "home"),
           "OFFHOURS_NOW": NOW.isoformat()}
    server = subprocess.Popen([sys.executable, "-m", "offhours", "serve", "--multi-user", "--workers", "2",
                               "--port", str(port), "--proxy-headers"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            server.kill()
            pytest.fail(f"the server did not start: {server.communicate()[0][-2000:]}")
        yield base, cards
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _signed_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    assert client.post("/api/session", json={"email": "ada@example.com", "password": PASSWORD}).status_code == 200
    return client


def test_two_workers_answering_at_once_lose_no_review(team_server: tuple[str, list[str]], database_url: str) -> None:
    base, cards = team_server
    clients = [_signed_in(base) for _ in range(4)]  # four tabs, spread over both workers

    def answer(index: int) -> int:
        client = clients[index % len(clients)]
        return client.post(f"/api/cards/{cards[index]}/rate", json={"rating": "good"}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(answer, range(CARDS)))
    assert statuses == [200] * CARDS
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT COUNT(*) FROM reviews")).scalar_one()
    engine.dispose()
    assert stored == CARDS
    assert not {c["id"] for c in clients[0].get("/api/cards/due").json()} & set(cards)
    for client in clients:
        client.close()


def test_cookies_are_secure_behind_https(team_server: tuple[str, list[str]]) -> None:
    base = team_server[0]
    response = httpx.post(f"{base}/api/session", json={"email": "ada@example.com", "password": PASSWORD},
                          headers={"x-forwarded-proto": "https"})
    session = next(c for c in response.headers.get_list("set-cookie") if c.startswith("offhours_session="))
    assert "Secure" in session and "HttpOnly" in session
    plain = httpx.post(f"{base}/api/session", json={"email": "ada@example.com", "password": PASSWORD})
    assert "Secure" not in next(c for c in plain.headers.get_list("set-cookie") if c.startswith("offhours_session="))
