"""Achievements are awarded once with a celebration; rewards the learner chose are announced when earned."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

from offhours.domain.achievements import ACHIEVEMENTS, parse_reward_condition


def test_at_least_twenty_distinct_achievements() -> None:
    assert len(ACHIEVEMENTS) >= 20
    assert len({a.id for a in ACHIEVEMENTS}) == len(ACHIEVEMENTS)


@pytest.mark.parametrize(("text", "parsed"), [("milestone:m-1-2", ("milestone", "m-1-2")),
                                              ("streak:30", ("streak", "30")), ("hours:50", ("hours", "50"))])
def test_reward_conditions(text: str, parsed: tuple[str, str]) -> None:
    assert parse_reward_condition(text) == parsed


def test_awarded_once_and_rewards_announced(cli: Callable[..., Run], home: Home, profile_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFHOURS_NOW", "2026-12-02T20:00:00+00:00")
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    assert cli("reward", "add", "Buy the new ML book", "--when", "hours:1").exit_code == 0
    assert cli("reward", "add", "Nope", "--when", "tomorrow").exit_code == 2
    first = cli("log", "--topic", "python-basics", "--minutes", "30")
    assert "Achievement unlocked: First steps" in first.stdout and "First hour" not in first.stdout
    second = cli("log", "--topic", "python-basics", "--minutes", "30")
    assert "First hour" in second.stdout and "First steps" not in second.stdout
    assert "You have earned your reward: Buy the new ML book" in second.stdout
    third = cli("log", "--topic", "python-basics", "--minutes", "5")
    assert "Achievement unlocked" not in third.stdout and "reward" not in third.stdout
    earned = [a for a in json.loads(cli("achievements", "--json").stdout) if a["earned_at"]]
    assert {a["id"] for a in earned} == {"first-steps", "first-hour"}
    assert json.loads(cli("reward", "list", "--json").stdout)[0]["earned_at"].startswith("2026-12-02")
    assert home.count("achievements") == 2
