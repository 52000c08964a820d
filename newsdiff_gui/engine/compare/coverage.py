"""Coverage of a set: which version carries which content, and how.

Cells (``coverage_grid``): a cell is ``verbatim`` when the version's sentences
read the same as another member's (whitespace and quote marks aside),
``reworded`` when they carry the content in other words, ``partial`` when the
version's words are under ``PARTIAL_RATIO`` of the fullest other member's (a
summary's clipped sentence), ``only here`` when no other version has it,
``absent`` when the version lacks it. Why per cell and not the unit's
relation: a unit is ``partial`` as soon as *one* member carries part of it,
which would mark every full version's cell partial too.

On top of the grid (``coverage``): what a reader asks of it, row orders and
per-version counts (content only it has, content it shares, shared content it
misses). One module, one rule: the coverage map and the Stories panel read the
same cells.

Public API: ``CellState``, ``CoverageGrid``, ``coverage_grid``, ``Coverage``,
``VersionCounts``, ``coverage``, ``SortOrder``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..model import Alignment


class CellState(str, Enum):
    VERBATIM = "verbatim"
    REWORDED = "reworded"
    PARTIAL = "partial"
    ONLY = "only here"
    ABSENT = "absent"


@dataclass(frozen=True)
class CoverageGrid:
    units: tuple[str, ...]  # unit ids, rows
    documents: tuple[str, ...]  # document ids, columns
    cells: tuple[tuple[CellState, ...], ...]  # [row][column]
    texts: tuple[tuple[str, ...], ...]  # the sentences in each cell ('' when absent)
    first_sentence: tuple[tuple[str | None, ...], ...]  # a sentence id per cell, to jump to
    spread: tuple[int, ...]  # per row: how many versions carry it
    # per row: site chrome (credits, datelines, furniture) or punctuation alone
    chrome: tuple[bool, ...] = ()

    def counts(self, column: int) -> tuple[int, int, int]:
        """(only here, shared, missing) for one version, in pieces of content:
        rows of site chrome or lone punctuation are not content (a stray "."
        counted as "1 only here" though the map hides its row)."""
        only = shared = missing = 0
        chrome = self.chrome or (False,) * len(self.cells)
        for row, spread, furniture in zip(self.cells, self.spread, chrome, strict=True):
            if furniture:
                continue
            carried = row[column] != CellState.ABSENT
            if carried and spread == 1:
                only += 1
            elif carried:
                shared += 1
            elif spread > 1:
                missing += 1
        return only, shared, missing


def _normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"\s+", " ", text).lower().split())


# A reworded cell with fewer than this share of the words of the fullest other
# member carries only part of the content (a summary's clipped sentence).
PARTIAL_RATIO = 0.6


def _fullness(mine: str, others: list[str]) -> float:
    longest = max((len(o.split()) for o in others), default=0)
    return len(mine.split()) / longest if longest else 1.0


def coverage_grid(alignment: Alignment) -> CoverageGrid:
    documents = alignment.documents
    cells, texts, firsts, spread, chrome = [], [], [], [], []
    for unit in alignment.units:
        sentences = [alignment.article_set.sentence(m) for m in unit.members]
        chrome.append(all(s.is_boilerplate or not s.has_words for s in sentences))
        by_document: dict[str, list[str]] = {}
        first: dict[str, str] = {}
        for member in unit.members:
            document_id = member.split(":")[0]
            by_document.setdefault(document_id, []).append(
                alignment.article_set.sentence(member).text
            )
            first.setdefault(document_id, member)
        normal = {d: _normal(" ".join(t)) for d, t in by_document.items()}
        row = []
        for document in documents:
            if document.id not in by_document:
                row.append(CellState.ABSENT)
            elif len(by_document) == 1:
                row.append(CellState.ONLY)
            elif any(normal[document.id] == v for d, v in normal.items() if d != document.id):
                row.append(CellState.VERBATIM)
            elif (
                _fullness(normal[document.id], [v for d, v in normal.items() if d != document.id])
                >= PARTIAL_RATIO
            ):
                row.append(CellState.REWORDED)
            else:
                row.append(CellState.PARTIAL)
        cells.append(tuple(row))
        texts.append(tuple(" ".join(by_document.get(d.id, [])) for d in documents))
        firsts.append(tuple(first.get(d.id) for d in documents))
        spread.append(len(by_document))
    return CoverageGrid(
        tuple(u.id for u in alignment.units),
        tuple(d.id for d in documents),
        tuple(cells),
        tuple(texts),
        tuple(firsts),
        tuple(spread),
        tuple(chrome),
    )


__all__ = [
    "CellState",
    "Coverage",
    "CoverageGrid",
    "SortOrder",
    "VersionCounts",
    "coverage",
    "coverage_grid",
]


class SortOrder(str, Enum):
    ALIGNMENT = "alignment"  # the aligner's unit order
    VERSION = "version"  # one version's reading order, then what it lacks
    SPREAD = "spread"  # most widely carried content first


@dataclass(frozen=True)
class VersionCounts:
    """What one version carries, in units of content."""

    unique: int  # content no other version has
    shared: int  # content it shares with at least one other version
    missing: int  # content others share that it lacks

    @property
    def carried(self) -> int:
        return self.unique + self.shared


@dataclass(frozen=True)
class Coverage:
    alignment: Alignment
    grid: CoverageGrid

    @property
    def rows(self) -> int:
        return len(self.grid.units)

    @property
    def columns(self) -> int:
        return len(self.grid.documents)

    def cell(self, row: int, column: int) -> CellState:
        return self.grid.cells[row][column]

    def counts(self, column: int) -> VersionCounts:
        return VersionCounts(*self.grid.counts(column))

    def all_counts(self) -> tuple[VersionCounts, ...]:
        return tuple(self.counts(c) for c in range(self.columns))

    def shared_by_all(self) -> float:
        """Share of units every version carries (0..1; 0 for an empty set)."""
        if not self.rows:
            return 0.0
        return sum(s == self.columns for s in self.grid.spread) / self.rows

    def order(self, by: SortOrder = SortOrder.ALIGNMENT, column: int = 0) -> list[int]:
        """Row numbers in the order asked for (stable; ties keep alignment order).

        ``VERSION``: rows ``column`` carries, in its reading order, then the
        rest by spread. ``SPREAD``: widely carried content first, content
        only one version has last.
        """
        rows = range(self.rows)
        if by == SortOrder.SPREAD:
            return sorted(rows, key=lambda r: -self.grid.spread[r])
        if by == SortOrder.VERSION:
            document = self.alignment.documents[column]
            position = {s.id: s.index for s in document.sentences}

            def key(r: int) -> tuple[int, int]:
                first = self.grid.first_sentence[r][column]
                if first is None:
                    return (1, -self.grid.spread[r])
                return (0, position[first])

            return sorted(rows, key=key)
        return list(rows)


def coverage(alignment: Alignment) -> Coverage:
    """The coverage of ``alignment``: cells, orders and counts."""
    return Coverage(alignment, coverage_grid(alignment))
