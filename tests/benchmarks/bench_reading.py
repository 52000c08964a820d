"""Warm time of engine/reading on the seeds (run by hand: python tests/benchmarks/bench_reading.py).

Target: at most 100 ms for read_changes (default pairs) + profile_versions.
"""

from __future__ import annotations

import time
from pathlib import Path

from newsdiff_gui.engine.align import align
from newsdiff_gui.engine.load import load_article_set
from newsdiff_gui.engine.reading import profile_versions, read_changes


def main() -> None:
    seeds = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
    alignment = align(load_article_set([str(p) for p in seeds]))
    read_changes(alignment)  # warm up
    timings = {}
    for name, work in {
        "read_changes": lambda: read_changes(alignment, include_intact=True),
        "changes+profile": lambda: profile_versions(alignment),
    }.items():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            work()
            runs.append((time.perf_counter() - start) * 1000)
        timings[name] = min(runs)
    for name, ms in timings.items():
        print(f"{name:<16} {ms:7.1f} ms (best of 5, warm)")


if __name__ == "__main__":
    main()
