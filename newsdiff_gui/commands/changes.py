"""``newsdiff changes FILES... [--json|--csv] [-o OUT] [--pair A B | --base A |
--by-source | --all-pairs | --set] [--all] [--no-corrections]``.

Typed changes between versions (docs/changes.md). By default every later
version is compared with the first one given (give the original first);
``--pair A B`` picks two versions (by file name, its start, or document id);
``--base A`` compares every other version with A; ``--by-source`` compares
each version with its likely source (``newsdiff profile``); ``--all-pairs``
compares every pair; ``--set`` lists what each version alone has and what it
leaves out of the set. ``--all`` also lists quotes kept intact. The
alignment is the app's (``open_inputs``): cached, with the manual corrections
stored for these files, so the list matches the app and ``newsdiff export``.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

from ..engine.changes import Change, read_changes, read_set_changes
from ..engine.changes.profile import profile_versions
from ..engine.model import Alignment, Document
from ..engine.report.tabular import changes_csv
from .common import (
    CommandError,
    add_corrections_option,
    fail,
    open_inputs,
    version_names,
    write_output,
)
from .terminal_text import for_terminal

SCHEMA = "newsdiff-changes/1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="JSON (schema newsdiff-changes/1)")
    form.add_argument("--csv", action="store_true", help="CSV, one row per change")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--pair", nargs=2, metavar=("A", "B"), help="compare version A with B")
    which.add_argument("--base", metavar="A", help="compare every other version with A")
    which.add_argument(
        "--by-source", action="store_true", help="compare each version with its likely source"
    )
    which.add_argument("--all-pairs", action="store_true", help="compare every pair of versions")
    which.add_argument(
        "--set", action="store_true", help="per version: what only it has, what it leaves out"
    )
    parser.add_argument("--all", action="store_true", help="also list quotes kept intact")
    add_corrections_option(parser)


def find_document(alignment: Alignment, key: str) -> Document:
    for document in alignment.documents:
        if key in (document.id, document.name, document.path) or document.name.startswith(key):
            return document
    raise CommandError(f"newsdiff: no version named {key!r} among the files given", 2)


def selected_pairs(
    alignment: Alignment, args: argparse.Namespace
) -> list[tuple[Document, Document]] | None:
    if args.pair:
        return [(find_document(alignment, args.pair[0]), find_document(alignment, args.pair[1]))]
    if args.base:
        base = find_document(alignment, args.base)
        return [(base, other) for other in alignment.documents if other.id != base.id]
    if args.by_source:
        return source_pairs(alignment)
    if args.all_pairs:
        return list(itertools.combinations(alignment.documents, 2))
    return None


def source_pairs(alignment: Alignment) -> list[tuple[Document, Document]]:
    """(likely source, version) for each version that has one in the set."""
    by_id = {d.id: d for d in alignment.documents}
    return [
        (by_id[p.likely_source.document], by_id[p.document])
        for p in profile_versions(alignment)
        if p.likely_source.document is not None
    ]


def _as_text(alignment: Alignment, changes: list[Change]) -> str:
    names = version_names(alignment.documents)
    names["set"] = "the other versions"
    counts = Counter(c.type.value for c in changes)
    summary = ", ".join(f"{n} {t}" for t, n in counts.most_common())
    lines = [f"changes: {summary}" if summary else "no changes"]
    pair: tuple[str, str] | None = None
    for change in changes:
        if change.documents != pair and all(change.documents):
            pair = change.documents
            lines.append(f"\n== {names[pair[0]]} → {names[pair[1]]}")
        explanation = for_terminal(change.explanation)
        lines.append(f"\n[{change.type.value}, {change.severity.value}] {explanation}")
        for label, side in (("a", change.a), ("b", change.b)):
            if side:
                snippet = for_terminal(" ".join(side.text.split()))
                snippet = snippet if len(snippet) <= 160 else snippet[:157] + "…"
                lines.append(
                    f"  {label}: {names[side.document]} {side.start}-{side.end}: {snippet}"
                )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        # An untouched copy is a fair question here: the answer is "no changes".
        opened = open_inputs(args.files, keep_duplicates=True, corrected=not args.no_corrections)
        alignment = opened.alignment
        pairs = selected_pairs(alignment, args)
    except CommandError as error:
        return fail(error)
    if args.set:
        changes = read_set_changes(alignment)
    else:
        changes = read_changes(alignment, pairs, include_intact=args.all)
    if args.json:
        document = {
            "schema": SCHEMA,
            "documents": [
                {"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet}
                for d in alignment.documents
            ],
            "changes": [c.as_dict() for c in changes],
        }
        write_output(json.dumps(document, ensure_ascii=False, indent=1) + "\n", args.output)
    elif args.csv:
        write_output(changes_csv(changes), args.output)
    else:
        write_output(_as_text(alignment, changes), args.output)
    return 0
