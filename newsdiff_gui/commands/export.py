"""``newsdiff export FILES... --format html|pdf|json|csv|tei -o OUT
[--base VERSION] [--pair A B] [--no-notes]``.

Reports of the alignment and its changes (docs: README, "Reports"). HTML is
one self-contained file; PDF is the same report through Qt's PDF writer;
JSON is the alignment contract plus ``changes``, ``notes`` and
``corrections``; CSV has one row per change; TEI is P5 parallel
segmentation. The report shows what the GUI shows for the same files: the
cached alignment if there is one, with the user's manual corrections
applied and their notes included (``--no-notes`` leaves notes out of a
report meant for others). Written atomically.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..engine.atomic import write_text_atomic
from ..engine.cache import cached_align
from ..engine.changes import Change, read_changes
from ..engine.corrections import Correction, apply_corrections
from ..engine.model import Alignment, Document
from ..engine.notes import Note, NotesStore
from ..engine.report import changes_csv, html_report, json_report, tei_report
from .changes import find_document
from .common import CommandError, fail, load_inputs, progress_on_stderr
from .terminal_text import one_line

FORMATS = ("html", "pdf", "json", "csv", "tei")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    parser.add_argument(
        "--pair",
        nargs=2,
        metavar=("A", "B"),
        help="the two versions of the pair table (default: the first two)",
    )
    parser.add_argument(
        "--base",
        metavar="VERSION",
        help="the version the synopsis compares the others with (default: the first)",
    )
    parser.add_argument(
        "--no-notes", action="store_true", help="leave your notes out of the report"
    )


def run(args: argparse.Namespace) -> int:
    try:
        article_set = load_inputs(args.files, keep_duplicates=True)
        alignment, _ = cached_align(article_set, progress=progress_on_stderr())
        store = NotesStore(article_set)
        for warning in store.warnings:
            print(one_line(f"newsdiff: warning: notes: {warning}"), file=sys.stderr)
        alignment = apply_corrections(alignment, store.corrections)
        notes = [] if args.no_notes else store.described_notes(alignment)
        pair = None
        if args.pair:
            pair = (find_document(alignment, args.pair[0]), find_document(alignment, args.pair[1]))
        base = 0
        if args.base and args.base.isdigit() and int(args.base) < len(alignment.documents):
            base = int(args.base)  # a column number, as the GUI counts from 0
        elif args.base:
            base = alignment.documents.index(find_document(alignment, args.base))
    except CommandError as error:
        return fail(error)
    pairs = [pair] if pair else None
    changes = read_changes(alignment, pairs)
    try:
        write_report(
            alignment, changes, args.format, args.output,
            pair=pair, base=base, notes=notes, corrections=store.corrections,
        )  # fmt: skip
    except OSError as exc:
        return fail(CommandError(f"newsdiff: {args.output}: {exc.strerror or exc}", 3))
    return 0


def write_report(
    alignment: Alignment,
    changes: list[Change],
    fmt: str,
    output: str | os.PathLike[str],
    *,
    pair: tuple[Document, Document] | None = None,
    base: int = 0,
    notes: list[tuple[str, Note]] | None = None,
    corrections: list[Correction] | None = None,
) -> None:
    """Write one report atomically (the CLI and File → Export Report… both
    call this, so the two give the same file). Raises ``OSError``."""
    if fmt in ("html", "pdf"):
        printed = fmt == "pdf"
        html = html_report(alignment, changes, pair, base=base, notes=notes, for_print=printed)
        if not printed:
            write_text_atomic(output, html)
        else:
            if not os.environ.get("QT_QPA_PLATFORM"):  # no effect once the app runs
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from ..ui.export_pdf import write_pdf

            # Landscape once the synopsis has more columns than portrait can read.
            write_pdf(html, output, landscape=len(alignment.documents) > 3)
    elif fmt == "json":
        write_text_atomic(output, json_report(alignment, changes, notes, corrections))
    elif fmt == "csv":
        write_text_atomic(output, changes_csv(changes))
    else:
        write_text_atomic(output, tei_report(alignment))
