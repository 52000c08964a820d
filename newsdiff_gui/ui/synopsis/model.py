"""Qt table model of the synopsis: one row per unit, one column per version.

The engine's ``Synopsis`` decides the rows, the cells and each cell's status
against the base; this model only turns them into what a view shows. Why a
table model and not a widget per cell: 50 versions × 130 units is 6,500
cells, and a model answers only for the ones on screen.

``build_cells`` cuts every cell into styled ``Piece`` runs (the base's words
this version lacks struck, its own new words underlined: the engine's
``cell_pieces``, which the reports print too) and is pure Python,
so the controller runs it on the worker together with the word diffs; the
model then only hands out what is already computed.

Roles expose raw values: ``STATUS_ROLE`` (``CellStatus``), ``PIECES_ROLE``
(list of ``Piece``), ``TEXT_ROLE`` (the cell's own words), ``SENTENCES_ROLE``
(sentence ids), ``ONLY_IN_ROLE`` (the version's label when no other version
carries the row), ``PARTNER_ROLE`` (the cell's likeliest possible partner, a
``Partner``, from ``engine.compare.suggestions.cell_partners``: the same offers
as the pair view's). Versions are named by their labels
(``engine.compare.labels``: "C · AP 10:02"), in compact mode by the label alone
on one header line. ``DisplayRole`` is the cell's own text ("—" when absent); tooltips are
escaped rich text (article text and outlet names are data).

Public API: ``SynopsisModel``, ``SynopsisCells``, ``build_cells``, the roles,
``STATUS_MARK``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...engine.compare.labels import VersionLabel, version_labels
from ...engine.compare.pieces import Piece, cell_pieces
from ...engine.compare.suggestions import Partner, cell_partners, version_name
from ...engine.compare.synopsis import CellStatus, Synopsis
from ...engine.model import CancelledError
from ...engine.report.markers import CELL_MARKS, MANUAL, PARTNER
from ..base.formats import tooltip_html

_Index = QModelIndex | QPersistentModelIndex

STATUS_ROLE = Qt.ItemDataRole.UserRole + 40
PIECES_ROLE = Qt.ItemDataRole.UserRole + 41
TEXT_ROLE = Qt.ItemDataRole.UserRole + 42
SENTENCES_ROLE = Qt.ItemDataRole.UserRole + 43
ONLY_IN_ROLE = Qt.ItemDataRole.UserRole + 44
MANUAL_ROLE = Qt.ItemDataRole.UserRole + 45  # True: the reader linked this cell by hand
PARTNER_ROLE = Qt.ItemDataRole.UserRole + 46  # the cell's likeliest possible partner, or None

# Symbol and word per status: the non-colour cue painted in each cell's corner.
STATUS_MARK = CELL_MARKS

LABEL_ROOM = 20  # characters an "only in …" / "not in base" label takes, roughly

HINTS = (
    "Click: select · Double-click: show in the pair view · "
    "Ctrl+L: link with a base sentence · Ctrl+U: unlink from the base · Ctrl+Shift+N: add note"
)


@dataclass(frozen=True)
class SynopsisCells:
    """A synopsis with every cell already cut into pieces (built on the worker)."""

    synopsis: Synopsis
    pieces: tuple[tuple[tuple[Piece, ...], ...], ...]  # [row][column]
    statuses: tuple[tuple[CellStatus, ...], ...]
    lengths: tuple[tuple[int, ...], ...]  # characters shown per cell, for height estimates
    # Possible partners by (row, column), likeliest first (cells showing their content alone).
    partners: dict[tuple[int, int], tuple[Partner, ...]] = field(default_factory=dict)


def build_cells(view: Synopsis, should_cancel: Callable[[], bool] = lambda: False) -> SynopsisCells:
    """Statuses and pieces of every cell (word diffs included): worker work."""
    pieces = []
    statuses = []
    lengths = []
    columns = range(len(view.documents))
    for row in range(len(view.rows)):
        if should_cancel():
            raise CancelledError
        row_status = tuple(view.status(row, c) for c in columns)
        statuses.append(row_status)
        row_pieces = tuple(cell_pieces(view, row, c, row_status[c]) for c in columns)
        pieces.append(row_pieces)
        labelled = view.rows[row].only_in is not None or CellStatus.ADDED in row_status
        lengths.append(
            tuple(
                sum(len(p.text) for p in cell) + (LABEL_ROOM if cell and labelled else 0)
                for cell in row_pieces
            )
        )
    return SynopsisCells(view, tuple(pieces), tuple(statuses), tuple(lengths), cell_partners(view))


class SynopsisModel(QAbstractTableModel):
    """Cells of a ``SynopsisCells``: rows in the engine's reading order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cells: SynopsisCells | None = None
        self._manual: frozenset[str] = frozenset()  # sentences in a link made by hand
        self._labels: tuple[VersionLabel, ...] = ()
        self._compact = False

    # -- data in -----------------------------------------------------------
    def set_cells(self, cells: SynopsisCells | None) -> None:
        """Show a new synopsis (new alignment or new base): a full reset."""
        self.beginResetModel()
        self._cells = cells
        self._labels = version_labels(cells.synopsis.documents) if cells else ()
        links = cells.synopsis.alignment.links if cells else ()
        self._manual = frozenset(s for k in links if k.manual for s in (*k.a, *k.b))
        self.endResetModel()

    def set_compact(self, compact: bool) -> None:
        """One-line headers (the label only) for narrow columns."""
        if compact != self._compact:
            self._compact = compact
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    @property
    def labels(self) -> tuple[VersionLabel, ...]:
        return self._labels

    @property
    def synopsis(self) -> Synopsis | None:
        return self._cells.synopsis if self._cells else None

    @property
    def base(self) -> int:
        return self._cells.synopsis.base if self._cells else -1

    def pieces(self, row: int, column: int) -> tuple[Piece, ...]:
        return self._cells.pieces[row][column] if self._cells else ()

    @property
    def lengths(self) -> tuple[tuple[int, ...], ...]:
        """Characters each cell shows ([row][column]), for cheap height estimates."""
        return self._cells.lengths if self._cells else ()

    def status(self, row: int, column: int) -> CellStatus:
        assert self._cells is not None
        return self._cells.statuses[row][column]

    def sentence_ids(self, row: int, column: int) -> tuple[str, ...]:
        view = self.synopsis
        cell = view.rows[row].cells[column] if view else None
        return tuple(s.id for s in cell) if cell else ()

    def manual(self, row: int, column: int) -> bool:
        """True when a link the reader made by hand holds one of the cell's sentences."""
        return any(s in self._manual for s in self.sentence_ids(row, column))

    def partner(self, row: int, column: int) -> Partner | None:
        """The likeliest possible partner offered on this cell, or None."""
        found = self._cells.partners.get((row, column)) if self._cells else None
        return found[0] if found else None

    def partner_text(self, row: int, column: int) -> str:
        """ "maybe the same as <version> ¶n: «first words…», 0.41", or ""."""
        partner = self.partner(row, column)
        if partner is None or self._cells is None:
            return ""
        return partner.describe(version_name(self._cells.synopsis.alignment, partner.other))

    def only_in(self, row: int, column: int) -> str | None:
        """The label of ``column`` when it alone carries ``row``."""
        view = self.synopsis
        if view is None or view.rows[row].only_in != column:
            return None
        return self._labels[column].short

    def row_of_sentence(self, sentence_id: str) -> int:
        """The row whose cells hold ``sentence_id``, or -1."""
        view = self.synopsis
        for number, row in enumerate(view.rows if view else ()):
            if sentence_id in row.unit.members:
                return number
        return -1

    # -- QAbstractItemModel --------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows are units; a table has no children under its cells."""
        return 0 if parent.isValid() or self._cells is None else len(self._cells.pieces)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns are versions, in document order (the view may reorder them)."""
        if parent.isValid() or self._cells is None:
            return 0
        return len(self._cells.synopsis.documents)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, status, pieces and ids of one cell; escaped tooltip."""
        if self._cells is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        status = self._cells.statuses[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._cells.synopsis.rows[row].text(column)
            return " ".join(text.split()) if text else "—"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._tooltip(row, column, status, rich=role == Qt.ItemDataRole.ToolTipRole)
        if role == STATUS_ROLE:
            return status
        if role == PIECES_ROLE:
            return list(self._cells.pieces[row][column])
        if role == TEXT_ROLE:
            return self._cells.synopsis.rows[row].text(column)
        if role == SENTENCES_ROLE:
            return self.sentence_ids(row, column)
        if role == ONLY_IN_ROLE:
            return self.only_in(row, column)
        if role == MANUAL_ROLE:
            return self.manual(row, column)
        if role == PARTNER_ROLE:
            return self.partner(row, column)
        return None

    def _tooltip(self, row: int, column: int, status: CellStatus, *, rich: bool) -> str:
        outlet = self._labels[column].short
        base = self._labels[self.base].short
        lines = [
            f"{outlet}: {STATUS_MARK[status][1]}"
            + (
                f" ({base})"
                if status in (CellStatus.SAME, CellStatus.CHANGED, CellStatus.ADDED)
                else ""
            )
        ]
        if status == CellStatus.CHANGED:
            lines.append(f"Struck words are {base}'s and not here; underlined words are new here.")
        only = self.only_in(row, column)
        if only is not None:
            lines.append(f"Only in {only}: no other version carries this content.")
        if self.manual(row, column):
            lines.append(
                f"{MANUAL.symbol} Linked by hand (a manual correction; see the Notes panel)."
            )
        offer = self.partner_text(row, column)
        if offer:  # escaped by tooltip_html: the partner's words are data
            lines.append(f"{PARTNER.symbol} Possible partner: {offer}.")
            lines.append("Right-click: Link with Possible Partner, or Dismiss (Ctrl+D).")
        if status != CellStatus.ABSENT:
            lines.append(HINTS)
        return tooltip_html(*lines) if rich else "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Versions across (outlet, file, which is the base); row numbers down."""
        if self._cells is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        documents = self._cells.synopsis.documents
        if not 0 <= section < len(documents):
            return None
        document = documents[section]
        label = self._labels[section]
        is_base = section == self.base
        if role == Qt.ItemDataRole.DisplayRole:
            if self._compact:
                return f"{label.short}{' · BASE' if is_base else ''}"
            return f"{label.short}{'  · BASE' if is_base else ''}\n{document.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = (
                "the base: the other versions are compared with it"
                if is_base
                else "compared with the base; drag the header to move the column"
            )
            return tooltip_html(label.short, label.full, what)
        if role == Qt.ItemDataRole.FontRole and is_base:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Cells are selectable (for the context menu and keys), never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
