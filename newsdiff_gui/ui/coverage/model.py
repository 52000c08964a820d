"""Qt table model of the coverage map: one row per unit, one column per version.

Why a model and not a ``QTableWidget``: a widget item per cell meant 18,700
items (and 0.8 s on the GUI thread) for 100 versions; a model answers only
for the cells on screen, so the map of any size fills at once.

Rows are labelled with the gist of their content (``engine.compare.gist``),
columns with the versions' labels (``engine.compare.labels``); in compact
mode (many versions) a cell shows its symbol alone and a header its label
and three counts.

Public API: ``CoverageModel``, ``SENTENCE_ROLE``, ``STATE_STYLE``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...engine.compare.coverage import CellState, CoverageGrid
from ...engine.compare.labels import VersionLabel, version_labels
from ...engine.model import Document
from ...engine.report.markers import COVERAGE_MARKS

_Index = QModelIndex | QPersistentModelIndex

# (symbol, colour, word): Okabe–Ito blue, bluish green, orange, vermillion; absent stays light.
_COLOURS = {
    CellState.VERBATIM: "#0072B2",
    CellState.REWORDED: "#009E73",
    CellState.PARTIAL: "#E69F00",
    CellState.ONLY: "#D55E00",
    CellState.ABSENT: "#9a9a9a",
}
STATE_STYLE = {
    state: (COVERAGE_MARKS[state].symbol, colour, COVERAGE_MARKS[state].word)
    for state, colour in _COLOURS.items()
}
SENTENCE_ROLE = Qt.ItemDataRole.UserRole + 30
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 31  # header: (only, shared, missing) of a version


def _brush(state: CellState) -> QBrush:
    fill = QColor(STATE_STYLE[state][1])
    fill.setAlpha(60 if state != CellState.ABSENT else 18)
    return QBrush(fill)


class CoverageModel(QAbstractTableModel):
    """Cells of a ``CoverageGrid`` in a chosen row order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: CoverageGrid | None = None
        self._documents: tuple[Document, ...] = ()
        self._order: list[int] = []
        self._counts: list[tuple[int, int, int]] = []
        self._labels: tuple[VersionLabel, ...] = ()
        self._gists: tuple[str, ...] = ()
        self.compact = False
        self._brushes = {state: _brush(state) for state in CellState}

    def set_grid(
        self,
        grid: CoverageGrid | None,
        documents: tuple[Document, ...],
        order: list[int],
        gists: tuple[str, ...] = (),
        compact: bool = False,
    ) -> None:
        """Show ``grid`` with its rows in ``order`` (indexes into ``grid.units``),
        labelled with ``gists`` (one per unit; the unit ids when not given)."""
        self.beginResetModel()
        self._grid = grid
        self._documents = documents if grid is not None else ()
        self._order = order if grid is not None else []
        self._counts = [grid.counts(c) for c in range(len(documents))] if grid else []
        self._labels = version_labels(self._documents)
        self._gists = gists if grid is not None and len(gists) == len(grid.units) else ()
        self.compact = compact
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows are units; a table has no children under its cells."""
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns are versions."""
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Symbol and word, colour, escaped sentence tooltip, sentence id to jump to."""
        grid = self._grid
        if grid is None or not index.isValid():
            return None
        row, column = self._order[index.row()], index.column()
        state = grid.cells[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            symbol, _, word = STATE_STYLE[state]
            return symbol if self.compact else f"{symbol} {word}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[state]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = grid.texts[row][column]
            tip = escape(text) if text else "not in this version"
            who = escape(self._labels[column].short)
            return f"<p><b>{who}: {escape(STATE_STYLE[state][2])}</b><br>{tip}</p>"
        if role == SENTENCE_ROLE:
            return grid.first_sentence[row][column]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Versions with their only/shared/missing counts across; unit ids down."""
        if self._grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._order):
                return None
            unit = self._order[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._gists[unit] if self._gists else self._grid.units[unit]
            if role == Qt.ItemDataRole.ToolTipRole:
                text = next((t for t in self._grid.texts[unit] if t), "")
                spread = self._grid.spread[unit]
                return (
                    f"<p>{escape(text)}<br><i>carried by {spread} of "
                    f"{len(self._documents)} versions ({escape(self._grid.units[unit])})</i></p>"
                )
            return None
        if not 0 <= section < len(self._documents):
            return None
        label = self._labels[section]
        only, shared, missing = self._counts[section]
        if role == COUNTS_ROLE:
            return only, shared, missing
        if role == Qt.ItemDataRole.DisplayRole:
            if self.compact:
                return f"{label.short}\n{only} · {shared} · {missing}"
            return f"{label.short}\n{only} only · {shared} shared\n{missing} missing"
        if role == Qt.ItemDataRole.ToolTipRole:
            return escape(
                f"{label.full}\n{only} piece(s) of content only it has, {shared} shared, "
                f"{missing} carried by others but missing here"
            ).replace("\n", "<br>")
        return None
