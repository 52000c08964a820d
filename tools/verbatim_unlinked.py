"""Near-verbatim sentences the aligner leaves unlinked in real coverage.

Wire copies repeat sentences word for word; every such pair must be linked.
For each labelled story of the corpus beside the repository
(../shared/corpus/provenance-2018.jsonl with the story labels in
tests/data/batch/provenance-2018-stories.csv), up to ``MAX_VERSIONS``
distinct articles are opened together; every pair of content sentences in
two of them that read the same once case, spacing, punctuation and quote
marks are folded (eight words or more) is a near-verbatim pair. Printed per
split: such pairs, those in no shared unit, and examples. Also counted:
pairs where one side was labelled boilerplate and the other content (the
set-wide rule should make that impossible).

Usage (from the repository root):

    .venv/bin/python -m tools.verbatim_unlinked [--split dev|heldout]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
from collections import defaultdict

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts
from tools.gold_sets import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
LABELS = ROOT / "tests" / "data" / "batch" / "provenance-2018-stories.csv"
MAX_VERSIONS = 6
MIN_WORDS = 8
_FOLD = re.compile(r"[\W_]+")


def folded(text: str) -> str:
    return " ".join(_FOLD.sub(" ", text.casefold()).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit("the corpus is not beside the repository (../shared/corpus)")
    with LABELS.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    stories: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen_texts: set[str] = set()
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            row = rows.get(article["id"])
            if not row or row["split"] != args.split or article["text"] in seen_texts:
                continue
            seen_texts.add(article["text"])
            stories[row["story"]].append((article["id"], article["text"]))
    pairs = unlinked = mixed = 0
    examples: list[str] = []
    for story, articles in sorted(stories.items()):
        if len(articles) < 2:
            continue
        chosen = articles[:MAX_VERSIONS]
        texts = [(f"{i:03d}.txt", text) for i, (_, text) in enumerate(chosen)]
        alignment = align(documents_from_texts(texts))
        units_of: dict[str, set[int]] = defaultdict(set)
        for number, unit in enumerate(alignment.units):
            for member in unit.members:
                units_of[member].add(number)
        by_key: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
        for d, document in enumerate(alignment.documents):
            for sentence in document.sentences:
                key = folded(sentence.text)
                if len(key.split()) >= MIN_WORDS:
                    by_key[key].append((d, sentence.id, sentence.is_boilerplate))
        for key, found in by_key.items():
            for (da, a, chrome_a), (db, b, chrome_b) in itertools.combinations(found, 2):
                if da == db:
                    continue
                if chrome_a != chrome_b:
                    mixed += 1
                    continue
                if chrome_a:
                    continue
                pairs += 1
                if not units_of[a] & units_of[b]:
                    unlinked += 1
                    if len(examples) < 8:
                        examples.append(f"  {story}: {key[:90]!r}")
    print(
        f"{args.split}: near-verbatim content pairs {pairs}, unlinked {unlinked}; "
        f"boilerplate on one side only {mixed}"
    )
    print("\n".join(examples))


if __name__ == "__main__":
    main()
