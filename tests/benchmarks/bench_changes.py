"""Change reading and profiling speed on the seeds (run by hand, not a pytest test).

Target (issue 5): changes for the seeds in 100 ms or less, warm.
"""

from __future__ import annotations

import time

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes, read_set_changes
from newsdiff_gui.engine.changes.profile import profile_versions
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files


def best_of(repeats: int, work) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    alignment = align(load_article_set(seed_files()))
    read_changes(alignment)  # warm
    first_pairs = best_of(5, lambda: read_changes(alignment))
    documents = alignment.documents
    every = [(a, b) for i, a in enumerate(documents) for b in documents[i + 1 :]]
    all_pairs = best_of(5, lambda: read_changes(alignment, every, include_intact=True))
    profiles = best_of(5, lambda: profile_versions(alignment))
    set_wide = best_of(5, lambda: read_set_changes(alignment))
    print(f"changes, each version against the first (4 pairs): {first_pairs * 1000:6.1f} ms")
    print(f"changes, all 10 pairs with intact quotes:         {all_pairs * 1000:6.1f} ms")
    print(f"profiles of the 5 versions:                       {profiles * 1000:6.1f} ms")
    print(f"set-wide added/omitted:                           {set_wide * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
