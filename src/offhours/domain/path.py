"""The learner's path: which topics, in what order, grouped into milestones.

The path is computed, never stored: goal kinds and the domain track give the targets, the prerequisite
graph fills in what they need, topics the learner already knows are skipped, and in self-directed mode the
learner's own edits (add, remove, move) are replayed on top. So content edits and profile changes flow
through, and the edits survive as long as they still make sense.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from offhours.catalog import Catalog

TopicStatus = Literal["todo", "in-progress", "done"]
EditAction = Literal["add", "remove", "move"]


@dataclass(frozen=True)
class PathEdit:
    action: EditAction
    topic: str
    anchor: str | None = None  # for moves: the topic to stand before or after
    placement: Literal["before", "after"] | None = None


@dataclass(frozen=True)
class PathTopic:
    slug: str
    title: str
    area: str
    hours: float
    milestone: int
    status: TopicStatus


@dataclass(frozen=True)
class PathMilestone:
    index: int
    title: str
    topics: tuple[str, ...]
    hours: float
    remaining_hours: float


@dataclass(frozen=True)
class LearningPath:
    topics: tuple[PathTopic, ...]
    milestones: tuple[PathMilestone, ...]
    skipped: tuple[str, ...]  # known topics left out
    ignored_edits: tuple[tuple[PathEdit, str], ...]  # edits that do not fit (any more), with the reason

    @property
    def total_hours(self) -> float:
        return sum(t.hours for t in self.topics)

    @property
    def remaining_hours(self) -> float:
        return sum(t.hours for t in self.topics if t.status != "done")

    def slugs(self) -> list[str]:
        return [t.slug for t in self.topics]


class PathEditError(ValueError):
    """An edit that would break the prerequisite order; the message says which topics are in the way."""


def prerequisite_closure(catalog: Catalog, targets: Iterable[str], known: frozenset[str] = frozenset()) -> set[str]:
    """Targets plus everything they need; a known topic's own prerequisites are not followed."""
    seen: set[str] = set()
    stack = list(targets)
    while stack:
        slug = stack.pop()
        if slug in seen:
            continue
        seen.add(slug)
        if slug not in known:
            stack.extend(catalog.topics[slug].prerequisites)
    return seen


def goal_targets(catalog: Catalog, goal_kinds: Sequence[str], domain: str | None) -> list[str]:
    targets: list[str] = []
    for kind in goal_kinds:
        targets.extend(catalog.goal_kinds[kind].targets)
    if domain and domain in catalog.tracks:
        targets.extend(catalog.tracks[domain].topics)
    return list(dict.fromkeys(targets))


def _milestone_of(catalog: Catalog, primary_kind: str, domain: str | None) -> tuple[list[str], dict[str, int]]:
    """Milestone titles and, per area, the milestone it belongs to (the "domain" placeholder → the track)."""
    titles: list[str] = []
    by_area: dict[str, int] = {}
    for template in catalog.goal_kinds[primary_kind].milestones:
        areas = [area for a in template.areas if (area := domain if a == "domain" else a)]
        if not areas:
            continue
        titles.append(template.title)
        for area in areas:
            by_area.setdefault(area, len(titles) - 1)
    return titles, by_area


def _order(catalog: Catalog, members: set[str], milestone: dict[str, int]) -> list[str]:
    """A topological order that keeps milestones together, then areas in teaching order, then file order."""
    area_rank = {slug: i for i, slug in enumerate(catalog.areas)}
    file_rank = {slug: i for i, slug in enumerate(catalog.topics)}

    def key(slug: str) -> tuple[int, int, int]:
        return milestone[slug], area_rank[catalog.topics[slug].area], file_rank[slug]

    waiting = {s: sum(1 for p in catalog.topics[s].prerequisites if p in members) for s in members}
    ready = [(key(s), s) for s, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, slug = heapq.heappop(ready)
        order.append(slug)
        for dependent in catalog.dependents.get(slug, ()):
            if dependent in waiting:
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    heapq.heappush(ready, (key(dependent), dependent))
    return order


def check_order(catalog: Catalog, order: Sequence[str]) -> str | None:
    """None when every topic comes after its prerequisites on the path, else what is out of place."""
    position = {slug: i for i, slug in enumerate(order)}
    for slug in order:
        for prereq in catalog.topics[slug].prerequisites:
            if prereq in position and position[prereq] > position[slug]:
                return f"{slug} would come before its prerequisite {prereq}"
    return None


def _apply_edit(catalog: Catalog, edit: PathEdit, targets: list[str], removed: set[str],
                known: frozenset[str], order: list[str] | None) -> list[str] | None:
    """Apply one edit to (targets, removed) or to the order; raise PathEditError if it does not fit."""
    if edit.topic not in catalog.topics:
        raise PathEditError(f"unknown topic {edit.topic!r}")
    if edit.action == "add":
        removed.discard(edit.topic)
        if edit.topic not in targets:
            targets.append(edit.topic)
        return order
    if edit.action == "remove":
        needed_by = [t for t in prerequisite_closure(catalog, [x for x in targets if x not in removed | {edit.topic}],
                                                     known)
                     if edit.topic in catalog.topics[t].prerequisites]
        if needed_by:
            raise PathEditError(f"{edit.topic} is a prerequisite of {', '.join(sorted(needed_by)[:3])} on your path")
        removed.add(edit.topic)
        return order
    assert order is not None and edit.anchor is not None
    if edit.topic not in order or edit.anchor not in order:
        missing = edit.topic if edit.topic not in order else edit.anchor
        raise PathEditError(f"{missing} is not on your path")
    moved = [s for s in order if s != edit.topic]
    at = moved.index(edit.anchor) + (1 if edit.placement == "after" else 0)
    moved.insert(at, edit.topic)
    if problem := check_order(catalog, moved):
        raise PathEditError(problem)
    return moved


def build_path(
    catalog: Catalog,
    *,
    goal_kinds: Sequence[str],
    domain: str | None,
    known: Iterable[str] = (),
    status: dict[str, TopicStatus] | None = None,
    edits: Sequence[PathEdit] = (),
) -> LearningPath:
    """The ordered path for these goals. Edits that no longer fit are reported, not applied."""
    known_set = frozenset(known)
    status = status or {}
    targets = goal_targets(catalog, goal_kinds, domain)
    removed: set[str] = set()
    ignored: list[tuple[PathEdit, str]] = []
    for edit in (e for e in edits if e.action != "move"):
        try:
            _apply_edit(catalog, edit, targets, removed, known_set, None)
        except PathEditError as exc:
            ignored.append((edit, str(exc)))
    members = prerequisite_closure(catalog, [t for t in targets if t not in removed], known_set) - known_set
    titles, by_area = _milestone_of(catalog, goal_kinds[0], domain)
    fallback = len(titles) - 1
    milestone = {s: by_area.get(catalog.topics[s].area, fallback) for s in members}
    # A topic cannot be finished in a milestone before the ones holding its prerequisites: it moves later.
    for slug in _order(catalog, members, milestone):
        needs = [milestone[p] for p in catalog.topics[slug].prerequisites if p in milestone]
        milestone[slug] = max([milestone[slug], *needs])
    order = _order(catalog, members, milestone)
    for edit in (e for e in edits if e.action == "move"):
        try:
            new_order = _apply_edit(catalog, edit, targets, removed, known_set, order)
            assert new_order is not None
            order = new_order
            milestone[edit.topic] = milestone[edit.anchor or edit.topic]
        except PathEditError as exc:
            ignored.append((edit, str(exc)))
    topics = tuple(
        PathTopic(s, catalog.topics[s].title, catalog.topics[s].area, catalog.topics[s].hours, milestone[s],
                  status.get(s, "todo"))
        for s in order
    )
    milestones = []
    for index, title in enumerate(titles):
        in_it = [t for t in topics if t.milestone == index]
        if in_it:
            milestones.append(PathMilestone(index, title, tuple(t.slug for t in in_it),
                                            sum(t.hours for t in in_it),
                                            sum(t.hours for t in in_it if t.status != "done")))
    skipped = tuple(s for s in catalog.topics if s in known_set)
    return LearningPath(topics, tuple(milestones), skipped, tuple(ignored))


def validate_edit(catalog: Catalog, path: LearningPath, edit: PathEdit, *, goal_kinds: Sequence[str],
                  domain: str | None, known: Iterable[str], edits: Sequence[PathEdit]) -> LearningPath:
    """The path with one more edit, or PathEditError saying why the edit cannot be made."""
    if edit.topic not in catalog.topics:
        raise PathEditError(f"unknown topic {edit.topic!r}; see `offhours topics`")
    if edit.anchor is not None and edit.anchor not in catalog.topics:
        raise PathEditError(f"unknown topic {edit.anchor!r}; see `offhours topics`")
    on_path = set(path.slugs())
    if edit.action == "add" and edit.topic in on_path:
        raise PathEditError(f"{edit.topic} is already on your path")
    if edit.action in ("remove", "move") and edit.topic not in on_path:
        raise PathEditError(f"{edit.topic} is not on your path")
    if edit.action == "move" and edit.anchor not in on_path:
        raise PathEditError(f"{edit.anchor} is not on your path")
    new = build_path(catalog, goal_kinds=goal_kinds, domain=domain, known=known, edits=[*edits, edit])
    for ignored, reason in new.ignored_edits:
        if ignored is edit:
            raise PathEditError(reason)
    return new
