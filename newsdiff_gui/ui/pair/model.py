"""Qt list model of the rows of the pair view: one item = one aligned row.

Why a list model and not a table: each item carries *both* cells, so one
delegate paints left and right side by side in the same row and the two
columns can never scroll apart (synchronised scrolling by construction).
``QListView`` lays rows out lazily and paints only what is visible, so long
article sets stay fast.

Roles expose the raw records (``RowRole``) and what the delegate needs
(``LeftPiecesRole``/``RightPiecesRole``, computed once per row and cached;
``PLACE_ROLE``: the row's paragraphs and whether it moved, from
``engine.compare.reading``).
``DisplayRole`` is a plain-text summary for accessibility and copying;
``ToolTipRole`` names the change in words and never contains article text
(Qt would guess tooltips with ``<b>`` in them to be rich text).

Public API: ``PairRowsModel`` and its role constants.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...engine.compare.labels import VersionLabel
from ...engine.compare.pairing import PairCounts, PairRow, RowKind, count_rows
from ...engine.compare.pieces import Piece, plain_text, side_pieces
from ...engine.compare.reading import PairReading, RowPlace
from ...engine.compare.suggestions import Partner
from ...engine.model import Document, OpKind
from ...engine.report.markers import MOVED, row_marker

_Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
IS_CHANGE_ROLE = Qt.ItemDataRole.UserRole + 3
LEFT_PIECES_ROLE = Qt.ItemDataRole.UserRole + 4
RIGHT_PIECES_ROLE = Qt.ItemDataRole.UserRole + 5
LEFT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 6
RIGHT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 7
MARKER_ROLE = Qt.ItemDataRole.UserRole + 8
CHANGE_TAGS_ROLE = Qt.ItemDataRole.UserRole + 9  # glyphs of the typed changes in the row
MARKS_ROLE = Qt.ItemDataRole.UserRole + 10  # the reader's own marks: NOTE, MANUAL
PARTNER_ROLE = Qt.ItemDataRole.UserRole + 11  # a possible partner of a lone row (Partner)
PARTNER_TEXT_ROLE = Qt.ItemDataRole.UserRole + 12  # its line: "maybe the same as …"
PLACE_ROLE = Qt.ItemDataRole.UserRole + 13  # RowPlace: paragraphs of each side, moved
_NOWHERE = RowPlace(None, None, False, False, False)


def moved_line(place: RowPlace, labels: tuple[str, str], reading_left: bool) -> str:
    """The tooltip line of a moved row, from the side being read: "moved from ¶ 5"."""
    here, there = (0, 1) if reading_left else (1, 0)
    paragraphs = (place.left_paragraph, place.right_paragraph)
    if paragraphs[there] is None:
        return f"{MOVED.symbol} Moved: the two versions tell this in a different order."
    where = f" (¶ {paragraphs[here]} here)" if paragraphs[here] is not None else ""
    return (
        f"{MOVED.symbol} Moved from ¶ {paragraphs[there]} of {labels[there]}{where}: "
        "the two versions tell this in a different order."
    )


def _describe(row: PairRow) -> str:
    if row.kind == RowKind.ONLY_LEFT:
        return "Omitted: only the left version has this."
    if row.kind == RowKind.ONLY_RIGHT:
        return "Added: only the right version has this."
    if row.kind == RowKind.BOILERPLATE:
        side = row.left or row.right
        reason = side[0].boilerplate if side else None
        return f"Boilerplate ({reason or 'not story content'}): not compared."
    deleted = sum(1 for op in row.ops if op.kind in (OpKind.DELETE, OpKind.REPLACE))
    inserted = sum(1 for op in row.ops if op.kind in (OpKind.INSERT, OpKind.REPLACE))
    relation = row.relation.value if row.relation else "shared"
    if not row.is_change:
        return f"Same content, same words ({relation})."
    return (
        f"Reworded ({relation}): {deleted} passage(s) struck through on the left, "
        f"{inserted} underlined on the right."
    )


class PairRowsModel(QAbstractListModel):
    """Rows of two versions aligned by unit, from ``engine.pairing.pair_rows``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PairRow] = []
        self._left: Document | None = None
        self._right: Document | None = None
        self._pieces: dict[tuple[int, bool], list[Piece]] = {}
        self._tags: dict[int, tuple[str, list[str]]] = {}  # row -> (glyphs, explanations)
        self._marks: dict[int, tuple[str, list[str]]] = {}  # row -> (glyphs, explanations)
        self._partners: dict[int, tuple[Partner, str]] = {}  # row -> (partner, its line)
        self._places: list[RowPlace] = []
        self._labels = ("left", "right")
        self._reading_left = True

    # -- data in -----------------------------------------------------------
    def show_reading(
        self,
        reading: PairReading,
        left: Document,
        right: Document,
        labels: tuple[VersionLabel, VersionLabel] | None = None,
    ) -> None:
        """Show the rows of ``reading`` with their places (paragraphs, moves)."""
        self.set_rows(list(reading.rows), left, right, reading.places)
        self._reading_left = reading.order.value == "left"
        if labels is not None:
            self._labels = (labels[0].short, labels[1].short)

    def set_rows(
        self,
        rows: list[PairRow],
        left: Document | None,
        right: Document | None,
        places: tuple[RowPlace, ...] | None = None,
    ) -> None:
        """Replace all rows (a new pair or a new alignment): a full reset is cheapest."""
        self.beginResetModel()
        self._rows = list(rows)
        self._places = list(places) if places is not None else [_NOWHERE] * len(self._rows)
        self._left, self._right = left, right
        self._pieces.clear()
        self._tags.clear()
        self._marks.clear()
        self._partners.clear()
        self.endResetModel()

    def set_change_tags(self, tags: dict[int, tuple[str, list[str]]]) -> None:
        """Typed changes per row (glyphs for the gutter, explanations for the
        tooltip), from the changes panel's reading of the same pair."""
        self._tags = dict(tags)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_marks(self, marks: dict[int, tuple[str, list[str]]]) -> None:
        """The reader's notes and manual corrections per row (glyphs for the
        gutter, lines for the tooltip), from ``annotations.py``."""
        self._marks = dict(marks)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_partners(self, partners: dict[int, tuple[Partner, str]]) -> None:
        """The possible partner offered on each lone row, with the line that
        says so (from ``partners.py``)."""
        self._partners = dict(partners)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def partner(self, number: int) -> Partner | None:
        found = self._partners.get(number)
        return found[0] if found else None

    def has_marks(self) -> bool:
        return bool(self._marks)

    def has_partners(self) -> bool:
        return bool(self._partners)

    def gutter_lines(self, number: int) -> int:
        """How many lines of glyphs the row's gutter holds under its marker
        (typed changes, the reader's marks): the delegate makes room for them
        without a trip through ``data`` for each row it measures."""
        return bool(self._tags.get(number, ("",))[0]) + bool(self._marks.get(number, ("",))[0])

    def partner_line(self, number: int) -> str | None:
        """The offer line of a lone row's possible partner, or None."""
        offer = self._partners.get(number)
        return offer[1] if offer else None

    def row_of_span(self, document_id: str, position: int) -> int:
        """The row showing ``position`` of document ``document_id``, or -1."""
        for number, row in enumerate(self._rows):
            for sentence in (*row.left, *row.right):
                doc = self._left if sentence in row.left else self._right
                inside = sentence.start <= position < max(sentence.end, sentence.start + 1)
                if doc is not None and doc.id == document_id and inside:
                    return number
        return -1

    def clear(self) -> None:
        self.set_rows([], None, None)

    # -- reading -----------------------------------------------------------
    @property
    def left_document(self) -> Document | None:
        return self._left

    @property
    def right_document(self) -> Document | None:
        return self._right

    def row_at(self, number: int) -> PairRow:
        return self._rows[number]

    def rows(self) -> tuple[PairRow, ...]:
        """Every row shown, for readers of the same pair (the change reader)."""
        return tuple(self._rows)

    def counts(self) -> PairCounts:
        return count_rows(self._rows)

    def pieces(self, number: int, left: bool) -> list[Piece]:
        """Styled runs of one cell, cut from the engine's spans once and kept."""
        key = (number, left)
        if key not in self._pieces:
            document = self._left if left else self._right
            row = self._rows[number]
            self._pieces[key] = side_pieces(row, document, left) if document else []
        return self._pieces[key]

    def place(self, number: int) -> RowPlace:
        return self._places[number]

    def change_rows(self) -> list[int]:
        """Row numbers a reader steps through with next/previous change: words
        changed, content on one side only, or content moved."""
        return [n for n, row in enumerate(self._rows) if row.is_change or self._places[n].moved]

    # -- QAbstractItemModel --------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Flat list: only the invisible root has children."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Serve the records and derived values the delegate and tests read."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number = index.row()
        row = self._rows[number]
        if role == Qt.ItemDataRole.DisplayRole:
            symbol, word = row_marker(row)
            left = plain_text(self.pieces(number, True)) or "—"
            right = plain_text(self.pieces(number, False)) or "—"
            return f"{symbol} {word}: {left} | {right}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [*self._tags.get(number, ("", []))[1], *self._marks.get(number, ("", []))[1]]
            place = self._places[number]
            if place.moved:
                lines.insert(0, moved_line(place, self._labels, self._reading_left))
            partner = self.partner(number)
            if partner is not None:  # no article text in tooltips (see the module docstring)
                lines.append(f"Possible partner ({partner.score:.2f}): Link (Ctrl+L) or Dismiss")
            return "\n".join([_describe(row), *lines])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            offer = self._partners.get(number)
            return f"{_describe(row)} {offer[1]}" if offer else _describe(row)
        if role == ROW_ROLE:
            return row
        if role == KIND_ROLE:
            return row.kind.value
        if role == IS_CHANGE_ROLE:
            return row.is_change
        if role == LEFT_PIECES_ROLE:
            return self.pieces(number, True)
        if role == RIGHT_PIECES_ROLE:
            return self.pieces(number, False)
        if role == LEFT_TEXT_ROLE:
            return plain_text(self.pieces(number, True))
        if role == RIGHT_TEXT_ROLE:
            return plain_text(self.pieces(number, False))
        if role == MARKER_ROLE:
            return row_marker(row)
        if role == PLACE_ROLE:
            return self._places[number]
        if role == CHANGE_TAGS_ROLE:
            notes = self._tags.get(number)
            return notes[0] if notes else ""
        if role == MARKS_ROLE:
            marks = self._marks.get(number)
            return marks[0] if marks else ""
        if role in (PARTNER_ROLE, PARTNER_TEXT_ROLE):
            offer = self._partners.get(number)
            return None if offer is None else offer[0 if role == PARTNER_ROLE else 1]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Rows are selectable (next/previous change lands on one) but not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
