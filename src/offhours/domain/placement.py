"""Placement: an adaptive check that lets an experienced learner test out of topics quickly.

It walks the path like a binary search. A right answer on a topic credits it and everything it rests on;
a wrong answer rules out it and everything built on it. Each question therefore settles many topics,
and about twenty questions place a learner on a path of a hundred topics.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Placement:
    order: list[str]  # the path's topics that have quiz items, in path order
    prerequisites: Mapping[str, Sequence[str]]
    max_questions: int = 20  # about fifteen minutes; whatever is still open stays on the path
    known: set[str] = field(default_factory=set)
    not_known: set[str] = field(default_factory=set)
    asked: int = 0

    def undecided(self) -> list[str]:
        return [t for t in self.order if t not in self.known and t not in self.not_known]

    def _closure(self, topic: str, edges: Mapping[str, Sequence[str]], open_set: set[str]) -> int:
        seen: set[str] = set()
        stack = [topic]
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            stack.extend(edges.get(t, ()))
        return len(seen & open_set)

    def next_topic(self) -> str | None:
        """The open topic whose answer is expected to settle the most topics, right or wrong."""
        open_topics = self.undecided()
        if not open_topics or self.asked >= self.max_questions:
            return None
        open_set = set(open_topics)
        dependents: dict[str, list[str]] = {}
        for t in self.order:
            for p in self.prerequisites.get(t, ()):
                dependents.setdefault(p, []).append(t)
        return max(open_topics, key=lambda t: (
            self._closure(t, self.prerequisites, open_set) + self._closure(t, dependents, open_set),
            -self.order.index(t)))

    def answer(self, topic: str, correct: bool) -> None:
        self.asked += 1
        on_path = set(self.order)
        if correct:
            stack = [topic]
            while stack:
                t = stack.pop()
                if t in self.known:
                    continue
                if t in on_path:
                    self.known.add(t)
                stack.extend(self.prerequisites.get(t, ()))
        else:
            dependents: dict[str, list[str]] = {}
            for t in self.order:
                for p in self.prerequisites.get(t, ()):
                    dependents.setdefault(p, []).append(t)
            stack = [topic]
            while stack:
                t = stack.pop()
                if t in self.not_known or t in self.known:
                    continue
                self.not_known.add(t)
                stack.extend(dependents.get(t, ()))
