"""Coverage of a set: which version carries which content, counted and sorted.

The per-cell states come from ``coverage_grid`` (one rule, shared with the
coverage map that already reads it): ``verbatim`` when the version's text
equals another member's after normalising case, whitespace and quote marks;
``reworded``/``partial`` from the length ratio to the
fullest other member; ``only here``; ``absent``. This module adds what a
reader asks of that grid: row orders and per-version counts.

Public API: ``Coverage``, ``VersionCounts``, ``coverage``, ``CellState``,
``SortOrder``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model import Alignment
from .coverage_grid import CellState, CoverageGrid, coverage_grid

__all__ = ["CellState", "Coverage", "SortOrder", "VersionCounts", "coverage"]


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
