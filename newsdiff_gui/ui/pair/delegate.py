"""Paints one pair row: left cell, marker gutter, right cell, all in one item.

Why one item for both cells: the two columns share one row height and one
scroll position, so they cannot drift. Each cell is a ``QTextDocument`` laid
out at the cell width (word wrap, never cut off). Layouts are cached by
(row, side, width) because ``sizeHint`` and ``paint`` both need them and a
resize changes every width at once.

Measuring is the costly part of showing a pair (a laid-out document per
cell), so ``sizeHint`` never measures: it gives a row's measured height, or
an estimate from its length, and says so (``estimating``); the list view
measures the rows on screen at once and the others in short slices while
the reader reads (``PairListView``). Cell heights are also kept by what the
cell says and the width: a version's sentences come back in every pair it
is in, so after the first pairs most cells are measured already.

A sentence without a partner faces a hatched cell that says so in words, and
the gutter between the cells carries a symbol and a word (``+ added``,
``− omitted``, ``≈ reworded``, ``= same``, ``· boilerplate``), so colour is
never the only cue.

Public API: ``PairRowDelegate``, ``GUTTER_WIDTH``, ``cell_rects``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...engine.compare.pairing import PairRow, RowKind
from ...engine.compare.pieces import Piece
from ..base.formats import fill_document, highlight_matches
from ..base.theme import Theme, reading_font, theme_for
from .model import (
    CHANGE_TAGS_ROLE,
    MARKER_ROLE,
    MARKS_ROLE,
    PARTNER_TEXT_ROLE,
    PLACE_ROLE,
    ROW_ROLE,
    PairRowsModel,
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
_GUTTER_LINE = 18  # room for one line of glyphs under the marker
_LINE_HEIGHT = 1.28  # prose lines are 128 % of the font's (formats.prose_cursor)
_KEPT_DOCUMENTS = 4000  # laid-out cells kept (bounds memory on very long sets)
_KEPT_HEIGHTS = 50_000  # cell heights kept by content


def cell_rects(rect: QRect) -> tuple[QRect, QRect, QRect]:
    """Left cell, gutter and right cell of a row; the header uses the same split."""
    half = max(0, (rect.width() - GUTTER_WIDTH) // 2)
    left = QRect(rect.left(), rect.top(), half, rect.height())
    gutter = QRect(left.right() + 1, rect.top(), GUTTER_WIDTH, rect.height())
    right = QRect(gutter.right() + 1, rect.top(), rect.width() - half - GUTTER_WIDTH, rect.height())
    return left, gutter, right


class PairRowDelegate(QStyledItemDelegate):
    """Draws rows of a ``PairRowsModel`` inside a ``QListView``."""

    estimating = Signal()  # a row got an estimated height: measure it soon

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._font = reading_font()
        self._marker_font = QFont(view.font())
        self._marker_font.setPointSizeF(max(6.5, view.font().pointSizeF() * 0.78))
        # A possible partner, asked in the gap cell facing a lone sentence (offer.py).
        self.offer = OfferLayout(QFont(view.font()), _PAD_X, _PAD_Y)
        self._theme = theme_for(view.palette())
        self._cache: dict[tuple[object, ...], QTextDocument] = {}
        self._metrics = QFontMetricsF(self._font)
        # Text heights: of rows (the taller cell) at one width, measured or
        # estimated; and of cells by what they say, kept across pairs.
        self._width = 0
        self._heights: dict[int, float] = {}
        self._estimated: dict[int, float] = {}
        self._by_content: dict[tuple[tuple[Piece, ...], bool, int], float] = {}
        # Search: the pattern to mark in every cell, and the current hit as
        # (row, left side?, match number within that cell).
        self._highlight: re.Pattern[str] | None = None
        self._current_hit: tuple[int, bool, int] | None = None
        model = view.model()
        if not isinstance(model, PairRowsModel):
            raise TypeError("PairRowDelegate paints the rows of a PairRowsModel")
        self._model = model
        model.modelReset.connect(self.clear_cache)
        model.layoutChanged.connect(self.clear_cache)

    # -- configuration -----------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Use new colours (palette changed); cached layouts carry old formats
        (colours change no height)."""
        self._theme = theme
        self._cache.clear()

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self._by_content.clear()
        self._cache.clear()
        self.clear_cache()

    def clear_cache(self) -> None:
        """Forget the rows' heights (new rows, or they re-wrap); layouts kept
        by content stay good, those of cells with search hits do not."""
        if self._highlight is not None:
            self._cache.clear()
        self._heights.clear()
        self._estimated.clear()

    def set_highlight(
        self, pattern: re.Pattern[str] | None, current: tuple[int, bool, int] | None = None
    ) -> None:
        """Mark search hits (``None``: none); cached layouts must be redone
        (bold hits may re-wrap a cell)."""
        self._highlight = pattern
        self._current_hit = current
        self._cache.clear()
        self.clear_cache()

    # -- layout -------------------------------------------------------------
    @staticmethod
    def _text_width(total_width: int) -> int:
        return max(40, (total_width - GUTTER_WIDTH) // 2 - 2 * _PAD_X)  # as cell_rects

    def text_width(self) -> int:
        """The width cells are wrapped at in the view as it is now."""
        return self._text_width(self._view.viewport().width())

    def document(self, index: _Index, left: bool, width: int) -> QTextDocument:
        """The laid-out text of one cell (cached; tests read it too).

        Kept by what the cell says (without search hits), so a cell that
        comes back in another pair is not laid out again."""
        number = index.row()
        pieces = self._model.pieces(number, left)
        key: tuple[object, ...] = (tuple(pieces), width)
        if self._highlight is not None:  # hits and the current one differ by cell
            key = (number, left, width)
        document = self._cache.get(key)
        if document is None:
            if len(self._cache) > _KEPT_DOCUMENTS:
                self._cache.clear()
            document = QTextDocument()
            fill_document(document, pieces, self._theme, self._font, width)
            if self._highlight is not None:
                hit = self._current_hit
                current = hit[2] if hit is not None and hit[:2] == (number, left) else None
                highlight_matches(document, self._highlight, self._theme, current)
            self._cache[key] = document
        return document

    def _at_width(self, width: int) -> None:
        """Heights are for one width: a new width (a resize) starts again."""
        if width != self._width:
            self._width = width
            self._heights.clear()
            self._estimated.clear()

    def _cell_height(self, number: int, left: bool, width: int) -> float:
        if self._highlight is not None:  # hits in bold: this cell's own layout
            return self.document(self._model.index(number, 0), left, width).size().height()
        key = (tuple(self._model.pieces(number, left)), left, width)
        height = self._by_content.get(key)
        if height is None:
            height = self.document(self._model.index(number, 0), left, width).size().height()
            if len(self._by_content) > _KEPT_HEIGHTS:
                self._by_content.clear()
            self._by_content[key] = height
        return height

    def _known_height(self, number: int, width: int) -> float | None:
        """The row's text height when both cells were measured before (by content)."""
        if self._highlight is not None:
            return None
        heights = []
        for left in (True, False):
            key = (tuple(self._model.pieces(number, left)), left, width)
            height = self._by_content.get(key)
            if height is None:
                return None
            heights.append(height)
        return max(heights)

    def _estimate(self, number: int, width: int) -> float:
        """A row's text height from its length, until it is measured."""
        per_line = max(1.0, width / max(1.0, self._metrics.averageCharWidth()))
        chars = max(sum(len(p.text) for p in self._model.pieces(number, s)) for s in (True, False))
        lines = max(1, math.ceil(chars / per_line))
        return lines * self._metrics.lineSpacing() * _LINE_HEIGHT

    def text_height(self, number: int) -> float:
        """The taller cell's text height of row ``number`` at the view's width:
        measured, known by content, or estimated (then ``estimating`` is
        emitted once until the estimates are measured)."""
        width = self.text_width()
        self._at_width(width)
        height = self._heights.get(number)
        if height is None:
            height = self._estimated.get(number)
        if height is None:
            height = self._known_height(number, width)
            if height is not None:
                self._heights[number] = height
        if height is None:
            height = self._estimate(number, width)
            if not self._estimated:
                self.estimating.emit()
            self._estimated[number] = height
        return height

    def measured(self, number: int) -> bool:
        self._at_width(self.text_width())
        return number in self._heights

    def measure(self, number: int) -> bool:
        """Measure row ``number`` now; True when the view laid it out with an
        estimate that was wrong (it must be laid out again)."""
        width = self.text_width()
        self._at_width(width)
        if number in self._heights or not 0 <= number < self._model.rowCount():
            return False
        height = max(self._cell_height(number, side, width) for side in (True, False))
        self._heights[number] = height
        guess = self._estimated.pop(number, None)
        return guess is not None and int(guess) != int(height)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Height of the taller cell at the current viewport width (see the
        module docstring: measured, or estimated until it is)."""
        total = self._view.viewport().width()
        number = index.row()
        model = self._model
        heights = [self.text_height(number)]
        # Room in the gutter for the typed-change glyphs and the reader's marks.
        extra = _GUTTER_LINE * model.gutter_lines(number)
        offer = model.partner_line(number)
        if offer:
            cell = cell_rects(QRect(0, 0, total, 1))[0].width()
            heights.append(self.offer.height(cell, offer) - 2 * _PAD_Y)
        gap = paragraph_gap(model.place(number))  # room for "¶ n" above the text
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
