"""Fit the score calibration on the gold sets, and check it where it was not fitted.

Why: a link's score and ``newsdiff pairs``' score promise a confidence in
[0, 1]. This takes every cross-version pair of content sentences of the seed
gold and the development gold sets (tests/data/gold/dev), scores it as
``newsdiff pairs`` would (term weights from the set), and fits a logistic
curve of "the gold links this pair" on the raw score by Newton's method. It
then reports the Brier score and the expected calibration error (ten bins) of
that curve and of the one in use on the development and the test sets
(tests/data/gold/test, never fitted on). Copy the printed slope and centre into
``CALIBRATION_SLOPE`` / ``CALIBRATION_CENTRE`` in engine/similarity.py.

Usage (from the repository root):

    .venv/bin/python tools/calibrate_scores.py
"""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdiff_gui.engine import similarity  # noqa: E402
from newsdiff_gui.engine.evaluate import GoldStandard  # noqa: E402
from newsdiff_gui.engine.features import sentence_features  # noqa: E402
from newsdiff_gui.engine.similarity import TermWeights, passage_similarity  # noqa: E402
from newsdiff_gui.engine.vectors import VectorTable  # noqa: E402

SEEDS_GOLD = ROOT.parent / "shared" / "gold" / "seeds-alignment.json"
GOLD_SETS = ROOT / "tests" / "data" / "gold"

Sample = tuple[float, bool]


def gold_sets(group: str) -> list[tuple[GoldStandard, Path]]:
    sets = []
    if group == "dev" and SEEDS_GOLD.exists():
        sets.append((GoldStandard.read(SEEDS_GOLD), ROOT / "seeds"))
    for path in sorted((GOLD_SETS / group).glob("*/gold.json")):
        sets.append((GoldStandard.read(path), path.parent))
    return sets


def samples(group: str) -> list[Sample]:
    table = VectorTable.load()
    found: list[Sample] = []
    for gold, folder in gold_sets(group):
        texts = {name: (folder / name).read_text(encoding="utf-8") for name in gold.files}
        features = {}
        for sentence_id in gold.content:
            name, start, end = gold.spans[sentence_id]
            features[sentence_id] = sentence_features(texts[name][start:end])
        weights = TermWeights(features.values())
        weighed = {key: weights.weigh(value) for key, value in features.items()}
        for a, b in itertools.combinations(gold.content, 2):
            if gold.spans[a][0] == gold.spans[b][0]:
                continue
            linked = (a, b) in gold.pairs or (b, a) in gold.pairs
            found.append((passage_similarity(weighed[a], weighed[b], table), linked))
    return found


def fit(data: list[Sample]) -> tuple[float, float]:
    """Slope and centre of the logistic curve that best explains the links."""
    a, b = 10.0, -3.8
    for _ in range(100):
        ga = gb = haa = hab = hbb = 0.0
        for score, linked in data:
            p = 1 / (1 + math.exp(-(a * score + b)))
            ga += (p - linked) * score
            gb += p - linked
            w = p * (1 - p)
            haa, hab, hbb = haa + w * score * score, hab + w * score, hbb + w
        det = haa * hbb - hab * hab
        a, b = a - (hbb * ga - hab * gb) / det, b - (haa * gb - hab * ga) / det
    return a, -b / a


def report(name: str, data: list[Sample], slope: float, centre: float) -> str:
    def probability(score: float) -> float:
        return 1 / (1 + math.exp(-slope * (score - centre)))

    brier = sum((probability(s) - y) ** 2 for s, y in data) / len(data)
    bins: dict[int, list[Sample]] = {}
    for score, linked in data:
        bins.setdefault(min(9, int(probability(score) * 10)), []).append((score, linked))
    ece = sum(
        abs(sum(probability(s) for s, _ in b) - sum(y for _, y in b)) for b in bins.values()
    ) / len(data)
    return f"{name:<28} Brier {brier:.4f}  calibration error {ece:.4f}"


def main() -> None:
    dev, test = samples("dev"), samples("test")
    slope, centre = fit(dev)
    print(f"fitted on {len(dev)} pairs ({sum(y for _, y in dev)} linked):")
    print(f"  CALIBRATION_SLOPE = {slope:.1f}\n  CALIBRATION_CENTRE = {centre:.3f}")
    in_use = (similarity.CALIBRATION_SLOPE, similarity.CALIBRATION_CENTRE)
    for label, data in (("development", dev), ("test", test)):
        if data:
            print(report(f"{label}, fitted curve", data, slope, centre))
            print(report(f"{label}, curve in use", data, *in_use))
            print(report(f"{label}, old slope 10 at 0.38", data, 10.0, 0.38))


if __name__ == "__main__":
    main()
