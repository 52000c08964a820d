"""The PDF report: the HTML report laid out by Qt's own text engine and PDF
writer (no extra dependency), A4, paginated, legible in grey.

The one Qt use outside ``ui/``. Why here: both front ends write PDFs — the
window's File → Export Report… and the headless ``newsdiff export --format
pdf`` — and ``commands/`` must never import ``ui/``, while the engine
imports no Qt at all. So the engine's ``report.write_report`` takes a PDF
writer from its caller, and both callers pass this one. PySide6 is imported
only when a PDF is written; without a display (and before any Qt
application exists) it renders offscreen.

Public API: ``write_pdf``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .engine.store.atomic import _mode_for


def write_pdf(html: str, path: str | os.PathLike[str], landscape: bool = False) -> None:
    """Render ``html`` to a PDF at ``path`` (written to a temp file, then moved).

    ``landscape`` gives a synopsis of many versions room for its columns
    (``html_report(..., for_print=True)`` also sets smaller type).
    """
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance()  # kept alive while writing
    if _app is None:  # headless (the CLI): no display needed
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication([])
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
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle("newsdiff report")
        document = QTextDocument()
        document.setHtml(html)
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
