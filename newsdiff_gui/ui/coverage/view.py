"""The coverage map: units × versions, each cell saying whether and how that
version carries that content — with a symbol and a colour-blind-safe colour
(Okabe–Ito), so colour is never the only cue. Rows are labelled with the
gist of their content, columns with the versions' labels; hover shows the
sentence (escaped); clicking jumps to it in the pair view. Past
``COMPACT_FROM`` versions the columns narrow to their symbols; rows of site
chrome are hidden unless View ▸ Show Site Chrome.

Public API: ``CoverageView``, ``STATE_STYLE``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...engine.compare.coverage import CellState, CoverageGrid, coverage_grid
from ...engine.compare.gist import unit_gists
from ...engine.compare.labels import version_labels
from ...engine.model import Alignment
from .header import CoverageHeader
from .model import SENTENCE_ROLE, STATE_STYLE, CoverageModel

__all__ = ["SENTENCE_ROLE", "STATE_STYLE", "CoverageView"]

COMPACT_FROM = 7  # versions from which cells show their symbol alone


class CoverageView(QWidget):
    """Who carries what; click a cell to read it in the pair view."""

    sentence_chosen = Signal(str)  # sentence id: open it in the pair view
    synopsis_chosen = Signal(str)  # sentence id: show it in the synopsis

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alignment: Alignment | None = None
        self._grid: CoverageGrid | None = None
        self._gists: tuple[str, ...] = ()
        self._show_chrome = False
        legend = "   ".join(
            f"<b style='color:{colour}'>{symbol}</b> {word}"
            for symbol, colour, word in STATE_STYLE.values()
        )
        self.legend = QLabel(
            f"{legend}   — one row per piece of content; hover a cell to read it, click to "
            "open it in the pair view (right-click: the synopsis). The bar under each version: "
            f"<b style='color:{STATE_STYLE[CellState.ONLY][1]}'>only it has</b> · "
            f"<b style='color:{STATE_STYLE[CellState.VERBATIM][1]}'>shared</b> · "
            "hatched: missing"
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
        self.model = CoverageModel(self)
        self.table = QTableView()
        self.table.setHorizontalHeader(CoverageHeader(self.table))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setDefaultSectionSize(160)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        # Fill the width when the versions fit; scroll sideways when there are many.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setMaximumSectionSize(360)  # gists are cut to ~38 chars
        self.table.clicked.connect(lambda index: self._clicked(index.row(), index.column()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_alignment(self, alignment: Alignment | None) -> None:
        """Compute the grid here and show it (the controller computes it on a worker)."""
        self.set_grid(alignment, coverage_grid(alignment) if alignment else None)

    def set_grid(
        self,
        alignment: Alignment | None,
        grid: CoverageGrid | None,
        gists: tuple[str, ...] | None = None,
    ) -> None:
        """Show ``grid``, computed from ``alignment``, rows labelled with ``gists``
        (computed here when not given)."""
        self._alignment = alignment
        self._grid = grid if alignment else None
        self._gists = (gists if gists is not None else unit_gists(alignment)) if alignment else ()
        self.sort.blockSignals(True)
        self.sort.clear()
        self.sort.addItem("Most widely carried first")
        documents = alignment.documents if alignment else ()
        for label, document in zip(version_labels(documents), documents, strict=True):
            self.sort.addItem(f"Order of {label.short} ({document.name})")
        self.sort.blockSignals(False)
        self._fill()

    def set_show_chrome(self, show: bool) -> None:
        """Show (or hide) rows of site chrome and punctuation alone (View menu)."""
        if show != self._show_chrome:
            self._show_chrome = show
            self._fill()

    def _order(self) -> list[int]:
        grid = self._grid
        assert grid is not None and self._alignment is not None
        chrome = grid.chrome if grid.chrome and not self._show_chrome else ()
        rows = [r for r in range(len(grid.units)) if not (chrome and chrome[r])]
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
        if grid is None or alignment is None:
            self.model.set_grid(None, (), [])
            return
        compact = len(alignment.documents) >= COMPACT_FROM
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(84 if compact else 110)
        header.setDefaultSectionSize(96 if compact else 160)
        self.model.set_grid(grid, alignment.documents, self._order(), self._gists, compact)

    def _menu(self, position: QPoint) -> None:
        sentence = self.table.indexAt(position).data(SENTENCE_ROLE)
        if not sentence:
            return
        menu = QMenu(self)
        menu.addAction("Open in the Pair View").triggered.connect(
            lambda: self.sentence_chosen.emit(sentence)
        )
        menu.addAction("Show in the Synopsis").triggered.connect(
            lambda: self.synopsis_chosen.emit(sentence)
        )
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _clicked(self, line: int, column: int) -> None:
        sentence = self.model.index(line, column).data(SENTENCE_ROLE)
        if sentence:
            self.sentence_chosen.emit(sentence)
