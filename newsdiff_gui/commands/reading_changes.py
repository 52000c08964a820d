"""``newsdiff read-changes FILES... [--json|--csv] [-o OUT] [--pair A B] [--all-pairs] [--all]``.

Typed changes from ``engine/reading``: text grouped by type (default), JSON
(schema ``newsdiff-changes/1``, see docs/reading.md) or CSV, one row per change.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections import Counter
from itertools import combinations

from ..engine.align import align
from ..engine.model import Alignment
from ..engine.reading import Change, read_changes
from .common import EXIT_USAGE, CommandError, fail, load_inputs, write_output

CSV_FIELDS = [
    "id", "type", "severity", "a_document", "a_start", "a_end", "a_text",
    "b_document", "b_start", "b_end", "b_text", "explanation",
]  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON (newsdiff-changes/1)")
    form.add_argument("--csv", action="store_true", help="print CSV, one row per change")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parser.add_argument("--pair", nargs=2, metavar=("A", "B"), help="compare version A with B")
    parser.add_argument("--all-pairs", action="store_true", help="compare every pair")
    parser.add_argument("--all", action="store_true", help="also list quotes kept intact")


def resolve(alignment: Alignment, name: str) -> str:
    """A document id, a file name or the unique start of one."""
    docs = alignment.documents
    for doc in docs:
        if name in (doc.id, doc.path, doc.name):
            return doc.id
    matches = [d.id for d in docs if d.name.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    raise CommandError(f"newsdiff: --pair: no single version matches {name!r}", EXIT_USAGE)


def documents_json(alignment: Alignment) -> list[dict[str, str]]:
    return [
        {"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet}
        for d in alignment.documents
    ]


def _text(alignment: Alignment, changes: list[Change]) -> str:
    names = {d.id: d.name for d in alignment.documents}
    lines = []
    for kind, count in Counter(c.type.value for c in changes).most_common():
        lines.append(f"{kind} ({count})")
        for c in (c for c in changes if c.type.value == kind):
            where = " / ".join(
                f"{names[s.document]}: {s.text[:80]!r}" for s in (c.a, c.b) if s is not None
            )
            lines.append(f"  [{c.severity.value}] {c.explanation}  {where}")
    return "\n".join(lines) + "\n" if lines else "no changes\n"


def _csv(changes: list[Change]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for c in changes:
        a = [c.a.document, c.a.start, c.a.end, c.a.text] if c.a else ["", "", "", ""]
        b = [c.b.document, c.b.start, c.b.end, c.b.text] if c.b else ["", "", "", ""]
        writer.writerow([c.id, c.type.value, c.severity.value, *a, *b, c.explanation])
    return out.getvalue()


def run(args: argparse.Namespace) -> int:
    try:
        alignment = align(load_inputs(args.files))
        pairs = None
        if args.pair:
            pairs = [(resolve(alignment, args.pair[0]), resolve(alignment, args.pair[1]))]
        elif args.all_pairs:
            pairs = list(combinations([d.id for d in alignment.documents], 2))
    except CommandError as error:
        return fail(error)
    changes = read_changes(alignment, pairs, include_intact=args.all)
    if args.json:
        payload = {
            "schema": "newsdiff-changes/1",
            "documents": documents_json(alignment),
            "changes": [c.as_dict() for c in changes],
        }
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    elif args.csv:
        text = _csv(changes)
    else:
        text = _text(alignment, changes)
    write_output(text, args.output)
    return 0
