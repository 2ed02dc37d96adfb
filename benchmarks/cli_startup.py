"""Wall time of real `offhours` commands, each in a fresh process, on a temporary home."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [["--help"], ["demo", "--force"], ["profile", "show", "--json"], ["path", "--json"],
            ["stack", "--json"], ["topics", "--json"]]


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "OFFHOURS_HOME": home}
        for args in COMMANDS:
            times = []
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "offhours", *args], env=env, check=True,
                               stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            print(f"offhours {' '.join(args):<24} {statistics.median(times) * 1000:7.0f} ms  (target < 1500 ms)")


if __name__ == "__main__":
    main()
