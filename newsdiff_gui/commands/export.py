"""``newsdiff export FILES... --format html|pdf|json|csv|tei -o OUT [--pair A B]``.

Reports of the alignment and its changes (docs: README, "Reports"). HTML is
one self-contained file; PDF is the same report through Qt's PDF writer;
JSON is the alignment contract plus ``changes``; CSV has one row per change;
TEI is P5 parallel segmentation. Written atomically.
"""

from __future__ import annotations

import argparse
import os

from ..engine.align import align
from ..engine.atomic import write_text_atomic
from ..engine.changes import read_changes
from ..engine.report import changes_csv, html_report, json_report, tei_report
from .changes import find_document
from .common import CommandError, fail, load_inputs

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


def run(args: argparse.Namespace) -> int:
    try:
        alignment = align(load_inputs(args.files, keep_duplicates=True))
        pair = None
        if args.pair:
            pair = (find_document(alignment, args.pair[0]), find_document(alignment, args.pair[1]))
    except CommandError as error:
        return fail(error)
    pairs = [pair] if pair else None
    changes = read_changes(alignment, pairs)
    try:
        if args.format == "html":
            write_text_atomic(args.output, html_report(alignment, changes, pair))
        elif args.format == "pdf":
            if not os.environ.get("QT_QPA_PLATFORM"):
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from ..ui.export_pdf import write_pdf

            write_pdf(html_report(alignment, changes, pair), args.output)
        elif args.format == "json":
            write_text_atomic(args.output, json_report(alignment, changes))
        elif args.format == "csv":
            write_text_atomic(args.output, changes_csv(changes))
        else:
            write_text_atomic(args.output, tei_report(alignment))
    except OSError as exc:
        return fail(CommandError(f"newsdiff: {args.output}: {exc.strerror or exc}", 3))
    return 0
