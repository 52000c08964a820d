"""Alignment speed and memory (run by hand: ``make bench``; not a pytest test).

Prints, for the five bundled seeds (warm) and for 10, 50 and 100 synthetic
versions of ~1,000 words each: wall time, peak Python memory (tracemalloc)
and peak RSS, then the growth exponent in the number of versions
(slope of log time against log N).
"""

from __future__ import annotations

import math
import resource
import time
import tracemalloc
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.paths import seed_files
from tests.support.synthetic import synthetic_set

ROOT = Path(__file__).resolve().parents[2]


def measure(article_set, repeats: int = 1) -> tuple[float, float]:
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        align(article_set)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    align(article_set)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 2**20


def main() -> None:
    seeds = load_article_set(seed_files())
    align(seeds)  # warm: vector table loaded, caches filled
    seconds, peak = measure(seeds, repeats=5)
    print(f"{'set':<28}{'time':>10}{'peak MB':>10}")
    print(f"{'5 seeds (warm)':<28}{seconds * 1000:>8.1f}ms{peak:>10.1f}")
    points = []
    for count in (10, 50, 100):
        versions = synthetic_set(count, words=1000, seed=count, spin=0.2, shuffle_paragraphs=True)
        article_set = documents_from_texts([(v.name, v.text) for v in versions])
        seconds, peak = measure(article_set)
        points.append((count, seconds))
        print(f"{f'{count} versions x ~1000 words':<28}{seconds:>9.2f}s{peak:>10.1f}")
    (n1, t1), (n2, t2) = points[0], points[-1]
    exponent = math.log(t2 / t1) / math.log(n2 / n1)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"growth exponent (10 -> 100 versions): N^{exponent:.2f}")
    print(f"peak RSS of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
