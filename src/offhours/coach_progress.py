"""The coach's progress and reflection use cases: progress, streaks, XP, forecasts, the journal."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from offhours import coach_cards
from offhours.domain import achievements, motivation
from offhours.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from offhours.coach import Coach


@dataclass(frozen=True)
class MilestoneProgress:
    id: str
    title: str
    goal: int
    deadline: date
    remaining_minutes: int
    eta: date | None
    at_risk: bool
    extra_minutes_per_week: int


@dataclass(frozen=True)
class Progress:
    today: date
    streak: motivation.Streak
    xp: int
    minutes_this_week: int
    planned_this_week: int
    minutes_total: int
    pace_per_week: float
    milestones: tuple[MilestoneProgress, ...]
    mastery: dict[str, str]
    mastery_by_area: dict[str, dict[str, int]]
    cards_due: int


def week_start_of(today: date) -> date:
    """The Monday of the learner's week (`today` is the learner's local date)."""
    return today - timedelta(days=today.weekday())


def minutes_since(minutes_by_day: dict[date, int], start: date) -> int:
    return sum(m for d, m in minutes_by_day.items() if d >= start)


def minutes_this_week(coach: Coach) -> int:
    """Minutes in the study log since Monday in the learner's own timezone, as `progress` counts them; a
    cheaper call for a group leaderboard of many learners."""
    stored = coach.profile()
    start = week_start_of(coach.now().astimezone(ZoneInfo(stored.profile.timezone)).date())
    return minutes_since(coach.store.minutes_by_day(stored.learner_id, start), start)


def progress(coach: Coach) -> Progress:
    from offhours import coach_plan  # the milestone grouping lives with the planner

    stored = coach.profile()
    profile, learner_id = stored.profile, stored.learner_id
    tz = ZoneInfo(profile.timezone)
    today = coach.now().astimezone(tz).date()
    minutes_by_day = coach.store.minutes_by_day(learner_id, date(1970, 1, 1))
    reviews_by_day = coach.store.review_counts_by_day(learner_id, tz)
    rest = {["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(d) for d in profile.availability.rest_days}
    streak = motivation.streak(motivation.counted_days(minutes_by_day, reviews_by_day), rest, today)
    week_start = week_start_of(today)
    this_week = minutes_since(minutes_by_day, week_start)
    since = datetime.combine(week_start - timedelta(days=1), datetime.min.time(), tz)  # a day to spare
    planned = sum(b.minutes for b, _ in coach.store.load_blocks(learner_id, since)
                  if week_start <= b.start.astimezone(tz).date() < week_start + timedelta(days=7))
    quiz_right = sum(1 for _i, _t, ok, _a in coach.store.quiz_history(learner_id, "quiz") if ok)
    summary = coach.store.exercise_summary(learner_id)
    xp = motivation.xp(sum(minutes_by_day.values()), sum(reviews_by_day.values()), quiz_right,
                       sum(1 for s, (_, ok) in summary.items() if ok and not s.startswith("project/")),
                       sum(1 for s, (_, ok) in summary.items() if ok and s.startswith("project/")))
    pace = motivation.weekly_pace(minutes_by_day, today, fallback=profile.availability.weekly_minutes)
    mastery = coach.mastery()
    path = coach.path(mastery)
    done = coach.store.minutes_by_topic(learner_id)
    status = {t.slug: t.status for t in path.topics}
    milestones: list[MilestoneProgress] = []
    for spec in coach_plan.milestone_specs(coach, path, stored.start_date):
        left = sum(max(0, round(coach.catalog.topics[t].hours * 60) - done.get(t, 0))
                   for t in spec.topics if status.get(t) != "done")
        # Earlier milestones come first at this pace, so this one's ETA counts their remaining work too.
        before = sum(m.remaining_minutes for m in milestones)
        forecast = motivation.eta(before + left, pace, today, spec.deadline)
        milestones.append(MilestoneProgress(spec.id, spec.title, spec.goal, spec.deadline, left, forecast.eta,
                                            forecast.at_risk, forecast.extra_minutes_per_week))
    by_area: dict[str, Counter[str]] = {}
    for slug, level in mastery.items():
        by_area.setdefault(coach.catalog.topics[slug].area, Counter())[level] += 1
    due = coach_cards.due_review_count(coach)
    return Progress(today, streak, xp, this_week, planned, sum(minutes_by_day.values()), pace, tuple(milestones),
                    {k: str(v) for k, v in mastery.items()}, {a: dict(c) for a, c in by_area.items()}, due)


def progress_json(p: Progress) -> dict[str, Any]:
    return {
        "date": p.today.isoformat(), "streak_days": p.streak.days, "longest_streak": p.streak.longest,
        "streak_freezes": p.streak.freezes_left, "xp": p.xp, "minutes_this_week": p.minutes_this_week,
        "planned_minutes_this_week": p.planned_this_week, "minutes_total": p.minutes_total,
        "pace_minutes_per_week": round(p.pace_per_week), "cards_due": p.cards_due,
        "milestones": [{"id": m.id, "title": m.title, "goal": m.goal, "deadline": m.deadline.isoformat(),
                        "remaining_minutes": m.remaining_minutes, "eta": m.eta.isoformat() if m.eta else None,
                        "at_risk": m.at_risk, "extra_minutes_per_week": m.extra_minutes_per_week}
                       for m in p.milestones],
        "mastery": p.mastery, "mastery_by_area": p.mastery_by_area,
    }


# ---- the journal -------------------------------------------------------------------------------------------------

def add_journal(coach: Coach, text: str, topic: str | None = None, tags: list[str] | None = None) -> int:
    if not text.strip():
        raise InputError("a journal entry needs some text")
    if topic is not None and topic not in coach.catalog.topics:
        raise NotFoundError(f"unknown topic {topic!r}; see `offhours topics`")
    clean = sorted({t.strip().lstrip("#").lower() for t in tags or [] if t.strip()})
    for tag in clean:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", tag):
            raise InputError(f"--tag: {tag!r} must be letters, digits, - or _")
    return coach.store.add_journal(coach.profile().learner_id, text=text.strip(), topic=topic, tags=clean,
                                   now=coach.now())


def journal_entries(coach: Coach, topic: str | None = None, tag: str | None = None) -> list[dict[str, Any]]:
    entries = coach.store.journal_entries(coach.profile().learner_id)
    return [e for e in entries if (topic is None or e["topic"] == topic) and (tag is None or tag in e["tags"])]


def export_journal(coach: Coach, folder: Path) -> int:
    """An Obsidian-compatible vault: one note per entry with YAML front matter, and a note per topic that
    the entries wiki-link to ([[topic-slug]]), listing the entries back. Returns the number of entries."""
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    entries = coach.store.journal_entries(stored.learner_id)
    if not entries:
        raise InputError("the journal is empty: add an entry with `offhours journal add TEXT`")
    (folder / "topics").mkdir(parents=True, exist_ok=True)
    by_topic: dict[str, list[str]] = {}
    for entry in entries:
        local = entry["created_at"].astimezone(tz)
        name = f"{local:%Y-%m-%d}-{entry['id']:04d}"
        topic = entry["topic"]
        # JSON strings are valid YAML scalars, so values are quoted safely without a YAML library.
        front = ["---", f"id: {entry['id']}", f"created: {json.dumps(local.isoformat())}",
                 f"topic: {json.dumps(topic)}", f"tags: {json.dumps(['offhours', *entry['tags']])}", "---", ""]
        body = entry["text"] + ("\n\nTopic: [[" + topic + "]]\n" if topic else "\n")
        (folder / f"{name}.md").write_text("\n".join(front) + body, encoding="utf-8")
        if topic:
            by_topic.setdefault(topic, []).append(name)
    for slug, names in by_topic.items():
        t = coach.catalog.topics[slug]
        front = ["---", f"title: {json.dumps(t.title)}", f"area: {json.dumps(t.area)}", "tags: [\"offhours-topic\"]",
                 "---", ""]
        body = [f"# {t.title}", "", t.summary, "", "## Journal", "", *(f"- [[{n}]]" for n in names), ""]
        (folder / "topics" / f"{slug}.md").write_text("\n".join(front + body), encoding="utf-8")
    return len(entries)


# ---- achievements and rewards ------------------------------------------------------------------------------------

def snapshot(coach: Coach, p: Progress | None = None) -> achievements.Snapshot:
    p = p or progress(coach)
    learner_id = coach.profile().learner_id
    summary = coach.store.exercise_summary(learner_id)
    domain_areas = {a for a, area in coach.catalog.areas.items() if area.kind == "domain"}
    passed_projects = [s.removeprefix("project/") for s, (_, ok) in summary.items() if ok and s.startswith("project/")]
    domain_projects = [s for s in passed_projects if s in coach.catalog.projects and any(
        coach.catalog.topics[t].area in domain_areas for t in coach.catalog.projects[s].meta.topics)]
    answers: dict[str, list[bool]] = {}
    for _item, topic, ok, _at in coach.store.quiz_history(learner_id, "quiz"):
        answers.setdefault(topic, []).append(ok)
    journal = coach.store.journal_entries(learner_id)
    statuses = coach.store.topic_statuses(learner_id)
    return achievements.Snapshot(
        minutes_total=p.minutes_total, streak_days=p.streak.days, longest_streak=p.streak.longest,
        reviews=len(coach.store.review_history(learner_id)),
        exercises_passed=sum(1 for s, (_, ok) in summary.items() if ok and not s.startswith("project/")),
        projects_passed=len(passed_projects), domain_projects_passed=len(domain_projects),
        milestones_done=frozenset(m.id for m in p.milestones if m.remaining_minutes == 0),
        perfect_quizzes=sum(1 for a in answers.values() if len(a) >= 3 and all(a[-3:])),
        journal_entries=len(journal), journal_questions=sum(1 for e in journal if "question" in e["tags"]),
        topics_mastered=sum(1 for level in p.mastery.values() if level == "mastered"),
        topics_tested_out=sum(1 for s in statuses.values() if s == "known"),
        own_cards=len(coach.store.own_cards(learner_id)),
        blocks_done=sum(1 for b, _ in coach.store.load_blocks(learner_id) if b.status == "done"),
    )


@dataclass(frozen=True)
class Celebration:
    achievements: tuple[achievements.Achievement, ...]
    rewards: tuple[str, ...]


def celebrate(coach: Coach, p: Progress | None = None) -> Celebration:
    """Award what has just been earned (each achievement once) and return it, to be celebrated."""
    learner_id = coach.profile().learner_id
    snap = snapshot(coach, p)
    have = coach.store.achievements(learner_id)
    new = [a for a in achievements.ACHIEVEMENTS if a.id not in have and a.earned(snap)]
    earned = []
    for reward in coach.store.rewards(learner_id):
        if reward["earned_at"] is None:
            kind, value = achievements.parse_reward_condition(reward["condition"])
            if achievements.reward_earned(kind, value, snap):
                earned.append(reward)
    coach.store.award(learner_id, [a.id for a in new], [r["id"] for r in earned], now=coach.now())
    return Celebration(tuple(new), tuple(r["text"] for r in earned))


def add_reward(coach: Coach, text: str, when: str) -> int:
    if not text.strip():
        raise InputError("a reward needs a description, e.g. \"Buy the new ML book\"")
    try:
        kind, value = achievements.parse_reward_condition(when)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    return coach.store.add_reward(coach.profile().learner_id, text.strip(), f"{kind}:{value}", now=coach.now())


# ---- the timer and notes that become cards -------------------------------------------------------------------

MAX_TIMER_MINUTES = 240  # a timer left running overnight is not four hundred minutes of study


def start_timer(coach: Coach, topic: str | None = None) -> str:
    stored = coach.profile()
    running = coach.store.timer(stored.learner_id)
    if running is not None:
        raise InputError(f"a timer is already running for {running[0]} since "
                         f"{running[1].astimezone(ZoneInfo(stored.profile.timezone)):%H:%M}: `offhours stop` first")
    if topic is None:
        todo = [t for t in coach.path().topics if t.status != "done"]
        if not todo:
            raise InputError("your path is complete: name a topic with --topic")
        topic = next((t.slug for t in todo if t.status == "in-progress"), todo[0].slug)
    elif topic not in coach.catalog.topics:
        raise NotFoundError(f"unknown topic {topic!r}; see `offhours topics`")
    coach.store.start_timer(stored.learner_id, topic, now=coach.now())
    return topic


def stop_timer(coach: Coach, note: str | None = None) -> tuple[str, int]:
    stored = coach.profile()
    running = coach.store.timer(stored.learner_id)
    if running is None:
        raise InputError("no timer is running: start one with `offhours start`")
    topic, started = running
    minutes = min(MAX_TIMER_MINUTES, round((coach.now() - started).total_seconds() / 60))
    log = None
    if minutes >= 1:
        log = {"topic": topic, "minutes": minutes, "activity": "learn", "note": note,
               "day": started.astimezone(ZoneInfo(stored.profile.timezone)).date()}
    coach.store.stop_timer(stored.learner_id, log, now=coach.now())
    return topic, minutes


def journal_to_card(coach: Coach, entry_id: int, front: str | None = None) -> str:
    """Turn a journal note into a flashcard: the note is the answer, in the learner's own words."""
    entry = next((e for e in coach.store.journal_entries(coach.profile().learner_id) if e["id"] == entry_id), None)
    if entry is None:
        raise NotFoundError(f"no journal entry {entry_id}; see `offhours journal list`")
    topic = entry["topic"]
    if front is None:
        subject = coach.catalog.topics[topic].title if topic else "this"
        front = f"In your own words: what did you note about {subject}?"
    from offhours import coach_cards

    return coach_cards.add_card(coach, front, entry["text"], topic, origin="journal")


# ---- the network and mentor meetings -------------------------------------------------------------------------

NETWORK_KINDS = ("contact", "meetup", "interview")


def add_contact(coach: Coach, name: str, kind: str = "contact", note: str | None = None, met_on: date | None = None,
                follow_up: date | None = None) -> int:
    if kind not in NETWORK_KINDS:
        raise InputError(f"--kind: expected one of {', '.join(NETWORK_KINDS)}, got {kind!r}")
    if not name.strip():
        raise InputError("a contact needs a name")
    stored = coach.profile()
    today = coach.now().astimezone(ZoneInfo(stored.profile.timezone)).date()
    met_on = met_on or today
    if follow_up is not None and follow_up < met_on:
        raise InputError(f"--follow-up {follow_up} is before --on {met_on}")
    return coach.store.add_contact(stored.learner_id, kind=kind, name=name.strip(), note=note, met_on=met_on,
                                   follow_up=follow_up, now=coach.now())


def follow_ups_due(coach: Coach) -> list[dict[str, Any]]:
    stored = coach.profile()
    today = coach.now().astimezone(ZoneInfo(stored.profile.timezone)).date()
    return [c for c in coach.store.contacts(stored.learner_id) if c["follow_up"] and c["follow_up"] <= today]


def mentor_agenda(coach: Coach) -> str:
    """An agenda for the next mentor meeting, as Markdown: open questions, stuck exercises, the next
    milestone and what is at risk, and the topics that are not sticking."""
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    since = coach.now() - timedelta(days=30)
    learner_id = stored.learner_id
    questions = [e for e in coach.store.journal_entries(learner_id)
                 if "question" in e["tags"] and e["created_at"] >= since]
    attempts = coach.store.attempts(learner_id)
    passed = {slug for slug, status, _ in attempts if status == "pass"}
    stuck = Counter(slug for slug, status, _ in attempts if slug not in passed)
    p = progress(coach)
    upcoming = next((m for m in p.milestones if m.remaining_minutes > 0), None)
    shaky = [t for t, level in p.mastery.items() if level == "attempted"]
    lines = [f"# Mentor meeting: {stored.profile.name}", "",
             f"Prepared {coach.now().astimezone(tz):%d %b %Y}. This week: {p.minutes_this_week} min; "
             f"streak {p.streak.days} day(s).", "", "## Open questions", ""]
    asked = [f"- {e['text']}" + (f" ({e['topic']})" if e["topic"] else "") for e in questions]
    lines += asked or ["- none written down"]
    lines += ["", "## Where I am stuck", ""]
    lines += [f"- {slug}: {n} attempt(s), not passed yet" for slug, n in stuck.most_common()] or ["- nothing stuck"]
    lines += ["", "## The next milestone", ""]
    if upcoming:
        status = "at risk" if upcoming.at_risk else "on track"
        lines.append(f"- {upcoming.title}: due {upcoming.deadline}, {upcoming.remaining_minutes / 60:.0f} h left, "
                     f"ETA {upcoming.eta or 'unknown'} ({status})")
        if upcoming.at_risk:
            lines.append(f"- To discuss: +{upcoming.extra_minutes_per_week} min/week, or a new date")
    else:
        lines.append("- every milestone is done")
    lines += ["", "## Topics that are not sticking yet", ""]
    lines += [f"- {t}" for t in shaky[:8]] or ["- none"]
    return "\n".join(lines) + "\n"


# ---- the knowledge map ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MapTopic:
    slug: str
    title: str
    area: str
    depth: int  # the longest chain of prerequisites under it: 0 for a topic that needs nothing
    prerequisites: tuple[str, ...]
    mastery: str
    on_path: bool
    status: str  # the path's todo, in-progress or done; "known" when tested out or marked known


@dataclass(frozen=True)
class KnowledgeMap:
    areas: tuple[tuple[str, str], ...]  # (slug, title) in teaching order
    topics: tuple[MapTopic, ...]


def knowledge_map(coach: Coach) -> KnowledgeMap:
    """Every topic with its place in the graph, the learner's mastery and whether it is on their path."""
    catalog = coach.catalog
    mastery = coach.mastery()
    on_path = {t.slug: t.status for t in coach.path().topics}
    marks = coach.store.topic_statuses(coach.profile().learner_id)
    depth: dict[str, int] = {}

    def depth_of(slug: str) -> int:  # the graph is acyclic (the catalog checks it) and at most a few dozen deep
        if slug not in depth:
            depth[slug] = 1 + max((depth_of(p) for p in catalog.topics[slug].prerequisites), default=-1)
        return depth[slug]

    topics = tuple(MapTopic(t.slug, t.title, t.area, depth_of(t.slug), t.prerequisites, str(mastery[t.slug]),
                            t.slug in on_path, on_path.get(t.slug) or marks.get(t.slug) or "todo")
                   for t in catalog.topics.values())
    return KnowledgeMap(tuple((a.slug, a.title) for a in catalog.areas.values()), topics)


def knowledge_map_json(m: KnowledgeMap) -> dict[str, Any]:
    return {"areas": [{"slug": slug, "title": title} for slug, title in m.areas],
            "topics": [{"slug": t.slug, "title": t.title, "area": t.area, "depth": t.depth,
                        "prerequisites": list(t.prerequisites), "mastery": t.mastery, "on_path": t.on_path,
                        "status": t.status} for t in m.topics]}
