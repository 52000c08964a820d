"""File → Export Report…: the CLI's reports from the window, for the pair on screen.

Public API: ``ExportController``, ``export_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...engine.annotate.corrections import Correction
from ...engine.annotate.notes import Note
from ...engine.changes import read_changes
from ...engine.model import Alignment, Document
from ...engine.report import write_report
from ...pdf_writer import write_pdf

if TYPE_CHECKING:
    from ..app.main_window import MainWindow

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
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        action = window._action(
            "&Export Report…",
            self.export,
            "Ctrl+Shift+E",
            tip="Save the comparison as HTML, PDF, JSON, CSV or TEI",
        )
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.insertAction(file_menu.actions()[2], action)  # after the two Open actions
        self.action = action

    def export(self) -> None:
        alignment = self.window.alignment
        if alignment is None:
            return
        left, right = self.window.pair_view.pair
        pair = (alignment.documents[left], alignment.documents[right])
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export report", "newsdiff-report.html", ";;".join(FILTERS)
        )
        if not path:
            return
        base_id = self.window.synopsis.base_id
        ids = [d.id for d in alignment.documents]
        try:
            export_report(
                alignment,
                pair,
                FILTERS.get(chosen, "html"),
                path,
                base=ids.index(base_id) if base_id in ids else 0,
                notes=self.window.annotations.described_notes(),
                corrections=self.window.annotations.corrections,
            )
        except OSError as error:
            QMessageBox.warning(self.window, "newsdiff", f"Could not write {path}: {error}")
            return
        self.window.statusBar().showMessage(f"Report saved to {path}", 8000)
