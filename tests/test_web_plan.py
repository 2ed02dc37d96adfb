"""Plan, map, today and progress pages in-process: the week calendar and milestone timeline, the knowledge
map, the "I have N minutes" picker, mastery, achievements and rewards; each page against its JSON twin."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import Home, Run

from offhours.coach_plan import BusySpan, WeekView
from offhours.domain.planner import Block
from offhours.domain.supply import Window
from offhours.web.layout import map_layout, timeline, week_grid, wrap
from test_web import Browser, learner, request  # noqa: F401  (learner is a fixture)

WORK_ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//offhours tests//EN
BEGIN:VEVENT
UID:dinner@test
DTSTART:20261201T180000Z
DTEND:20261201T193000Z
SUMMARY:Team dinner
END:VEVENT
BEGIN:VEVENT
UID:football@test
DTSTART:20261205T100000Z
DTEND:20261205T110000Z
SUMMARY:Football
END:VEVENT
BEGIN:VEVENT
UID:holiday@test
DTSTART;VALUE=DATE:20261204
DTEND;VALUE=DATE:20261205
SUMMARY:Holiday
END:VEVENT
END:VCALENDAR
"""
WEEK = "2026-12-02"  # a Wednesday: the page shows Monday 30 November to Sunday 6 December


@pytest.fixture
def planned(learner: Home, cli: Callable[..., Run], tmp_path: Path) -> Home:  # noqa: F811
    (tmp_path / "work.ics").write_bytes(WORK_ICS)
    assert cli("calendar", "import", str(tmp_path / "work.ics")).exit_code == 0
    assert cli("plan", "--weeks", "3").exit_code == 0
    return learner


def _blocks(home: Home) -> list[tuple[str, str, str]]:
    with sqlite3.connect(home.db) as conn:
        return sorted(conn.execute("SELECT id, start, status FROM blocks").fetchall())


# ---- the week calendar ------------------------------------------------------------------------------------

def test_week_calendar_shows_blocks_busy_time_and_navigation(planned: Home) -> None:
    week = request(planned, "GET", f"/api/plan/week?week={WEEK}").json()
    assert week["week_start"] == "2026-11-30" and week["blocks"]
    assert {b["kind"] for b in week["busy"]} == {"work", "event", "day-off"}
    assert {"Team dinner", "Football"} <= {b["label"] for b in week["busy"]}
    assert {w["context"] for w in week["free"]} == {"commute", "desk"}

    page = request(planned, "GET", f"/plan?week={WEEK}")
    assert page.status_code == 200
    text = page.text
    assert text.count('<section class="day') == 7 and "30 Nov \u2013 06 Dec 2026" in text
    assert sorted(re.findall(r'data-block="([^"]+)"', text)) == sorted(b["id"] for b in week["blocks"])
    assert text.count("item busy busy-work") == 4  # Mon-Thu: Friday is the calendar's day off
    assert "Team dinner" in text and "Football" in text and "day off</span>" in text
    assert 'href="/plan?week=2026-11-23"' in text and 'href="/plan?week=2026-12-07"' in text
    for activity in ("learn", "exercise", "project", "quiz", "review"):
        assert f"swatch activity-{activity}" in text  # the legend names every colour
    # The Saturday desk slot is cut by the football match, with the desk buffer either side.
    saturday = [b for b in week["blocks"] if b["start"].startswith("2026-12-05")]
    assert saturday and all(b["end"][:16] <= "2026-12-05T09:50" or b["start"][:16] >= "2026-12-05T11:10"
                            for b in saturday)
    assert '<link rel="stylesheet" href="/static/plan.css">' in text
    assert request(planned, "GET", "/static/plan.css").status_code == 200


def test_milestone_timeline_says_feasible_or_the_fix(planned: Home) -> None:
    week = request(planned, "GET", "/api/plan/week").json()
    text = request(planned, "GET", "/plan").text
    rows = re.findall(r'<li class="milestone (on-track|late)">', text)
    assert rows == ["on-track" if m["feasible"] else "late" for m in week["milestones"]] and rows
    for m in week["milestones"]:
        assert m["title"] in text
        if not m["feasible"]:
            assert f"study {m['extra_minutes_per_week']} more minutes a week" in text
    assert text.count('class="deadline"') == len(rows)


def test_looking_at_the_plan_never_changes_it(learner: Home) -> None:  # noqa: F811
    browser = Browser(learner)
    first = browser.go("GET", "/plan")
    assert first.status_code == 200 and 'id="no-plan"' in first.text and "Build my plan" in first.text
    assert _blocks(learner) == []
    built = browser.form("/plan", "/plan", {"week": WEEK})
    assert built.status_code == 303 and built.headers["location"] == f"/plan?week={WEEK}"
    stored = _blocks(learner)
    assert stored
    again = browser.go("GET", f"/plan?week={WEEK}")
    assert "Replan" in again.text and 'id="no-plan"' not in again.text
    assert _blocks(learner) == stored
    assert browser.go("GET", "/plan?week=next-tuesday").status_code == 400
    assert request(learner, "GET", "/api/plan/week?week=nope").status_code == 422


def _view(week_start: date, blocks: tuple[Block, ...], busy: tuple[BusySpan, ...] = (),
          free: tuple[Window, ...] = ()) -> WeekView:
    return WeekView("Europe/London", week_start, week_start, blocks, busy, free, (), True, 300, ())


def _block(start: datetime, minutes: int) -> Block:
    return Block("b-1", start, start + timedelta(minutes=minutes), "python-basics", "learn", "commute", None, "m-1")


def test_week_grid_keeps_wall_clock_across_dst_and_splits_at_midnight() -> None:
    london = ZoneInfo("Europe/London")
    winter = week_grid(_view(date(2027, 3, 22), (_block(datetime(2027, 3, 22, 7, 40, tzinfo=london), 40),)))
    summer = week_grid(_view(date(2027, 3, 29), (_block(datetime(2027, 3, 29, 7, 40, tzinfo=london), 40),)))
    assert (winter.first_hour, winter.last_hour) == (summer.first_hour, summer.last_hour) == (7, 9)
    assert winter.days[0].items[0].top == summer.days[0].items[0].top == pytest.approx(40 / 120 * 100, abs=0.01)
    late = BusySpan(datetime(2027, 3, 23, 22, 0, tzinfo=UTC), datetime(2027, 3, 24, 2, 0, tzinfo=UTC), "event",
                    "Release")
    grid = week_grid(_view(date(2027, 3, 22), (), (late,)))
    assert [len(d.items) for d in grid.days[:3]] == [0, 1, 1]
    assert (grid.first_hour, grid.last_hour) == (0, 24)
    assert week_grid(_view(date(2027, 3, 22), ())).hours[0] == (8, 0.0)  # an empty week still has a grid


# ---- the knowledge map ------------------------------------------------------------------------------------

def test_knowledge_map_colours_mastery_and_marks_the_path(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("log", "--topic", "python-basics", "--minutes", "30").exit_code == 0
    data = request(learner, "GET", "/api/map").json()
    topics = {t["slug"]: t for t in data["topics"]}
    assert len(topics) == 162 and len(data["areas"]) == 15
    assert topics["python-basics"]["mastery"] == "attempted"
    for t in topics.values():  # every prerequisite sits in a column further left
        assert all(topics[p]["depth"] < t["depth"] for p in t["prerequisites"])
    path = [t["slug"] for t in request(learner, "GET", "/api/path").json()["topics"]]
    assert {s for s, t in topics.items() if t["on_path"]} == set(path)

    text = request(learner, "GET", "/map").text
    nodes = re.findall(r'<a href="/topics/([a-z0-9-]+)" id="t-\1" data-slug="\1"\s+class="node ([^"]+)"', text)
    assert len(nodes) == 162
    classes = dict(nodes)
    assert "level-attempted" in classes["python-basics"]
    assert {s for s, c in nodes if "on-path" in c} == set(path)
    assert text.count('<path class="edge') == sum(len(t["prerequisites"]) for t in topics.values())
    assert all(f"swatch level-{level}" in text for level in ("not-started", "attempted", "familiar", "proficient",
                                                             "mastered"))
    only = request(learner, "GET", "/map?only=path").text
    assert only.count('class="node ') == len(path)


def test_map_layout_wraps_titles_and_keeps_edges_left_to_right(learner: Home) -> None:  # noqa: F811
    assert wrap("Probability distributions and their moments in practice") == ("Probability",
                                                                               "distributions and th…")
    assert wrap("Linear regression") == ("Linear regression",)
    data = request(learner, "GET", "/api/map").json()
    from offhours.coach_progress import MapTopic

    topics = tuple(MapTopic(t["slug"], t["title"], t["area"], t["depth"], tuple(t["prerequisites"]), t["mastery"],
                            t["on_path"], t["status"]) for t in data["topics"])
    laid = map_layout(tuple((a["slug"], a["title"]) for a in data["areas"]), topics)
    where = {n.topic.slug: n for n in laid.nodes}
    assert all(where[e.source].x < where[e.target].x for e in laid.edges)
    spots = {(n.x, n.y) for n in laid.nodes}
    assert len(spots) == len(laid.nodes)  # no two topics on top of each other
    assert all(n.x + 128 <= laid.width and n.y + 36 <= laid.height for n in laid.nodes)


# ---- today: the "I have N minutes" picker ------------------------------------------------------------------

def test_today_picker_suggests_what_the_cli_suggests(planned: Home, cli: Callable[..., Run]) -> None:
    expected = json.loads(cli("now", "--minutes", "20", "--where", "commute", "--json").stdout)
    assert request(planned, "GET", "/api/now?minutes=20&where=commute").json() == expected and expected
    page = request(planned, "GET", "/?minutes=20&where=commute")
    assert page.status_code == 200
    for s in expected:
        assert f'<a href="/topics/{s["topic"]}">' in page.text
    assert '<option value="commute" selected>' in page.text and 'value="20"' in page.text
    assert 'id="streak"' in page.text and 'id="due"' in page.text  # streak and due cards stay


def test_today_picker_shows_errors_beside_the_field(learner: Home) -> None:  # noqa: F811
    typed = request(learner, "GET", "/?minutes=abc&where=lunch")
    assert typed.status_code == 400 and 'id="e-minutes"' in typed.text and 'value="abc"' in typed.text
    assert '<option value="lunch" selected>' in typed.text  # nothing the learner chose is lost
    short = request(learner, "GET", "/?minutes=3&where=desk")
    assert short.status_code == 400 and "expected 5 to 240, got 3" in short.text
    where = request(learner, "GET", "/?minutes=20&where=moon")
    assert where.status_code == 400 and 'id="e-where"' in where.text and 'id="e-minutes"' not in where.text


# ---- progress: mastery by area, achievements, rewards -------------------------------------------------------

def test_progress_shows_mastery_by_area_and_achievements(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("log", "--topic", "python-basics", "--minutes", "42").exit_code == 0
    text = request(learner, "GET", "/progress").text
    assert '<strong id="week-minutes">42</strong>' in text and text.count('<figure class="chart"') == 5
    assert text.count('<tr id="area-') == 15
    python_row = text[text.index('<tr id="area-python">'):text.index("</tr>", text.index('<tr id="area-python">'))]
    assert 'class="level-attempted"' in python_row and "0 of 16" in python_row
    assert text.count('<li class="earned">') == 1 and "First steps" in text
    assert text.count('<li class="locked">') == 23


def test_rewards_can_be_promised_and_bad_input_keeps_the_form(learner: Home) -> None:  # noqa: F811
    browser = Browser(learner)
    added = browser.form("/progress/rewards", "/progress", {"text": "New headphones", "when": "hours:10"})
    assert added.status_code == 303 and added.headers["location"] == "/progress#rewards"
    page = browser.go("GET", "/progress").text
    assert "New headphones" in page and "I have studied 10 hours" in page
    empty = browser.form("/progress/rewards", "/progress", {"text": "  ", "when": "streak:7"})
    assert empty.status_code == 400 and 'id="e-text"' in empty.text
    assert '<option value="streak:7" selected>' in empty.text
    forged = browser.form("/progress/rewards", "/progress", {"text": "Cake", "when": "someday"})
    assert forged.status_code == 400 and 'id="e-when"' in forged.text and 'value="Cake"' in forged.text
    assert "Cake" not in browser.go("GET", "/progress").text.split('id="rewards"')[1].split("<form")[0]


def test_topic_page_shows_mastery_resources_and_exercises(learner: Home, cli: Callable[..., Run]) -> None:  # noqa: F811
    assert cli("log", "--topic", "python-basics", "--minutes", "30").exit_code == 0
    text = request(learner, "GET", "/topics/python-basics").text
    assert '<span class="level level-attempted" id="mastery">attempted</span>' in text
    detail = request(learner, "GET", "/api/topics/python-basics").json()
    assert detail["mastery"] == "attempted"
    assert all(r["url"] in text for r in detail["resources"]) and detail["resources"]
    assert request(learner, "GET", "/topics/ml-astrology").status_code == 404


def test_timeline_geometry_runs_milestones_one_after_another() -> None:
    from offhours.domain.planner import MilestonePlan

    today = date(2026, 12, 1)
    ok = MilestonePlan("m-1-1", "First", 1, date(2027, 1, 31), date(2027, 1, 10), True, 0, 0, date(2027, 1, 10), 600)
    late = MilestonePlan("m-1-2", "Second", 1, date(2027, 2, 28), date(2027, 4, 30), False, 900, 60,
                         date(2027, 4, 30), 1200)
    never = MilestonePlan("m-1-3", "Third", 1, date(2027, 3, 31), None, False, 900, 60, None, 1200)
    line = timeline((ok, late, never), today)
    assert line is not None and line.today_at == 0
    first, second, third = line.rows
    assert first.bar_left == 0 and second.bar_left == pytest.approx(first.bar_left + first.bar_width)
    assert second.deadline_at < second.bar_left + second.bar_width  # late: the deadline mark falls inside the bar
    assert third.open_ended and third.bar_left + third.bar_width == pytest.approx(100)
    assert all(0 <= at <= 88 for at, _ in line.ticks) and line.ticks
    assert timeline((), today) is None
