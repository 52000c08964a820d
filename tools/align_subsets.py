"""Alignment quality on every subset of the seed files, and on synthetic sets.

Why: readers often open two or three versions, not all five. Term weights,
the processing order and the story's template words all depend on which
files are open, so the full-set gold score says little about small sets.
This scores every subset of 2-5 seed files against the gold pairs among the
files present, lists the false pairs, and pools precision/recall over a fixed
draw of synthetic sets (tests/support/synthetic.py) with known truth.

Usage (from the repository root):

    .venv/bin/python -m tools.align_subsets GOLD.json [--files DIR] [--false] [--synthetic]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.evaluate import GoldStandard, _map_sentences
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files

ROOT = Path(__file__).resolve().parents[1]


def predicted_pairs(gold: GoldStandard, alignment) -> set[tuple[str, str]]:
    mapping = _map_sentences(gold, alignment)
    pairs = set()
    for unit in alignment.units:
        mapped = sorted(set().union(*(mapping.get(m, set()) for m in unit.members)))
        for a, b in itertools.combinations(mapped, 2):
            if gold.spans[a][0] != gold.spans[b][0]:
                pairs.add((a, b))
    return pairs


def gold_files(gold: GoldStandard, folder: str | None) -> list[Path]:
    """The files a gold names, from ``folder`` (the bundled seeds by default)."""
    if folder is None:
        return seed_files()
    return [Path(folder) / name for name in gold.files]


def subsets(
    gold_path: str,
    show_false: bool,
    smallest: int,
    dump: str | None = None,
    folder: str | None = None,
) -> None:
    gold = GoldStandard.read(gold_path)
    files = gold_files(gold, folder)
    texts = {}
    for path in files:
        texts[os.path.basename(path)] = Path(path).read_text(encoding="utf-8")
    total_tp = total_pred = total_gold = 0
    by_size: dict[int, list[int]] = {}
    false_pairs = []
    dumped: dict[str, list[list[str]]] = {}
    for size in range(smallest, len(files) + 1):
        for combo in itertools.combinations(files, size):
            names = {os.path.basename(p) for p in combo}
            alignment = align(load_article_set(list(combo)))
            predicted = predicted_pairs(gold, alignment)
            wanted = {p for p in gold.pairs if {gold.spans[s][0] for s in p} <= names}
            tp = len(predicted & wanted)
            total_tp += tp
            total_pred += len(predicted)
            total_gold += len(wanted)
            counts = by_size.setdefault(size, [0, 0, 0])
            counts[0] += tp
            counts[1] += len(predicted)
            counts[2] += len(wanted)
            label = "+".join(sorted(n[:3] for n in names))
            dumped[label] = sorted(map(list, predicted))
            for a, b in sorted(predicted - wanted):
                false_pairs.append((label, a, b))

    def prf(tp: int, pred: int, want: int) -> str:
        p = tp / pred if pred else 1.0
        r = tp / want if want else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{pred} predicted, {want} gold)"

    for size, (tp, pred, want) in sorted(by_size.items()):
        print(f"{size} files: {prf(tp, pred, want)}")
    print(f"all subsets: {prf(total_tp, total_pred, total_gold)}; false pairs {len(false_pairs)}")
    if dump:
        Path(dump).write_text(json.dumps(dumped, indent=0), encoding="utf-8")
    if show_false:
        raw = {}
        for path in files:
            raw[os.path.basename(path)] = texts[os.path.basename(path)]

        def text(gold_id: str) -> str:
            name, start, end = gold.spans[gold_id]
            return " ".join(raw[name][start:end].split())[:110]

        for label, a, b in false_pairs:
            print(f"  {label}: {a} {text(a)!r}\n      {b} {text(b)!r}")


def _synthetic_truth(versions) -> tuple[set, set]:
    from tests.support.synthetic import truth_and_prediction

    return truth_and_prediction(versions) or (set(), set())


def synthetic_sets() -> None:
    from tests.support.synthetic import synthetic_set

    rng = random.Random(20251122)
    families = {"mixed": [], "spun": []}
    for _ in range(40):
        families["mixed"].append(
            dict(
                versions=rng.randint(2, 6),
                seed=rng.randint(0, 10_000),
                drop=rng.uniform(0, 0.25),
                insert=rng.uniform(0, 0.15),
                split=rng.uniform(0, 0.12),
                fuse=rng.uniform(0, 0.12),
                shuffle_paragraphs=rng.random() < 0.5,
            )
        )
    for _ in range(20):
        families["spun"].append(
            dict(versions=3, seed=rng.randint(0, 10_000), drop=0.05, spin=rng.uniform(0, 0.6))
        )
    for _ in range(15):
        families.setdefault("two", []).append(
            dict(
                versions=2,
                seed=rng.randint(0, 10_000),
                drop=rng.uniform(0, 0.25),
                insert=rng.uniform(0.05, 0.3),
                spin=rng.uniform(0, 0.6),
                split=rng.uniform(0, 0.1),
                fuse=rng.uniform(0, 0.1),
            )
        )
    for _ in range(15):
        families.setdefault("short", []).append(
            dict(
                versions=rng.randint(8, 20),
                words=rng.randint(80, 200),
                seed=rng.randint(0, 10_000),
                drop=rng.uniform(0, 0.2),
                spin=rng.uniform(0, 0.6),
            )
        )
    for _ in range(15):
        families.setdefault("large", []).append(
            dict(
                versions=rng.randint(5, 12),
                words=1000,
                seed=rng.randint(0, 10_000),
                drop=rng.uniform(0, 0.2),
                spin=rng.uniform(0, 0.5),
                split=rng.uniform(0, 0.1),
                fuse=rng.uniform(0, 0.1),
                shuffle_paragraphs=True,
            )
        )
    for _ in range(15):
        families.setdefault("inserts", []).append(
            dict(
                versions=rng.randint(2, 6),
                seed=rng.randint(0, 10_000),
                drop=rng.uniform(0, 0.1),
                insert=rng.uniform(0.2, 0.4),
            )
        )
    overall = [0, 0, 0]
    for family, draws in families.items():
        tp = pred = want = 0
        for params in draws:
            versions = params.pop("versions")
            seed = params.pop("seed")
            words = params.pop("words", 400)
            generated = synthetic_set(versions, words=words, seed=seed, **params)
            truth, predicted = _synthetic_truth(generated)
            tp += len(truth & predicted)
            pred += len(predicted)
            want += len(truth)
        if family in ("mixed", "spun"):
            overall[0] += tp
            overall[1] += pred
            overall[2] += want
        print(f"synthetic {family} ({len(draws)}): P {tp / pred:.3f} R {tp / want:.3f}")
    tp, pred, want = overall
    print(f"synthetic mixed+spun (60): P {tp / pred:.4f} R {tp / want:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--false", action="store_true", help="list the false pairs")
    parser.add_argument("--synthetic", action="store_true", help="also score synthetic sets")
    parser.add_argument("--min", type=int, default=2, help="smallest subset size")
    parser.add_argument("--dump", help="write every subset's predicted pairs to this JSON file")
    parser.add_argument("--files", metavar="DIR", help="folder of the gold files")
    args = parser.parse_args()
    subsets(args.gold, args.false, args.min, args.dump, args.files)
    if args.synthetic:
        synthetic_sets()


if __name__ == "__main__":
    main()
