"""Paints one synopsis cell: wrapped serif prose with the diff against the base.

Each non-empty cell is a ``QTextDocument`` laid out at the column's text
width (word wrap, never cut off), filled from the model's ``Piece`` runs with
the pair view's character formats (``formats.char_format``: struck and red
for base words this version cuts, underlined and green for its new words).
Documents are cached by (row, column, width) because the table measures row
heights and paints from the same layouts; the cache is bounded (least
recently used first out).

Non-colour cues: a cell no other version shares opens with "★ ONLY IN
<outlet>" and one the base lacks with "+ NOT IN BASE" (inside the text, so
the row height counts them); a cell this version lacks is hatched with "—";
a symbol in the cell's corner says "=" (same words) or "≈" (reworded), and
"≈?" in the bottom corner marks a possible partner (the tooltip names it,
the context menu links or dismisses it). The base column is lightly tinted
and its header says BASE.

Public API: ``SynopsisDelegate``, ``MIN_HEIGHT``, ``fragments``.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ...engine.compare.pieces import Piece, PieceKind
from ...engine.compare.synopsis import CellStatus
from ...engine.report.markers import MANUAL, NOT_IN_BASE, ONLY_IN, PARTNER
from ..base.formats import char_format, highlight_matches, prose_cursor
from ..base.theme import Theme, reading_font, theme_for
from .model import STATUS_MARK, SynopsisModel

_Index = QModelIndex | QPersistentModelIndex

PAD_X = 10
PAD_Y = 8
MARK_WIDTH = 14  # right margin holding the "=" / "≈" symbol
MIN_HEIGHT = 34
_CACHE_LIMIT = 3000  # documents kept for painting (heights are kept by the table)


class SynopsisDelegate(QStyledItemDelegate):
    """Draws the cells of a ``SynopsisModel`` inside a ``QTableView``."""

    def __init__(self, view: QTableView, model: SynopsisModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._font = reading_font(10.5)
        self._label_font = QFont(view.font())
        self._label_font.setPointSizeF(max(6.5, view.font().pointSizeF() * 0.78))
        self._label_font.setBold(True)
        self._theme = theme_for(view.palette())
        self._cache: OrderedDict[tuple[int, int, int], QTextDocument] = OrderedDict()
        self._highlight: re.Pattern[str] | None = None  # search hits to mark
        self._retired: list[QTextDocument] = []  # destroyed a few at a time, see release
        model.modelReset.connect(self.clear_cache)

    # -- configuration -----------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """New colours (palette changed): cached layouts carry the old formats."""
        self._theme = theme
        self.clear_cache()

    def set_compact(self, compact: bool) -> bool:
        """A smaller reading font for narrow columns; True when it changed."""
        size = 9.0 if compact else 10.5
        if abs(self._font.pointSizeF() - size) < 0.01:
            return False
        self._font = reading_font(size)
        self.clear_cache()
        return True

    def set_highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Mark search hits in every cell (``None``: none); layouts are redone."""
        self._highlight = pattern
        self.clear_cache()

    def clear_cache(self) -> None:
        """Forget every layout. Destroying 2,700 documents takes ~50 ms, so they
        are only set aside here and ``release`` frees them in small batches."""
        self._retired.extend(self._cache.values())
        self._cache = OrderedDict()

    def release(self, count: int = 200) -> bool:
        """Free up to ``count`` set-aside documents; True while some are left."""
        del self._retired[-count:]
        return bool(self._retired)

    # -- layout -------------------------------------------------------------
    @staticmethod
    def text_width(column_width: int) -> int:
        return max(40, column_width - 2 * PAD_X - MARK_WIDTH)

    def _label(self, row: int, column: int, status: CellStatus) -> str:
        only = self._model.only_in(row, column)
        if only is not None:
            return f"{ONLY_IN.symbol} {ONLY_IN.word.upper()} {only}"
        if status == CellStatus.ADDED:
            return str(NOT_IN_BASE).upper()
        return ""

    def document(self, row: int, column: int, width: int) -> QTextDocument:
        """The laid-out text of one cell at text width ``width`` (cached)."""
        key = (row, column, width)
        document = self._cache.get(key)
        if document is not None:
            self._cache.move_to_end(key)  # least recently used goes first
        else:
            if len(self._cache) >= _CACHE_LIMIT:
                self._retired.append(self._cache.popitem(last=False)[1])
            document = QTextDocument()
            status = self._model.status(row, column)
            self._fill(document, self._label(row, column, status), self._model.pieces(row, column))
            if self._highlight is not None:
                highlight_matches(document, self._highlight, self._theme, bold=False)
            document.setTextWidth(width)
            self._cache[key] = document
        return document

    def _fill(self, document: QTextDocument, label: str, pieces: tuple[Piece, ...]) -> None:
        """Write the label and the runs with the pair view's formats.

        ``insertText`` never parses markup, so article text (and outlet names)
        stay text.
        """
        theme = self._theme
        cursor = prose_cursor(document, self._font, line_height=122)  # tighter than the pair view
        if label:
            fmt = char_format(PieceKind.LABEL, theme, self._font)
            accent = theme.added_accent
            fmt.setForeground(accent)
            cursor.insertText(label, fmt)
            cursor.insertText("  ", char_format(PieceKind.PLAIN, theme, self._font))
        for piece in pieces:
            cursor.insertText(piece.text, char_format(piece.kind, theme, self._font))

    def cell_height(self, row: int, column: int, column_width: int) -> int:
        """Height the cell needs at ``column_width`` (label and padding included)."""
        if self._model.status(row, column) == CellStatus.ABSENT:
            return MIN_HEIGHT
        document = self.document(row, column, self.text_width(column_width))
        return max(MIN_HEIGHT, int(document.size().height() + 0.999) + 2 * PAD_Y)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """The cell's wrapped height at its column's width (the table sets rows itself)."""
        width = self._view.columnWidth(index.column())
        return QSize(width, self.cell_height(index.row(), index.column(), width))

    # -- painting -----------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Background, hatching or text, corner symbol, separators, focus outline."""
        row, column = index.row(), index.column()
        theme = self._theme
        rect = QRect(option.rect)
        status = self._model.status(row, column)
        painter.save()
        if status == CellStatus.BASE:
            painter.fillRect(rect, theme.header_bg)
        else:
            painter.fillRect(rect, theme.base)
        if status == CellStatus.ABSENT:
            self._paint_absent(painter, rect)
        else:
            if self._model.only_in(row, column) is not None or status == CellStatus.ADDED:
                painter.fillRect(rect.adjusted(0, 0, -1, -1), theme.added_tint)
                painter.fillRect(
                    QRect(rect.left(), rect.top(), 3, rect.height() - 1), theme.added_accent
                )
            width = self.text_width(rect.width())
            document = self.document(row, column, width)
            painter.save()
            painter.translate(QPointF(rect.left() + PAD_X, rect.top() + PAD_Y))
            document.drawContents(painter, QRectF(0, 0, width, rect.height()))
            painter.restore()
            self._paint_mark(painter, rect, status, self._model.manual(row, column))
            if self._model.partner(row, column) is not None:
                self._paint_partner(painter, rect)
        painter.setPen(QPen(theme.separator, 1))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(theme.current_row, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -2, -2))
        painter.restore()

    def _paint_absent(self, painter: QPainter, rect: QRect) -> None:
        """Hatch a cell the version lacks, and say so with a dash."""
        painter.fillRect(
            rect.adjusted(0, 0, -1, -1), QBrush(self._theme.gap_hatch, Qt.BrushStyle.BDiagPattern)
        )
        painter.setFont(self._label_font)
        metrics = painter.fontMetrics()
        box = QRect(
            rect.left() + PAD_X - 4,
            rect.top() + PAD_Y - 2,
            metrics.horizontalAdvance("—") + 10,
            metrics.height() + 4,
        )
        painter.fillRect(box, self._theme.base)
        painter.setPen(self._theme.dim_text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "—")

    def _paint_partner(self, painter: QPainter, rect: QRect) -> None:
        """A dashed frame and "≈?" in the mark margin (under "≈" and "✋"): the
        aligner suggests, and doubts, a partner for this cell."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self._theme.reworded_accent, 1.2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(rect).adjusted(4.5, 4.5, -5.5, -5.5), 4, 4)
        font = QFont(self._label_font)
        font.setPointSizeF(self._label_font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.drawText(
            QRect(rect.right() - MARK_WIDTH - 10, rect.top() + PAD_Y + 36, MARK_WIDTH + 12, 20),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            PARTNER.symbol,
        )
        painter.restore()

    def _paint_mark(
        self, painter: QPainter, rect: QRect, status: CellStatus, manual: bool = False
    ) -> None:
        """≈ or = in the cell's corner; ✋ (``MANUAL``) under it when the reader
        linked it by hand."""
        symbol = STATUS_MARK[status][0] if status in (CellStatus.SAME, CellStatus.CHANGED) else ""
        if manual:
            painter.setFont(self._label_font)
            painter.setPen(self._theme.text)
            painter.drawText(
                QRect(rect.right() - MARK_WIDTH - 4, rect.top() + PAD_Y + 18, MARK_WIDTH, 20),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                MANUAL.symbol,
            )
        if not symbol:
            return
        font = QFont(self._label_font)
        font.setPointSizeF(self._label_font.pointSizeF() * 1.5)
        painter.setFont(font)
        changed = status == CellStatus.CHANGED
        painter.setPen(self._theme.reworded_accent if changed else self._theme.dim_text)
        painter.drawText(
            QRect(rect.right() - MARK_WIDTH - 4, rect.top() + PAD_Y - 3, MARK_WIDTH, 20),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            symbol,
        )


def fragments(document: QTextDocument) -> list[tuple[str, QTextCharFormat]]:
    """Text and character format of each run of a laid-out cell (tests read what is shown)."""
    runs = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                runs.append((fragment.text(), fragment.charFormat()))
            iterator += 1
        block = block.next()
    return runs
