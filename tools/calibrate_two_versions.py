"""Fit how far to trust the link model when only two versions are open.

Why: the link model (engine/align/verify.py) was fitted on links of whole
sets; with two versions open every link spans all the versions there are and
each word either uses once looks rare, and the model is overconfident: on
the development gold's two-version subsets, links it scored 0.7-0.9 held
half the time. This refits the probability on those links (Platt scaling:
``held ~ logistic(slope * logit(p) + intercept)``), prints the reliability
before and after on development and (never fitted on) test, and the pair
precision / recall of two-version subsets with the refitted score at 0.5.

Usage (from the repository root):

    .venv/bin/python -m tools.calibrate_two_versions
"""

from __future__ import annotations

import itertools

import numpy as np

from newsdiff_gui.engine.align import verify
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.evaluate import _map_sentences, evaluate
from newsdiff_gui.engine.align.records import AlignConfig
from newsdiff_gui.engine.load.articles import load_article_set
from tools.gold_sets import gold_sets, held_share, real_gold_sets

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def two_version_links(group: str) -> tuple[np.ndarray, np.ndarray]:
    """The link model's own probability (before the two-version refit) of every
    link made with two versions open, and whether the gold holds it."""
    model = verify.LinkModel.bundled()
    assert model is not None
    scores, held = [], []
    for _name, gold, files in gold_sets(group) + real_gold_sets(group):
        for pair in itertools.combinations(files, 2):
            config = AlignConfig(verify_links=False, recover_links=False)
            alignment = align(load_article_set(list(pair)), config)
            context = verify._SetContext(alignment)
            mapping = _map_sentences(gold, alignment)
            for link in alignment.links:
                share = held_share(gold, mapping, link)
                if share is not None:
                    scores.append(verify._probability(model, context, link))
                    held.append(1.0 if share >= 0.5 else 0.0)
    return np.array(scores), np.array(held)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def fit(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling by Newton's method: (slope, intercept) on logit(p)."""
    x = np.vstack([logit(p), np.ones(len(p))]).T
    w = np.array([1.0, 0.0])
    for _ in range(50):
        q = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (q - y)
        hessian = (x * (q * (1 - q))[:, None]).T @ x + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), float(w[1])


def reliability(label: str, p: np.ndarray, y: np.ndarray) -> None:
    cells = []
    for low, high in BANDS:
        mask = (p >= low) & (p < high)
        if mask.any():
            cells.append(f"{low:.1f}-{min(high, 1):.1f}: {y[mask].mean():.2f} of {int(mask.sum())}")
    print(f"  {label:<28} " + " | ".join(cells))


def subset_scores(group: str) -> str:
    tp = predicted = wanted = 0
    for _name, gold, files in gold_sets(group) + real_gold_sets(group):
        for pair in itertools.combinations(files, 2):
            names = {path.name for path in pair}
            scores = evaluate(gold, align(load_article_set(list(pair))))
            tp += sum(prf.tp for prf in scores.per_pair.values())
            predicted += scores.pairs.predicted
            wanted += sum(1 for p in gold.pairs if {gold.spans[s][0] for s in p} <= names)
    precision, recall = tp / max(1, predicted), tp / max(1, wanted)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def main() -> None:
    dev_p, dev_y = two_version_links("dev")
    slope, intercept = fit(dev_p, dev_y)
    print(
        f"two-version refit on {len(dev_y)} development links: slope {slope:.3f}, "
        f"intercept {intercept:.3f} (verify.TWO_VERSIONS)"
    )
    test_p, test_y = two_version_links("test")
    for label, p, y in (("development", dev_p, dev_y), ("test", test_p, test_y)):
        refit = 1 / (1 + np.exp(-(slope * logit(p) + intercept)))
        reliability(f"{label}, model as fitted", p, y)
        reliability(f"{label}, refitted", refit, y)
    for group in ("dev", "test"):
        print(f"  two-version subsets, {group}: {subset_scores(group)}")


if __name__ == "__main__":
    main()
