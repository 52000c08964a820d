"""The pair model fine-tuned on our own gold, as a second opinion on links: measured.

Why: the shipped cross-encoder learned MSRP's and STS-B's notion of "same
meaning", not the gold's line between one fact and a neighbouring fact about
the same people, and as one more feature of the link check it added nothing
(docs/alignment.md). This asks whether fine-tuning it further on in-domain
pairs — the development gold's sentence pairs as positives, each sentence's
three nearest (TF-IDF) sentences of every other version that the gold does
not pair as hard negatives, one random — makes it a useful second opinion on
the aligner's links and on its possible partners.

Honest figures need scores the model never trained on, so development links
are scored by two fold models (each trained without half of the development
sets) and test links by the model trained on all of them. Steps (the
``train`` and ``score`` steps need torch, like tools/train_pair_model.py; the
others run in the application's environment; everything goes to
``build/indomain/``):

    python -m tools.indomain_pair_model pairs           # in-domain pairs from the gold
    python -m tools.indomain_pair_model links           # every link and offer, judged
    python -m tools.indomain_pair_model train --fold a  # and --fold b, --fold all
    python -m tools.indomain_pair_model score           # fold models on dev, all on test
    python -m tools.indomain_pair_model report          # AUCs, a combined rule

The gold sets come from tools/gold_sets.py (the real-coverage sets only where
present beside the repository). The sealed test sets are only scored.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

from tools.gold_sets import gold_sets, held_share, real_gold_sets

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "indomain"
SHIPPED = ROOT / "newsdiff_gui" / "engine" / "pairmodel" / "data" / "pairmodel.npz"
# The development sets split in two folds, each mixing invented and real sets.
FOLD_A = frozenset(
    ("seeds", "business", "courts", "real/outlets-census", "real/outlets-skripal", "real/wire")
)
HARD_NEGATIVES = 3
RANDOM_NEGATIVES = 1
MSRP_MIX = 1500  # MSRP training pairs mixed in (and half as many STS-B news pairs)


def _gold(group: str) -> list[tuple[str, Any, list[Path]]]:
    return gold_sets(group) + real_gold_sets(group)


def in_domain_pairs(gold: Any, files: list[Path], rng: random.Random) -> list[tuple[str, str, int]]:
    """(text, text, 1 if the gold pairs them) for one gold set."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    paths = {f.name: f for f in files}
    texts: dict[str, str] = {}
    for sentence_id, (name, start, end) in gold.spans.items():
        whole = paths[name].read_text(encoding="utf-8")
        texts[sentence_id] = " ".join(whole[start:end].split())
    content = [g for g in gold.content if len(texts[g].split()) >= 4]
    index = {g: i for i, g in enumerate(content)}
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([texts[g] for g in content])
    positive = {tuple(sorted(p)) for p in gold.pairs if p[0] in index and p[1] in index}
    by_file: dict[str, list[str]] = {}
    for g in content:
        by_file.setdefault(gold.spans[g][0], []).append(g)
    negative: set[tuple[str, str]] = set()
    for first, second in itertools.permutations(by_file, 2):
        others = by_file[second]
        rows = matrix[[index[g] for g in by_file[first]]]
        similar = (rows @ matrix[[index[g] for g in others]].T).toarray()
        for row, sentence in enumerate(by_file[first]):
            taken = 0
            for column in np.argsort(-similar[row]):
                pair = tuple(sorted((sentence, others[column])))
                if pair not in positive:
                    negative.add(pair)  # type: ignore[arg-type]
                    taken += 1
                    if taken == HARD_NEGATIVES:
                        break
            for _ in range(RANDOM_NEGATIVES):
                pair = tuple(sorted((sentence, rng.choice(others))))
                if pair not in positive:
                    negative.add(pair)  # type: ignore[arg-type]
    return [(texts[a], texts[b], 1) for a, b in sorted(positive)] + [
        (texts[a], texts[b], 0) for a, b in sorted(negative)
    ]


def write_pairs() -> None:
    rng = random.Random(7)
    BUILD.mkdir(parents=True, exist_ok=True)
    for group in ("dev", "test"):
        rows = []
        for name, gold, files in _gold(group):
            found = in_domain_pairs(gold, files, rng)
            rows += [{"set": name, "a": a, "b": b, "label": label} for a, b, label in found]
            print(f"{group} {name}: {len(found)} pairs, {sum(p[2] for p in found)} positive")
        (BUILD / f"pairs-{group}.jsonl").write_text("\n".join(json.dumps(r) for r in rows))


def write_links() -> None:
    """Every link and possible partner of every gold set (whole set and each
    two-version subset), with the share of its sentence pairs the gold holds."""
    from newsdiff_gui.engine.align.aligner import align
    from newsdiff_gui.engine.align.evaluate import _map_sentences
    from newsdiff_gui.engine.load.articles import load_article_set

    out = []
    for group in ("dev", "test"):
        for name, gold, files in _gold(group):
            for combo in [files, *map(list, itertools.combinations(files, 2))]:
                alignment = align(load_article_set(combo))
                mapping = _map_sentences(gold, alignment)
                text = {s.id: s.text for d in alignment.documents for s in d.sentences}
                offers = [("link", x) for x in alignment.links if not x.manual]
                offers += [("offer", x) for x in alignment.suggestions]
                for kind, item in offers:
                    held = held_share(gold, mapping, item)  # type: ignore[arg-type]
                    if held is None:
                        continue
                    out.append(
                        {
                            "group": group,
                            "set": name,
                            "kind": kind,
                            "score": item.score,
                            "holds": held >= 0.5,
                            "a": " ".join(text[i] for i in item.a),
                            "b": " ".join(text[i] for i in item.b),
                        }
                    )
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "links.json").write_text(json.dumps(out))
    print(f"{len(out)} links and offers written")


def train(fold: str, training_dir: Path) -> None:  # pragma: no cover - needs torch
    import torch
    from torch import nn

    from tools.pair_data import Pair, load_splits
    from tools.pair_export import load_into_torch
    from tools.train_pair_model import batches, build_model, encode, loss_of

    torch.manual_seed(3)
    torch.set_num_threads(2)
    rng = random.Random(3)
    rows = [json.loads(x) for x in (BUILD / "pairs-dev.jsonl").read_text().splitlines()]
    if fold == "a":  # scores FOLD_A's sets, so never trains on them
        rows = [r for r in rows if r["set"] not in FOLD_A]
    elif fold == "b":  # scores the other sets
        rows = [r for r in rows if r["set"] in FOLD_A]
    pairs = [Pair(r["a"], r["b"], r["label"], None, "in-domain") for r in rows]
    splits = load_splits(training_dir)
    mix = MSRP_MIX if fold == "all" else MSRP_MIX // 2
    msrp, sts = (
        splits.msrp_train[:],
        [p for p in splits.sts_train if p.genre.startswith("main-news")],
    )
    rng.shuffle(msrp)
    rng.shuffle(sts)
    pairs += msrp[:mix] + sts[: mix // 2]
    model, tokenizer = build_model()
    load_into_torch(model, SHIPPED)
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    trained = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=2e-5, weight_decay=0.01)
    plan = batches(pairs, 16, rng)
    warmup = max(1, int(len(plan) * 0.06))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: min((s + 1) / warmup, max(0.0, (len(plan) - s) / (len(plan) - warmup))),
    )
    model.train()
    for step, batch in enumerate(plan, start=1):
        swapped = [
            Pair(p.second, p.first, p.label, p.score, p.genre) if rng.random() < 0.5 else p
            for p in batch
        ]
        loss = loss_of(model(**encode(tokenizer, [(p.first, p.second) for p in swapped])), swapped)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(trained, 1.0)
        optimizer.step()
        schedule.step()
        if step % 100 == 0:
            print(f"fold {fold}: step {step}/{len(plan)} loss {loss.item():.3f}", flush=True)
    torch.save(model.state_dict(), BUILD / f"fold-{fold}.pt")


def score() -> None:  # pragma: no cover - needs torch
    import torch

    from tools.pair_data import Pair
    from tools.train_pair_model import build_model, predict

    rows = json.loads((BUILD / "links.json").read_text())
    for fold, chosen in (
        ("a", lambda r: r["group"] == "dev" and r["set"] in FOLD_A),
        ("b", lambda r: r["group"] == "dev" and r["set"] not in FOLD_A),
        ("all", lambda r: r["group"] == "test"),
    ):
        model, tokenizer = build_model()
        model.load_state_dict(torch.load(BUILD / f"fold-{fold}.pt"))
        picked = [r for r in rows if chosen(r)]
        logits = predict(model, tokenizer, [Pair(r["a"], r["b"]) for r in picked])
        for row, value in zip(picked, logits, strict=True):
            row["second_opinion"] = float(value[0])
    (BUILD / "links-scored.json").write_text(json.dumps(rows))


def report() -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    rows = json.loads((BUILD / "links-scored.json").read_text())

    def design(picked: list[dict[str, Any]]) -> Any:
        score = np.clip([r["score"] for r in picked], 1e-3, 1 - 1e-3)
        return np.c_[np.log(score / (1 - score)), [r["second_opinion"] for r in picked]]

    for kind in ("link", "offer"):
        dev = [r for r in rows if r["kind"] == kind and r["group"] == "dev"]
        test = [r for r in rows if r["kind"] == kind and r["group"] == "test"]
        y_dev = np.array([r["holds"] for r in dev])
        y_test = np.array([r["holds"] for r in test])
        combined = LogisticRegression().fit(design(dev), y_dev)
        print(f"{kind}s (dev: fold models; test: the model of all dev sets):")
        for name, picked, y in (("dev", dev, y_dev), ("test", test, y_test)):
            x = design(picked)
            p = combined.predict_proba(x)[:, 1]
            print(
                f"  {name}: {len(picked)}, {int(y.sum())} hold; ROC AUC aligner "
                f"{roc_auc_score(y, x[:, 0]):.3f}, second opinion {roc_auc_score(y, x[:, 1]):.3f}, "
                f"both {roc_auc_score(y, p):.3f}; at both >= 0.5: {int((y & (p >= 0.5)).sum())} "
                f"holding, {int((~y & (p >= 0.5)).sum())} not"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("pairs", "links", "train", "score", "report"))
    parser.add_argument("--fold", choices=("a", "b", "all"), default="all")
    parser.add_argument("--training-dir", type=Path, default=ROOT.parent / "shared" / "training")
    args = parser.parse_args()
    if args.step == "pairs":
        write_pairs()
    elif args.step == "links":
        write_links()
    elif args.step == "train":
        train(args.fold, args.training_dir)
    elif args.step == "score":
        score()
    else:
        report()


if __name__ == "__main__":
    sys.exit(main())
