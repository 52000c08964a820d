#!/usr/bin/env python3
"""Validate the hand-made seeds alignment gold against the seed files.

Usage:
    python check.py SEEDS_DIR [--gold seeds-alignment.json]

SEEDS_DIR is the folder holding the five seed articles (the files named in the
gold's "documents"). --gold defaults to seeds-alignment.json next to this
script. Standard library only (Python 3.11+).

Checks: schema; every seed file present and every gold file readable; sentence
ids unique; offsets are ints inside the text; text == raw[start:end] and is
trimmed; sentences ordered and non-overlapping; every non-whitespace character
of every file covered; boilerplate ids exist; unit ids unique; member ids exist
and are not repeated; relation valid (one of verbatim/reworded/partial for a
unit with two or more members, null allowed only for a single-member unit);
every non-boilerplate sentence in at least one unit; boilerplate in no unit.
Prints a summary and "N problems"; exits 1 if there is any problem.
"""

import argparse
import collections
import itertools
import json
import os
import sys

SCHEMA = "newsdiff-gold/1"
RELATIONS = ("verbatim", "reworded", "partial")


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seeds_dir", help="folder with the seed .txt files")
    ap.add_argument(
        "--gold",
        default=os.path.join(here, "seeds-alignment.json"),
        help="gold JSON (default: seeds-alignment.json beside this script)",
    )
    args = ap.parse_args(argv)

    problems = []

    def bad(msg):
        problems.append(msg)

    try:
        with open(args.gold, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read gold: {e}")
        return 1

    if gold.get("schema") != SCHEMA:
        bad(f"schema is {gold.get('schema')!r}, expected {SCHEMA!r}")
    if not isinstance(gold.get("note"), str) or not gold.get("note").strip():
        bad("missing or empty 'note'")

    docs = gold.get("documents")
    if not isinstance(docs, list) or not docs:
        bad("'documents' must be a non-empty list")
        docs = []

    sent_doc = {}  # sentence id -> file
    sent_obj = {}  # sentence id -> sentence dict
    bp_all = set()
    files_seen = set()
    doc_order = []
    per_doc = {}

    for d in docs:
        fn = d.get("file")
        if not isinstance(fn, str) or not fn:
            bad(f"document without a file name: {d!r:.80}")
            continue
        if os.path.basename(fn) != fn:
            bad(f"{fn}: 'file' must be a bare file name")
        if fn in files_seen:
            bad(f"{fn}: listed twice")
            continue
        files_seen.add(fn)
        doc_order.append(fn)
        path = os.path.join(args.seeds_dir, fn)
        try:
            with open(path, encoding="utf-8") as f:
                raw = f.read()
        except (OSError, UnicodeDecodeError) as e:
            bad(f"{fn}: cannot read seed file: {e}")
            continue
        sents = d.get("sentences")
        if not isinstance(sents, list) or not sents:
            bad(f"{fn}: no sentences")
            sents = []
        covered = [False] * len(raw)
        prev_end = -1
        ids = []
        for s in sents:
            sid, st, en, tx = s.get("id"), s.get("start"), s.get("end"), s.get("text")
            if not isinstance(sid, str) or not sid:
                bad(f"{fn}: sentence without id at start={st}")
                continue
            if sid in sent_doc:
                bad(f"{sid}: duplicate sentence id")
                continue
            sent_doc[sid] = fn
            sent_obj[sid] = s
            ids.append(sid)
            if (
                not (isinstance(st, int) and isinstance(en, int))
                or isinstance(st, bool)
                or isinstance(en, bool)
            ):
                bad(f"{sid}: start/end must be integers")
                continue
            if not (0 <= st < en <= len(raw)):
                bad(f"{sid}: bad span [{st},{en}) for text of length {len(raw)}")
                continue
            if raw[st:en] != tx:
                bad(f"{sid}: text != raw[{st}:{en}] ({raw[st:en]!r:.60} vs {tx!r:.60})")
            if tx is None or tx != tx.strip():
                bad(f"{sid}: text not trimmed of surrounding whitespace")
            if st < prev_end:
                bad(
                    f"{sid}: overlaps or is out of order with the previous sentence (start {st} < {prev_end})"
                )
            prev_end = max(prev_end, en)
            for i in range(st, en):
                if covered[i]:
                    bad(f"{sid}: character {i} already in another sentence")
                    break
                covered[i] = True
        # coverage of non-whitespace characters
        gaps = [i for i, c in enumerate(raw) if not c.isspace() and not covered[i]]
        if gaps:
            runs = []
            for _, grp in itertools.groupby(enumerate(gaps), key=lambda t: t[1] - t[0]):
                g = [i for _, i in grp]
                if runs and raw[runs[-1][1] : g[0]].isspace():
                    runs[-1] = (runs[-1][0], g[-1] + 1)  # only whitespace between: one run
                else:
                    runs.append((g[0], g[-1] + 1))
            for a, b in runs[:5]:
                bad(f"{fn}: characters [{a},{b}) {raw[a:b]!r:.60} are in no sentence")
            if len(runs) > 5:
                bad(f"{fn}: ... and {len(runs) - 5} more uncovered runs")
        bps = d.get("boilerplate", [])
        if not isinstance(bps, list):
            bad(f"{fn}: 'boilerplate' must be a list")
            bps = []
        for b in bps:
            if b not in ids:
                bad(f"{fn}: boilerplate id {b!r} is not a sentence of this document")
            elif b in bp_all:
                bad(f"{fn}: boilerplate id {b!r} listed twice")
            bp_all.add(b)
        per_doc[fn] = {"sentences": ids, "boilerplate": [b for b in bps if b in ids]}

    if os.path.isdir(args.seeds_dir):
        on_disk = sorted(x for x in os.listdir(args.seeds_dir) if x.endswith(".txt"))
        for x in on_disk:
            if x not in files_seen:
                bad(f"seed file {x} has no entry in the gold")
    else:
        bad(f"seeds dir {args.seeds_dir!r} is not a folder")

    units = gold.get("units")
    if not isinstance(units, list) or not units:
        bad("'units' must be a non-empty list")
        units = []
    unit_ids = set()
    in_units = collections.defaultdict(list)  # sentence id -> unit ids
    rel_counts = collections.Counter()
    span_counts = collections.Counter()
    units_per_doc = collections.Counter()
    multi_units_per_doc = collections.Counter()
    pairs = set()
    for u in units:
        uid = u.get("id")
        if not isinstance(uid, str) or not uid:
            bad(f"unit without id: {u!r:.80}")
            continue
        if uid in unit_ids:
            bad(f"{uid}: duplicate unit id")
        unit_ids.add(uid)
        if not isinstance(u.get("label"), str) or not u["label"].strip():
            bad(f"{uid}: missing label")
        mem = u.get("members")
        if not isinstance(mem, list) or not mem:
            bad(f"{uid}: members must be a non-empty list")
            continue
        if len(set(mem)) != len(mem):
            bad(f"{uid}: repeated member")
        known = []
        for m in mem:
            if m not in sent_doc:
                bad(f"{uid}: member {m!r} is not a sentence id")
            elif m in bp_all:
                bad(f"{uid}: member {m} is boilerplate")
            else:
                known.append(m)
                in_units[m].append(uid)
        rel = u.get("relation")
        if len(set(mem)) >= 2:
            if rel not in RELATIONS:
                bad(f"{uid}: relation {rel!r} not one of {RELATIONS}")
        elif rel is not None and rel not in RELATIONS:
            bad(f"{uid}: relation {rel!r} must be null or one of {RELATIONS}")
        docs_in = {sent_doc[m] for m in known}
        span_counts[len(docs_in)] += 1
        if len(docs_in) >= 2:
            rel_counts[rel] += 1
        for fn in docs_in:
            units_per_doc[fn] += 1
            if len(docs_in) >= 2:
                multi_units_per_doc[fn] += 1
        for a, b in itertools.combinations(sorted(set(known)), 2):
            if sent_doc[a] != sent_doc[b]:
                pairs.add((a, b))

    for sid, fn in sent_doc.items():
        if sid not in bp_all and sid not in in_units:
            bad(f"{sid}: non-boilerplate sentence in no unit")

    # ---- summary
    partnered = {x for p in pairs for x in p}
    print(f"gold: {os.path.basename(args.gold)}  schema {gold.get('schema')}")
    print(
        f"{'document':28} {'sent':>5} {'bp':>4} {'content':>8} {'units':>6} {'multi':>6} {'matched':>8} {'unmatched':>10}"
    )
    tot = collections.Counter()
    for fn in doc_order:
        if fn not in per_doc:
            continue
        ids = per_doc[fn]["sentences"]
        nbp = len(per_doc[fn]["boilerplate"])
        content = [i for i in ids if i not in bp_all]
        matched = sum(1 for i in content if i in partnered)
        row = dict(
            sent=len(ids),
            bp=nbp,
            content=len(content),
            units=units_per_doc[fn],
            multi=multi_units_per_doc[fn],
            matched=matched,
            unmatched=len(content) - matched,
        )
        tot.update(row)
        print(
            f"{fn:28} {row['sent']:>5} {row['bp']:>4} {row['content']:>8} {row['units']:>6} "
            f"{row['multi']:>6} {row['matched']:>8} {row['unmatched']:>10}"
        )
    print(
        f"{'total':28} {tot['sent']:>5} {tot['bp']:>4} {tot['content']:>8} {len(units):>6} "
        f"{sum(v for k, v in span_counts.items() if k >= 2):>6} {tot['matched']:>8} {tot['unmatched']:>10}"
    )
    print(
        "  (units/multi = units touching the document / of them spanning 2+ documents;"
        " matched = content sentences with a partner in another document)"
    )
    print(
        "units by number of documents spanned: "
        + ", ".join(
            f"{k} doc{'s' if k != 1 else ''}: {span_counts[k]}" for k in sorted(span_counts)
        )
    )
    print(
        "relation of multi-document units: "
        + ", ".join(f"{r}: {rel_counts[r]}" for r in RELATIONS)
        + (
            f", other: {sum(v for k, v in rel_counts.items() if k not in RELATIONS)}"
            if any(k not in RELATIONS for k in rel_counts)
            else ""
        )
    )
    fused = {s: us for s, us in in_units.items() if len(us) > 1}
    print(
        f"sentences in more than one unit (fused facts): {len(fused)}"
        + (
            ""
            if not fused
            else "  " + ", ".join(f"{s}({'+'.join(us)})" for s, us in sorted(fused.items()))
        )
    )
    print(f"gold cross-document sentence pairs: {len(pairs)}")
    prefix = {fn: fn.split("_")[0] for fn in doc_order}
    pc = collections.Counter()
    for a, b in pairs:
        pc[tuple(sorted((sent_doc[a], sent_doc[b])))] += 1
    print(
        "  per document pair: "
        + ", ".join(
            f"{prefix[x]}-{prefix[y]}: {pc[(x, y)]}"
            for x, y in itertools.combinations(doc_order, 2)
        )
    )

    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
