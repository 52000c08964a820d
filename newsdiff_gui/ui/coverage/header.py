"""The coverage map's column header: each version's counts and a bar of them.

Under the counts, a stacked bar shows what the version alone has (★ colour),
what it shares (■ colour) and what others share that it misses (hatched
grey): the three lengths are proportional, so a glance along the header tells
a full wire copy from a summary or a different story. The hatching keeps
"missing" legible without colour.

Public API: ``CoverageHeader``, ``BAR_HEIGHT``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...engine.compare.coverage import CellState
from ..base.eliding_header import ElidingHeader
from .model import COUNTS_ROLE, STATE_STYLE

BAR_HEIGHT = 8
_MARGIN = 6


class CoverageHeader(ElidingHeader):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def fitted_lines(self, logical_index: int, lines: list[str], room: int) -> list[str]:
        """Counts in their compact form ("233 · 15 · 31") when the long one
        does not fit."""
        model = self.model()
        counts = (
            model.headerData(logical_index, Qt.Orientation.Horizontal, COUNTS_ROLE)
            if model is not None
            else None
        )
        metrics = QFontMetrics(self.font())
        if counts and any(metrics.horizontalAdvance(line) > room for line in lines[1:]):
            return [lines[0], " · ".join(str(n) for n in counts)]
        return lines

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        """Room for the bar under the three lines of text."""
        size = super().sectionSizeFromContents(logical_index)
        return QSize(size.width(), size.height() + BAR_HEIGHT + _MARGIN)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        """The style's section (text), then the only/shared/missing bar along its bottom."""
        painter.save()
        self.paint_text(painter, rect.adjusted(0, 0, 0, -(BAR_HEIGHT + _MARGIN)), logical_index)
        painter.restore()
        model = self.model()
        counts = (
            model.headerData(logical_index, Qt.Orientation.Horizontal, COUNTS_ROLE)
            if model is not None
            else None
        )
        bar = QRect(
            rect.left() + _MARGIN,
            rect.bottom() - BAR_HEIGHT - _MARGIN // 2,
            rect.width() - 2 * _MARGIN,
            BAR_HEIGHT,
        )
        painter.save()
        painter.fillRect(rect.adjusted(0, rect.height() - BAR_HEIGHT - _MARGIN, 0, 0),
                         self.palette().button())  # fmt: skip
        if counts and sum(counts) and bar.width() > 0:
            only, shared, missing = counts
            total = only + shared + missing
            x = bar.left()
            parts = (
                (only, QBrush(QColor(STATE_STYLE[CellState.ONLY][1]))),
                (shared, QBrush(QColor(STATE_STYLE[CellState.VERBATIM][1]))),
                (missing, QBrush(QColor("#8a8a8a"), Qt.BrushStyle.BDiagPattern)),
            )
            for number, (value, brush) in enumerate(parts):
                width = round(bar.width() * value / total)
                if number == len(parts) - 1:
                    width = bar.right() + 1 - x
                if width > 0:
                    painter.fillRect(QRect(x, bar.top(), width, bar.height()), brush)
                x += width
            painter.setPen(QPen(QColor("#8a8a8a"), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar.adjusted(0, 0, -1, -1))
        painter.restore()
