"""The synopsis table: a ``QTableView`` that sizes its rows to wrapped text cheaply.

Why not ``ResizeToContents``: Qt would lay out every cell of every row again
on each resize — for 50 versions that is ~2,700 text layouts (~130 ms) on the
GUI thread per step of a drag. Instead each cell's height is measured once
per column width and kept (``_cell_h``); a row's height is the tallest shown
cell. Until a cell is measured its height is estimated from its length, and
the measuring runs in slices of a few milliseconds on a zero-delay timer,
visible rows first, so the rows on screen are exact at once and the rest
follow without blocking. Resizing a column re-measures only that column;
hiding or showing one only re-takes the maximum. While heights change the
row at the top of the view stays where it is.

Columns fill the width when they fit at ``MIN_COLUMN`` pixels (``COMPACT_COLUMN``
in compact mode, with a smaller font, so eight versions fit a laptop screen),
otherwise they keep that width and the table scrolls sideways; a column the
reader resized by hand keeps its width until "Fit columns".

Rows can be hidden (``set_hidden_rows``): the view hides rows no shown
version carries, and site chrome; heights skip them.

Public API: ``SynopsisTable``, ``MIN_COLUMN``, ``COMPACT_COLUMN``.
"""

from __future__ import annotations

import math
import time
from itertools import chain

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..base.eliding_header import ElidingHeader
from ..base.theme import theme_for
from .delegate import MIN_HEIGHT, PAD_Y, SynopsisDelegate
from .model import SynopsisModel

MIN_COLUMN = 250
COMPACT_COLUMN = 140
SLICE_SECONDS = 0.008  # longest time one measuring step holds the GUI thread


class SynopsisTable(QTableView):
    """Versions as columns, units as rows; movable and hideable columns."""

    def __init__(self, model: SynopsisModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.delegate = SynopsisDelegate(self, model)
        self.setItemDelegate(self.delegate)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Always on, so showing it never narrows the columns and re-wraps them.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Synopsis of all versions")
        self.setHorizontalHeader(ElidingHeader(Qt.Orientation.Horizontal, self))
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(120)
        header.setDefaultSectionSize(MIN_COLUMN)
        header.sectionResized.connect(self._on_section_resized)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(MIN_HEIGHT)
        rows.hide()

        self._cell_h: dict[int, dict[int, int]] = {}  # column -> row -> measured height
        self._measured_at: dict[int, int] = {}  # column -> width its heights are for
        self._row_h: list[int] = []
        self._auto_fit = True
        self.min_column = MIN_COLUMN
        self._hidden: set[int] = set()
        self._fitting = False  # widths set by fit_columns, not by the reader
        self._resetting = False  # heights are applied once at the end of a reset
        self._saved_header: QByteArray | None = None
        self._saved_auto_fit = True
        self._metrics = QFontMetricsF(self.delegate._font)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._measure_slice)
        model.modelReset.connect(self._on_reset)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())

    # -- columns ---------------------------------------------------------------
    def shown_columns(self) -> list[int]:
        """Model columns not hidden, in the order the reader sees them."""
        header = self.horizontalHeader()
        visual = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in visual if not header.isSectionHidden(c)]

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Hide or show a version's column; rows re-take their tallest shown cell."""
        if self.isColumnHidden(column) == (not shown):
            return
        self.setColumnHidden(column, not shown)
        self.fit_columns()
        self._apply_heights(range(len(self._row_h)))
        self._timer.start()

    def fit_columns(self, *, force: bool = False) -> None:
        """Share the width among the shown columns when each gets ``MIN_COLUMN``."""
        if force:
            self._auto_fit = True
        if not self._auto_fit:
            return
        shown = self.shown_columns()
        if not shown:
            return
        available = self.viewport().width()
        width = max(self.min_column, available // len(shown))
        fitting, self._fitting = self._fitting, True
        try:
            for column in shown:
                if self.columnWidth(column) != width:
                    self.setColumnWidth(column, width)
        finally:
            self._fitting = fitting

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting:
            self._auto_fit = False  # the reader's width wins until "Fit columns"
        if self._measured_at.get(column) != new:
            self._cell_h.pop(column, None)
            self._measured_at[column] = new
            self._apply_heights(range(len(self._row_h)))
            self._timer.start()

    def set_compact(self, compact: bool) -> None:
        """Narrow columns and a smaller font (many versions), or the reading size."""
        self.min_column = COMPACT_COLUMN if compact else MIN_COLUMN
        if not self.delegate.set_compact(compact):
            return
        self._metrics = QFontMetricsF(self.delegate._font)
        self.horizontalHeader().setMinimumSectionSize(90 if compact else 120)
        self._cell_h.clear()
        self._measured_at.clear()
        self.fit_columns(force=True)
        for column in range(self._model.columnCount()):
            self._measured_at[column] = self.columnWidth(column)
        self._apply_heights(range(len(self._row_h)))
        self._timer.start()

    def set_hidden_rows(self, rows: set[int]) -> None:
        """Hide exactly ``rows`` (model rows); the others are shown."""
        for row in self._hidden - rows:
            if row < self._model.rowCount():
                self.setRowHidden(row, False)
        for row in rows - self._hidden:
            self.setRowHidden(row, True)
        self._hidden = set(rows)

    def hidden_rows(self) -> set[int]:
        return set(self._hidden)

    # -- heights -----------------------------------------------------------------
    def keep_header_state(self, keep: bool) -> None:
        """Before a reset: keep (or forget) column order, hidden columns and widths.

        A model reset re-creates the header's sections, so a new base would
        otherwise undo what the reader arranged.
        """
        self._saved_header = self.horizontalHeader().saveState() if keep else None
        self._saved_auto_fit = self._auto_fit if keep else True

    def _on_reset(self) -> None:
        self._hidden.clear()  # a reset shows every row again
        self._cell_h.clear()
        self._measured_at.clear()
        self._row_h = [0] * self._model.rowCount()
        self._resetting = self._fitting = True
        try:
            if self._saved_header is not None:
                self.horizontalHeader().restoreState(self._saved_header)
            self._saved_header = None
            self._auto_fit = self._saved_auto_fit
            self.fit_columns()
        finally:
            self._resetting = self._fitting = False
        for column in range(self._model.columnCount()):
            self._measured_at[column] = self.columnWidth(column)
        self._apply_heights(range(len(self._row_h)))
        self._measure_slice()

    def _apply_heights(self, rows: range | set[int]) -> None:
        """Set each row to its tallest shown cell, keeping the top row in place.

        Cells not measured yet are estimated from their length (precomputed on
        the worker), so this is arithmetic only: ~6,400 cells in a few ms.
        """
        if self._resetting:
            return
        shown = self.shown_columns()
        lengths = self._model.lengths
        measured = {c: self._cell_h.get(c, {}) for c in shown}
        char_width = self._metrics.averageCharWidth()
        line = self._metrics.lineSpacing() * 1.22
        per_line = {
            c: max(1.0, self.delegate.text_width(self.columnWidth(c)) / char_width) for c in shown
        }
        header = self.verticalHeader()
        top = self.rowAt(0)
        offset = self.rowViewportPosition(top) if top >= 0 else 0
        moved = False
        for row in rows:
            best = MIN_HEIGHT
            row_lengths = lengths[row]
            for column in shown:
                height = measured[column].get(row)
                if height is None:
                    chars = row_lengths[column]
                    if not chars:
                        continue
                    height = int(math.ceil(chars / per_line[column]) * line) + 2 * PAD_Y
                best = max(best, height)
            if self._row_h[row] != best:
                self._row_h[row] = best
                header.resizeSection(row, best)
                moved = True
        if moved and top >= 0:
            self.verticalScrollBar().setValue(header.sectionPosition(top) - offset)

    def _visible_rows(self) -> range:
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        if first < 0:
            return range(0)
        return range(first, (last if last >= 0 else self._model.rowCount() - 1) + 1)

    def _measure_slice(self) -> None:
        """Measure unmeasured cells for up to ``SLICE_SECONDS``, visible rows first."""
        count = self._model.rowCount()
        if not count or not self.measuring():
            if self.delegate.release():
                self._timer.start()
            return
        start = time.perf_counter()
        shown = self.shown_columns()
        changed: set[int] = set()
        finished = True
        rows = chain(self._visible_rows(), range(count))
        for row in rows:
            for column in shown:
                heights = self._cell_h.setdefault(column, {})
                if row in heights:
                    continue
                heights[row] = self.delegate.cell_height(row, column, self.columnWidth(column))
                changed.add(row)
                if time.perf_counter() - start > SLICE_SECONDS:
                    finished = False
                    break
            if not finished:
                break
        if changed:
            self._apply_heights(changed)
        if self.delegate.release() or not finished:
            self._timer.start()

    def measuring(self) -> bool:
        """Whether some shown cells still have estimated heights (tests, screenshots)."""
        shown = self.shown_columns()
        count = self._model.rowCount()
        return any(len(self._cell_h.get(c, {})) < count for c in shown)

    def finish_measuring(self) -> None:
        """Measure everything now (screenshots and tests want the final layout)."""
        while self.measuring():
            self._measure_slice()

    def row_height(self, row: int) -> int:
        return self._row_h[row]

    # -- events -------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.delegate.set_theme(theme_for(self.palette()))
            self.viewport().update()
