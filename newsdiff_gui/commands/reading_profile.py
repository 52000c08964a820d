"""``newsdiff read-profile FILES... [--json] [-o OUT]``: what each version is
(spun copy, summary, different report…) and its likely source."""

from __future__ import annotations

import argparse
import json

from ..engine.align import align
from ..engine.reading import profile_versions
from .common import CommandError, fail, load_inputs, write_output
from .reading_changes import documents_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument("--json", action="store_true", help="print JSON (newsdiff-profile/1)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")


def run(args: argparse.Namespace) -> int:
    try:
        alignment = align(load_inputs(args.files))
    except CommandError as error:
        return fail(error)
    profiles = profile_versions(alignment)
    if args.json:
        payload = {
            "schema": "newsdiff-profile/1",
            "documents": documents_json(alignment),
            "profiles": [p.as_dict() for p in profiles],
        }
        write_output(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", args.output)
        return 0
    names = {d.id: d.name for d in alignment.documents}
    lines = []
    for p in profiles:
        lines.append(f"{names[p.document]} ({p.document}): {p.words} words, {p.sentences} sentences, carries {p.share:.0%} of the set's content")  # fmt: skip  # noqa: E501
        lines.append(f"  only here: {p.only_count}; dropped (most others have): {len(p.dropped_units)}; quotes intact/altered: {p.quotes_intact}/{p.quotes_altered}; spin score {p.spin_score:.2f}")  # fmt: skip  # noqa: E501
        for trait in p.traits:
            lines.append(f"  trait: {trait.name} — {trait.reason}")
        src = p.likely_source
        label = names[src.source] if src.source else "none in this set"
        lines.append(f"  likely source: {label} (confidence {src.confidence:.2f}; {src.evidence})")
    write_output("\n".join(lines) + "\n", args.output)
    return 0
