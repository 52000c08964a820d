"""The versions sidebar: every loaded version with outlet, title, date and length.

Why cards and not a table: outlets and titles are long and a narrow sidebar
would cut a table's columns; a two-to-three-line card per version shows the
outlet, the start of the title, the date and the word count at a glance. Text is drawn
with ``QPainter.drawText`` (never rich text), so article titles stay data.

Double-click (or Enter) shows a version on the right; the context menu picks
the side or asks to edit the version's details (``edit_requested``). Badges
"L"/"R" mark what the pair view shows.

Public API: ``VersionsSidebar``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..base.theme import theme_for
from .versions_model import (
    DATE_ROLE,
    HITS_ROLE,
    LETTER_ROLE,
    NAME_ROLE,
    SIDE_ROLE,
    TITLE_ROLE,
    WORDS_ROLE,
    VersionsModel,
)

_Index = QModelIndex | QPersistentModelIndex
_CARD_HEIGHT = 84
_BADGE = 22


class _CardDelegate(QStyledItemDelegate):
    """Paints one version as a card: badge, outlet, title (2 lines), details."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(200, _CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Selection background from the style, text from the palette-derived theme."""
        palette = option.palette
        theme = theme_for(palette)
        rect: QRect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_colour = palette.highlightedText().color() if selected else theme.text
        dim_colour = text_colour if selected else theme.dim_text
        inner = rect.adjusted(12, 8, -10, -8)

        side = index.data(SIDE_ROLE) or ""
        text_left = inner.left()
        if side:
            badge = QRect(inner.left(), inner.top() + 1, _BADGE, _BADGE - 4)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setBrush(theme.current_row)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 4, 4)
            badge_font = QFont(option.font)
            badge_font.setBold(True)
            badge_font.setPointSizeF(badge_font.pointSizeF() * 0.8)
            painter.setFont(badge_font)
            painter.setPen(palette.highlightedText().color())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, side)
            text_left += _BADGE + 8

        outlet_font = QFont(option.font)
        outlet_font.setBold(True)
        painter.setFont(outlet_font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        outlet_right = inner.right()
        hits = index.data(HITS_ROLE)
        if hits is not None:  # a search is open: how often this version has it
            label = f"{hits} hit{'' if hits == 1 else 's'}"
            painter.setPen(dim_colour if hits == 0 else text_colour)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPoint(inner.right() - width, inner.top() + metrics.ascent()), label)
            outlet_right -= width + 8
        painter.setPen(text_colour)
        letter = str(index.data(LETTER_ROLE) or "")
        if letter:  # the version's letter, as every view names it ("C · AP 10:02")
            letter_text = f"{letter} · "
            painter.drawText(QPoint(text_left, inner.top() + metrics.ascent()), letter_text)
            text_left += metrics.horizontalAdvance(letter_text)
        outlet = metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, outlet_right - text_left
        )
        painter.drawText(QPoint(text_left, inner.top() + metrics.ascent()), outlet)

        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(dim_colour)
        small_metrics = painter.fontMetrics()
        title_rect = QRect(
            inner.left(), inner.top() + line + 2, inner.width(), small_metrics.height() * 2
        )
        title = self._two_lines(str(index.data(TITLE_ROLE) or ""), small_metrics, inner.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        words = index.data(WORDS_ROLE) or 0
        date = index.data(DATE_ROLE) or ""
        # Date and length always show; the file name gives way when space is short.
        known = " · ".join(filter(None, [date, f"{words:,} words"])) + " · "
        name = small_metrics.elidedText(
            str(index.data(NAME_ROLE) or ""),
            Qt.TextElideMode.ElideMiddle,
            max(0, inner.width() - small_metrics.horizontalAdvance(known)),
        )
        details = small_metrics.elidedText(known + name, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QPoint(inner.left(), inner.bottom() - small_metrics.descent()), details)
        painter.setPen(theme.separator)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    @staticmethod
    def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
        """Wrap to at most two lines, eliding the second (cards have fixed height)."""
        words = text.split()
        first = ""
        while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
            first = (first + " " + words.pop(0)).strip()
        rest = " ".join(words)
        second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return first + ("\n" + second if second else "")


class VersionsSidebar(QListView):
    """List of versions; asks to show one on the left or right side."""

    show_left = Signal(int)
    show_right = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.versions = VersionsModel(self)
        self.setModel(self.versions)
        self.setItemDelegate(_CardDelegate(self))
        self.setAccessibleName("Versions")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.activated.connect(lambda index: self.show_right.emit(index.row()))

    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction("Show on the left", lambda: self.show_left.emit(index.row()))
        menu.addAction("Show on the right", lambda: self.show_right.emit(index.row()))
        menu.addSeparator()
        menu.addAction("Edit Version Details…", lambda: self.edit_requested.emit(index.row()))
        menu.exec(self.viewport().mapToGlobal(position))
