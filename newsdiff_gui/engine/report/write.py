"""Write one report file in a chosen format: the dispatch both front ends call.

``newsdiff export`` and the window's File → Export Report… give the same
file for the same alignment because both call ``write_report``. Formats:
``html`` (one self-contained file), ``pdf`` (the same HTML set for print),
``json`` (the alignment contract plus changes, notes and corrections),
``csv`` (one row per change) and ``tei`` (P5 parallel segmentation).

A PDF needs a layout engine, and the engine imports no Qt: the caller
passes one in (``pdf_writer``; both front ends pass
``newsdiff_gui.pdf_writer.write_pdf``). Every file is written atomically.

Public API: ``FORMATS``, ``PdfWriter``, ``write_report``.
"""

from __future__ import annotations

import os
from typing import Protocol

from ..annotate.corrections import Correction
from ..annotate.notes import Note
from ..changes import Change
from ..model import Alignment, Document
from ..store.atomic import write_text_atomic
from .html import html_report
from .tabular import changes_csv, json_report
from .tei import tei_report

FORMATS = ("html", "pdf", "json", "csv", "tei")
# More versions than this and the PDF's synopsis needs a landscape page.
PORTRAIT_COLUMNS = 3


class PdfWriter(Protocol):
    def __call__(
        self, html: str, path: str | os.PathLike[str], landscape: bool = False
    ) -> None: ...


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
    pdf_writer: PdfWriter | None = None,
) -> None:
    """Write one report of ``alignment`` and ``changes`` to ``output``.

    ``pair`` and ``base`` choose the HTML/PDF pair table and synopsis base;
    ``notes`` (labelled) go into HTML, PDF and JSON, ``corrections`` into
    JSON. Raises ``ValueError`` for an unknown format or a PDF without a
    ``pdf_writer``, ``OSError`` when the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "pdf" and pdf_writer is None:
        raise ValueError("a PDF report needs a pdf_writer (the engine has no layout engine)")
    if fmt in ("html", "pdf"):
        printed = fmt == "pdf"
        html = html_report(alignment, changes, pair, base=base, notes=notes, for_print=printed)
        if pdf_writer is not None and printed:
            pdf_writer(html, output, landscape=len(alignment.documents) > PORTRAIT_COLUMNS)
        else:
            write_text_atomic(output, html)
    elif fmt == "json":
        write_text_atomic(output, json_report(alignment, changes, notes, corrections))
    elif fmt == "csv":
        write_text_atomic(output, changes_csv(changes))
    else:
        write_text_atomic(output, tei_report(alignment))
