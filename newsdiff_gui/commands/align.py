"""``newsdiff align FILES... --json [-o OUT] [--no-corrections]``: print the
alignment contract — the app's alignment of these files, manual corrections
included (``--no-corrections``: the aligner's own)."""

from __future__ import annotations

import argparse
import json

from ..engine.contract import alignment_to_dict
from .common import CommandError, add_corrections_option, fail, open_inputs, write_output
from .terminal_text import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument("--json", action="store_true", help="print the JSON contract (default)")
    parser.add_argument("--text", action="store_true", help="print a readable unit listing instead")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    add_corrections_option(parser)


def run(args: argparse.Namespace) -> int:
    try:
        opened = open_inputs(args.files, corrected=not args.no_corrections)
    except CommandError as error:
        return fail(error)
    alignment, article_set = opened.alignment, opened.article_set
    if args.text and not args.json:
        lines = []
        for unit in alignment.units:
            lines.append(
                f"{unit.id} ({unit.relation.value if unit.relation else 'only one version'})"
            )
            for member in unit.members:
                sentence = article_set.sentence(member)
                lines.append(f"  {member:>8}  {for_terminal(sentence.text[:110])}")
        write_output("\n".join(lines) + "\n", args.output)
    else:
        write_output(
            json.dumps(alignment_to_dict(alignment), ensure_ascii=False, indent=1) + "\n",
            args.output,
        )
    return 0
