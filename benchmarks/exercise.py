"""Submit -> verdict for a typical NumPy exercise, through the real sandbox (median of 10).

    python benchmarks/exercise.py
"""

from __future__ import annotations

import statistics
import time

from offhours.catalog import default_catalog
from offhours.practice.sandbox import run_tests


def main() -> None:
    exercise = default_catalog().exercises["numpy-standardize-columns"]
    samples = []
    for _ in range(10):
        start = time.perf_counter()
        result = run_tests(exercise.solution, exercise.tests, timeout=exercise.meta.timeout)
        samples.append(time.perf_counter() - start)
        assert result.status == "pass", result
    print(f"submit -> verdict, numpy-standardize-columns: median {statistics.median(samples) * 1000:.0f} ms, "
          f"max {max(samples) * 1000:.0f} ms (target <= 1500 ms); isolation: {', '.join(result.isolation)}")


if __name__ == "__main__":
    main()
