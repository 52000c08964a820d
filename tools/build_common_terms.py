"""Build the list of common English word stems (engine/align/data/common_terms.json).

Why: the aligner weighs a word by how rare it is *in the set being compared*.
With two or three versions open every word either uses once is "rare", so
two sentences of unrelated stories linked on "since", "long" and a year, or
on "good" and "bad". A word common in news English everywhere is not
evidence of the same fact, whatever the set. The list is the stems
(``features.stem``) written in lower case in at least ``MIN_SHARE`` of the
sentences of the MSRP and STS-B training splits (news sentences; the data
card is engine/pairmodel/DATA_CARD.md): capitalised uses are not counted, so
names of the 2000s news those splits come from ("Bush", "Iraq") do not
become common.

Usage (from the repository root):

    .venv/bin/python -m tools.build_common_terms [--training ../shared/training]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from newsdiff_gui.engine.align.features import STOP_WORDS, normalise_words, stem
from newsdiff_gui.engine.store.atomic import write_text_atomic
from tools.gold_sets import ROOT

OUT = ROOT / "newsdiff_gui" / "engine" / "align" / "data" / "common_terms.json"
MIN_SHARE = 0.0015
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")


def sentences(training: Path) -> list[str]:
    found: list[str] = []
    csv.field_size_limit(sys.maxsize)
    with (training / "msrp-train.tsv").open(encoding="utf-8-sig") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 5:
                found += [row[3], row[4]]
    with (training / "stsb-train.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2:
                found += row[-2:]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training", type=Path, default=ROOT.parent / "shared" / "training")
    args = parser.parse_args()
    texts = sentences(args.training)
    counts: Counter[str] = Counter()
    for text in texts:
        lower = " ".join(_LOWER_WORD.findall(text))
        counts.update(
            {stem(w) for w in normalise_words(lower) if w not in STOP_WORDS and len(w) > 1}
        )
    floor = MIN_SHARE * len(texts)
    common = sorted(term for term, count in counts.items() if count >= floor)
    payload = {
        "method": "tools/build_common_terms.py: lower-case stems in at least "
        f"{MIN_SHARE:.1%} of {len(texts)} MSRP and STS-B training sentences",
        "terms": common,
    }
    write_text_atomic(OUT, json.dumps(payload, indent=0) + "\n")
    print(f"{len(common)} common stems from {len(texts)} sentences -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
