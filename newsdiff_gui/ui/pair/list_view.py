"""The scrolling list of pair rows, with the column header held in its top margin.

Why a ``QListView`` subclass: the header must be exactly as wide as the
viewport (not the scroll bar) to sit over the columns; putting it in the
viewport margin, as ``QTableView`` does with its headers, gives that for free.
Rows have varying heights, so scrolling is per pixel.

Rows are measured first on screen, the rest while the reader reads: the
delegate sizes a row it has not measured from its length (cheap), so laying
out every row is quick; ``measure_visible`` measures the rows on screen
exactly (a new pair shows them right away), and a zero-delay timer measures
the others in slices of a few milliseconds, rows on screen first, laying the
list out again when an estimate was wrong, with the row at the top of the
view kept where it is. Measuring a 1,000-word pair at once held the GUI
thread 30-50 ms on every switch of versions.

Public API: ``PairListView``, ``RowMeasurer``.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ..base.theme import theme_for

SLICE_SECONDS = 0.008  # longest time one measuring step holds the GUI thread


class RowMeasurer(Protocol):
    """What the list needs of its delegate to measure rows (``PairRowDelegate``)."""

    def measured(self, number: int) -> bool:
        """Whether row ``number`` has its real height at the current width."""

    def measure(self, number: int) -> bool:
        """Measure the row; True when its laid-out (estimated) height was wrong."""


class PairListView(QListView):
    """Virtualised list of rows painted by ``PairRowDelegate``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header: QWidget | None = None
        self._placeholder = ""
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap rows on resize
        # One pass: unmeasured rows cost an estimate each (see the module docstring).
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setUniformItemSizes(False)
        self._measurer: RowMeasurer | None = None
        self._pending_layout = False  # rows off screen were measured unlike their estimate
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._measure_slice)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._timer.start())
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(0)
        self.setMouseTracking(False)
        self.verticalScrollBar().setSingleStep(24)

    # -- measuring rows ------------------------------------------------------------
    def set_measurer(self, measurer: RowMeasurer) -> None:
        """The delegate that measures rows; call ``start_measuring`` when it
        has given a row an estimated height."""
        self._measurer = measurer

    def start_measuring(self) -> None:
        """Measure the rows not measured yet, soon and in slices."""
        self._timer.start()

    def _visible_rows(self) -> range:
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if count == 0:
            return range(0)
        first = self.indexAt(QPoint(1, 0))
        last = self.indexAt(QPoint(1, self.viewport().height() - 1))
        start = first.row() if first.isValid() else 0
        end = last.row() if last.isValid() else count - 1
        return range(start, end + 1)

    def _relayout_keeping_top(self) -> None:
        """Lay the rows out again; the row at the top of the view stays put."""
        top = self.indexAt(QPoint(1, 0))
        offset = self.visualRect(top).top() if top.isValid() else 0
        self.doItemsLayout()
        if top.isValid():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.visualRect(top).top() - offset)

    def measure_visible(self) -> bool:
        """Measure the rows on screen now (a new pair, a jump to a row); True
        when the layout changed."""
        if self._measurer is None:
            return False
        changed = False
        for _ in range(4):  # rows measured shorter bring more rows on screen
            if not any([self._measurer.measure(n) for n in self._visible_rows()]):
                break
            self._relayout_keeping_top()
            changed = True
        return changed

    def measuring(self) -> bool:
        """Whether some rows still have estimated heights (tests, screenshots)."""
        model = self.model()
        if self._measurer is None or model is None:
            return False
        return not all(self._measurer.measured(n) for n in range(model.rowCount()))

    def finish_measuring(self) -> None:
        """Measure every row now (screenshots and tests want the final layout)."""
        while self.measuring():
            self._measure_slice()

    def _measure_slice(self) -> None:
        """Measure rows for up to ``SLICE_SECONDS``, those on screen first."""
        model = self.model()
        if self._measurer is None or model is None:
            return
        start = time.perf_counter()
        if self.measure_visible():
            return self._timer.start()  # the rest in the next slice
        for number in range(model.rowCount()):
            if self._measurer.measured(number):
                continue
            if time.perf_counter() - start > SLICE_SECONDS:
                self._timer.start()
                return  # rows measured off screen are laid out once all are
            self._pending_layout = self._measurer.measure(number) or self._pending_layout
        if self._pending_layout:
            self._pending_layout = False
            self._relayout_keeping_top()

    def set_header(self, header: QWidget) -> None:
        """Hold ``header`` over the rows; the list is never narrower than the
        header's minimum (its choosers would be cut off or overlap)."""
        header.setParent(self)
        self._header = header
        self.setViewportMargins(0, header.sizeHint().height(), 0, 0)
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(header.minimumSizeHint().width() + scroll_bar + 2 * self.frameWidth())
        self._place_header()
        header.show()

    def set_placeholder(self, text: str) -> None:
        """Text shown when there are no rows (nothing loaded, or a load failed)."""
        self._placeholder = text
        self.viewport().update()

    def updateGeometries(self) -> None:
        """Keep the header glued to the viewport whenever scroll bars come and go."""
        super().updateGeometries()
        self._place_header()

    def _place_header(self) -> None:
        if self._header is None:
            return
        viewport = self.viewport().geometry()
        height = self._header.sizeHint().height()
        self._header.setGeometry(viewport.left(), viewport.top() - height, viewport.width(), height)

    def changeEvent(self, event: QEvent) -> None:
        """A palette change must recolour rows: delegates cache colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            delegate = self.itemDelegate()
            if hasattr(delegate, "set_theme"):
                delegate.set_theme(theme_for(self.palette()))
            if self._header is not None:
                self._header.setPalette(self.palette())
            self.scheduleDelayedItemsLayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self._placeholder and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(theme_for(self.palette()).dim_text)
            painter.drawText(
                self.viewport().rect().adjusted(40, 40, -40, -40),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
