"""Topics, resources, the style quiz, the path and the stack through the CLI, on a real SQLite home."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROFILE, Home, Run

from offhours.catalog import default_catalog

CATALOG = default_catalog()


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path) -> Path:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def test_topics_and_topic_show(cli: Callable[..., Run], home: Home) -> None:
    data = json.loads(cli("topics", "--json").stdout)
    assert len(data) == len(CATALOG.topics)
    assert set(data[0]) >= {"slug", "title", "area", "hours", "prerequisites"}
    calculus = json.loads(cli("topics", "--area", "calculus", "--json").stdout)
    assert calculus and all(t["area"] == "calculus" for t in calculus)

    shown = json.loads(cli("topic", "show", "ml-logistic-regression", "--json").stdout)
    assert shown["slug"] == "ml-logistic-regression" and shown["prerequisites"]
    assert "dl-neural-networks" in shown["dependents"]
    assert len(shown["resources"]) >= 2 and shown["outcomes"][0].startswith("You can")
    text = cli("topic", "show", "ml-logistic-regression").stdout
    assert "Needs:" in text and "Leads to:" in text

    bad = cli("topic", "show", "ml-astrology")
    assert bad.exit_code == 2 and "unknown topic 'ml-astrology'" in bad.stderr
    assert cli("topics", "--area", "poetry").exit_code == 2
    assert not home.db.exists() or home.count("learners") == 0


def test_resource_filters(cli: Callable[..., Run], home: Home) -> None:
    found = json.loads(cli("resources", "--topic", "ml-pca", "--json").stdout)
    assert found and all("ml-pca" in r["topics"] for r in found)
    free_short = json.loads(cli("resources", "--free", "--max-minutes", "20", "--format", "video", "--json").stdout)
    assert free_short and all(r["cost"] == "free" and r["session_minutes"] <= 20 and r["format"] == "video"
                              for r in free_short)
    bad = cli("resources", "--format", "hologram")
    assert bad.exit_code == 2 and "unknown format 'hologram'" in bad.stderr


def test_style_quiz_scripted_and_interactive(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    n = len(CATALOG.style_questions)
    result = cli("quiz", "style", "--answers", "b" * (n - 2) + "ad", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["style"]["auditory"] == pytest.approx((n - 2) / n, abs=0.001)
    assert "listening" in data["summary"][0] and "practising" in data["summary"][1]
    stored = json.loads(cli("profile", "show", "--json").stdout)["style"]
    assert stored["auditory"] == pytest.approx((n - 2) / n, abs=0.001)

    interactive = cli("quiz", "style", input="x\n" + "c\n" * n)
    assert interactive.exit_code == 0
    assert "answer a, b, c or d" in interactive.stdout
    assert "reading and writing" in interactive.stdout
    assert json.loads(cli("profile", "show", "--json").stdout)["style"]["reading"] == 1.0

    bad = cli("quiz", "style", "--answers", "abc")
    assert bad.exit_code == 2 and f"give {n} letters" in bad.stderr


def test_path_json_and_text(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    data = json.loads(cli("path", "--json").stdout)
    slugs = [t["slug"] for t in data["topics"]]
    assert set(data["topics"][0]) >= {"slug", "hours", "status"}
    assert slugs.index("python-basics") < slugs.index("finance-fraud-detection")
    assert data["total_hours"] == pytest.approx(sum(m["hours"] for m in data["milestones"]))
    text = cli("path").stdout
    assert "Milestone 1:" in text and "h to go" in text

    assert cli("topic", "mark", "python-basics", "command-line-basics").exit_code == 0
    assert cli("topic", "mark", "numpy-arrays", "--as", "done").exit_code == 0
    again = json.loads(cli("path", "--json").stdout)
    assert "python-basics" not in [t["slug"] for t in again["topics"]]
    assert set(again["skipped"]) == {"python-basics", "command-line-basics"}
    assert next(t for t in again["topics"] if t["slug"] == "numpy-arrays")["status"] == "done"


def test_path_edits_need_self_directed_mode_and_keep_prerequisites(
        cli: Callable[..., Run], home: Home, learner: Path) -> None:
    refused = cli("path", "add", "dl-transformers")
    assert refused.exit_code == 2 and "self-directed" in refused.stderr
    assert cli("profile", "mode", "self-directed").exit_code == 0

    added = cli("path", "add", "dl-transformers")
    assert added.exit_code == 0 and "prerequisites" in added.stdout
    bad_move = cli("path", "move", "dl-transformers", "--before", "dl-attention")
    assert bad_move.exit_code == 2 and "before its prerequisite" in bad_move.stderr
    assert cli("path", "move", "sql-basics", "--before", "python-basics").exit_code == 0
    needed = cli("path", "remove", "pandas-basics")
    assert needed.exit_code == 2 and "is a prerequisite of" in needed.stderr
    assert cli("path", "remove", "finance-model-risk").exit_code == 0

    slugs = [t["slug"] for t in json.loads(cli("path", "--json").stdout)["topics"]]
    assert "dl-transformers" in slugs and "finance-model-risk" not in slugs
    assert slugs.index("sql-basics") < slugs.index("python-basics")
    assert home.count("path_edits") == 3

    # Edits survive a profile change (a replan) and step aside in structured mode.
    learner.write_text(PROFILE.replace("weekly_minutes = 300", "weekly_minutes = 420")
                       .replace('mode = "structured"', 'mode = "self-directed"'))
    assert cli("init", "--profile", str(learner), "--force").exit_code == 0
    assert "dl-transformers" in [t["slug"] for t in json.loads(cli("path", "--json").stdout)["topics"]]
    assert cli("profile", "mode", "structured").exit_code == 0
    assert "dl-transformers" not in [t["slug"] for t in json.loads(cli("path", "--json").stdout)["topics"]]
    assert cli("path", "reset").exit_code == 0 and home.count("path_edits") == 0


def test_stack_choices_persist(cli: Callable[..., Run], home: Home, learner: Path) -> None:
    stack = json.loads(cli("stack", "--json").stdout)
    entry = next(e for e in stack if e["topic"] == "ml-gradient-boosting")
    assert entry["primary"]["id"] and entry["alternates"] and entry["reason"].startswith("best fit")

    swapped = cli("stack", "swap", "ml-gradient-boosting")
    assert swapped.exit_code == 0
    assert cli("stack", "ban", entry["primary"]["id"]).exit_code == 0
    after = {e["topic"]: e for e in json.loads(cli("stack", "--json").stdout)}
    assert after["ml-gradient-boosting"]["primary"]["id"] == entry["alternates"][0]["id"]
    assert all(e["primary"] is None or e["primary"]["id"] != entry["primary"]["id"] for e in after.values())

    wrong = cli("stack", "swap", "ml-gradient-boosting", "khan-academy-linear-algebra")
    assert wrong.exit_code == 2 and "does not cover ml-gradient-boosting" in wrong.stderr
    assert cli("stack", "pin", "no-such-resource").exit_code == 2
    assert "Mix:" in cli("stack").stdout
    assert cli("stack", "reset").exit_code == 0 and home.count("stack_choices") == 0
