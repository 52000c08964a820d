"""Fit the score calibrations on the gold sets, and check them where they were not fitted.

Why: ``newsdiff pairs``' score and a link's score promise a confidence in
[0, 1]. For pairs, this takes every cross-version pair of content sentences
of the seed gold and the development gold sets (tests/data/gold/dev), scores
it as ``newsdiff pairs`` would (term weights from the set), and fits a
logistic curve of "the gold links this pair" on the raw score by Newton's
method. For links, it aligns each set and fits "the gold holds this link's
sentence pairs" (the share of them it holds) on the link's raw score: a link
carries evidence its score does not (order, telling terms, a mutual best), so
it needs a curve of its own. It reports the Brier score and the expected
calibration error (ten bins) of each fitted curve and of the one in use, on
the development and the test sets (tests/data/gold/test, never fitted on).
Copy the printed constants into engine/align/similarity.py.

Usage (from the repository root):

    .venv/bin/python -m tools.calibrate_scores
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from newsdiff_gui.engine.align import aligner as align_module
from newsdiff_gui.engine.align import similarity
from newsdiff_gui.engine.align.evaluate import _map_sentences
from newsdiff_gui.engine.align.features import sentence_features
from newsdiff_gui.engine.align.similarity import TermWeights, passage_similarity
from newsdiff_gui.engine.align.vectors import VectorTable
from newsdiff_gui.engine.load.articles import load_article_set
from tools.gold_sets import gold_sets, held_share

ROOT = Path(__file__).resolve().parents[1]


Sample = tuple[float, float]  # raw score, how much of it the gold holds (0..1)


def samples(group: str) -> list[Sample]:
    table = VectorTable.load()
    found: list[Sample] = []
    for _name, gold, files in gold_sets(group):
        texts = {path.name: path.read_text(encoding="utf-8") for path in files}
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


def link_samples(group: str) -> list[Sample]:
    """The aligner's links, with their raw (uncalibrated) scores."""
    found: list[Sample] = []
    calibrated = align_module.calibrate_link
    align_module.calibrate_link = lambda raw: raw
    try:
        for _name, gold, files in gold_sets(group):
            alignment = align_module.align(load_article_set(files))
            mapping = _map_sentences(gold, alignment)
            for link in alignment.links:
                share = held_share(gold, mapping, link)
                if share is not None:
                    found.append((link.score, share))
    finally:
        align_module.calibrate_link = calibrated
    return found


def fit(data: list[Sample]) -> tuple[float, float]:
    """Slope and centre of the logistic curve that best explains the links."""
    a, b = 5.0, 0.0
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
    curves = (
        ("pairs", samples, ("CALIBRATION_SLOPE", "CALIBRATION_CENTRE")),
        ("links", link_samples, ("LINK_CALIBRATION_SLOPE", "LINK_CALIBRATION_CENTRE")),
    )
    for label, collect, names in curves:
        dev, test = collect("dev"), collect("test")
        slope, centre = fit(dev)
        print(f"{label}: fitted on {len(dev)} ({sum(y for _, y in dev):.0f} held by the gold)")
        print(f"  {names[0]} = {slope:.1f}\n  {names[1]} = {centre:.3f}")
        in_use = (getattr(similarity, names[0]), getattr(similarity, names[1]))
        for group, data in (("development", dev), ("test", test)):
            if data:
                print(report(f"  {group}, fitted curve", data, slope, centre))
                print(report(f"  {group}, curve in use", data, *in_use))
                print(report(f"  {group}, old slope 10 at 0.38", data, 10.0, 0.38))


if __name__ == "__main__":
    main()
