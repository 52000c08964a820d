"""Draws a possible partner in the empty cell facing a lone sentence, and finds its buttons.

A lone sentence's other side is hatched and says "not in this version". When
the aligner suggested a partner there (``engine.compare.suggestions``), the
hatched cell also asks the question, under that label:

    ≟ maybe the same as Realist ¶7: «The military buildup continues.», 0.41
    [ Link  Ctrl+L ]  [ Dismiss ]

Why painted, not widgets: rows are painted by one delegate and laid out
lazily; a widget per offer would have to follow every scroll and resize.
The same ``OfferLayout`` gives the delegate its drawing and the click handler
(``partners.py``) its button rectangles, so what is hit is what is drawn.
The partner's words are article text: drawn as plain text, never markup.

Public API: ``OfferLayout``, ``OfferGeometry``, ``LINK_TEXT``, ``DISMISS_TEXT``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from ...engine.report.markers import PARTNER
from ..base.theme import Theme

LINK_TEXT = "Link  Ctrl+L"
DISMISS_TEXT = "Dismiss"
_INSET = 8  # inside the offer's frame
_GAP = 6  # between the text and the buttons, and between the gap label and the frame


@dataclass(frozen=True)
class OfferGeometry:
    frame: QRect
    text: QRect
    link: QRect
    dismiss: QRect


class OfferLayout:
    """Where an offer goes in a gap cell, for painting and for hit tests.

    ``pad_x`` and ``pad_y`` are the delegate's cell paddings: the frame lines
    up with the cell's text and starts under the "not in this version" label.
    """

    def __init__(self, font: QFont, pad_x: int, pad_y: int) -> None:
        self.font = QFont(font)
        self.button_font = QFont(font)
        self.button_font.setBold(True)
        self.pad_x = pad_x
        self.pad_y = pad_y

    def _document(self, text: str, width: int, theme: Theme | None = None) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(self.font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setDocumentMargin(0)
        mark, words = QTextCharFormat(), QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        if theme is not None:
            mark.setForeground(theme.reworded_accent)
            words.setForeground(theme.text)
        # insertText never parses markup: the partner's words are data.
        cursor = QTextCursor(document)
        cursor.insertText(PARTNER.symbol, mark)
        cursor.insertText(f" {text}", words)
        document.setTextWidth(max(40, width))
        return document

    def geometry(self, cell: QRect, text: str) -> OfferGeometry:
        metrics = QFontMetrics(self.font)
        label_bottom = cell.top() + self.pad_y + metrics.height() + 2
        left = cell.left() + self.pad_x - 6
        width = max(80, cell.width() - 2 * self.pad_x + 12)
        text_width = width - 2 * _INSET
        text_height = int(self._document(text, text_width).size().height() + 0.999)
        top = label_bottom + _GAP
        text_rect = QRect(left + _INSET, top + _INSET, text_width, text_height)
        buttons = QFontMetrics(self.button_font)
        height = buttons.height() + 8
        y = text_rect.bottom() + 1 + _GAP
        link = QRect(left + _INSET, y, buttons.horizontalAdvance(LINK_TEXT) + 20, height)
        dismiss = QRect(
            link.right() + 1 + 8, y, buttons.horizontalAdvance(DISMISS_TEXT) + 20, height
        )
        frame = QRect(left, top, width, link.bottom() + 1 + _INSET - top)
        return OfferGeometry(frame, text_rect, link, dismiss)

    def height(self, cell_width: int, text: str) -> int:
        """Row height a gap cell of ``cell_width`` needs to show the offer whole."""
        frame = self.geometry(QRect(0, 0, cell_width, 10_000), text).frame
        return frame.bottom() + 1 + self.pad_y

    def paint(self, painter: QPainter, cell: QRect, text: str, theme: Theme) -> None:
        """The framed question and its two buttons, over the hatching."""
        geometry = self.geometry(cell, text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(theme.reworded_accent, 1.2, Qt.PenStyle.DashLine))
        painter.setBrush(theme.base)
        painter.drawRoundedRect(QRectF(geometry.frame).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        document = self._document(text, geometry.text.width(), theme)
        painter.translate(geometry.text.topLeft())
        document.drawContents(painter, QRectF(0, 0, geometry.text.width(), geometry.text.height()))
        painter.translate(-geometry.text.topLeft())
        painter.setFont(self.button_font)
        for rect, label, strong in (
            (geometry.link, LINK_TEXT, True),
            (geometry.dismiss, DISMISS_TEXT, False),
        ):
            painter.setPen(QPen(theme.current_row if strong else theme.dim_text, 1))
            painter.setBrush(theme.header_bg)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(theme.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
