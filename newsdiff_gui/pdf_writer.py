"""The PDF report: the HTML report laid out by Qt's own text engine and PDF
writer (no extra dependency), A4, paginated, legible in grey.

The one Qt use outside ``ui/``. Why here: both front ends write PDFs — the
window's File → Export Report… and the headless ``newsdiff export`` — and
``commands/`` must never import ``ui/``, while the engine imports no Qt at
all. So the engine's ``report.write_report`` takes a PDF writer from its
caller, and both callers pass this one. PySide6 is imported only when a PDF
is written; without a display (and before any Qt application exists) it
renders offscreen.

Qt's rich text knows no CSS gradients, so the hatched cells that say "this
version lacks that content" would print as blank cells, which read as
"nothing changed". The report marks those cells with one grey
(``PRINT_GAP_COLOUR``) and this writer fills each with a hatch pattern.

Public API: ``write_pdf``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .engine.report.html import PRINT_GAP_COLOUR
from .engine.store.atomic import _mode_for

if TYPE_CHECKING:
    from PySide6.QtGui import QBrush, QTextDocument, QTextFrame

HATCH_TILE = 12  # logical pixels (96 dpi) between hatch lines: about 3 mm
HATCH_DETAIL = 4  # the tile is drawn this many times finer, for a sharp line in print


def write_pdf(html: str, path: str | os.PathLike[str], landscape: bool = False) -> None:
    """Render ``html`` to a PDF at ``path`` (written to a temp file, then moved).

    ``landscape`` gives a synopsis of many versions room for its columns
    (``html_report(..., for_print=True)`` also sets smaller type). The PDF's
    title is the HTML's ``<title>``.
    """
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from .marks_font import install_marks_font

    _app = QGuiApplication.instance()  # kept alive while writing
    if _app is None:  # headless (the CLI): no display needed
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication([])
    install_marks_font()  # ✋, ⓘ … print on machines without a font that has them
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
    )
    os.close(handle)
    os.chmod(temp_name, _mode_for(target))
    try:
        writer = QPdfWriter(temp_name)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setHtml(html)
        title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        writer.setTitle(title or "newsdiff report")
        writer.setCreator("newsdiff")
        _hatch_gaps(document)
        # Without a page size of its own, QTextDocument.print_ adds 2 cm margins on top
        # of the page's, wasting a third of a landscape page. Lay it out at the paint
        # rectangle instead, in the 96-dpi pixels Qt's text layout uses by default.
        paint = writer.pageLayout().paintRectPoints()
        document.setPageSize(QSizeF(paint.width() * 96 / 72, paint.height() * 96 / 72))
        document.print_(writer)
        del writer  # flushes the file
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _hatch_brush() -> QBrush:
    """Grey diagonal lines on white, one tile of ``HATCH_TILE`` logical pixels."""
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

    size = HATCH_TILE * HATCH_DETAIL
    tile = QImage(size, size, QImage.Format.Format_ARGB32)
    tile.fill(QColor("white"))
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#9a9a9a"), HATCH_DETAIL * 0.8))
    for shift in (-size, 0, size):  # the line through the tile and its neighbours' ends
        painter.drawLine(shift - 1, size + 1, shift + size + 1, -1)
    painter.end()
    tile.setDevicePixelRatio(HATCH_DETAIL)
    return QBrush(tile)


def _hatch_gaps(document: QTextDocument) -> int:
    """Give every table cell of ``PRINT_GAP_COLOUR`` the hatch; return how many."""
    from PySide6.QtGui import QColor, QTextTable

    gap = QColor(PRINT_GAP_COLOUR)
    brush = _hatch_brush()
    hatched = 0
    frames: list[QTextFrame] = [document.rootFrame()]
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                if cell.row() != row or cell.column() != column:
                    continue  # a spanned cell, counted at its first position
                cell_format = cell.format().toTableCellFormat()
                if cell_format.background().color() == gap:
                    cell_format.setBackground(brush)
                    cell.setFormat(cell_format)
                    hatched += 1
    return hatched
