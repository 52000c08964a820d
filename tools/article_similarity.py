"""Does the share of content two articles share follow how related they are?

Annotators rate news article pairs from "very similar" (one story) to "very
dissimilar" (unrelated); a comparison tool's *shared-content share* (the
share of the two articles' content sentences that have a partner in the
other) should fall as the rating rises. Without such ratings here, the
labelled corpus pile gives a three-step proxy
(tests/data/batch/provenance-2018-stories.csv, ../shared/corpus):

* 1 — one story (copies of one wire story, or outlets' reports of it);
* 3 — one event but different stories (they share background and quotes);
* 4 — different events.

Pairs are drawn with a fixed seed from one split of the labelled stories
(``--split dev`` or ``heldout``; different-event partners may come from the
other split, which holds the other events), ``--pairs`` of each kind. Each
pair is aligned on its own, as a reader opening the two would. Printed:
Pearson and Spearman correlation of the rating with the shared-content
share, and, as the baseline a reader could get without alignment, with the
TF-IDF cosine of the two whole texts (vectoriser fitted on the corpus); the
mean share per kind.

Usage (from the repository root):

    .venv/bin/python -m tools.article_similarity [--split dev|heldout] [--pairs 60]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import defaultdict

import numpy as np

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Alignment
from tools.gold_sets import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
LABELS = ROOT / "tests" / "data" / "batch" / "provenance-2018-stories.csv"
ONE_STORY, ONE_EVENT, OTHER_EVENTS = 1.0, 3.0, 4.0


def shared_content_share(alignment: Alignment) -> float:
    """Share of both articles' content sentences that share a unit with the other."""
    partnered: set[str] = set()
    for unit in alignment.units:
        if len({member.split(":")[0] for member in unit.members}) > 1:
            partnered.update(unit.members)
    content = [s.id for d in alignment.documents for s in d.sentences if not s.is_boilerplate]
    return sum(1 for s in content if s in partnered) / max(1, len(content))


def draw_pairs(
    rows: dict[str, dict[str, str]], split: str, per_kind: int, seed: int = 11
) -> list[tuple[str, str, float]]:
    """``per_kind`` pairs of each rating, the first article always from ``split``."""
    ids = sorted(i for i in rows if rows[i]["split"] == split)
    everyone = sorted(rows)
    by_story: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by_story[rows[i]["story"]].append(i)
    draw = random.Random(seed)
    wanted = {ONE_STORY: per_kind, ONE_EVENT: per_kind, OTHER_EVENTS: per_kind}
    seen: set[tuple[str, str]] = set()
    pairs: list[tuple[str, str, float]] = []
    stories = sorted(s for s, members in by_story.items() if len(members) >= 2)
    for _ in range(500_000):
        if not any(wanted.values()):
            break
        if wanted[ONE_STORY] and draw.random() < 0.34:
            a, b = draw.sample(by_story[draw.choice(stories)], 2)
        else:
            a, b = draw.choice(ids), draw.choice(everyone)
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        if rows[a]["story"] == rows[b]["story"]:
            rating = ONE_STORY
        elif a.split("/")[0] == b.split("/")[0]:
            rating = ONE_EVENT
        else:
            rating = OTHER_EVENTS
        if wanted[rating]:
            wanted[rating] -= 1
            seen.add(key)
            pairs.append((a, b, rating))
    return pairs


def correlations(measure: list[float], rating: list[float]) -> tuple[float, float]:
    """Pearson and Spearman correlation (ties share their mean rank)."""
    from scipy.stats import pearsonr, spearmanr

    return float(pearsonr(measure, rating)[0]), float(spearmanr(measure, rating)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--pairs", type=int, default=60, help="pairs of each kind")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit("the corpus is not beside the repository (../shared/corpus)")
    from sklearn.feature_extraction.text import TfidfVectorizer

    with LABELS.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    texts: dict[str, str] = {}
    corpus: list[str] = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            corpus.append(article["text"])
            if article["id"] in rows:
                texts[article["id"]] = article["text"]
    rows = {i: row for i, row in rows.items() if i in texts}
    vectoriser = TfidfVectorizer(sublinear_tf=True).fit(corpus)
    pairs = draw_pairs(rows, args.split, args.pairs)
    shares, cosines, ratings = [], [], []
    by_kind: dict[float, list[float]] = defaultdict(list)
    for a, b in ((a, b) for a, b, _ in pairs):
        alignment = align(documents_from_texts([("a.txt", texts[a]), ("b.txt", texts[b])]))
        vectors = vectoriser.transform([texts[a], texts[b]])
        cosines.append(float((vectors[0] @ vectors[1].T).toarray()[0, 0]))
        shares.append(shared_content_share(alignment))
    for (_, _, rating), share in zip(pairs, shares, strict=True):
        ratings.append(rating)
        by_kind[rating].append(share)
    print(f"{args.split}: {len(pairs)} pairs ({args.pairs} of each kind)")
    for label, measure in (("shared-content share", shares), ("TF-IDF cosine", cosines)):
        pearson, spearman = correlations(measure, ratings)
        print(f"  {label:<21} vs rating: Pearson r {pearson:+.3f}, Spearman {spearman:+.3f}")
    kinds = ((ONE_STORY, "one story"), (ONE_EVENT, "one event"), (OTHER_EVENTS, "other events"))
    for rating, label in kinds:
        values = by_kind[rating]
        print(f"  mean share, {label:<12} {np.mean(values):.3f} (n={len(values)})")


if __name__ == "__main__":
    main()
