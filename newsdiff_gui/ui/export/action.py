"""File → Export Report…: the CLI's reports from the window, for the pair on screen.

Public API: ``ExportController``, ``export_report``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...engine.annotate.corrections import Correction
from ...engine.annotate.notes import Note
from ...engine.changes import read_changes
from ...engine.model import Alignment, Document
from ...engine.report import write_report
from ...pdf_writer import write_pdf
from ..base.context import AppContext
from ..notes.annotations import AnnotationsController
from ..synopsis.controller import SynopsisController

FILTERS = {
    "HTML report (*.html)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON: alignment and changes (*.json)": "json",
    "CSV: one row per change (*.csv)": "csv",
    "TEI P5 collation (*.xml)": "tei",
}


def export_report(
    alignment: Alignment,
    pair: tuple[Document, Document],
    fmt: str,
    path: str | Path,
    *,
    base: int = 0,
    notes: list[tuple[str, Note]] | None = None,
    corrections: list[Correction] | None = None,
) -> None:
    """Write one report of what the window shows: the corrected alignment, the
    pair on screen, the synopsis against its base and the reader's notes
    (the engine's ``write_report``, as ``newsdiff export`` writes it)."""
    write_report(
        alignment, read_changes(alignment, [pair]), fmt, path,
        pair=pair, base=base, notes=notes, corrections=corrections, pdf_writer=write_pdf,
    )  # fmt: skip


class ExportController:
    """The report of the set on screen: its notes and corrections from
    ``annotations``, the synopsis against ``synopsis``'s base."""

    def __init__(
        self,
        context: AppContext,
        annotations: AnnotationsController,
        synopsis: SynopsisController,
    ) -> None:
        self.context = context
        self.annotations = annotations
        self.synopsis = synopsis
        self.action = context.add_action(
            "export",
            "&Export Report…",
            self.export,
            "Ctrl+Shift+E",
            tip="Save the comparison as HTML, PDF, JSON, CSV or TEI",
        )

    def export(self) -> None:
        alignment = self.context.alignment
        if alignment is None:
            return
        left, right = self.context.pair
        pair = (alignment.documents[left], alignment.documents[right])
        path, chosen = QFileDialog.getSaveFileName(
            self.context.widget, "Export report", "newsdiff-report.html", ";;".join(FILTERS)
        )
        if not path:
            return
        base_id = self.synopsis.base_id
        ids = [d.id for d in alignment.documents]
        try:
            export_report(
                alignment,
                pair,
                FILTERS.get(chosen, "html"),
                path,
                base=ids.index(base_id) if base_id in ids else 0,
                notes=self.annotations.described_notes(),
                corrections=self.annotations.corrections,
            )
        except OSError as error:
            QMessageBox.warning(self.context.widget, "newsdiff", f"Could not write {path}: {error}")
            return
        self.context.show_message(f"Report saved to {path}", 8000)
