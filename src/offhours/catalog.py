"""Load and validate the curriculum content (data under ``offhours/content``) into immutable models.

This is the one place that reads content files. Every problem found is reported with the file and the
entry it sits in, so a content author can fix it without guessing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Literal, TypeVar
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from offhours.errors import InputError

Level = Literal["beginner", "intermediate", "advanced"]
Format = Literal["video", "audio", "reading", "interactive", "course", "book", "project", "community"]
Cost = Literal["free", "freemium", "paid"]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


M = TypeVar("M", bound=_Model)


class Area(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3)
    kind: Literal["core", "domain"]


class Topic(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3)
    area: str
    level: Level
    hours: float = Field(gt=0, le=60)
    prerequisites: tuple[str, ...] = ()
    summary: str = Field(min_length=40)
    outcomes: tuple[str, ...] = Field(min_length=2, max_length=5)

    @field_validator("outcomes")
    @classmethod
    def _outcomes_start_with_you_can(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for outcome in value:
            if not outcome.lower().startswith("you can "):
                raise ValueError(f"outcome must start with 'You can': {outcome!r}")
        return value


class Resource(_Model):
    id: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=2)
    provider: str = Field(min_length=2)
    url: str
    format: Format
    cost: Cost
    minutes: int = Field(gt=0, le=20000, description="total time to work through it")
    session_minutes: int = Field(gt=0, le=240, description="a typical sitting: one episode, chapter, lesson")
    level: Level
    topics: tuple[str, ...] = Field(min_length=1)
    audio_only: bool = False
    phone_friendly: bool = False
    note: str = ""

    @field_validator("url")
    @classmethod
    def _https_url(cls, value: str) -> str:
        parsed = urlparse(value)
        if parsed.scheme != "https" or not parsed.netloc or " " in value:
            raise ValueError(f"url must be a well-formed https:// address, got {value!r}")
        return value

    @property
    def suits_dead_time(self) -> bool:
        """Usable without a keyboard in a short gap: audio, or phone-friendly and short."""
        return self.audio_only or (self.phone_friendly and self.session_minutes <= 25)


class Track(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str
    summary: str = Field(min_length=40)
    topics: tuple[str, ...] = Field(min_length=3)


class MilestoneTemplate(_Model):
    title: str
    areas: tuple[str, ...] = Field(min_length=1)


class GoalKind(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str
    summary: str
    targets: tuple[str, ...] = Field(min_length=1, description="topics the goal must reach")
    milestones: tuple[MilestoneTemplate, ...] = Field(min_length=3, max_length=6)


class StyleOption(_Model):
    text: str
    style: Literal["visual", "auditory", "reading", "kinesthetic"]


class StyleQuestion(_Model):
    id: str = Field(pattern=SLUG_PATTERN)
    prompt: str
    options: tuple[StyleOption, ...] = Field(min_length=4, max_length=4)


CLOZE = re.compile(r"\{\{c(\d+)::(.+?)(?:::(.+?))?\}\}")


class Card(_Model):
    """A flashcard. Basic: front/back. Cloze: `text` with {{c1::hidden}} deletions (Anki syntax).
    Math is LaTeX between $...$ (rendered with KaTeX on the web, as plain text in the terminal)."""

    id: str = Field(pattern=SLUG_PATTERN)
    topic: str
    type: Literal["basic", "cloze"]
    front: str = ""
    back: str = ""
    text: str = ""
    extra: str = ""
    source: str = Field(description="where the fact was checked (https URL)")

    @model_validator(mode="after")
    def _shape(self) -> Card:
        if self.type == "basic" and (not self.front or not self.back or self.text):
            raise ValueError("a basic card needs front and back (and no text)")
        if self.type == "cloze" and (not self.text or self.front or self.back or not CLOZE.search(self.text)):
            raise ValueError("a cloze card needs text with at least one {{c1::...}} (and no front/back)")
        for field_text in (self.front, self.back, self.text, self.extra):
            if field_text.count("$") % 2:
                raise ValueError("unbalanced $ in a math expression")
        if not self.source.startswith("https://"):
            raise ValueError("source must be an https URL where the fact can be checked")
        return self


class QuizItem(_Model):
    id: str = Field(pattern=SLUG_PATTERN)
    topic: str
    kind: Literal["choice", "numeric", "formula"]
    prompt: str = Field(min_length=10)
    choices: tuple[str, ...] = ()
    answer: int | float | str
    tolerance: float = 0.0
    accept: tuple[str, ...] = ()  # formula: other accepted spellings
    explanation: str = Field(min_length=20)
    difficulty: int = Field(ge=1, le=3)

    @model_validator(mode="after")
    def _shape(self) -> QuizItem:
        if self.kind == "choice":
            if not 3 <= len(self.choices) <= 5 or len(set(self.choices)) != len(self.choices):
                raise ValueError("a choice item needs 3-5 distinct choices")
            if not isinstance(self.answer, int) or isinstance(self.answer, bool) or \
                    not 0 <= self.answer < len(self.choices):
                raise ValueError("answer must be the 0-based index of the right choice")
        elif self.kind == "numeric":
            if isinstance(self.answer, str | bool) or self.choices or self.tolerance < 0:
                raise ValueError("a numeric item needs a number answer, a tolerance >= 0 and no choices")
        elif not isinstance(self.answer, str) or self.choices:
            raise ValueError("a formula item needs a text answer and no choices")
        return self


class ExerciseMeta(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3)
    topics: tuple[str, ...] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=10)
    minutes: int = Field(ge=5, le=240)
    requires: tuple[str, ...] = ()  # importable modules the tests need (numpy, pandas, sklearn)
    timeout: float = Field(10.0, gt=0, le=60)


@dataclass(frozen=True)
class Exercise:
    """A coding exercise folder: the task, a starter, hidden tests, a reference solution, hints."""

    meta: ExerciseMeta
    readme: str
    starter: str
    solution: str
    tests: str
    hints: tuple[str, ...]
    support: dict[str, bytes] = field(default_factory=dict)  # data files the code may read

    @property
    def slug(self) -> str:
        return self.meta.slug


EXERCISE_FILES = ("meta.toml", "README.md", "starter.py", "solution.py", "test_exercise.py", "hints.md")


def _content_folders(root: Traversable, kind: str, required: Sequence[str], model: type[M],
                     problems: list[str]) -> Iterator[tuple[Traversable, M]]:
    """Each content folder of a kind (exercises, projects) that has its files and a valid meta.toml."""
    folder = root / kind
    if not folder.is_dir():
        return
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.is_dir() or item.name.startswith(("_", ".")):
            continue  # a leading underscore marks work in progress
        where = f"content/{kind}/{item.name}"
        missing = [n for n in required if not (item / n).is_file() and not (item / n).is_dir()]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        try:
            meta = model.model_validate(tomllib.loads((item / "meta.toml").read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            problems.append(f"{where}/meta.toml: {str(exc).splitlines()[0]}")
            continue
        if getattr(meta, "slug", None) != item.name:
            problems.append(f"{where}/meta.toml: slug must equal the folder name {item.name!r}")
        yield item, meta


def _read_exercises(root: Traversable, problems: list[str]) -> dict[str, Exercise]:
    found: dict[str, Exercise] = {}
    for item, meta in _content_folders(root, "exercises", EXERCISE_FILES, ExerciseMeta, problems):
        where = f"content/exercises/{item.name}"
        hints = tuple(h.strip() for h in (item / "hints.md").read_text(encoding="utf-8").split("\n---\n") if h.strip())
        if not 2 <= len(hints) <= 4:
            problems.append(f"{where}/hints.md: expected 2-4 hints separated by lines of ---, found {len(hints)}")
        support = {}
        data = item / "data"
        if data.is_dir():
            support = {f.name: f.read_bytes() for f in data.iterdir() if f.is_file()}
        text = {name: (item / name).read_text(encoding="utf-8") for name in EXERCISE_FILES[1:5]}
        found[meta.slug] = Exercise(meta, text["README.md"], text["starter.py"], text["solution.py"],
                                    text["test_exercise.py"], hints, support)
    return found


class ProjectMeta(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3)
    order: int = Field(ge=1, le=20, description="projects grow in complexity in this order")
    topics: tuple[str, ...] = Field(min_length=1)
    hours: float = Field(gt=0, le=80)
    requires: tuple[str, ...] = ()
    timeout: float = Field(120.0, gt=0, le=600)


@dataclass(frozen=True)
class Project:
    """A guided project: a brief with milestones and a rubric, starter files, and an automatic check."""

    meta: ProjectMeta
    brief: str
    check: str  # hidden tests run in the sandbox against the learner's project folder
    starter: dict[str, bytes]  # relative path -> content
    reference: dict[str, bytes]  # a reference implementation: must pass the check (content tests)

    @property
    def slug(self) -> str:
        return self.meta.slug


def _files_under(folder: Traversable, prefix: str = "") -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    if not folder.is_dir():
        return out
    for item in folder.iterdir():
        if item.name in ("__pycache__",):
            continue
        if item.is_dir():
            out.update(_files_under(item, f"{prefix}{item.name}/"))
        else:
            out[prefix + item.name] = item.read_bytes()
    return out


def _read_projects(root: Traversable, problems: list[str]) -> dict[str, Project]:
    found: dict[str, Project] = {}
    for item, meta in _content_folders(root, "projects", ("meta.toml", "BRIEF.md", "check.py", "starter", "reference"),
                                       ProjectMeta, problems):
        found[meta.slug] = Project(meta, (item / "BRIEF.md").read_text(encoding="utf-8"),
                                   (item / "check.py").read_text(encoding="utf-8"),
                                   _files_under(item / "starter"), _files_under(item / "reference"))
    return found


@dataclass(frozen=True)
class Catalog:
    areas: dict[str, Area]
    topics: dict[str, Topic]
    resources: dict[str, Resource]
    tracks: dict[str, Track]
    goal_kinds: dict[str, GoalKind]
    style_questions: tuple[StyleQuestion, ...]
    dependents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    root: Traversable | None = None  # where the practice content below is read from, on first use

    # Practice content is large (cards, quiz items, exercise and project files) and most commands never
    # touch it, so it loads on first use. Invalid content raises ContentError then; the tests load it all.
    @cached_property
    def cards(self) -> dict[str, Card]:
        return self._practice("cards")

    @cached_property
    def quiz_items(self) -> dict[str, QuizItem]:
        return self._practice("quiz_items")

    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        return self._practice("exercises")

    @cached_property
    def projects(self) -> dict[str, Project]:
        return self._practice("projects")

    def _practice(self, name: str) -> dict[str, Any]:
        problems: list[str] = []
        loaded: dict[str, Any] = _PRACTICE_LOADERS[name](self.root or _content_root(), problems)
        if problems:
            raise ContentError(problems)
        return loaded

    def resources_for(self, topic: str) -> list[Resource]:
        return [r for r in self.resources.values() if topic in r.topics]


class ContentError(InputError):
    """The shipped content is invalid; raised with every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} content problem(s): " + "; ".join(problems[:5]))


def _content_root() -> Traversable:
    return resources.files("offhours") / "content"


def _read_entries(root: Traversable, relative: str, key: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Yield (file, index, raw entry) for each ``[[key]]`` table in one file or every file of a folder."""
    node = root.joinpath(*relative.split("/"))
    if not node.is_dir() and not node.is_file():
        return
    files = sorted((f for f in node.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name) \
        if node.is_dir() else [node]
    for file in files:
        name = f"content/{relative}/{file.name}" if node.is_dir() else f"content/{relative}"
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ContentError([f"{name}: {exc}"]) from exc
        for index, entry in enumerate(data.get(key, [])):
            yield name, index, entry


def _parse(
    model: type[M], entries: Iterable[tuple[str, int, dict[str, Any]]], key: str, problems: list[str]
) -> list[M]:
    parsed: list[M] = []
    for name, index, raw in entries:
        label = raw.get("slug") or raw.get("id") or f"#{index + 1}"
        try:
            parsed.append(model.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"])
                problems.append(f"{name} [{key} {label}] {where}: {err['msg']}")
    return parsed


def _index(items: list[M], attr: str, what: str, problems: list[str]) -> dict[str, M]:
    out: dict[str, M] = {}
    for item in items:
        key = getattr(item, attr)
        if key in out:
            problems.append(f"duplicate {what} {key!r}")
        out[key] = item
    return out


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """Return one cycle in a prerequisite graph as a list of slugs, or None if it is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def _check_references(catalog: Catalog, problems: list[str]) -> None:
    topics = catalog.topics
    for topic in topics.values():
        if topic.area not in catalog.areas:
            problems.append(f"topic {topic.slug}: unknown area {topic.area!r}")
        for prereq in topic.prerequisites:
            if prereq not in topics:
                problems.append(f"topic {topic.slug}: unknown prerequisite {prereq!r}")
            if prereq == topic.slug:
                problems.append(f"topic {topic.slug}: lists itself as a prerequisite")
    for resource in catalog.resources.values():
        for slug in resource.topics:
            if slug not in topics:
                problems.append(f"resource {resource.id}: unknown topic {slug!r}")
    for track in catalog.tracks.values():
        if track.slug not in catalog.areas or catalog.areas[track.slug].kind != "domain":
            problems.append(f"track {track.slug}: no domain area of that slug")
        for slug in track.topics:
            if slug not in topics:
                problems.append(f"track {track.slug}: unknown topic {slug!r}")
    for kind in catalog.goal_kinds.values():
        for slug in kind.targets:
            if slug not in topics:
                problems.append(f"goal kind {kind.slug}: unknown target topic {slug!r}")
        for milestone in kind.milestones:
            for area in milestone.areas:
                if area not in catalog.areas and area != "domain":
                    problems.append(f"goal kind {kind.slug}: milestone {milestone.title!r} unknown area {area!r}")
    cycle = find_cycle({slug: t.prerequisites for slug, t in topics.items()})
    if cycle:
        problems.append("prerequisite cycle: " + " -> ".join(cycle))
    if "cards" not in catalog.__dict__:
        return  # practice content not loaded yet (lazy): it is checked when it loads, and by the tests
    for card in catalog.cards.values():
        if card.topic not in topics:
            problems.append(f"card {card.id}: unknown topic {card.topic!r}")
    for item in catalog.quiz_items.values():
        if item.topic not in topics:
            problems.append(f"quiz item {item.id}: unknown topic {item.topic!r}")
    practice: list[tuple[str, str, tuple[str, ...]]] = [
        *(("exercise", e.slug, e.meta.topics) for e in catalog.exercises.values()),
        *(("project", p.slug, p.meta.topics) for p in catalog.projects.values())]
    for kind_name, name, covered in practice:
        for slug in covered:
            if slug not in topics:
                problems.append(f"{kind_name} {name}: unknown topic {slug!r}")


def load_catalog(root: Traversable | None = None, *, eager: bool = True) -> Catalog:
    """Read and validate the content; raise ContentError listing problems. With eager=False the practice
    content (cards, quiz items, exercises, projects) is read when first used instead."""
    catalog, problems = check_catalog(root, eager=eager)
    if problems:
        raise ContentError(problems)
    return catalog


def check_catalog(root: Traversable | None = None, *, eager: bool = True) -> tuple[Catalog, list[str]]:
    """Build the catalog from whatever is valid and list every problem found on the way."""
    root = root or _content_root()
    problems: list[str] = []
    areas = _index(_parse(Area, _read_entries(root, "areas.toml", "areas"), "areas", problems),
                   "slug", "area", problems)
    topics = _index(_parse(Topic, _read_entries(root, "topics", "topics"), "topics", problems),
                    "slug", "topic", problems)
    resource_list = _parse(Resource, _read_entries(root, "resources", "resources"), "resources", problems)
    resources_by_id = _index(resource_list, "id", "resource", problems)
    seen_urls: dict[str, str] = {}
    for res in resource_list:
        if res.url in seen_urls and seen_urls[res.url] != res.id:
            problems.append(f"resources {seen_urls[res.url]} and {res.id} share the url {res.url}")
        seen_urls[res.url] = res.id
    tracks = _index(_parse(Track, _read_entries(root, "tracks.toml", "tracks"), "tracks", problems),
                    "slug", "track", problems)
    kinds = _index(_parse(GoalKind, _read_entries(root, "goals.toml", "goal_kinds"), "goal_kinds", problems),
                   "slug", "goal kind", problems)
    questions = tuple(_parse(StyleQuestion, _read_entries(root, "style_quiz.toml", "questions"),
                             "questions", problems))

    dependents: dict[str, list[str]] = {slug: [] for slug in topics}
    for topic in topics.values():
        for prereq in topic.prerequisites:
            dependents.setdefault(prereq, []).append(topic.slug)
    catalog = Catalog(areas, topics, resources_by_id, tracks, kinds, questions,
                      {k: tuple(v) for k, v in dependents.items()}, root)
    if eager:
        for name, loader in _PRACTICE_LOADERS.items():
            catalog.__dict__[name] = loader(root, problems)
    _check_references(catalog, problems)
    return catalog, problems


@cache
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process (practice content on first use)."""
    return load_catalog(eager=False)


def _load_cards(root: Traversable, problems: list[str]) -> dict[str, Any]:
    return _index(_parse(Card, _read_entries(root, "cards", "cards"), "cards", problems), "id", "card", problems)


def _load_quiz_items(root: Traversable, problems: list[str]) -> dict[str, Any]:
    return _index(_parse(QuizItem, _read_entries(root, "quizzes", "items"), "items", problems), "id", "quiz item",
                  problems)


_PRACTICE_LOADERS: dict[str, Any] = {
    "cards": _load_cards, "quiz_items": _load_quiz_items, "exercises": _read_exercises, "projects": _read_projects,
}


def coverage_problems(catalog: Catalog) -> list[str]:
    """Topics that lack at least two resources in at least two formats."""
    problems = []
    for slug in catalog.topics:
        found = catalog.resources_for(slug)
        formats = {r.format for r in found}
        if len(found) < 2 or len(formats) < 2:
            problems.append(f"topic {slug}: {len(found)} resource(s) in {len(formats)} format(s); need 2 in 2")
    return problems


if __name__ == "__main__":  # content authors: `python -m offhours.catalog` lists every problem
    cat, found = check_catalog()
    gaps = coverage_problems(cat)
    print("\n".join(found + gaps))
    print(f"{len(cat.topics)} topics, {len(cat.resources)} resources, {len(cat.tracks)} tracks, "
          f"{len(cat.goal_kinds)} goal kinds, {len(cat.style_questions)} style questions, "
          f"{len(cat.cards)} cards, {len(cat.quiz_items)} quiz items, {len(cat.exercises)} exercises, "
          f"{len(cat.projects)} projects; "
          f"{len(found)} problem(s), {len(gaps)} coverage gap(s)")
