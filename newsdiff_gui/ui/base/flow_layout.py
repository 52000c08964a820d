"""A layout that lays its widgets out in a row and wraps them onto the next
line when the row is full (Qt's "flow layout" example, typed).

Why: the legend and other rows of small labels ("chips") were grids or
rows with a fixed minimum width, which set the whole window's minimum width
(1,281 px with the legend's three columns) and cut the window off on a
1024-pixel screen or at 150 % scale. A flow layout is as narrow as its
widest chip and as tall as the wrapping needs (height-for-width).

Public API: ``FlowLayout``, ``kept_together``.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        spacing: int = 12,
        line_spacing: int = 3,
        *,
        last_to_the_right: bool = False,
    ) -> None:
        """``last_to_the_right``: the last item sits at the right end of its
        line (a status at the end of a bar), wherever the wrapping puts it."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._last_to_the_right = last_to_the_right

    # -- QLayout ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Qt calls this for ``addWidget``; items keep their order."""
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One row of everything: the width it would like."""
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._spacing * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as the widest item, and as tall as the rows need at the
        width it has (so a squeezed panel shrinks its scrolling list, never
        the chips)."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        width = self.geometry().width()
        if width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(width)))
        return size

    # -- the arrangement -------------------------------------------------------
    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place items in rows inside ``rect`` (when ``move``); return the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        last = self._items[-1] if self._items and self._last_to_the_right else None
        for item in self._items:
            hint = item.sizeHint()
            if hint.isEmpty():
                continue
            wraps = item.hasHeightForWidth()  # a wrapping label takes a line of its own
            next_x = x + hint.width() + self._spacing
            if x > area.x() and (wraps or next_x - self._spacing > area.right() + 1):
                x = area.x()
                y += line_height + self._line_spacing
                next_x = x + hint.width() + self._spacing
                line_height = 0
            width = area.width() if wraps else min(hint.width(), max(1, area.width()))
            if wraps:
                next_x = area.right() + 1 + self._spacing  # nothing after it on its line
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            height = max(height, hint.height()) if width == hint.width() else height
            if move:
                left = max(x, area.right() + 1 - width) if item is last else x
                item.setGeometry(QRect(QPoint(left, y), QSize(width, height)))
            x = next_x
            line_height = max(line_height, height)
        return y + line_height - rect.y() + margins.bottom()


def kept_together(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """``widgets`` in one row that wraps as one item (a label and its field)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return row
