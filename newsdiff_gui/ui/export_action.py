"""File → Export Report…: the CLI's reports from the window, for the pair on screen.

Public API: ``ExportController``, ``export_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..engine.atomic import write_text_atomic
from ..engine.changes import read_changes
from ..engine.model import Alignment, Document
from ..engine.report import changes_csv, html_report, json_report, tei_report
from .export_pdf import write_pdf

if TYPE_CHECKING:
    from .main_window import MainWindow

FILTERS = {
    "HTML report (*.html)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON: alignment and changes (*.json)": "json",
    "CSV: one row per change (*.csv)": "csv",
    "TEI P5 collation (*.xml)": "tei",
}


def export_report(
    alignment: Alignment, pair: tuple[Document, Document], fmt: str, path: str | Path
) -> None:
    changes = read_changes(alignment, [pair])
    if fmt == "html":
        write_text_atomic(path, html_report(alignment, changes, pair))
    elif fmt == "pdf":
        write_pdf(html_report(alignment, changes, pair), path)
    elif fmt == "json":
        write_text_atomic(path, json_report(alignment, changes))
    elif fmt == "csv":
        write_text_atomic(path, changes_csv(changes))
    else:
        write_text_atomic(path, tei_report(alignment))


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
        try:
            export_report(alignment, pair, FILTERS.get(chosen, "html"), path)
        except OSError as error:
            QMessageBox.warning(self.window, "newsdiff", f"Could not write {path}: {error}")
            return
        self.window.statusBar().showMessage(f"Report saved to {path}", 8000)
