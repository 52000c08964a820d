"""Train the link model (engine/align/verify.py) from the gold sets.

Each link the aligner makes (with verification off) on a development gold set
is a training example: its sixteen features (``verify.link_features``) and
whether the gold holds it (half or more of the sentence pairs it joins are
gold pairs). The model is a logistic regression on standardised features with
a small L2 penalty, fitted by Newton's method in numpy: sixteen weights are
easy to read, fast to apply and need no dependency at run time.

Development data: the seed gold, the invented development stories
(tests/data/gold/dev) and, when present beside the repository, the
real-coverage development sets (../shared/corpus/gold/dev). Reported: ROC AUC
of the raw link score and of the model (leave-one-set-out on development),
then, never fitted on, the same on the test sets, and how the kept links
hold at the confident level.

Usage (from the repository root):

    .venv/bin/python -m tools.train_link_model [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.evaluate import GoldStandard, _map_sentences
from newsdiff_gui.engine.align.records import AlignConfig
from newsdiff_gui.engine.align.verify import CONFIDENT, FEATURE_NAMES, measure_links
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.store.atomic import write_text_atomic
from tools.gold_sets import ROOT, gold_sets, held_share, real_gold_sets

MODEL_PATH = ROOT / "newsdiff_gui" / "engine" / "align" / "data" / "link_model.json"
PENALTY = 1.0  # L2 on standardised weights


def examples(
    sets: list[tuple[str, GoldStandard, list]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 = the gold holds the link) and set names."""
    rows, labels, names = [], [], []
    for name, gold, files in sets:
        config = AlignConfig(verify_links=False, recover_links=False)
        alignment = align(load_article_set(files), config)
        mapping = _map_sentences(gold, alignment)
        for link, features in measure_links(alignment):
            share = held_share(gold, mapping, link)
            if share is None:
                continue
            rows.append(features)
            labels.append(1.0 if share >= 0.5 else 0.0)
            names.append(name)
    return np.array(rows), np.array(labels), np.array(names)


def fit(x: np.ndarray, y: np.ndarray) -> dict[str, list[float] | float]:
    """Standardised L2 logistic regression by Newton's method."""
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], PENALTY)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {
        "means": means.tolist(),
        "scales": scales.tolist(),
        "coefficients": w[1:].tolist(),
        "intercept": float(w[0]),
    }


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["means"])) / np.array(model["scales"])
    return 1 / (1 + np.exp(-(z @ np.array(model["coefficients"]) + model["intercept"])))


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by ranks (ties count half)."""
    positive, negative = scores[labels == 1], scores[labels == 0]
    if not len(positive) or not len(negative):
        return float("nan")
    greater = (positive[:, None] > negative[None, :]).sum()
    equal = (positive[:, None] == negative[None, :]).sum()
    return float((greater + 0.5 * equal) / (len(positive) * len(negative)))


def report(label: str, probability: np.ndarray, raw: np.ndarray, y: np.ndarray) -> str:
    kept = probability >= CONFIDENT
    high = probability >= 0.9
    return (
        f"{label:<22} links {len(y):4d}  held {y.mean():.3f}  AUC raw {auc(raw, y):.3f}"
        f" model {auc(probability, y):.3f}  kept {kept.mean():.2f} holding {y[kept].mean():.3f}"
        f"  wrong links removed {int(((~kept) & (y == 0)).sum())}/{int((y == 0).sum())}"
        f"  right lost {int(((~kept) & (y == 1)).sum())}/{int((y == 1).sum())}"
        f"  >=0.9 hold {y[high].mean() if high.any() else float('nan'):.3f} ({int(high.sum())})"
        f"  Brier {np.mean((probability - y) ** 2):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    args = parser.parse_args()
    dev = gold_sets("dev") + real_gold_sets("dev")
    x, y, names = examples(dev)
    held_out = np.zeros(len(y))
    for name in sorted(set(names)):
        mask = names == name
        held_out[mask] = predict(fit(x[~mask], y[~mask]), x[mask])
    print(report("dev, leave-one-set-out", held_out, x[:, 0], y))
    model = fit(x, y)
    for group, sets in (
        ("test (invented)", gold_sets("test")),
        ("test (real, sealed)", real_gold_sets("test")),
    ):
        if sets:
            xt, yt, _ = examples(sets)
            print(report(group, predict(model, xt), xt[:, 0], yt))
    print_weights(FEATURE_NAMES, model)
    if args.write:
        write_model(MODEL_PATH, FEATURE_NAMES, model, names, "tools/train_link_model.py")


def print_weights(features: tuple[str, ...], model: dict) -> None:  # type: ignore[type-arg]
    """The model's weights, largest first (on standardised features, so comparable)."""
    for name, weight in sorted(
        zip(features, model["coefficients"], strict=True), key=lambda item: -abs(item[1])
    ):
        print(f"  {name:<17} {weight:+.3f}")


def write_model(
    path: Path,
    features: tuple[str, ...],
    model: dict,  # type: ignore[type-arg]
    names: np.ndarray,
    tool: str,
) -> None:
    """Write a fitted model where ``LogisticModel.read`` finds it, with what it was fitted on."""
    payload = {
        "features": list(features),
        **model,
        "trained_on": sorted(set(names.tolist())),
        "examples": len(names),
        "method": f"L2 logistic regression on standardised features, {tool}",
    }
    write_text_atomic(path, json.dumps(payload, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
