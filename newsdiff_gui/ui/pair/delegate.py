"""Paints one pair row: left cell, marker gutter, right cell, all in one item.

Why one item for both cells: the two columns share one row height and one
scroll position, so they cannot drift. Each cell is a ``QTextDocument`` laid
out at the cell width (word wrap, never cut off). Layouts are cached by
(row, side, width) because ``sizeHint`` and ``paint`` both need them and a
resize changes every width at once.

A sentence without a partner faces a hatched cell that says so in words, and
the gutter between the cells carries a symbol and a word (``+ added``,
``− omitted``, ``≈ reworded``, ``= same``, ``· boilerplate``), so colour is
never the only cue.

Public API: ``PairRowDelegate``, ``GUTTER_WIDTH``, ``cell_rects``.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...engine.compare.pairing import PairRow, RowKind
from ..base.formats import fill_document, highlight_matches
from ..base.theme import Theme, reading_font, theme_for
from .model import (
    CHANGE_TAGS_ROLE,
    LEFT_PIECES_ROLE,
    MARKER_ROLE,
    MARKS_ROLE,
    PARTNER_TEXT_ROLE,
    PLACE_ROLE,
    RIGHT_PIECES_ROLE,
    ROW_ROLE,
)
from .offer import OfferLayout
from .places import paint_places, paragraph_gap

_Index = QModelIndex | QPersistentModelIndex

GUTTER_WIDTH = 84  # room for "boilerplate" in the small marker font
_PAD_X = 16
_PAD_Y = 10
_ACCENT_BAR = 4  # coloured edge of a lone sentence's cell (besides the marker)
_MIN_HEIGHT = 44
_GAP_LABEL = {True: "not in this version (omitted)", False: "not in this version"}


def cell_rects(rect: QRect) -> tuple[QRect, QRect, QRect]:
    """Left cell, gutter and right cell of a row; the header uses the same split."""
    half = max(0, (rect.width() - GUTTER_WIDTH) // 2)
    left = QRect(rect.left(), rect.top(), half, rect.height())
    gutter = QRect(left.right() + 1, rect.top(), GUTTER_WIDTH, rect.height())
    right = QRect(gutter.right() + 1, rect.top(), rect.width() - half - GUTTER_WIDTH, rect.height())
    return left, gutter, right


class PairRowDelegate(QStyledItemDelegate):
    """Draws rows of a ``PairRowsModel`` inside a ``QListView``."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._font = reading_font()
        self._marker_font = QFont(view.font())
        self._marker_font.setPointSizeF(max(6.5, view.font().pointSizeF() * 0.78))
        # A possible partner, asked in the gap cell facing a lone sentence (offer.py).
        self.offer = OfferLayout(QFont(view.font()), _PAD_X, _PAD_Y)
        self._theme = theme_for(view.palette())
        self._cache: dict[tuple[int, bool, int], QTextDocument] = {}
        # Search: the pattern to mark in every cell, and the current hit as
        # (row, left side?, match number within that cell).
        self._highlight: re.Pattern[str] | None = None
        self._current_hit: tuple[int, bool, int] | None = None
        model = view.model()
        if model is not None:
            model.modelReset.connect(self.clear_cache)
            model.layoutChanged.connect(self.clear_cache)

    # -- configuration -----------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Use new colours (palette changed); cached layouts carry old formats."""
        self._theme = theme
        self.clear_cache()

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self.clear_cache()

    def clear_cache(self) -> None:
        self._cache.clear()

    def set_highlight(
        self, pattern: re.Pattern[str] | None, current: tuple[int, bool, int] | None = None
    ) -> None:
        """Mark search hits (``None``: none); cached layouts must be redone."""
        self._highlight = pattern
        self._current_hit = current
        self.clear_cache()

    # -- layout -------------------------------------------------------------
    def _text_width(self, total_width: int) -> int:
        left, _, _ = cell_rects(QRect(0, 0, total_width, 1))
        return max(40, left.width() - 2 * _PAD_X)

    def document(self, index: _Index, left: bool, width: int) -> QTextDocument:
        """The laid-out text of one cell (cached; tests read it too)."""
        key = (index.row(), left, width)
        document = self._cache.get(key)
        if document is None:
            if len(self._cache) > 4000:  # bound memory on very long sets
                self._cache.clear()
            document = QTextDocument()
            pieces = index.data(LEFT_PIECES_ROLE if left else RIGHT_PIECES_ROLE) or []
            fill_document(document, pieces, self._theme, self._font, width)
            if self._highlight is not None:
                hit = self._current_hit
                current = hit[2] if hit is not None and hit[:2] == (index.row(), left) else None
                highlight_matches(document, self._highlight, self._theme, current)
            self._cache[key] = document
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Height of the taller cell at the current viewport width."""
        total = self._view.viewport().width()
        width = self._text_width(total)
        heights = [self.document(index, side, width).size().height() for side in (True, False)]
        # Room in the gutter for the typed-change glyphs and the reader's marks.
        extra = 18 * (bool(index.data(CHANGE_TAGS_ROLE)) + bool(index.data(MARKS_ROLE)))
        offer = index.data(PARTNER_TEXT_ROLE)
        if offer:
            cell = cell_rects(QRect(0, 0, total, 1))[0].width()
            heights.append(self.offer.height(cell, offer) - 2 * _PAD_Y)
        gap = paragraph_gap(index.data(PLACE_ROLE))  # room for "¶ n" above the text
        return QSize(total, gap + max(_MIN_HEIGHT + extra, int(max(heights)) + 2 * _PAD_Y + 1))

    # -- painting -----------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Backgrounds, gap hatching, texts, gutter marker, separators, focus outline."""
        row: PairRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        theme = self._theme
        rect = QRect(option.rect)
        place = index.data(PLACE_ROLE)
        gap = paragraph_gap(place)
        left_rect, gutter, right_rect = cell_rects(rect)
        width = self._text_width(rect.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, theme.base)

        lone_left = row.kind == RowKind.ONLY_LEFT
        lone_right = row.kind == RowKind.ONLY_RIGHT
        if lone_left:
            self._paint_lone(painter, left_rect, theme.omitted_tint, theme.omitted_accent)
            self._paint_gap(painter, right_rect, omitted=True)
        elif lone_right:
            self._paint_gap(painter, left_rect, omitted=False)
            self._paint_lone(painter, right_rect, theme.added_tint, theme.added_accent)
        elif row.kind == RowKind.BOILERPLATE:
            if not row.left:
                self._paint_gap(painter, left_rect, omitted=False, label=False)
            if not row.right:
                self._paint_gap(painter, right_rect, omitted=True, label=False)

        for side, cell in ((True, left_rect), (False, right_rect)):
            document = self.document(index, side, width)
            if document.isEmpty():
                continue
            painter.save()
            painter.translate(QPointF(cell.left() + _PAD_X, cell.top() + _PAD_Y + gap))
            document.drawContents(painter, QRectF(0, 0, width, cell.height()))
            painter.restore()

        offer = index.data(PARTNER_TEXT_ROLE)
        if offer and row.kind in (RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT):
            self.offer.paint(painter, right_rect if lone_left else left_rect, offer, theme)
        paint_places(painter, (left_rect, right_rect), place, theme, self._marker_font, _PAD_X)
        self._paint_marker(painter, gutter.adjusted(0, gap, 0, 0), row, index)

        # Separators: gutter edges and the line under the row.
        painter.setPen(QPen(theme.separator, 1))
        painter.drawLine(gutter.topLeft(), gutter.bottomLeft())
        painter.drawLine(gutter.topRight(), gutter.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(theme.current_row, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -2))
        painter.restore()

    def _paint_lone(self, painter: QPainter, cell: QRect, tint: Any, accent: Any) -> None:
        painter.fillRect(cell, tint)
        painter.fillRect(QRect(cell.left(), cell.top(), _ACCENT_BAR, cell.height() - 1), accent)

    def _paint_gap(
        self, painter: QPainter, cell: QRect, *, omitted: bool, label: bool = True
    ) -> None:
        """Hatch the empty side and say in words that the text is missing here."""
        brush = QBrush(self._theme.gap_hatch, Qt.BrushStyle.BDiagPattern)
        painter.fillRect(cell.adjusted(0, 0, 0, -1), brush)
        if not label:
            return
        font = QFont(self._marker_font)
        font.setItalic(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = _GAP_LABEL[omitted]
        box = QRect(
            cell.left() + _PAD_X - 6,
            cell.top() + _PAD_Y - 2,
            metrics.horizontalAdvance(text) + 12,
            metrics.height() + 4,
        )
        painter.fillRect(box, self._theme.base)
        painter.setPen(self._theme.dim_text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_marker(self, painter: QPainter, gutter: QRect, row: PairRow, index: _Index) -> None:
        symbol, word = index.data(MARKER_ROLE) or ("", "")
        theme = self._theme
        if row.kind == RowKind.ONLY_LEFT:
            colour = theme.omitted_accent
        elif row.kind == RowKind.ONLY_RIGHT:
            colour = theme.added_accent
        elif row.is_change:
            colour = theme.reworded_accent
        else:
            colour = theme.dim_text
        symbol_font = QFont(self._marker_font)
        symbol_font.setPointSizeF(self._marker_font.pointSizeF() * 1.9)
        symbol_font.setBold(True)
        painter.setFont(symbol_font)
        painter.setPen(colour)
        top = gutter.top() + _PAD_Y - 4
        symbol_height = painter.fontMetrics().height()
        painter.drawText(
            QRect(gutter.left(), top, gutter.width(), symbol_height),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            symbol,
        )
        painter.setFont(self._marker_font)
        painter.setPen(colour if row.kind != RowKind.SHARED or row.is_change else theme.dim_text)
        painter.drawText(
            QRect(gutter.left(), top + symbol_height - 4, gutter.width(), 20),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            word,
        )
        tags = index.data(CHANGE_TAGS_ROLE)
        if tags:  # typed changes: № number, “” quote, @ sourcing, ~ hedging …
            tag_font = QFont(self._marker_font)
            tag_font.setBold(True)
            painter.setFont(tag_font)
            painter.setPen(theme.reworded_accent)
            painter.drawText(
                QRect(gutter.left(), top + symbol_height + 12, gutter.width(), 20),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                tags,
            )
        marks = index.data(MARKS_ROLE)
        if marks:  # the reader's own: ✎ a note, ✋ a manual link
            marks_font = QFont(self._marker_font)
            marks_font.setPointSizeF(self._marker_font.pointSizeF() * 1.35)
            marks_font.setBold(True)
            painter.setFont(marks_font)
            painter.setPen(theme.current_row)
            marks_top = top + symbol_height + (30 if tags else 12)
            painter.drawText(
                QRect(gutter.left(), marks_top, gutter.width(), 20),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                marks,
            )
