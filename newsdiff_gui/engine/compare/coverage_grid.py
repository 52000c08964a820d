"""Which version carries which content, and how: the coverage map's data.

A cell is ``verbatim`` when the version's sentences read the same as another
member's (whitespace and quote marks aside), ``reworded`` when they carry the
content in other words, ``partial`` when the version's words are under
``PARTIAL_RATIO`` of the fullest other member's (a summary's clipped
sentence). Why per cell and not the unit's relation: a unit is ``partial``
as soon as *one* member carries part of it, which would mark every full
version's cell partial too, ``only here`` when no other version has it, ``absent``
when the version lacks it. Per version:
content only it has, content it shares, and shared content it misses.

Public API: ``CellState``, ``CoverageGrid``, ``coverage_grid``.
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

    def counts(self, column: int) -> tuple[int, int, int]:
        """(only here, shared, missing) for one version."""
        only = shared = missing = 0
        for row, spread in zip(self.cells, self.spread, strict=True):
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
    cells, texts, firsts, spread = [], [], [], []
    for unit in alignment.units:
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
    )
