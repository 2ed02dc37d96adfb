"""The personal learning stack: for each topic on the path, one primary resource and ranked alternates.

Ranking blends what the learner prefers (learning style, free over paid), what suits the topic (level, a
sensible amount of time for the topic's hours) and what suits their week (dead-time resources when much of
their study time is commute or lunch), then keeps the mix of formats varied. The learner's own choices
(swap, pin, ban) always win and survive replans because they are replayed, not stored as a result.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from offhours.catalog import Catalog, Resource, Topic
from offhours.profile import Style

ChoiceAction = Literal["swap", "pin", "ban"]

# How strongly each format serves each preference (rows sum to 1).
FORMAT_STYLE: dict[str, dict[str, float]] = {
    "video": {"visual": 0.7, "auditory": 0.3},
    "audio": {"auditory": 1.0},
    "reading": {"reading": 1.0},
    "book": {"reading": 1.0},
    "interactive": {"kinesthetic": 0.6, "visual": 0.4},
    "course": {"visual": 0.4, "auditory": 0.2, "kinesthetic": 0.4},
    "project": {"kinesthetic": 1.0},
    "community": {"reading": 0.5, "kinesthetic": 0.5},
}
COST_BONUS = {"free": 0.3, "freemium": 0.2, "paid": 0.0}
LEVELS = ("beginner", "intermediate", "advanced")
# Podcasts, practice projects and forums support a topic; the primary resource must teach it.
SUPPORTING = {"audio", "project", "community"}
ON_THE_GO = {"audio", "video", "course"}  # listen or watch on a phone, no keyboard


@dataclass(frozen=True)
class StackChoice:
    action: ChoiceAction
    resource: str
    topic: str | None = None  # swaps name the topic; pins and bans apply everywhere


@dataclass(frozen=True)
class StackEntry:
    topic: str
    primary: Resource | None
    alternates: tuple[Resource, ...]
    reason: str
    on_the_go: Resource | None = None  # best to listen to or watch on a commute
    on_the_phone: Resource | None = None  # best short, phone-friendly resource for a lunch break
    practice: Resource | None = None  # best hands-on project or practice site


def style_fit(resource: Resource, style: Style | None) -> float:
    """0..1: how well the resource's format matches the learner's stated preferences."""
    if style is None:
        return 0.5
    prefs: dict[str, float] = style.model_dump()
    total = sum(prefs.values()) or 1.0
    return sum(weight * prefs[s] / total for s, weight in FORMAT_STYLE[resource.format].items())


def score(resource: Resource, topic: Topic, style: Style | None, dead_time_share: float) -> float:
    level_gap = abs(LEVELS.index(resource.level) - LEVELS.index(topic.level))
    minutes_here = resource.minutes / len(resource.topics)  # its time spread over what it covers
    time_ratio = max(minutes_here, 1) / (topic.hours * 60)
    return (
        2.0 * style_fit(resource, style)
        + COST_BONUS[resource.cost]
        + (0.3, 0.1, -0.2)[level_gap]
        - min(0.6, 0.15 * abs(math.log2(time_ratio)))
        + (0.4 * dead_time_share if resource.suits_dead_time else 0.0)
        + focus(resource)
    )


def focus(resource: Resource) -> float:
    """Focused resources teach a topic; sweeping ones (a podcast, a practice site) support many."""
    n = len(resource.topics)
    return 0.3 if n <= 3 else 0.15 if n <= 8 else 0.0 if n <= 15 else -0.2


def explain(resource: Resource, style: Style | None) -> str:
    parts: list[str] = [resource.format, resource.cost, resource.level]
    if style is not None and style_fit(resource, style) >= 0.35:
        parts.append("fits your style")
    if resource.suits_dead_time:
        parts.append("works on the go")
    return ", ".join(parts)


def build_stack(
    catalog: Catalog,
    topics: Sequence[str],
    *,
    style: Style | None,
    dead_time_share: float,
    choices: Sequence[StackChoice] = (),
    alternates: int = 3,
) -> list[StackEntry]:
    """One entry per topic, in path order. Later choices override earlier ones."""
    banned = {c.resource for c in choices if c.action == "ban"}
    pinned = [c.resource for c in choices if c.action == "pin" and c.resource not in banned]
    swapped = {c.topic: c.resource for c in choices if c.action == "swap" and c.resource not in banned}
    used: Counter[str] = Counter()
    entries = []
    for slug in topics:
        topic = catalog.topics[slug]
        candidates = [r for r in catalog.resources_for(slug) if r.id not in banned]
        ranked = sorted(candidates, key=lambda r: (-score(r, topic, style, dead_time_share), r.id))
        primary: Resource | None = None
        reason = ""
        if slug in swapped and swapped[slug] in catalog.resources and any(r.id == swapped[slug] for r in ranked):
            primary, reason = catalog.resources[swapped[slug]], "your choice"
        elif pin := next((p for p in reversed(pinned) if any(r.id == p for r in ranked)), None):
            primary, reason = catalog.resources[pin], "pinned by you"
        else:
            teachable = [r for r in ranked if r.format not in SUPPORTING] or ranked
            if teachable:
                primary = _most_varied(teachable, topic, style, dead_time_share, used)
                reason = "best fit: " + explain(primary, style)
        if primary is not None:
            used[primary.format] += 1
        others = [r for r in ranked if primary is None or r.id != primary.id]
        on_the_go = next((r for r in ranked if r.suits_dead_time and r.format in ON_THE_GO), None)
        on_the_phone = next((r for r in ranked if r.phone_friendly and r.session_minutes <= 30
                             and r.format not in ("project", "community")), None)
        practice = next((r for r in others if r.format == "project"), None)
        entries.append(StackEntry(slug, primary, tuple(others[:alternates]), reason or "no resource left (all banned)",
                                  on_the_go, on_the_phone, practice))
    return entries


def _most_varied(candidates: list[Resource], topic: Topic, style: Style | None, dead_time_share: float,
                 used: Counter[str]) -> Resource:
    """The best candidate once formats that already lead many topics lose a little (keeps the mix varied)."""
    seen = sum(used.values()) or 1
    best, best_score = candidates[0], -math.inf
    for resource in candidates:  # candidates come ranked, so ties keep the better-ranked one
        value = score(resource, topic, style, dead_time_share) - 0.3 * used[resource.format] / seen
        if value > best_score:
            best, best_score = resource, value
    return best
