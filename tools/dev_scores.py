"""Alignment quality on every gold set we have, in one table.

Why: the seed gold alone is five files of one story; rules shaped on it can
fit it. tests/data/gold/ holds invented stories in other domains, annotated
by reading before any aligner saw them: dev/ (looked at while working on the
method, with the seeds) and test/ (only scored, to tell whether what helped
on dev/ helps in general). For each set this prints the full-set
pair P/R/F1, the weakest version pair with at least three gold links, the
added/omitted F1, and precision/recall pooled over every subset of two or
more files (readers often open just two).

Usage (from the repository root):

    .venv/bin/python -m tools.dev_scores [--no-subsets] [--test]
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.evaluate import PRF, GoldStandard, _map_sentences, evaluate
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Alignment
from tools.gold_sets import gold_holds, gold_sets, link_gold_pairs, real_gold_sets

ROOT = Path(__file__).resolve().parents[1]


def subset_scores(gold: GoldStandard, files: list[Path]) -> PRF:
    tp = predicted = wanted = 0
    for size in range(2, len(files) + 1):
        for combo in itertools.combinations(files, size):
            names = {path.name for path in combo}
            scores = evaluate(gold, align(load_article_set(list(combo))))
            present = {p for p in gold.pairs if {gold.spans[s][0] for s in p} <= names}
            # Per-pair counts already hold only the pairs among present files.
            tp += sum(prf.tp for prf in scores.per_pair.values())
            predicted += scores.pairs.predicted
            wanted += len(present)
    return PRF(tp, predicted, wanted)


def confident_links(gold: GoldStandard, alignment: Alignment, floor: float) -> tuple[float, int]:
    """Share of the sentence pairs of links scored >= ``floor`` that the gold holds, and
    how many links that is: the promise "a link scored 0.9 holds nine times in ten"."""
    mapping = _map_sentences(gold, alignment)
    held = total = links = 0
    for link in alignment.links:
        if link.score < floor:
            continue
        pairs = link_gold_pairs(mapping, link)
        if pairs:
            links += 1
            total += len(pairs)
            held += gold_holds(gold, pairs)
    return (held / total if total else 1.0), links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-subsets", action="store_true", help="full sets only (faster)")
    parser.add_argument(
        "--test", action="store_true", help="score the test sets (not the development sets)"
    )
    parser.add_argument(
        "--real",
        action="store_true",
        help=(
            "also score the real-coverage gold sets beside the repository"
            " (../shared/corpus/gold or ../real-gold)"
        ),
    )
    args = parser.parse_args()
    header = f"{'set':<36} {'P':>6} {'R':>6} {'F1':>6} {'worst pair':>11} {'add/om':>7}"
    header += f" {'held@0.9':>9}"
    if not args.no_subsets:
        header += f" {'subsets P':>10} {'R':>6} {'F1':>6}"
    print(header)
    pooled = [0, 0, 0]
    started = time.perf_counter()
    group = "test" if args.test else "dev"
    sets = gold_sets(group) + (real_gold_sets(group) if args.real else [])
    for name, gold, files in sets:
        alignment = align(load_article_set(files))
        scores = evaluate(gold, alignment)
        held, confident = confident_links(gold, alignment, 0.9)
        big = [prf.f1 for prf in scores.per_pair.values() if prf.gold >= 3]
        pairs = scores.pairs
        pooled = [pooled[0] + pairs.tp, pooled[1] + pairs.predicted, pooled[2] + pairs.gold]
        line = (
            f"{name:<36} {pairs.precision:6.3f} {pairs.recall:6.3f} {pairs.f1:6.3f}"
            f" {min(big, default=1.0):11.3f} {scores.unmatched.f1:7.3f}"
            f" {held:6.3f}/{confident:<3d}"
        )
        if not args.no_subsets:
            sub = subset_scores(gold, files)
            line += f" {sub.precision:10.3f} {sub.recall:6.3f} {sub.f1:6.3f}"
        print(line)
    total = PRF(*pooled)
    print(
        f"{'pooled':<36} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f}"
        f"   ({time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
