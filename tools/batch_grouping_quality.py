"""Grouping quality of ``newsdiff batch`` on the labelled corpus pile.

Reads ../shared/corpus/provenance-2018.jsonl (539 real articles of three
events) and tests/data/batch/provenance-2018-stories.csv (257 of them
labelled by reading with the story they belong to, split by story into a
development half, used to choose the settings, and a held-out half, only
reported). Prints, per candidate finder and clustering threshold:

* same-story recall — of the pairs of articles labelled one story, the share
  grouped together;
* different-story separation — of the pairs of labelled articles of one event
  but different stories, the share kept apart;
* different-event separation — of all pairs of articles of different events
  (the corpus says the event of every article), the share kept apart;
* grouping time.

Settings are chosen with ``--split dev`` (held-out figures not printed) and
the chosen one is then reported with both.

Usage: python -m tools.batch_grouping_quality [--finder minhash|tfidf]
       [--join 0.05,0.06] [--lead 0,0.05] [--split dev|heldout|both]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from newsdiff_gui.engine.batch.run import BatchOptions, group_pile
from newsdiff_gui.engine.batch.verify import GroupingConfig

ROOT = Path(__file__).resolve().parents[1]


CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
LABELS = ROOT / "tests" / "data" / "batch" / "provenance-2018-stories.csv"


def labelled() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    with open(LABELS, newline="", encoding="utf-8") as handle:
        labels = {row["id"]: (row["story"], row["split"]) for row in csv.DictReader(handle)}
    events = {}
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            events[record["id"]] = record["event"]
    return labels, events


def scores(
    stories: list[list[str]], labels: dict[str, tuple[str, str]], events: dict[str, str]
) -> dict[str, tuple[int, int]]:
    """(agreeing, total) pairs per measure and split."""
    story_of = {key: n for n, story in enumerate(stories) for key in story}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b in itertools.combinations(sorted(labels), 2):
        (label_a, split_a), (label_b, split_b) = labels[a], labels[b]
        if split_a != split_b:
            continue
        together = story_of[a] == story_of[b]
        if label_a == label_b:
            name, good = f"same-story recall ({split_a})", together
        elif events[a] == events[b]:
            name, good = f"different-story separation ({split_a})", not together
        else:
            name, good = f"different-event separation ({split_a})", not together
        counts[name][0] += good
        counts[name][1] += 1
    keys = sorted(events)
    apart = total = 0
    for a, b in itertools.combinations(keys, 2):
        if events[a] != events[b]:
            total += 1
            apart += story_of[a] != story_of[b]
    counts["different-event separation (all 539)"] = [apart, total]
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--finder", default="minhash", choices=("minhash", "tfidf"))
    parser.add_argument("--join", default="", help="comma-separated clustering thresholds")
    parser.add_argument("--lead", default="", help="comma-separated lead-check thresholds")
    parser.add_argument("--check-from", type=int, default=None, help="lead check group size")
    parser.add_argument("--split", default="both", choices=("dev", "heldout", "both"))
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS.relative_to(ROOT.parent)}; nothing to measure")
        return 0
    labels, events = labelled()
    default = GroupingConfig()
    joins = [float(v) for v in args.join.split(",")] if args.join else [default.join_at]
    leads = [float(v) for v in args.lead.split(",")] if args.lead else [default.lead_at]
    for join, lead in itertools.product(joins, leads):
        grouping = replace(default, join_at=join, lead_at=lead)
        if args.check_from is not None:
            grouping = replace(grouping, lead_check_from=args.check_from)
        options = BatchOptions(finder=args.finder, grouping=grouping)
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            stories = group_pile([str(CORPUS)], work, options)
            seconds = time.perf_counter() - started
        multi = sum(1 for s in stories if len(s) > 1)
        print(
            f"finder {args.finder}, join at {join}, lead check at {lead}: {len(stories)} stories "
            f"({multi} of 2+, largest {max(len(s) for s in stories)}), {seconds:.1f} s"
        )
        for name, (good, total) in scores(stories, labels, events).items():
            if (
                args.split != "both"
                and ("(dev)" if args.split == "heldout" else "(heldout)") in name
            ):
                continue
            print(f"  {name:<40} {good / total:7.1%}  ({good}/{total} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
