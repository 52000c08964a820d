"""Train the recovery model (engine/align/recovery.py) from the gold sets.

After the aligner and its link check, every (sentence, unit its version is
missing) pair the pass would weigh is a training example: its features
(``recovery.CANDIDATE_FEATURES``) and whether the gold pairs the sentence
with the unit's member it was measured against. The model is the same L2
logistic regression as the link model's (``tools.train_link_model.fit``).

Reported per group: ROC AUC of the candidates, then the pair precision,
recall and F1 of the whole alignment without the pass and with it at a few
confident levels. On development the pass runs with a model fitted without
the set it is scored on (leave-one-set-out); test sets are only scored, with
the model fitted on all development sets.

Usage (from the repository root):

    .venv/bin/python -m tools.train_recovery [--write] [--test]
"""

from __future__ import annotations

import argparse

import numpy as np

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.evaluate import PRF, GoldStandard, _map_sentences, evaluate
from newsdiff_gui.engine.align.logistic import LogisticModel
from newsdiff_gui.engine.align.records import AlignConfig
from newsdiff_gui.engine.align.recovery import (
    CANDIDATE_FEATURES,
    SetView,
    candidates,
    recover_links,
)
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Alignment
from tools.gold_sets import ROOT, gold_sets, real_gold_sets
from tools.train_link_model import auc, fit, predict, print_weights, write_model

MODEL_PATH = ROOT / "newsdiff_gui" / "engine" / "align" / "data" / "recovery_model.json"
LEVELS = (0.8, 0.9, 0.95, 1.01)


def examples(
    name: str, gold: GoldStandard, alignment: Alignment
) -> tuple[list[list[float]], list[float]]:
    """The pass's candidates on one set, labelled by the gold."""
    mapping = _map_sentences(gold, alignment)
    rows, labels = [], []
    for candidate in candidates(SetView(alignment)):
        pairs = [
            (x, y)
            for x in mapping.get(candidate.sentence, ())
            for y in mapping.get(candidate.member, ())
        ]
        held = any((x, y) in gold.pairs or (y, x) in gold.pairs for x, y in pairs)
        rows.append(candidate.features)
        labels.append(1.0 if held else 0.0)
    return rows, labels


def as_model(fitted: dict) -> LogisticModel:
    return LogisticModel(
        tuple(fitted["means"]),
        tuple(fitted["scales"]),
        tuple(fitted["coefficients"]),
        float(fitted["intercept"]),
    )


def pooled(scores: list[PRF]) -> str:
    total = PRF(
        sum(s.tp for s in scores), sum(s.predicted for s in scores), sum(s.gold for s in scores)
    )
    return f"P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}"


def score_group(label: str, sets: list, model_for) -> None:
    """Print AUC and pooled pair scores of ``sets`` with and without the pass."""
    before: list[PRF] = []
    after: dict[float, list[PRF]] = {level: [] for level in LEVELS}
    all_p, all_y = [], []
    per_set = []
    for name, gold, alignment, x, y in sets:
        model = model_for(name)
        if len(x):
            all_p.extend(predict(model, np.array(x)).tolist())
            all_y.extend(y)
        base = evaluate(gold, alignment).pairs
        before.append(base)
        line = f"  {name:<22} before F1 {base.f1:.3f} (P {base.precision:.3f} R {base.recall:.3f})"
        for level in LEVELS:
            result = evaluate(gold, recover_links(alignment, as_model(model), level)).pairs
            after[level].append(result)
            line += f" | {level}: {result.f1:.3f} ({result.precision:.2f}/{result.recall:.2f})"
        per_set.append(line)
    print(
        f"{label}: candidates {len(all_y)}, positive {int(sum(all_y))}, "
        f"AUC {auc(np.array(all_p), np.array(all_y)):.3f}"
    )
    print("\n".join(per_set))
    print(f"  pooled before: {pooled(before)}")
    for level in LEVELS:
        print(f"  pooled at {level}: {pooled(after[level])}")


def prepared(sets: list) -> list:
    out = []
    for name, gold, files in sets:
        alignment = align(load_article_set(files), AlignConfig(recover_links=False))
        x, y = examples(name, gold, alignment)
        out.append((name, gold, alignment, x, y))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    parser.add_argument("--test", action="store_true", help="also score the test sets")
    args = parser.parse_args()
    dev = prepared(gold_sets("dev") + real_gold_sets("dev"))
    x = np.array([row for *_, xs, _ in dev for row in xs])
    y = np.array([label for *_, ys in dev for label in ys])
    names = np.array([s[0] for s in dev for _ in s[3]])

    def without(name: str) -> dict:
        mask = names != name
        return fit(x[mask], y[mask])

    score_group("dev, leave-one-set-out", dev, without)
    model = fit(x, y)
    if args.test:
        for label, sets in (
            ("test (invented)", gold_sets("test")),
            ("test (real, sealed)", real_gold_sets("test")),
        ):
            if sets:
                score_group(label, prepared(sets), lambda _name: model)
    print_weights(CANDIDATE_FEATURES, model)
    if args.write:
        write_model(MODEL_PATH, CANDIDATE_FEATURES, model, names, "tools/train_recovery.py")


if __name__ == "__main__":
    main()
