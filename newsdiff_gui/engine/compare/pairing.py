"""Rows for reading two versions side by side, derived from an N-way alignment.

Contract: every content sentence of both versions appears in exactly one row,
each side in its own document order; a row is either shared (sentences on
both sides that share a unit), only-left or only-right. Boilerplate sentences
get rows of their own, marked, so nothing of the text is hidden. Word diffs
are computed here, for linked rows only (never for unrelated text).

Public API: ``RowKind``, ``PairRow``, ``pair_rows``, ``PairCounts``, ``count_rows``,
``unshared_spans``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model import Alignment, DiffOp, Document, OpKind, Relation, Sentence
from .worddiff import diff_regions, sentence_regions


class RowKind(str, Enum):
    SHARED = "shared"
    ONLY_LEFT = "only_left"
    ONLY_RIGHT = "only_right"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class PairRow:
    kind: RowKind
    left: tuple[Sentence, ...]
    right: tuple[Sentence, ...]
    relation: Relation | None = None
    ops: tuple[DiffOp, ...] = ()

    @property
    def is_change(self) -> bool:
        """Rows a reader steps through with next/previous change."""
        if self.kind in (RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT):
            return True
        return self.kind == RowKind.SHARED and any(op.kind != OpKind.EQUAL for op in self.ops)


@dataclass(frozen=True)
class PairCounts:
    shared: int
    only_left: int
    only_right: int
    reworded: int


def _linked_groups(
    alignment: Alignment, left: Document, right: Document
) -> list[tuple[set[str], set[str]]]:
    """Connected groups of left/right sentences that share a unit."""
    left_ids = {s.id for s in left.content_sentences}
    right_ids = {s.id for s in right.content_sentences}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for unit in alignment.units:
        lefts = [m for m in unit.members if m in left_ids]
        rights = [m for m in unit.members if m in right_ids]
        if lefts and rights:
            for member in lefts + rights:
                root_a, root_b = find(lefts[0]), find(member)
                if root_a != root_b:
                    parent[root_b] = root_a
    groups: dict[str, tuple[set[str], set[str]]] = {}
    for sentence_id in parent:
        side = 0 if sentence_id in left_ids else 1
        groups.setdefault(find(sentence_id), (set(), set()))[side].add(sentence_id)
    return [g for g in groups.values() if g[0] and g[1]]


def _relation(
    alignment: Alignment, left_ids: set[str], right_ids: set[str], ops: tuple[DiffOp, ...]
) -> Relation:
    """Verbatim when the word diff finds nothing; otherwise what the units say."""
    if all(op.kind == OpKind.EQUAL for op in ops):
        return Relation.VERBATIM
    relations = [
        unit.relation
        for sentence_id in left_ids
        for unit in alignment.units_of(sentence_id)
        if unit.relation is not None and set(unit.members) & right_ids
    ]
    if len(left_ids) != len(right_ids) or Relation.PARTIAL in relations:
        return Relation.PARTIAL
    return Relation.REWORDED


def _diff(
    left: Document,
    right: Document,
    lefts: list[Sentence],
    rights: list[Sentence],
    exact: bool = False,
) -> tuple[DiffOp, ...]:
    """Word diff of the row's own sentences on each side (runs of consecutive
    sentences; the text between distant ones is not in the row). ``exact``
    shows typography and letter case as changes (``worddiff.diff_words``)."""
    return tuple(
        diff_regions(
            left.text, sentence_regions(lefts), right.text, sentence_regions(rights), exact
        )
    )


def pair_rows(
    alignment: Alignment, left: Document, right: Document, exact: bool = False
) -> list[PairRow]:
    """Rows for ``left`` and ``right``, ordered by the left version and with
    right-only content placed after the shared row that precedes it on the right.

    ``exact``: typography and letter case count as word changes (by default
    they do not; ``reading.read_pair`` gives the rows in the right's order).
    """
    by_id = {s.id: s for s in (*left.sentences, *right.sentences)}
    groups = _linked_groups(alignment, left, right)
    shared_rows: list[PairRow] = []
    grouped: set[str] = set()
    for lefts_ids, rights_ids in groups:
        lefts = sorted((by_id[i] for i in lefts_ids), key=lambda s: s.index)
        rights = sorted((by_id[i] for i in rights_ids), key=lambda s: s.index)
        grouped |= lefts_ids | rights_ids
        ops = _diff(left, right, lefts, rights, exact)
        relation = _relation(alignment, lefts_ids, rights_ids, ops)
        shared_rows.append(PairRow(RowKind.SHARED, tuple(lefts), tuple(rights), relation, ops))

    # Sequence the left side: shared rows at their first left sentence, the rest alone.
    left_sequence: list[tuple[int, PairRow]] = [(r.left[0].index, r) for r in shared_rows]
    for sentence in left.sentences:
        if sentence.id in grouped:
            continue
        kind = RowKind.BOILERPLATE if sentence.is_boilerplate else RowKind.ONLY_LEFT
        left_sequence.append((sentence.index, PairRow(kind, (sentence,), ())))
    left_sequence.sort(key=lambda item: item[0])
    rows = [row for _, row in left_sequence]

    # Insert right-only sentences after the row holding their nearest earlier right neighbour.
    row_of_right: dict[int, int] = {}
    for position, row in enumerate(rows):
        for sentence in row.right:
            row_of_right[sentence.index] = position
    inserts: dict[int, list[PairRow]] = {}
    for sentence in right.sentences:
        if sentence.id in grouped:
            continue
        earlier = [row_of_right[i] for i in row_of_right if i < sentence.index]
        anchor = max(earlier) if earlier else -1
        kind = RowKind.BOILERPLATE if sentence.is_boilerplate else RowKind.ONLY_RIGHT
        inserts.setdefault(anchor, []).append(PairRow(kind, (), (sentence,)))
    result: list[PairRow] = list(inserts.get(-1, []))
    for position, row in enumerate(rows):
        result.append(row)
        result.extend(inserts.get(position, []))
    return result


def unshared_spans(alignment: Alignment, mine: int, other: int) -> list[tuple[int, int]]:
    """Spans of the content sentences of document ``mine`` (a column) that share
    no unit with document ``other``: what ``mine`` has and ``other`` lacks.

    The same answer as the only-left rows of ``pair_rows``, without the word
    diffs (the exercise window tints these sentences and needs nothing else).
    """
    documents = alignment.documents
    other_id = documents[other].id
    spans = []
    for sentence in documents[mine].content_sentences:
        units = alignment.units_of(sentence.id)
        if not any(m.split(":")[0] == other_id for u in units for m in u.members):
            spans.append((sentence.start, sentence.end))
    return spans


def count_rows(rows: list[PairRow]) -> PairCounts:
    shared = [r for r in rows if r.kind == RowKind.SHARED]
    return PairCounts(
        shared=len(shared),
        only_left=sum(r.kind == RowKind.ONLY_LEFT for r in rows),
        only_right=sum(r.kind == RowKind.ONLY_RIGHT for r in rows),
        reworded=sum(1 for r in shared if r.is_change),
    )
