"""`offhours progress` and the journal, on a real home with pinned dates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import Home, Run


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-02T20:00:00+00:00")
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def test_progress_json_has_the_contract_keys(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    for day in ("2026-11-30", "2026-12-01", "2026-12-02"):
        assert cli("log", "--topic", "python-basics", "--minutes", "25", "--date", day).exit_code == 0
    data = json.loads(cli("progress", "--json").stdout)
    assert {"streak_days", "minutes_this_week", "minutes_total", "milestones", "mastery", "xp"} <= set(data)
    assert data["streak_days"] == 3 and data["minutes_this_week"] == 75 and data["minutes_total"] == 75
    assert data["xp"] == 75
    assert data["mastery"]["python-basics"] == "attempted" and data["mastery"]["ml-pca"] == "not-started"
    m = data["milestones"][0]
    assert {"eta", "at_risk", "deadline", "remaining_minutes"} <= set(m)
    assert m["at_risk"] is True and m["extra_minutes_per_week"] > 0  # 410 h by May at 5 h a week cannot work
    text = cli("progress").stdout
    assert "streak 3 day(s)" in text and "At risk:" in text
    assert "At risk:" in cli("today").stdout


def test_journal_add_list_show_and_obsidian_export(cli: Callable[..., Run], home: Home, learner: Path,
                                                   tmp_path: Path) -> None:
    assert cli("journal", "add", "Eigenvectors keep their direction.", "--topic", "linear-algebra-eigen",
               "--tag", "summary").exit_code == 0
    assert cli("journal", "add", "Why does PCA centre the data first?", "--tag", "question").exit_code == 0
    assert cli("journal", "add", "   ").exit_code == 2
    assert cli("journal", "add", "x", "--topic", "nope").exit_code == 2
    listed = json.loads(cli("journal", "list", "--tag", "question", "--json").stdout)
    assert [e["text"] for e in listed] == ["Why does PCA centre the data first?"]
    assert "Eigenvectors keep" in cli("journal", "show", "1").stdout
    assert cli("journal", "show", "99").exit_code == 2

    vault = tmp_path / "vault"
    assert cli("journal", "export", str(vault)).exit_code == 0
    notes = sorted(vault.glob("*.md"))
    assert len(notes) == 2
    text = notes[0].read_text()
    front = yaml.safe_load(text.split("---")[1])
    assert front["topic"] == "linear-algebra-eigen" and front["tags"] == ["offhours", "summary"]
    assert "[[linear-algebra-eigen]]" in text
    topic_note = (vault / "topics" / "linear-algebra-eigen.md").read_text()
    assert yaml.safe_load(topic_note.split("---")[1])["area"] == "linear-algebra"
    assert f"[[{notes[0].stem}]]" in topic_note


def test_timer_summary_and_note_to_card(cli: Callable[..., Run], home: Home, learner: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("stop").exit_code == 2
    started = cli("start", "--topic", "ml-pca")
    assert started.exit_code == 0 and "ml-pca" in started.stdout
    assert cli("start").exit_code == 2  # one at a time
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-02T20:47:00+00:00")
    stopped = cli("stop", "--note", "SVD view")
    assert "Logged 47 min of ml-pca" in stopped.stdout
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-03T05:00:00+00:00")
    plan = json.loads(cli("plan", "--json", "--weeks", "1").stdout)
    learn = next(b for b in plan["blocks"] if b["activity"] == "learn")
    done = cli("done", learn["id"], "--summary", "A pipeline keeps preprocessing inside each fold.")
    assert "Saved to your journal (entry 1)" in done.stdout
    entry = json.loads(cli("journal", "list", "--json").stdout)[0]
    assert entry["tags"] == ["summary"] and entry["topic"] == learn["topic"]
    carded = cli("journal", "card", "1")
    assert carded.exit_code == 0 and home.count("own_cards") == 1


def test_network_follow_ups_and_mentor_prep(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    assert cli("network", "add", "Dana (ML lead at a bank)", "--kind", "interview", "--note", "Feature stores",
               "--on", "2026-11-20", "--follow-up", "2026-12-01").exit_code == 0
    assert cli("network", "add", "PyData meetup", "--kind", "meetup", "--follow-up", "2027-01-10").exit_code == 0
    assert cli("network", "add", "X", "--kind", "party").exit_code == 2
    assert cli("network", "add", "Y", "--on", "2026-12-01", "--follow-up", "2026-11-01").exit_code == 2
    due = json.loads(cli("today", "--json").stdout)["follow_ups"]
    assert [d["name"] for d in due] == ["Dana (ML lead at a bank)"]
    assert "Follow up: Dana" in cli("today").stdout
    assert cli("network", "done", str(due[0]["id"])).exit_code == 0
    assert json.loads(cli("today", "--json").stdout)["follow_ups"] == []
    assert len(json.loads(cli("network", "list", "--json").stdout)) == 2

    assert cli("journal", "add", "How do I pick a decision threshold?", "--tag", "question").exit_code == 0
    agenda = cli("mentor", "prep").stdout
    for heading in ("## Open questions", "## Where I am stuck", "## The next milestone"):
        assert heading in agenda
    assert "How do I pick a decision threshold?" in agenda and "at risk" in agenda


def test_streak_counts_the_learners_local_day(home: Home, profile_file: Path) -> None:
    """Card answers at 23:30 UTC belong to the next day in Tokyo; the streak follows local days."""
    from datetime import UTC, datetime, timedelta

    from conftest import PROFILE

    from offhours.profile import parse_profile

    tokyo = parse_profile(PROFILE.replace('timezone = "Europe/London"', 'timezone = "Asia/Tokyo"'),
                          source="p", now=datetime(2026, 11, 1, tzinfo=UTC))
    clock = {"now": datetime(2026, 11, 1, 23, 30, tzinfo=UTC)}
    coach = home.coach()
    coach.clock = lambda: clock["now"]
    coach.init_profile(tokyo)
    cards = [coach.add_card(f"Q{i}", f"A{i}") for i in range(20)]
    for day in range(3):  # 23:30 UTC on 1, 2 and 3 November = 08:30 in Tokyo on 2, 3 and 4 November
        clock["now"] = datetime(2026, 11, 1 + day, 23, 30, tzinfo=UTC)
        for card_id in cards:
            coach.rate_card(card_id, "good")
    clock["now"] = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)  # 21:00 on 4 November in Tokyo
    assert coach.progress().streak.days == 3
    clock["now"] += timedelta(days=2)  # 6 November in Tokyo: the 5th was missed, no freeze earned yet
    assert coach.progress().streak.days == 0
    coach.close()
