"""``newsdiff diff A B``: a readable word diff of two versions in the terminal.

Rows follow the pair view: shared content with deletions in red and
``[-strike-]`` brackets and insertions in green ``{+…+}``; content only one
version has is prefixed ``- `` / ``+ ``. Colour only when writing to a TTY
(and ``NO_COLOR`` is unset), so piped output stays plain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap

from ..engine.compare.pairing import PairRow, RowKind, count_rows, pair_rows
from ..engine.model import Document, OpKind
from ..engine.session.open_set import TooManyVersions
from .common import (
    EXIT_USAGE,
    CommandError,
    add_corrections_option,
    fail,
    open_inputs,
    version_names,
)
from .terminal_text import for_terminal

_RED, _GREEN, _DIM, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="the left (older/source) version")
    parser.add_argument("b", metavar="B", help="the right version")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--all", action="store_true", help="also show unchanged rows")
    add_corrections_option(parser)


class _Painter:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def deleted(self, text: str) -> str:
        return f"{_RED}[-{text}-]{_RESET}" if self.colour else f"[-{text}-]"

    def inserted(self, text: str) -> str:
        return f"{_GREEN}{{+{text}+}}{_RESET}" if self.colour else f"{{+{text}+}}"

    def dim(self, text: str) -> str:
        return f"{_DIM}{text}{_RESET}" if self.colour else text

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.colour else text


def _inline_diff(row: PairRow, left: Document, right: Document, paint: _Painter) -> str:
    parts = []
    for op in row.ops:
        a_text = for_terminal(left.text[op.a_start : op.a_end].strip())
        b_text = for_terminal(right.text[op.b_start : op.b_end].strip())
        if op.kind == OpKind.EQUAL:
            parts.append(a_text)
        if op.kind in (OpKind.DELETE, OpKind.REPLACE):
            parts.append(paint.deleted(a_text))
        if op.kind in (OpKind.INSERT, OpKind.REPLACE):
            parts.append(paint.inserted(b_text))
    return " ".join(p for p in parts if p)


def _wrap(text: str, prefix: str, width: int) -> str:
    # Wrapping would split colour codes' lengths unevenly; wrap only plain output.
    if "\033[" in text:
        return prefix + text
    return textwrap.fill(
        text, width=width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def run(args: argparse.Namespace) -> int:
    try:
        opened = open_inputs(
            [args.a, args.b], keep_duplicates=True, corrected=not args.no_corrections, most=2
        )
    except TooManyVersions as error:
        # A folder or manifest for A or B expands to more than one version.
        return fail(
            CommandError(
                f"newsdiff diff: give two files; {args.a} and {args.b} hold "
                f"{len(error.report.article_set)} versions (use newsdiff changes for more)",
                EXIT_USAGE,
            )
        )
    except CommandError as error:
        return fail(error)
    colour = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    paint = _Painter(colour)
    alignment = opened.alignment
    left, right = alignment.documents
    rows = pair_rows(alignment, left, right)
    names = version_names(alignment.documents)
    right_name = names[right.id]
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    out = [
        paint.bold(f"--- {names[left.id]}"),
        paint.bold(f"+++ {right_name}"),
        "",
    ]
    for row in rows:
        if row.kind == RowKind.SHARED:
            if not row.is_change and not args.all:
                continue
            label = "~ " if row.is_change else "= "
            out.append(_wrap(_inline_diff(row, left, right, paint), label, width))
        elif row.kind == RowKind.ONLY_LEFT:
            out.append(_wrap(paint.deleted(for_terminal(row.left[0].text)), "- ", width))
        elif row.kind == RowKind.ONLY_RIGHT:
            out.append(_wrap(paint.inserted(for_terminal(row.right[0].text)), "+ ", width))
        elif args.all:
            sentence = (row.left or row.right)[0]
            out.append(paint.dim(for_terminal(f"  ({sentence.boilerplate}) {sentence.text}")))
    counts = count_rows(rows)
    out.append("")
    out.append(
        f"{counts.shared} shared ({counts.reworded} reworded), {counts.only_left} only in "
        f"{for_terminal(left.name)}, {counts.only_right} only in {for_terminal(right.name)}"
    )
    sys.stdout.write("\n".join(out) + "\n")
    return 0
