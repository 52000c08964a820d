"""The coverage map: units × versions, each cell saying whether and how that
version carries that content — with a symbol and a colour-blind-safe colour
(Okabe–Ito), so colour is never the only cue. Hover shows the sentence
(escaped); clicking jumps to it in the pair view.

Public API: ``CoverageView``, ``STATE_STYLE``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..engine.coverage_grid import CellState, CoverageGrid, coverage_grid
from ..engine.model import Alignment

# (symbol, colour, word): Okabe–Ito blue, bluish green, orange, vermillion; absent stays light.
STATE_STYLE = {
    CellState.VERBATIM: ("■", "#0072B2", "verbatim"),
    CellState.REWORDED: ("◆", "#009E73", "reworded"),
    CellState.PARTIAL: ("◐", "#E69F00", "partial"),
    CellState.ONLY: ("★", "#D55E00", "only here"),
    CellState.ABSENT: ("·", "#9a9a9a", "absent"),
}
SENTENCE_ROLE = Qt.ItemDataRole.UserRole + 30


class CoverageView(QWidget):
    """Who carries what; click a cell to read it in the pair view."""

    sentence_chosen = Signal(str)  # sentence id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alignment: Alignment | None = None
        self._grid: CoverageGrid | None = None
        legend = "   ".join(
            f"<b style='color:{colour}'>{symbol}</b> {word}"
            for symbol, colour, word in STATE_STYLE.values()
        )
        self.legend = QLabel(
            f"{legend}   — one row per piece of content; hover a cell to read it, click to "
            "open it in the pair view"
        )
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort the coverage map")
        self.sort.currentIndexChanged.connect(self._fill)
        top = QHBoxLayout()
        top.addWidget(self.legend, 1)
        top.addWidget(QLabel("Sort:"))
        top.addWidget(self.sort)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setDefaultSectionSize(160)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.cellClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_alignment(self, alignment: Alignment | None) -> None:
        self._alignment = alignment
        self._grid = coverage_grid(alignment) if alignment else None
        self.sort.blockSignals(True)
        self.sort.clear()
        self.sort.addItem("Most widely carried first")
        for document in alignment.documents if alignment else ():
            self.sort.addItem(f"Order of {document.outlet} ({document.name})")
        self.sort.blockSignals(False)
        self._fill()

    def _order(self) -> list[int]:
        grid = self._grid
        assert grid is not None and self._alignment is not None
        rows = list(range(len(grid.units)))
        choice = self.sort.currentIndex()
        if choice <= 0:
            return sorted(rows, key=lambda r: (-grid.spread[r], r))
        column = choice - 1
        sentences = self._alignment.article_set

        def position(row: int) -> tuple[int, int]:
            first = grid.first_sentence[row][column]
            if first is None:
                return (1, -grid.spread[row])
            return (0, sentences.sentence(first).index)

        return sorted(rows, key=position)

    def _fill(self) -> None:
        grid, alignment = self._grid, self._alignment
        self.table.clear()
        if grid is None or alignment is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        documents = alignment.documents
        self.table.setColumnCount(len(documents))
        headers = []
        for column, document in enumerate(documents):
            only, shared, missing = grid.counts(column)
            headers.append(f"{document.outlet}\n{only} only · {shared} shared\n{missing} missing")
        self.table.setHorizontalHeaderLabels(headers)
        for column, document in enumerate(documents):
            only, shared, missing = grid.counts(column)
            self.table.horizontalHeaderItem(column).setToolTip(
                f"{document.name}: {only} piece(s) of content only it has, {shared} shared, "
                f"{missing} carried by others but missing here"
            )
        order = self._order()
        self.table.setRowCount(len(order))
        self.table.setVerticalHeaderLabels([grid.units[r] for r in order])
        for line, row in enumerate(order):
            for column in range(len(documents)):
                state = grid.cells[row][column]
                symbol, colour, word = STATE_STYLE[state]
                item = QTableWidgetItem(f"{symbol} {word}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                fill = QColor(colour)
                fill.setAlpha(60 if state != CellState.ABSENT else 18)
                item.setBackground(QBrush(fill))
                text = grid.texts[row][column]
                tip = escape(text) if text else "not in this version"
                item.setToolTip(f"<p><b>{escape(word)}</b><br>{tip}</p>")
                item.setData(SENTENCE_ROLE, grid.first_sentence[row][column])
                self.table.setItem(line, column, item)

    def _clicked(self, line: int, column: int) -> None:
        item = self.table.item(line, column)
        sentence = item.data(SENTENCE_ROLE) if item else None
        if sentence:
            self.sentence_chosen.emit(sentence)
