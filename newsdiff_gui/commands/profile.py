"""``newsdiff profile FILES... [--json]``: what each version is and where it comes from."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from ..engine.changes.profile import profile_versions
from .common import (
    CommandError,
    add_corrections_option,
    fail,
    open_inputs,
    version_names,
    write_output,
)
from .terminal_text import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-o", "--output", metavar="OUT")
    add_corrections_option(parser)


def run(args: argparse.Namespace) -> int:
    try:
        alignment = open_inputs(args.files, corrected=not args.no_corrections).alignment
    except CommandError as error:
        return fail(error)
    profiles = profile_versions(alignment)
    if args.json:
        data = {"schema": "newsdiff-profile/1", "profiles": [asdict(p) for p in profiles]}
        write_output(json.dumps(data, ensure_ascii=False, indent=1) + "\n", args.output)
        return 0
    names = version_names(alignment.documents)
    lines = []
    for p in profiles:
        lines.append(f"{names[p.document]}: {p.words} words, {p.sentences} sentences")
        lines.append(
            f"  carries {p.share_of_set:.0%} of the shared content; {p.aligned_share:.0%} of its "
            f"sentences are shared; {len(p.only_here)} only here; {len(p.dropped)} widely "
            f"carried pieces dropped; quotes intact {p.quotes_intact}, altered "
            f"{p.quotes_altered}; spin score {p.spin_score:.3f}"
        )
        for trait, reason in p.traits or (("no particular trait", "—"),):
            lines.append(f"  trait: {trait} ({reason})")
        source = p.likely_source
        if source.document:
            lines.append(
                f"  likely source: {names[source.document]} (confidence {source.confidence:.2f}):"
                f" {'; '.join(source.evidence)}"
            )
        else:
            lines.append(f"  likely source: none in this set ({'; '.join(source.evidence)})")
    # Evidence quotes outlets and names: every line is shown with escapes.
    write_output("\n".join(for_terminal(line) for line in lines) + "\n", args.output)
    return 0
