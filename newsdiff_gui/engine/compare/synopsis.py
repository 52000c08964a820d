"""The synopsis: all versions as columns, one row per unit (a collation table).

Rows follow the base version's order; a unit the base lacks goes right after
the row of its nearest earlier sentence in the first version (base first,
then the order given) that carries it — or, for a version's opening before
anything it shares, right before its first shared row — so every version
still reads top to bottom in its own order wherever the versions agree. Each cell holds the
sentences of one version in that unit, or ``None``.

Differences are against a chosen base column: word-diff ops between the base
cell and each other cell, computed lazily and memoised per (row, column)
because a table of 50 versions has thousands of cells and a view only shows
a screenful. Changing the base is a new ``synopsis(...)`` call: ordering is
one pass over the sentences (milliseconds for 50 versions); diffs start over.

Public API: ``CellStatus``, ``SynopsisRow``, ``Synopsis``, ``synopsis``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..model import Alignment, DiffOp, Document, OpKind, Sentence, Unit
from .worddiff import diff_regions, sentence_regions

Cell = tuple[Sentence, ...] | None


class CellStatus(str, Enum):
    """A cell compared with the base column's cell in the same row."""

    BASE = "base"  # the base version's own cell
    SAME = "same"  # same words as the base
    CHANGED = "changed"  # reworded, shortened or extended: see ``Synopsis.ops``
    ADDED = "added"  # the base lacks this content
    ABSENT = "absent"  # this version lacks it


@dataclass(frozen=True)
class SynopsisRow:
    unit: Unit
    cells: tuple[Cell, ...]  # one per document, in document order

    @property
    def spread(self) -> int:
        """How many versions carry this content."""
        return sum(cell is not None for cell in self.cells)

    @property
    def only_in(self) -> int | None:
        """The column of the one version carrying it, or ``None`` when shared."""
        carried = [n for n, cell in enumerate(self.cells) if cell is not None]
        return carried[0] if len(carried) == 1 else None

    def text(self, column: int) -> str:
        cell = self.cells[column]
        return " ".join(s.text for s in cell) if cell else ""

    @property
    def is_chrome(self) -> bool:
        """Site chrome (credits, datelines, page furniture) or punctuation alone
        in every cell: what a reader hides with the pair view's chrome."""
        sentences = [s for cell in self.cells if cell for s in cell]
        return bool(sentences) and all(s.is_boilerplate or not s.has_words for s in sentences)


@dataclass
class Synopsis:
    """Rows of an alignment ordered and compared against ``base`` (a column)."""

    alignment: Alignment
    base: int
    rows: tuple[SynopsisRow, ...]
    exact: bool = False  # typography and letter case count as word changes
    _ops: dict[tuple[int, int], tuple[DiffOp, ...]] = field(default_factory=dict, repr=False)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.alignment.documents

    def ops(self, row: int, column: int) -> tuple[DiffOp, ...]:
        """Word-diff ops from the base cell (``a`` spans) to this cell (``b`` spans).

        Empty when either cell is empty or ``column`` is the base. Spans index
        the two documents' texts; only the cells' own sentences are diffed,
        as in the pair view.
        """
        key = (row, column)
        if key not in self._ops:
            base_cell = self.rows[row].cells[self.base]
            cell = self.rows[row].cells[column]
            if column == self.base or not base_cell or not cell:
                self._ops[key] = ()
            else:
                a_doc = self.documents[self.base]
                b_doc = self.documents[column]
                self._ops[key] = tuple(
                    diff_regions(
                        a_doc.text,
                        sentence_regions(base_cell),
                        b_doc.text,
                        sentence_regions(cell),
                        self.exact,
                    )
                )
        return self._ops[key]

    def status(self, row: int, column: int) -> CellStatus:
        cells = self.rows[row].cells
        if cells[column] is None:
            return CellStatus.ABSENT
        if column == self.base:
            return CellStatus.BASE
        if cells[self.base] is None:
            return CellStatus.ADDED
        if all(op.kind == OpKind.EQUAL for op in self.ops(row, column)):
            return CellStatus.SAME
        return CellStatus.CHANGED

    def with_base(self, base: int) -> Synopsis:
        """The same alignment against another base column."""
        return synopsis(self.alignment, base, exact=self.exact)


def _order(alignment: Alignment, base: int) -> list[int]:
    """Unit numbers in reading order (see the module docstring).

    Each placed unit gets a sort key, a tuple ending in 0: base units
    ``(i, 0)`` by their first base sentence. A unit new in version rank ``r``
    at sentence ``i`` whose nearest earlier sentence sits in a unit with key
    ``k`` gets ``(*k, r, i, 0)``: after ``k``, after what versions ranked
    before ``r`` inserted there, and a run of one version's new sentences
    stays together. A version's leading run (no earlier shared sentence) goes
    just before the unit of its first shared sentence, key ``s``:
    ``(*s[:-1], -1, r, i, 0)`` — so a version that opens differently is shown
    beside the content it leads into, not above the whole base. A version
    sharing nothing goes last.
    """
    documents = alignment.documents
    keys: dict[int, tuple[int, ...]] = {}
    units_of: dict[str, list[int]] = {}
    for number, unit in enumerate(alignment.units):
        for member in unit.members:
            units_of.setdefault(member, []).append(number)
    order = [base] + [d for d in range(len(documents)) if d != base]
    for rank, doc_index in enumerate(order):
        anchor: tuple[int, ...] | None = None
        leading: list[tuple[int, int]] = []  # (unit number, sentence index) before any anchor
        for sentence in documents[doc_index].sentences:
            numbers = units_of.get(sentence.id, ())
            for number in numbers:
                if number in keys:
                    continue
                if rank == 0:
                    keys[number] = (sentence.index, 0)
                elif anchor is None:
                    leading.append((number, sentence.index))
                else:
                    keys[number] = (*anchor, rank, sentence.index, 0)
            placed = [keys[n] for n in numbers if n in keys]
            if placed and anchor is None and leading:
                successor = min(placed)[:-1]
                for number, index in leading:
                    keys[number] = (*successor, -1, rank, index, 0)
                leading = []
            if placed:
                anchor = max(placed)
        for number, index in leading:  # nothing shared with any earlier version
            keys.setdefault(number, (len(documents[base].sentences) + 1, rank, index, 0))
    return sorted(range(len(alignment.units)), key=lambda n: keys.get(n, (1 << 62, n)))


def synopsis(alignment: Alignment, base: int = 0, *, exact: bool = False) -> Synopsis:
    """The synopsis of ``alignment`` against document column ``base``;
    ``exact`` shows typography and letter case as changes."""
    if not 0 <= base < len(alignment.documents):
        raise ValueError(f"base column {base} outside 0..{len(alignment.documents) - 1}")
    sentence = alignment.article_set.sentence
    rows = []
    for number in _order(alignment, base):
        unit = alignment.units[number]
        cells: list[list[Sentence] | None] = [None] * len(alignment.documents)
        for member in unit.members:
            found = sentence(member)
            column = found.doc_index
            cell = cells[column]
            if cell is None:
                cells[column] = [found]
            else:
                cell.append(found)
        rows.append(
            SynopsisRow(
                unit,
                tuple(tuple(sorted(c, key=lambda s: s.index)) if c else None for c in cells),
            )
        )
    return Synopsis(alignment, base, tuple(rows), exact)
