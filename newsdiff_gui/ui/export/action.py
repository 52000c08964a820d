"""File → Export Report…: the CLI's reports from the window, for the pair on screen.

The format follows the name the reader typed: ``report.pdf`` is a PDF
whichever file type the dialog had selected, and a name without an
extension gets the selected type's (``engine.report.naming``). The dialog
starts in the folder of the last export.

Public API: ``ExportController``, ``export_report``, ``FILTERS``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ...engine.annotate.corrections import Correction
from ...engine.annotate.notes import Note
from ...engine.changes import read_changes
from ...engine.model import Alignment, Document
from ...engine.report import write_report
from ...engine.report.naming import path_for_format
from ...pdf_writer import write_pdf
from ..base.context import AppContext
from ..base.file_dialogs import save_file_name
from ..notes.annotations import AnnotationsController
from ..synopsis.controller import SynopsisController

FILTERS = {
    "HTML report (*.html *.htm)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON: alignment and changes (*.json)": "json",
    "CSV: one row per change (*.csv)": "csv",
    "TEI P5 collation (*.xml)": "tei",
}
FORMAT_NAMES = {"html": "HTML", "pdf": "PDF", "json": "JSON", "csv": "CSV", "tei": "TEI"}
DIALOG_KIND = "export"


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


def _filter_format(chosen: str) -> str:
    """The format of the dialog's selected filter (the label up to its patterns)."""
    if chosen in FILTERS:
        return FILTERS[chosen]
    label = chosen.split("(")[0].strip()
    return next((f for text, f in FILTERS.items() if text.startswith(label) and label), "html")


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

    def export(self) -> Path | None:
        """Ask where, write the report there; the path written, or None."""
        alignment = self.context.alignment
        if alignment is None:
            return None
        left, right = self.context.pair
        pair = (alignment.documents[left], alignment.documents[right])
        typed, chosen = save_file_name(
            self.context.widget,
            DIALOG_KIND,
            "Export report",
            "newsdiff-report.html",
            ";;".join(FILTERS),
        )
        if not typed:
            return None
        path, fmt = path_for_format(typed, _filter_format(chosen))
        base_id = self.synopsis.base_id
        ids = [d.id for d in alignment.documents]
        try:
            export_report(
                alignment,
                pair,
                fmt,
                path,
                base=ids.index(base_id) if base_id in ids else 0,
                notes=self.annotations.described_notes(),
                corrections=self.annotations.corrections,
            )
        except OSError as error:
            QMessageBox.warning(self.context.widget, "newsdiff", f"Could not write {path}: {error}")
            return None
        self.context.show_message(f"{FORMAT_NAMES[fmt]} report saved to {path}", 8000)
        return path
