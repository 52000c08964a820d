"""Paints where a pair row sits in its versions: paragraph breaks and moved passages.

Why: with every sentence a row of equal spacing, a reader could not see
where either version starts a paragraph, nor that a passage the two share
was told elsewhere in the other. A cell that opens a paragraph of its
version gets a small "¶ n" and a rule above its text (each side its own,
so both versions' breaks show whichever order is read); a moved row gets
"↕" in the outer margin of both cells and a bar of the same colour, with
"moved from ¶ n" in the row's tooltip (``model.moved_line``).

The row delegate calls ``paragraph_gap`` (room above the text) and
``paint_places``; the colours follow the palette (light and dark).

Public API: ``paragraph_gap``, ``paint_places``, ``moved_colour``, ``PARAGRAPH_GAP``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ...engine.compare.reading import RowPlace
from ...engine.report.markers import MOVED
from ..base.theme import Theme

PARAGRAPH_GAP = 16  # pixels above a row whose cell opens a paragraph
_BAR = 3


def moved_colour(theme: Theme) -> QColor:
    """The theme's moved accent: apart from the added/omitted/reworded ones."""
    return theme.moved_accent


def paragraph_gap(place: RowPlace | None) -> int:
    """Extra room above the row's text for the "¶ n" of a cell opening a paragraph."""
    if place is None or not (place.left_opens or place.right_opens):
        return 0
    return PARAGRAPH_GAP


def paint_places(
    painter: QPainter,
    cells: tuple[QRect, QRect],
    place: RowPlace | None,
    theme: Theme,
    font: QFont,
    pad_x: int,
) -> None:
    """ "¶ n" and a rule over each cell that opens a paragraph; "↕" and a bar on
    both cells of a moved row. ``cells`` are the left and right cell rects."""
    if place is None:
        return
    painter.save()
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 1.1)
    small.setBold(True)
    painter.setFont(small)
    metrics = painter.fontMetrics()
    gap = paragraph_gap(place)
    for left, cell in zip((True, False), cells, strict=True):
        number = place.paragraph(left)
        if not place.opens(left) or number is None:
            continue
        label = f"¶ {number}"
        width = metrics.horizontalAdvance(label)
        middle = cell.top() + gap // 2 + 2
        painter.setPen(theme.dim_text)
        painter.drawText(
            QRect(cell.left() + pad_x, middle - metrics.height() // 2, width + 2, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        painter.setPen(QPen(theme.dim_text, 1, Qt.PenStyle.DotLine))
        painter.drawLine(cell.left() + pad_x + width + 6, middle, cell.right() - pad_x, middle)
    if place.moved:
        colour = moved_colour(theme)
        glyph = QFont(font)
        glyph.setBold(True)
        glyph.setPointSizeF(font.pointSizeF() * 1.6)
        painter.setFont(glyph)
        painter.setPen(colour)
        top = cells[0].top() + gap + 6
        for left, cell in zip((True, False), cells, strict=True):
            edge = cell.left() if left else cell.right() - _BAR + 1
            painter.fillRect(QRect(edge, cell.top() + gap, _BAR, cell.height() - gap - 1), colour)
            box = QRect(cell.left() + _BAR, top, pad_x, 22)
            if not left:
                box = QRect(cell.right() - pad_x - _BAR + 1, top, pad_x, 22)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             MOVED.symbol)  # fmt: skip
    painter.restore()
