"""The overview strip beside the pair view: where the changes are, and where you are.

Why: a long pair scrolls for pages; Meld's chunk map shows every change of
the whole file in one narrow strip, and a click there goes to it. Here each
row is a band of the strip, as tall as its share of the text (longer rows
take more room, as on screen), coloured like its gutter mark: omitted,
added, reworded, moved; same rows stay blank. A frame shows the rows on
screen, a line the current row; clicking or dragging in the strip scrolls
there. The frame follows the scroll bar (rows are laid out lazily, so the
bands are placed by text length, as the view will place them). The drawing
is cached and redrawn only when the rows, size or palette change (as
``meld/chunkmap.py`` does).

Public API: ``PairOverview``, ``STRIP_WIDTH``.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QListView, QWidget

from ...engine.compare.pairing import RowKind
from ..base.theme import Theme, theme_for
from .model import PairRowsModel
from .places import moved_colour

STRIP_WIDTH = 16
_MIN_WEIGHT = 60  # characters a row of one short line counts for


class PairOverview(QWidget):
    """A chunk map of one ``PairRowsModel`` shown in ``list_view``."""

    row_chosen = Signal(int)

    def __init__(self, list_view: QListView, model: PairRowsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._view = list_view
        self._model = model
        self._ends: list[float] = []  # cumulative weight at the end of each row
        self._kinds: list[str] = []
        self._cache: QPixmap | None = None
        self._theme: Theme | None = None  # resolved once per palette, not per paint
        self.setFixedWidth(STRIP_WIDTH)
        self.setToolTip("Where the changes are: click to go there")
        self.setAccessibleName("Overview of the changes")
        model.modelReset.connect(self.refresh)
        model.dataChanged.connect(lambda *_: self.update())
        list_view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        list_view.verticalScrollBar().rangeChanged.connect(lambda *_: self.update())

    # -- data ------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the rows (a new pair, order or option)."""
        model = self._model
        weights = []
        kinds = []
        for number in range(model.rowCount()):
            row = model.row_at(number)
            text = max(sum(len(s.text) for s in row.left), sum(len(s.text) for s in row.right))
            weights.append(max(_MIN_WEIGHT, text))
            if model.place(number).moved:
                kinds.append("moved")
            elif row.kind in (RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT):
                kinds.append(row.kind.value)
            elif row.is_change:
                kinds.append("reworded")
            else:
                kinds.append("")
        self._ends = list(accumulate(weights, initial=0.0))[1:]
        self._kinds = kinds
        self._cache = None
        self.update()

    def bands(self) -> list[tuple[int, int, str]]:
        """(top, height, kind) of every changed row at the current height (tests)."""
        total = self._ends[-1] if self._ends else 0.0
        height = max(1, self.height() - 2)
        found = []
        start = 0.0
        for end, kind in zip(self._ends, self._kinds, strict=True):
            if kind:
                top = int(start / total * height) + 1
                found.append((top, max(2, int(end / total * height) + 1 - top), kind))
            start = end
        return found

    def _colour(self, theme: Theme, kind: str) -> QColor:
        if kind == "moved":
            return moved_colour(theme)
        if kind == RowKind.ONLY_LEFT.value:
            return theme.omitted_accent
        if kind == RowKind.ONLY_RIGHT.value:
            return theme.added_accent
        return theme.reworded_accent

    def _y(self, row: int, end: bool = False) -> int:
        total = self._ends[-1] if self._ends else 1.0
        value = self._ends[row] if end else (self._ends[row - 1] if row > 0 else 0.0)
        return int(value / total * max(1, self.height() - 2)) + 1

    def row_at(self, y: int) -> int:
        """The row a click at ``y`` stands for (-1 when there are none)."""
        if not self._ends:
            return -1
        share = min(max(0.0, (y - 1) / max(1, self.height() - 2)), 0.9999)
        return min(len(self._ends) - 1, bisect_right(self._ends, share * self._ends[-1]))

    # -- painting ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._theme is None:
            self._theme = theme_for(self.palette())
        theme = self._theme
        painter = QPainter(self)
        if self._cache is None or self._cache.size() != self.size():
            self._cache = QPixmap(self.size())
            self._cache.fill(theme.header_bg)
            strip = QPainter(self._cache)
            for top, height, kind in self.bands():
                strip.fillRect(QRect(3, top, self.width() - 6, height), self._colour(theme, kind))
            strip.setPen(theme.separator)
            strip.drawLine(0, 0, 0, self.height())
            strip.end()
        painter.drawPixmap(0, 0, self._cache)
        if not self._ends:
            return
        # The frame follows the scroll bar: asking the view which rows are on
        # screen (indexAt) would lay out every row of a long pair at once.
        bar = self._view.verticalScrollBar()
        span = bar.maximum() - bar.minimum() + bar.pageStep()
        if span > 0:
            inner = max(1, self.height() - 2)
            frame_top = 1 + inner * (bar.value() - bar.minimum()) / span
            frame_height = max(4.0, inner * bar.pageStep() / span)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(theme.text, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(1.5, frame_top, self.width() - 3, frame_height), 2, 2)
        current = self._view.currentIndex()
        if current.isValid():
            y = (self._y(current.row()) + self._y(current.row(), end=True)) // 2
            painter.setPen(QPen(theme.current_row, 3))
            painter.drawLine(1, y, self.width() - 1, y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event: object) -> None:
        self._cache = None  # a palette change: new colours
        self._theme = None
        super().changeEvent(event)  # type: ignore[arg-type]

    # -- clicks --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._choose(int(event.position().y()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._choose(int(event.position().y()))

    def _choose(self, y: int) -> None:
        row = self.row_at(y)
        if row >= 0:
            self.row_chosen.emit(row)
