"""The service facade: every use case the CLI and the web app offer, in one place.

The faces parse input and render output; the coach decides. It holds the store, the catalog and the
clock, so tests pin "now" by handing in their own clock.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace as replace_dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from offhours import __version__, coach_cards, coach_plan, coach_practice, coach_progress, coach_report
from offhours.catalog import Catalog, Project, QuizItem, Resource, Topic, default_catalog
from offhours.coach_cards import CardStats, CardView
from offhours.coach_plan import PlanView, Suggestion, WeekView
from offhours.coach_practice import ExerciseDetail, ExerciseStatus, ProjectDetail
from offhours.coach_progress import Celebration, KnowledgeMap, Progress
from offhours.domain.mastery import Level
from offhours.domain.path import LearningPath, PathEdit, PathEditError, TopicStatus, build_path, validate_edit
from offhours.domain.placement import Placement
from offhours.domain.planner import Block
from offhours.domain.stack import ChoiceAction, StackChoice, StackEntry, build_stack
from offhours.domain.style import score_style
from offhours.errors import InputError, NotFoundError, NotInitialisedError
from offhours.practice.sandbox import RunResult
from offhours.profile import Mode, Profile, Style, load_profile_file, local_today, profile_from_dict
from offhours.settings import Clock, Settings, utc_now
from offhours.store import Store, StoredProfile, transfer
from offhours.store.team import Account

if TYPE_CHECKING:  # heavy modules (icalendar) load only when a calendar is used
    from offhours.integrations.ics import CalendarBusy, UnreadableSeries

CALENDAR_CACHE_DAYS = 400  # how far ahead a calendar's recurrences are expanded and kept


class AlreadyInitialisedError(InputError):
    def __init__(self) -> None:
        super().__init__("a learner already lives here; pass --force to replace the profile (history is kept)")


@dataclass(frozen=True)
class TopicDetail:
    topic: Topic
    prerequisites: tuple[Topic, ...]
    dependents: tuple[Topic, ...]
    resources: tuple[Resource, ...]
    status: str
    mastery: str = "not-started"


@dataclass(frozen=True)
class CalendarSummary:
    name: str
    imported_at: datetime
    busy_events: int  # in the next four weeks
    days_off: tuple[date, ...]  # in the next 90 days
    unreadable: tuple[UnreadableSeries, ...]


@dataclass(frozen=True)
class TransferSummary:
    path: Path
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class Coach:
    """One learner's (or, in server mode, one request's) entry point to everything offhours does."""

    def __init__(self, store: Store | Callable[[], Store], *, clock: Clock = utc_now,
                 catalog: Catalog | None = None, home: Path | None = None, account: Account | None = None) -> None:
        # The store opens on first use, so input that fails validation never creates a database.
        self._store = store if isinstance(store, Store) else None
        self._open_store = store if not isinstance(store, Store) else None
        self.clock = clock
        self._catalog = catalog
        self.home = home  # the data folder: hidden from learner code in the sandbox
        self.workspace = Path.cwd() / "offhours-exercises"
        # Team server mode: the signed-in person. Their own learner is the only one this coach can reach.
        self.account = account
        self._profile: StoredProfile | None = None  # read once per coach (one CLI command, one web request)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    @classmethod
    def open(cls, settings: Settings, *, clock: Clock = utc_now) -> Coach:
        def open_store() -> Store:
            settings.ensure_home()
            return Store.open(settings.database_url)

        return cls(open_store, clock=clock, home=settings.home if settings.is_sqlite else None)

    @property
    def store(self) -> Store:
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def now(self) -> datetime:
        return self.clock()

    # ---- the learner ------------------------------------------------------------------------------------------

    def current_learner_id(self) -> int | None:
        """The learner this coach serves: the account's in team mode, else the home's only learner."""
        if self.account is not None:
            return self.account.learner_id
        return self.store.local_learner_id()

    def has_learner(self) -> bool:
        return self.current_learner_id() is not None

    def profile(self) -> StoredProfile:
        """The learner's profile. A coach lives for one CLI command or one web request, so it is read once and
        kept; the coach's own profile writes (init, mode, style, data import) forget it."""
        learner_id = self.current_learner_id()
        if self._profile is not None and self._profile.learner_id == learner_id:
            return self._profile
        stored = self.store.load_profile(learner_id) if learner_id is not None else None
        if stored is None:
            raise NotInitialisedError()
        self._profile = stored
        return stored

    def init_profile(self, profile: Profile, *, replace: bool = False, calendar: Path | None = None) -> StoredProfile:
        """Save the profile; `calendar` (an .ics file, e.g. one uploaded to the web form) overrides the
        profile's work_calendar path. A calendar that does not parse stops everything before a write."""
        calendar_file = calendar or profile.availability.work_calendar
        read = _read_calendar_file(calendar_file) if calendar_file else None  # validate before writing
        existing = self.current_learner_id()
        if existing is not None and not replace:
            raise AlreadyInitialisedError()
        start = profile.start_date or local_today(self.now(), profile.timezone)
        self._profile = None
        learner_id = self.store.save_profile(profile, start_date=start, now=self.now(), learner_id=existing,
                                             account_id=self.account.id if self.account else None)
        if self.account is not None:
            self.account = replace_dataclass(self.account, learner_id=learner_id)
        if read is not None:
            self.store.save_calendar(learner_id, name=read[0], content=read[1], now=self.now())
        stored = self.store.load_profile(learner_id)
        assert stored is not None
        return stored

    def read_profile_file(self, path: Path) -> Profile:
        return load_profile_file(path, now=self.now())

    def validate_profile_data(self, data: dict[str, Any], *, source: str = "onboarding") -> Profile:
        return profile_from_dict(data, source=source, now=self.now(), base_dir=Path.cwd())

    def demo_profile(self) -> Profile:
        """The bundled example learner, with a deadline six months from today."""
        text = (resources.files("offhours") / "content" / "demo_profile.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
        today = local_today(self.now(), data["timezone"])
        for goal in data["goals"]:
            goal["deadline"] = (today + timedelta(days=int(goal.pop("weeks_from_today")) * 7)).isoformat()
        return profile_from_dict(data, source="demo_profile.toml", now=self.now())

    def _learner_id(self) -> int:
        learner_id = self.current_learner_id()
        if learner_id is None:
            raise NotInitialisedError()
        return learner_id

    def set_mode(self, mode: Mode) -> None:
        self._profile = None
        self.store.update_learner(self._learner_id(), now=self.now(), mode=mode)

    # ---- the curriculum ---------------------------------------------------------------------------------------

    def topics(self, area: str | None = None) -> list[Topic]:
        if area is not None and area not in self.catalog.areas:
            raise NotFoundError(f"unknown area {area!r}; areas: {', '.join(self.catalog.areas)}")
        return [t for t in self.catalog.topics.values() if area is None or t.area == area]

    def _topic(self, slug: str) -> Topic:
        topic = self.catalog.topics.get(slug)
        if topic is None:
            raise NotFoundError(f"unknown topic {slug!r}; see `offhours topics`")
        return topic

    def topic_detail(self, slug: str) -> TopicDetail:
        topic = self._topic(slug)
        topics = self.catalog.topics
        learner_id = self.current_learner_id()
        status = self.store.topic_statuses(learner_id).get(slug, "todo") if learner_id is not None else "todo"
        return TopicDetail(topic, tuple(topics[p] for p in topic.prerequisites),
                           tuple(topics[d] for d in self.catalog.dependents.get(slug, ())),
                           tuple(self.catalog.resources_for(slug)), status,
                           str(self.mastery()[slug]) if learner_id is not None else "not-started")

    def resources(self, *, topic: str | None = None, format: str | None = None, max_minutes: int | None = None,
                  free: bool = False, text: str | None = None) -> list[Resource]:
        """The catalogue, filtered; `text` matches words in the title, provider, note or id (all must match)."""
        if topic is not None:
            self._topic(topic)
        formats = {r.format for r in self.catalog.resources.values()}
        if format is not None and format not in formats:
            raise InputError(f"unknown format {format!r}; formats: {', '.join(sorted(formats))}")
        return [
            r for r in self.catalog.resources.values()
            if (topic is None or topic in r.topics) and (format is None or r.format == format)
            and (max_minutes is None or r.session_minutes <= max_minutes) and (not free or r.cost == "free")
            and all(word in f"{r.id} {r.title} {r.provider} {r.note}".lower() for word in (text or "").lower().split())
        ]

    def mark_topics(self, slugs: list[str], status: TopicStatus | Literal["known"]) -> None:
        for slug in slugs:
            self._topic(slug)
        self.store.set_topic_status(self._learner_id(), slugs, status, now=self.now())

    # ---- the path and the stack -------------------------------------------------------------------------------

    def _path_inputs(self, mastery: dict[str, Level] | None = None) -> dict[str, Any]:
        stored = self.profile()
        statuses = self.store.topic_statuses(stored.learner_id)
        profile = stored.profile
        return {
            "goal_kinds": [g.kind for g in profile.goals], "domain": profile.domain,
            "known": {t for t, s in statuses.items() if s == "known"},
            "edits": self.store.path_edits(stored.learner_id) if profile.mode == "self-directed" else [],
            "status": self._topic_progress(statuses, self.mastery() if mastery is None else mastery),
        }

    def _topic_progress(self, statuses: dict[str, str], mastery: dict[str, Level]) -> dict[str, TopicStatus]:
        """What the learner marked, plus mastery: a proficient topic is done; one studied is in progress."""
        progress: dict[str, TopicStatus] = {}
        for topic, level in mastery.items():
            if level in ("proficient", "mastered"):
                progress[topic] = "done"
            elif level != "not-started":
                progress[topic] = "in-progress"
        for topic, status in statuses.items():
            if status in ("in-progress", "done"):
                progress[topic] = status  # type: ignore[assignment]
        return progress

    def path(self, mastery: dict[str, Level] | None = None) -> LearningPath:
        """The learner's path; `mastery` saves computing it again when the caller already has it."""
        return build_path(self.catalog, **self._path_inputs(mastery))

    def edit_path(self, edit: PathEdit) -> LearningPath:
        """Add, remove or move a topic (self-directed mode); prerequisites stay enforced."""
        stored = self.profile()
        if stored.profile.mode != "self-directed":
            raise InputError("path edits are for self-directed mode: run `offhours profile mode self-directed`")
        inputs = self._path_inputs()
        current = build_path(self.catalog, **inputs)
        del inputs["status"]
        try:
            validate_edit(self.catalog, current, edit, **inputs)
        except PathEditError as exc:
            raise InputError(str(exc)) from None
        self.store.add_path_edit(stored.learner_id, edit, now=self.now())
        return self.path()

    def reset_path(self) -> int:
        return self.store.clear_path_edits(self._learner_id())

    def stack(self, path: LearningPath | None = None) -> list[StackEntry]:
        """The stack for the path (computed here unless the caller already has it)."""
        stored = self.profile()
        slots = stored.profile.availability.slots
        total = sum(s.minutes * len(s.days) for s in slots) or 1
        dead = sum(s.minutes * len(s.days) for s in slots if s.context in ("commute", "lunch"))
        return build_stack(self.catalog, (path or self.path()).slugs(), style=stored.profile.style,
                           dead_time_share=dead / total, choices=self.store.stack_choices(stored.learner_id))

    def choose_in_stack(self, action: ChoiceAction, resource: str | None,
                        topic: str | None = None) -> StackEntry | None:
        """swap (a topic's primary, to RESOURCE or the next alternate), pin or ban a resource."""
        learner_id = self._learner_id()
        if resource is not None and resource not in self.catalog.resources:
            raise NotFoundError(f"unknown resource {resource!r}; see `offhours resources`")
        if action == "swap":
            assert topic is not None
            entry = next((e for e in self.stack() if e.topic == topic), None)
            if entry is None:
                self._topic(topic)
                raise InputError(f"{topic} is not on your path")
            if resource is None:
                if not entry.alternates:
                    raise InputError(f"{topic} has no alternate resource to swap to")
                resource = entry.alternates[0].id
            elif topic not in self.catalog.resources[resource].topics:
                raise InputError(f"{resource} does not cover {topic}; see `offhours resources --topic {topic}`")
            self.store.add_stack_choice(learner_id, StackChoice("swap", resource, topic), now=self.now())
            return next(e for e in self.stack() if e.topic == topic)
        assert resource is not None
        self.store.add_stack_choice(learner_id, StackChoice(action, resource), now=self.now())
        return None

    def reset_stack(self) -> int:
        return self.store.clear_stack_choices(self._learner_id())

    # ---- learning style ---------------------------------------------------------------------------------------

    def style_from_answers(self, answers: list[int]) -> Style:
        """Score the style quiz (option indexes, one per question) without saving it."""
        try:
            return score_style(self.catalog.style_questions, answers)
        except ValueError as exc:
            raise InputError(str(exc)) from None

    def save_style(self, answers: list[int]) -> Style:
        style = self.style_from_answers(answers)
        self._profile = None
        self.store.update_learner(self._learner_id(), now=self.now(), style=style)
        return style

    # ---- the work calendar ------------------------------------------------------------------------------------

    def import_calendar(self, path: Path) -> CalendarSummary:
        """Replace the stored work calendar with a .ics file (validated first; a bad file changes nothing)."""
        learner_id = self._learner_id()
        name, content = _read_calendar_file(path)
        self.store.save_calendar(learner_id, name=name, content=content, now=self.now())
        summary = self.calendar_summary()
        assert summary is not None
        return summary

    def calendar_busy(self, start: datetime, end: datetime) -> CalendarBusy | None:
        """Busy time in a window. The expansion is cached in the database for a long span, so a replan
        does not parse the .ics again (parsing a busy export takes most of a second)."""
        from offhours.integrations.ics import CalendarBusy, busy_between, parse_calendar

        learner_id = self._learner_id()
        stored = self.store.load_calendar(learner_id)
        if stored is None:
            return None
        timezone = self.profile().profile.timezone
        tz = ZoneInfo(timezone)
        cache = stored.expanded
        if (cache and cache.get("timezone") == timezone and stored.expanded_from and stored.expanded_to
                and stored.expanded_from <= start and end <= stored.expanded_to):
            return CalendarBusy.from_json(cache).within(start, end, tz)
        span_start = min(start, self.now() - timedelta(days=7))
        span_end = max(end, self.now() + timedelta(days=CALENDAR_CACHE_DAYS))
        calendar = parse_calendar(stored.content.encode("utf-8"), source=stored.name)
        busy = busy_between(calendar, span_start, span_end, tz)
        self.store.cache_calendar(learner_id, {**busy.to_json(), "timezone": timezone}, span_start, span_end)
        return busy.within(start, end, tz)

    def calendar_summary(self) -> CalendarSummary | None:
        stored = self.store.load_calendar(self._learner_id())
        if stored is None:
            return None
        now = self.now()
        soon = self.calendar_busy(now, now + timedelta(days=28))
        later = self.calendar_busy(now, now + timedelta(days=90))
        assert soon is not None and later is not None
        return CalendarSummary(stored.name, stored.imported_at, len(soon.events), tuple(sorted(later.days_off)),
                               later.unreadable)

    def clear_calendar(self) -> bool:
        return self.store.clear_calendar(self._learner_id())

    # ---- the plan and the day (see coach_plan.py) --------------------------------------------------------------

    def plan(self, weeks: int | None = None) -> PlanView:
        return coach_plan.plan(self, weeks)

    def today_blocks(self) -> tuple[list[Block], list[Block]]:
        return coach_plan.today_blocks(self)

    def mark_block(self, block_id: str, status: str) -> Block:
        return coach_plan.mark_block(self, block_id, status)

    def log_study(self, topic: str, minutes: int, day: date | None = None, note: str | None = None) -> None:
        coach_plan.log_study(self, topic, minutes, day, note)

    def suggest(self, minutes: int, where: str = "desk") -> list[Suggestion]:
        return coach_plan.suggest(self, minutes, where)

    def plan_week(self, day: date | None = None) -> WeekView:
        """The week containing `day` as a calendar: blocks, busy time, free slots; milestones (read-only)."""
        return coach_plan.week(self, day)

    def feed_token(self, *, renew: bool = False) -> str:
        """The secret token of the learner's subscribable calendar feed (made on first use; renew revokes)."""
        learner_id = self._learner_id()
        token = self.store.feed_token(learner_id)
        if token is None or renew:
            token = secrets.token_urlsafe(24)
            self.store.set_feed_token(learner_id, token)
        return token

    def plan_feed(self, token: str) -> bytes:
        """The plan as .ics for calendar apps that subscribe to /calendar.ics?token=..."""
        learner_id = self.store.learner_by_feed_token(token) if token else None
        stored = self.store.load_profile(learner_id) if learner_id is not None else None
        if stored is None:
            raise NotFoundError("unknown calendar feed")
        return self._plan_ics(stored, days_back=14)[1]

    def _plan_ics(self, stored: StoredProfile, *, days_back: int) -> tuple[int, bytes]:
        """(number of events, .ics bytes) of the plan from `days_back` days ago on."""
        from offhours.integrations.ics_export import plan_to_ics

        tz = ZoneInfo(stored.profile.timezone)
        since = self.now().astimezone(tz).date() - timedelta(days=days_back)
        chosen = [(b, seq) for b, seq in self.store.load_blocks(stored.learner_id)
                  if b.status in ("planned", "done", "skipped") and b.start.astimezone(tz).date() >= since]
        return len(chosen), plan_to_ics(chosen, self.catalog, now=self.now(), name=f"offhours: {stored.profile.name}")

    def export_plan(self, path: Path) -> int:
        """Write the plan from today on as .ics; returns the number of events."""
        count, data = self._plan_ics(self.profile(), days_back=0)
        if not count:
            raise InputError("there is no plan to export yet: run `offhours plan` first")
        _write_atomically(path, data.decode("utf-8"))
        return count

    # ---- flashcards (see coach_cards.py) ----------------------------------------------------------------------

    def due_cards(self, limit: int | None = None, *, preview: bool = False) -> list[CardView]:
        return coach_cards.due_cards(self, limit, preview=preview)

    def rate_card(self, card_id: str, rating: str, duration_ms: int | None = None) -> datetime:
        return coach_cards.rate_card(self, card_id, rating, duration_ms)

    def undo_review(self) -> str:
        return coach_cards.undo_review(self)

    def add_card(self, front: str, back: str, topic: str | None = None) -> str:
        return coach_cards.add_card(self, front, back, topic)

    def card_stats(self) -> CardStats:
        return coach_cards.card_stats(self)

    def quiz_items(self, topic: str, count: int = 5) -> list[QuizItem]:
        return coach_cards.quiz_items(self, topic, count)

    def record_quiz(self, answers: list[tuple[QuizItem, bool]], context: str = "quiz") -> None:
        coach_cards.record_quiz(self, answers, context)

    def mastery(self) -> dict[str, Level]:
        return coach_cards.mastery(self)

    def set_retention(self, retention: float) -> None:
        coach_cards.set_retention(self, retention)

    def optimise_memory_model(self) -> list[float]:
        return coach_cards.optimise(self)

    def start_placement(self, max_questions: int = 20) -> Placement:
        return coach_cards.start_placement(self, max_questions)

    def placement_item(self, topic: str, asked: set[str]) -> QuizItem:
        return coach_cards.placement_item(self, topic, asked)

    def finish_placement(self, placement: Placement, answers: list[tuple[QuizItem, bool]]) -> list[str]:
        return coach_cards.finish_placement(self, placement, answers)

    def export_cards(self, path: Path, *, every_card: bool = False) -> int:
        return coach_cards.export_cards(self, path, every_card=every_card)

    def import_cards(self, path: Path) -> tuple[int, int, int]:
        return coach_cards.import_cards(self, path)

    # ---- exercises (see coach_practice.py) ----------------------------------------------------------------------

    def exercises(self, topic: str | None = None) -> list[ExerciseStatus]:
        return coach_practice.list_exercises(self, topic)

    def start_exercise(self, slug: str, folder: Path | None = None, *, notebook: bool = False) -> Path:
        return coach_practice.start(self, slug, folder, notebook=notebook)

    def test_exercise(self, slug: str, path: Path | None = None) -> RunResult:
        return coach_practice.test(self, slug, path)

    def submit_exercise(self, slug: str, path: Path | None = None) -> tuple[RunResult, str | None]:
        return coach_practice.submit(self, slug, path)

    def exercise_hint(self, slug: str) -> tuple[int, int, str]:
        return coach_practice.hint(self, slug)

    def exercise_solution(self, slug: str, *, give_up: bool = False) -> str:
        return coach_practice.solution(self, slug, give_up=give_up)

    def projects(self) -> list[tuple[Project, str]]:
        return coach_practice.list_projects(self)

    def start_project(self, slug: str, folder: Path | None = None) -> Path:
        return coach_practice.start_project(self, slug, folder)

    def check_project(self, slug: str, folder: Path | None = None) -> RunResult:
        return coach_practice.check_project(self, slug, folder)

    def exercise_detail(self, slug: str) -> ExerciseDetail:
        return coach_practice.exercise_detail(self, slug)

    def submit_exercise_code(self, slug: str, code: str) -> tuple[RunResult, str | None]:
        return coach_practice.submit_code(self, slug, code)

    def exercise_hint_number(self, slug: str, number: int) -> tuple[int, int, str]:
        return coach_practice.hint_number(self, slug, number)

    def project_detail(self, slug: str) -> ProjectDetail:
        return coach_practice.project_detail(self, slug)

    # ---- progress and the journal (see coach_progress.py) --------------------------------------------------------

    def progress(self) -> Progress:
        return coach_progress.progress(self)

    def knowledge_map(self) -> KnowledgeMap:
        return coach_progress.knowledge_map(self)

    def add_journal(self, text: str, topic: str | None = None, tags: list[str] | None = None) -> int:
        return coach_progress.add_journal(self, text, topic, tags)

    def journal(self, topic: str | None = None, tag: str | None = None) -> list[dict[str, Any]]:
        return coach_progress.journal_entries(self, topic, tag)

    def export_journal(self, folder: Path) -> int:
        return coach_progress.export_journal(self, folder)

    def start_timer(self, topic: str | None = None) -> str:
        return coach_progress.start_timer(self, topic)

    def stop_timer(self, note: str | None = None) -> tuple[str, int]:
        return coach_progress.stop_timer(self, note)

    def journal_to_card(self, entry_id: int, front: str | None = None) -> str:
        return coach_progress.journal_to_card(self, entry_id, front)

    def write_charts(self, folder: Path) -> list[Path]:
        return coach_report.write_charts(self, folder)

    def write_report(self, out: Path, period: str = "week") -> Path:
        return coach_report.write_report(self, out, period)

    def add_contact(self, name: str, kind: str = "contact", note: str | None = None, met_on: date | None = None,
                    follow_up: date | None = None) -> int:
        return coach_progress.add_contact(self, name, kind, note, met_on, follow_up)

    def contacts(self) -> list[dict[str, Any]]:
        return self.store.contacts(self._learner_id())

    def follow_ups_due(self) -> list[dict[str, Any]]:
        return coach_progress.follow_ups_due(self)

    def clear_follow_up(self, contact_id: int) -> None:
        if not self.store.clear_follow_up(self._learner_id(), contact_id):
            raise NotFoundError(f"no contact {contact_id}; see `offhours network list`")

    def mentor_agenda(self) -> str:
        return coach_progress.mentor_agenda(self)

    def celebrate(self, progress: Progress | None = None) -> Celebration:
        """Award newly earned achievements and rewards (each once) and return them."""
        return coach_progress.celebrate(self, progress)

    def achievements(self) -> dict[str, datetime]:
        return self.store.achievements(self._learner_id())

    def add_reward(self, text: str, when: str) -> int:
        return coach_progress.add_reward(self, text, when)

    def rewards(self) -> list[dict[str, Any]]:
        return self.store.rewards(self._learner_id())

    # ---- export / import --------------------------------------------------------------------------------------

    def export(self, path: Path) -> TransferSummary:
        doc = transfer.export_document(self.store, now=self.now(), app_version=__version__)
        _write_atomically(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return TransferSummary(path, {name: len(rows) for name, rows in doc["tables"].items()})

    def import_(self, path: Path, *, dry_run: bool = False, replace: bool = False) -> TransferSummary:
        """Validate the whole file, then replace all data in one transaction (or, dry run, change nothing)."""
        source = str(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("file not found", where=source) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg}", where=f"{source}:{exc.lineno}:{exc.colno}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read: {exc}", where=source) from None
        rows = transfer.validate_document(doc, source=source)
        if self.has_learner() and not replace and not dry_run:
            raise InputError("this home already has data; pass --force to replace all of it with the file")
        self._profile = None
        transfer.import_rows(self.store, rows, source=source, dry_run=dry_run)
        return TransferSummary(path, {name: len(r) for name, r in rows.items()})


def _read_calendar_file(path: Path) -> tuple[str, str]:
    """(file name, text) of a .ics file that parses; InputError naming the file otherwise."""
    from offhours.integrations.ics import parse_calendar  # icalendar loads only when a calendar is read

    try:
        data = path.expanduser().read_bytes()
    except FileNotFoundError:
        raise InputError("calendar file not found", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read calendar: {exc}", where=str(path)) from None
    parse_calendar(data, source=str(path))
    try:
        return path.name, data.decode("utf-8")
    except UnicodeDecodeError:
        return path.name, data.decode("latin-1")  # old Outlook exports; the parser accepted the bytes


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a crash never leaves half a file."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise InputError("folder does not exist", where=str(path.parent))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
