"""``newsdiff export FILES... -o OUT [--format html|pdf|json|csv|tei]
[--base VERSION] [--pair A B] [--no-notes] [--no-corrections]``.

The format follows OUT's extension (``-o r.pdf`` writes a PDF), so
``--format`` is needed only for a name without one (``-o report --format
pdf`` writes ``report.pdf``); a ``--format`` that contradicts the extension
is a usage error rather than, say, HTML in a file called ``.pdf``.

Reports of the alignment and its changes (docs: README, "Reports"). HTML is
one self-contained file; PDF is the same report through Qt's PDF writer;
JSON is the alignment contract plus ``changes``, ``notes`` and
``corrections``; CSV has one row per change; TEI is P5 parallel
segmentation. The report shows what the GUI shows for the same files: the
set opened by the one recipe (``common.open_inputs``: the cached alignment
with the user's manual corrections applied) and their notes included
(``--no-notes`` leaves notes out of a report meant for others). Written by
the engine's ``report.write_report``, atomically, as File → Export Report…
writes it.
"""

from __future__ import annotations

import argparse

from ..engine.changes import read_changes
from ..engine.report import FORMATS, PdfWriter, write_report
from ..engine.report.naming import SUFFIXES, format_for_path, path_for_format
from .changes import find_document
from .common import EXIT_USAGE, CommandError, add_corrections_option, fail, open_inputs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="the report's format (default: from OUT's extension: "
        + ", ".join(f"{s[0]} {f}" for f, s in SUFFIXES.items())
        + ")",
    )
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
    add_corrections_option(parser)


def output_and_format(output: str, chosen: str | None) -> tuple[str, str]:
    """The file to write and its format, from ``-o`` and ``--format``; raises
    ``CommandError`` (usage) when neither names a format or they disagree."""
    named = format_for_path(output)
    if chosen is None:
        if named is None:
            raise CommandError(
                f"newsdiff: cannot tell the report format from {output!r}: end it with "
                f"{', '.join(s[0] for s in SUFFIXES.values())} or give --format",
                EXIT_USAGE,
            )
        return output, named
    if named is not None and named != chosen:
        raise CommandError(
            f"newsdiff: --format {chosen} does not match {output!r} (a {named} file name); "
            "drop --format or change the name",
            EXIT_USAGE,
        )
    path, fmt = path_for_format(output, chosen)
    return str(path), fmt


def run(args: argparse.Namespace) -> int:
    try:
        output, fmt = output_and_format(args.output, args.format)
    except CommandError as error:
        return fail(error)
    try:
        opened = open_inputs(args.files, keep_duplicates=True, corrected=not args.no_corrections)
        alignment = opened.alignment
        notes = [] if args.no_notes else opened.described_notes()
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
    # The one Qt use of a command, imported only for a PDF (see ``pdf_writer``).
    pdf_writer = _qt_pdf_writer() if fmt == "pdf" else None
    try:
        write_report(
            alignment, changes, fmt, output,
            pair=pair, base=base, notes=notes, corrections=opened.corrections,
            pdf_writer=pdf_writer,
        )  # fmt: skip
    except OSError as exc:
        return fail(CommandError(f"newsdiff: {output}: {exc.strerror or exc}", 3))
    return 0


def _qt_pdf_writer() -> PdfWriter:
    from ..pdf_writer import write_pdf

    return write_pdf
