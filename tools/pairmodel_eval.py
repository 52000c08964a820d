"""Score the shipped pair model (numpy runtime) on the development or the sealed pairs.

Why: the figures in MODEL_CARD.md must come from what ships (int8 weights,
numpy forward pass, calibration), not from the float32 model in training.
By default this reads the development splits (MSRP dev, STS-B train news
dev); ``--sealed`` reads the hold-outs (20 % of MSRP train, STS-B dev news),
which no choice was made on: run it once, at the end, and report both.

Prints, per set: MSRP accuracy / F1 at probability 0.5 and at the threshold
with the best F1 on MSRP dev, Brier score, a reliability table (predicted vs
observed share of paraphrases per probability bin), STS Pearson r, the mean
probability per STS score band (what "same fact" means for partial overlap),
and a word-Jaccard baseline with its threshold tuned on MSRP train.

Usage (from the repository root): python -m tools.pairmodel_eval [--sealed] [--speed]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from pathlib import Path

import numpy as np

from newsdiff_gui.engine.pairmodel import PairScorer
from tools.pair_data import DEFAULT_TRAINING_DIR, Pair, load_splits

ROOT = Path(__file__).resolve().parents[1]


BINS = [0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001]
STS_BANDS = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5.01)]


def binary(prob: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float]:
    """(accuracy, F1) in percent."""
    yes = prob >= threshold
    tp = float(np.sum(yes & (labels == 1)))
    f1 = 2 * tp / max(1.0, float(yes.sum() + (labels == 1).sum()))
    return 100 * float(np.mean(yes == (labels == 1))), 100 * f1


def best_f1_threshold(prob: np.ndarray, labels: np.ndarray) -> float:
    grid = np.arange(0.05, 0.96, 0.01)
    return float(grid[int(np.argmax([binary(prob, labels, t)[1] for t in grid]))])


def reliability(prob: np.ndarray, labels: np.ndarray) -> list[str]:
    rows = []
    for low, high in itertools.pairwise(BINS):
        inside = (prob >= low) & (prob < high)
        if inside.any():
            rows.append(
                f"    {low:.1f}-{min(high, 1.0):.1f}: n={int(inside.sum()):4d}  "
                f"predicted {prob[inside].mean():.2f}  observed {labels[inside].mean():.2f}"
            )
    return rows


def expected_calibration_error(prob: np.ndarray, labels: np.ndarray) -> float:
    edges = np.linspace(0, 1.0001, 11)
    total = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (prob >= low) & (prob < high)
        if inside.any():
            total += inside.sum() * abs(prob[inside].mean() - labels[inside].mean())
    return total / len(prob)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def jaccard(pairs: list[Pair]) -> np.ndarray:
    out = []
    for pair in pairs:
        a, b = _words(pair.first), _words(pair.second)
        out.append(len(a & b) / max(1, len(a | b)))
    return np.array(out)


def report_msrp(name: str, pairs: list[Pair], prob: np.ndarray, dev_threshold: float) -> None:
    labels = np.array([p.label for p in pairs], dtype=float)
    acc, f1 = binary(prob, labels, 0.5)
    acc_t, f1_t = binary(prob, labels, dev_threshold)
    brier = float(np.mean((prob - labels) ** 2))
    ece = expected_calibration_error(prob, labels)
    print(f"{name} ({len(pairs)} pairs, {labels.mean():.0%} paraphrases)")
    print(f"  at p >= 0.50: accuracy {acc:.1f} %, F1 {f1:.1f}")
    print(
        f"  at p >= {dev_threshold:.2f} (best F1 on MSRP dev): "
        f"accuracy {acc_t:.1f} %, F1 {f1_t:.1f}"
    )
    print(f"  Brier {brier:.3f}, expected calibration error {ece:.3f}; reliability:")
    print("\n".join(reliability(prob, labels)))


def report_sts(name: str, pairs: list[Pair], similarity: np.ndarray, prob: np.ndarray) -> None:
    gold = np.array([p.score for p in pairs], dtype=float)
    r = float(np.corrcoef(similarity, gold)[0, 1])
    print(f"{name} ({len(pairs)} pairs): Pearson r {r:.3f}")
    print("  mean same-fact probability by STS gold band:")
    for low, high in STS_BANDS:
        inside = (gold >= low) & (gold < high)
        if inside.any():
            band = f"{low}-{min(high, 5)}"
            print(f"    {band}: n={int(inside.sum()):3d}  p {prob[inside].mean():.2f}")


def report_jaccard(splits_train: list[Pair], msrp: list[Pair], sts: list[Pair]) -> None:
    train_scores = jaccard(splits_train)
    labels = np.array([p.label for p in splits_train], dtype=float)
    grid = np.arange(0.05, 0.95, 0.01)
    threshold = float(grid[int(np.argmax([binary(train_scores, labels, t)[0] for t in grid]))])
    acc, f1 = binary(jaccard(msrp), np.array([p.label for p in msrp], dtype=float), threshold)
    gold = np.array([p.score for p in sts], dtype=float)
    r = float(np.corrcoef(jaccard(sts), gold)[0, 1])
    print(
        f"baseline word-Jaccard (threshold {threshold:.2f} tuned on MSRP train): "
        f"accuracy {acc:.1f} %, F1 {f1:.1f}; STS Pearson r {r:.3f}"
    )


def speed(scorer: PairScorer, pairs: list[Pair]) -> None:
    sample = [(p.first, p.second) for p in pairs[:256]]
    scorer.score(sample[:8])  # load the weights first
    for batch in (64, 16):
        started = time.perf_counter()
        scorer.score(sample, batch_size=batch)
        elapsed = time.perf_counter() - started
        print(f"speed: {len(sample) / elapsed:.0f} pairs/s in batches of {batch}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training-dir", type=Path, default=DEFAULT_TRAINING_DIR)
    parser.add_argument("--sealed", action="store_true", help="score the sealed hold-outs")
    parser.add_argument("--speed", action="store_true", help="also measure pairs per second")
    args = parser.parse_args()
    if not (args.training_dir / "msrp-train.tsv").exists():
        sys.exit(f"no training data in {args.training_dir}")
    splits = load_splits(args.training_dir)
    scorer = PairScorer.load()

    def predict(pairs: list[Pair]) -> tuple[np.ndarray, np.ndarray]:
        scores = scorer.predict([(p.first, p.second) for p in pairs])
        return scores.same_fact, scores.similarity

    dev_prob, _ = predict(splits.msrp_dev)
    dev_labels = np.array([p.label for p in splits.msrp_dev], dtype=float)
    threshold = best_f1_threshold(dev_prob, dev_labels)
    msrp, sts = (
        (splits.msrp_heldout, splits.sts_heldout)
        if args.sealed
        else (splits.msrp_dev, splits.sts_dev)
    )
    which = "sealed hold-out" if args.sealed else "development"
    prob = dev_prob if msrp is splits.msrp_dev else predict(msrp)[0]
    report_msrp(f"MSRP {which}", msrp, prob, threshold)
    sts_prob, sts_similarity = predict(sts)
    report_sts(f"STS-B news {which}", sts, sts_similarity, sts_prob)
    report_jaccard(splits.msrp_train, msrp, sts)
    if args.speed:
        speed(scorer, msrp)


if __name__ == "__main__":
    main()
