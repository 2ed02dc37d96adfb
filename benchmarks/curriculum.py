"""Time content loading and the path and stack computations (median of repeated runs)."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable

from offhours.catalog import load_catalog
from offhours.domain.path import build_path
from offhours.domain.stack import build_stack
from offhours.profile import DOMAINS, GOAL_KINDS


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    load = median_ms(load_catalog, 10)
    catalog = load_catalog()
    print(f"catalog: {len(catalog.topics)} topics, {len(catalog.resources)} resources; "
          f"load + validate {load:.1f} ms (target < 300 ms)")
    worst = 0.0
    for kind, domain in itertools.product(GOAL_KINDS, [None, *DOMAINS]):
        def both(kind: str = kind, domain: str | None = domain) -> None:
            path = build_path(catalog, goal_kinds=[kind], domain=domain)
            build_stack(catalog, path.slugs(), style=None, dead_time_share=0.3)

        worst = max(worst, median_ms(both, 5))
    print(f"path + stack, worst of {len(GOAL_KINDS) * (len(DOMAINS) + 1)} goal/domain pairs: "
          f"{worst:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
