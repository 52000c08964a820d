"""A table header that cuts each line of a section's text to its width with "…".

Why: Qt's header clips multi-line text at the section's edges (centred text
at both ends: "ia Associated Pres"), so a version label in a narrow column
lost its letter, the one thing that names it. Subclasses may shorten a line
further before it is cut (``fitted_lines``).

Public API: ``ElidingHeader``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

_MARGIN = 6


class ElidingHeader(QHeaderView):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)

    def fitted_lines(self, logical_index: int, lines: list[str], room: int) -> list[str]:
        """The lines to draw before each is cut to ``room`` pixels (as given)."""
        return lines

    def fitted_text(self, logical_index: int, width: int) -> str:
        """The section's text as drawn in ``width`` pixels."""
        model = self.model()
        if model is None:
            return ""
        text = str(model.headerData(logical_index, self.orientation()) or "")
        room = max(0, width - 2 * _MARGIN)
        metrics = QFontMetrics(self.font())
        lines = self.fitted_lines(logical_index, text.split("\n"), room)
        return "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines
        )

    def paint_text(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        """The style's section in ``rect`` with the fitted text."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical_index)
        option.rect = rect
        option.text = self.fitted_text(logical_index, rect.width())
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        painter.save()
        self.paint_text(painter, rect, logical_index)
        painter.restore()
