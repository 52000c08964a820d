"""How many links the aligner makes between articles that are not one story.

Pairs of real articles from the corpus beside the repository
(../shared/corpus/provenance-2018.jsonl), labelled by story in
tests/data/batch/provenance-2018-stories.csv, are opened two at a time:
60 pairs about the same event but different stories (they may share
background and quotes) and 61 pairs about different events (they should
share nothing). Printed: links, pairs with a link, possible partners and
the highest-scored links of each kind. ``--split heldout`` draws the first
article of each pair from the held-out stories (which cover one event, so
different-event partners come from the development stories); ``--off``
switches the link check's stranger rule off, for comparison.

Usage (from the repository root):

    .venv/bin/python -m tools.unrelated_pairs [--split dev|heldout] [--off]
"""

from __future__ import annotations

import argparse
import csv
import json
import random

from newsdiff_gui.engine.align import verify
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts
from tools.gold_sets import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
LABELS = ROOT / "tests" / "data" / "batch" / "provenance-2018-stories.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--off", action="store_true", help="no stranger rule")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit("the corpus is not beside the repository (../shared/corpus)")
    if args.off:
        verify.RELATED_VOCABULARY = 0.0
    with LABELS.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    articles = {}
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article["id"] in rows:
                articles[article["id"]] = article
    ids = sorted(i for i in articles if rows[i]["split"] == args.split)
    dev = sorted(i for i in articles if rows[i]["split"] == "dev")

    def event(article_id: str) -> str:
        return article_id.split("/")[0]

    draw = random.Random(7)
    same_event: list[tuple[str, str]] = []
    other_event: list[tuple[str, str]] = []
    for _ in range(200_000):
        if len(same_event) >= 60 and len(other_event) >= 61:
            break
        a, b = draw.sample(ids, 2) if draw.random() < 0.5 else (draw.choice(ids), draw.choice(dev))
        if a == b or rows[a]["story"] == rows[b]["story"]:
            continue
        target = same_event if event(a) == event(b) else other_event
        if len(target) < (60 if target is same_event else 61):
            target.append((a, b))
    for label, pairs in (
        ("same event, other story", same_event),
        ("different events", other_event),
    ):
        links = linked_pairs = offers = 0
        shown: list[tuple[float, str, str]] = []
        for a, b in pairs:
            alignment = align(
                documents_from_texts(
                    [("a.txt", articles[a]["text"]), ("b.txt", articles[b]["text"])]
                )
            )
            text = {s.id: s.text for d in alignment.documents for s in d.sentences}
            links += len(alignment.links)
            linked_pairs += bool(alignment.links)
            offers += len(alignment.suggestions)
            shown += [(k.score, text[k.a[0]][:60], text[k.b[0]][:60]) for k in alignment.links]
        print(
            f"{label}: {len(pairs)} pairs, {links} links in {linked_pairs} pairs, {offers} offers"
        )
        for score, left, right in sorted(shown, reverse=True)[:5]:
            print(f"  {score:.3f}  {left!r} / {right!r}")


if __name__ == "__main__":
    main()
