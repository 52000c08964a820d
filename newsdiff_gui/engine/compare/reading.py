"""Reading a pair of versions: in either version's own order, with moves and paragraphs.

Why: ``pairing.pair_rows`` lays rows out in the left version's order, so a
reader comparing an update (right) with the earlier copy (left) could not
read the update as it was published. ``read_pair`` gives the same rows in
the order a reader picks, and for every row where it sits in each version:

* ``Order.LEFT`` / ``Order.RIGHT`` — rows follow that version's sentences;
  a row only the other version has goes right after the row holding its
  nearest earlier sentence in that other version (so it stays beside what
  it followed there).
* moved rows — shared content the two versions tell in a different order.
  Of all shared rows, the heaviest set (by words) that both versions tell in
  the same order stays put; the others are moved (the longest-common-
  subsequence view diff tools take of moved blocks). The answer does not
  depend on the order chosen, so a passage is "moved" from either side.
* paragraphs — each cell knows the paragraph of its version it belongs to
  (numbered over paragraphs with story text, from 1) and whether it opens
  that paragraph among the rows shown, so a view can show each version's
  paragraph breaks.
* site chrome — boilerplate rows (credits, datelines, page furniture) and
  rows of punctuation alone are left out unless asked for; how many is said.

``exact`` is passed to the word diff: typography and letter case are not
changes unless asked for. Pure Python, no Qt.

Public API: ``Order``, ``RowPlace``, ``PairReading``, ``read_pair``,
``reorder``, ``moved_rows``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ..model import Alignment, Document, Sentence
from .pairing import PairRow, RowKind, pair_rows


class Order(str, Enum):
    """Whose order the rows follow."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Order:
        return Order.RIGHT if self is Order.LEFT else Order.LEFT


@dataclass(frozen=True)
class RowPlace:
    """Where a row's cells sit in their versions."""

    left_paragraph: int | None  # paragraph (from 1) of the row's first left sentence
    right_paragraph: int | None
    left_opens: bool  # the left cell starts a paragraph of the left version
    right_opens: bool
    moved: bool  # shared content told in a different order by the two versions

    def paragraph(self, left: bool) -> int | None:
        return self.left_paragraph if left else self.right_paragraph

    def opens(self, left: bool) -> bool:
        return self.left_opens if left else self.right_opens


@dataclass(frozen=True)
class PairReading:
    """The rows of a pair as shown, with their places."""

    rows: tuple[PairRow, ...]
    places: tuple[RowPlace, ...]
    order: Order
    hidden_chrome: int = 0  # boilerplate rows left out
    hidden_punctuation: int = 0  # rows of punctuation alone left out
    # ``pair_rows`` as computed (left order, nothing left out): what the change
    # reader takes, so the Changes panel does not depend on what the view hides.
    source: tuple[PairRow, ...] = ()
    exact: bool = False

    @property
    def moved(self) -> int:
        return sum(p.moved for p in self.places)

    def steps(self) -> list[int]:
        """Rows a reader steps through: changed words, one side only, or moved."""
        return [n for n, (row, place) in enumerate(zip(self.rows, self.places, strict=True))
                if row.is_change or place.moved]  # fmt: skip


def _words(row: PairRow) -> int:
    return max(1, sum(len(s.text.split()) for s in (*row.left, *row.right)) // 2)


def moved_rows(rows: Sequence[PairRow]) -> set[int]:
    """Positions (in ``rows``) of shared rows outside the heaviest run both
    versions tell in the same order (weighted longest increasing subsequence
    of right positions along left order; ties keep the earlier rows)."""
    shared = [n for n, row in enumerate(rows) if row.kind == RowKind.SHARED]
    shared.sort(key=lambda n: rows[n].left[0].index)
    ranks = {key: r for r, key in enumerate(sorted(rows[n].right[0].index for n in shared))}
    size = len(ranks)
    # Fenwick tree of (best weight, position in ``shared``) over right ranks.
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)
    previous: list[int] = []
    for position, number in enumerate(shared):
        rank = ranks[rows[number].right[0].index]
        best = (0, -1)
        i = rank  # ranks strictly below this one: tree indexes 1..rank
        while i > 0:
            best = max(best, tree[i], key=lambda item: item[0])
            i -= i & -i
        weight = best[0] + _words(rows[number])
        previous.append(best[1])
        i = rank + 1
        while i <= size:
            if weight > tree[i][0]:
                tree[i] = (weight, position)
            i += i & -i
    kept: set[int] = set()
    top = (0, -1)
    i = size
    while i > 0:
        top = max(top, tree[i], key=lambda item: item[0])
        i -= i & -i
    position = top[1]
    while position >= 0:
        kept.add(shared[position])
        position = previous[position]
    return {n for n in shared if n not in kept}


def reorder(rows: Sequence[PairRow], order: Order) -> list[int]:
    """Positions of ``rows`` (as ``pair_rows`` gives them) in ``order``.

    Rows with sentences of the chosen version follow them; the others go
    after the row holding their nearest earlier sentence of the other
    version (before everything when there is none), keeping their order.
    """
    by_left = order is Order.LEFT

    def own(row: PairRow) -> tuple[Sentence, ...]:
        return row.left if by_left else row.right

    def other(row: PairRow) -> tuple[Sentence, ...]:
        return row.right if by_left else row.left

    anchored = sorted(
        (n for n, row in enumerate(rows) if own(row)), key=lambda n: own(rows[n])[0].index
    )
    floating = [n for n, row in enumerate(rows) if not own(row)]
    row_of_other: dict[int, int] = {s.index: n for n in anchored for s in other(rows[n])}
    floats_by_index = sorted(floating, key=lambda n: other(rows[n])[0].index)
    after: dict[int, list[int]] = {}
    # Walk the other version's sentences in order, remembering the last anchored row seen.
    other_indexes = sorted({*row_of_other, *(other(rows[n])[0].index for n in floating)})
    first_of_float = {other(rows[n])[0].index: n for n in floats_by_index}
    anchor = -1
    for index in other_indexes:
        if index in row_of_other:
            anchor = row_of_other[index]
        if index in first_of_float:
            after.setdefault(anchor, []).append(first_of_float[index])
    result = list(after.get(-1, []))
    for number in anchored:
        result.append(number)
        result.extend(after.get(number, []))
    return result


def _is_punctuation(row: PairRow) -> bool:
    sentences = (*row.left, *row.right)
    return bool(sentences) and not any(s.has_words for s in sentences)


def _paragraph_numbers(document: Document) -> dict[int, int]:
    """Paragraph index → number from 1, over paragraphs holding story text."""
    numbers: dict[int, int] = {}
    for sentence in document.sentences:
        if not sentence.is_boilerplate and sentence.paragraph not in numbers:
            numbers[sentence.paragraph] = len(numbers) + 1
    return numbers


def _openers(rows: Sequence[PairRow], left: bool) -> set[str]:
    """Ids of the first sentence shown of each paragraph on one side."""
    first: dict[int, Sentence] = {}
    for row in rows:
        for sentence in row.left if left else row.right:
            known = first.get(sentence.paragraph)
            if known is None or sentence.index < known.index:
                first[sentence.paragraph] = sentence
    return {s.id for s in first.values()}


def read_pair(
    alignment: Alignment,
    left: Document,
    right: Document,
    *,
    order: Order = Order.LEFT,
    exact: bool = False,
    show_chrome: bool = False,
) -> PairReading:
    """The rows of ``left`` against ``right`` as a reader asked for them
    (see the module docstring)."""
    rows = pair_rows(alignment, left, right, exact=exact)
    moved = moved_rows(rows)
    positions = reorder(rows, order) if order is Order.RIGHT else list(range(len(rows)))
    chrome = punctuation = 0
    shown: list[int] = []
    for number in positions:
        row = rows[number]
        if not show_chrome and row.kind == RowKind.BOILERPLATE:
            chrome += 1
        elif not show_chrome and _is_punctuation(row):
            punctuation += 1
        else:
            shown.append(number)
    shown_rows = [rows[n] for n in shown]
    numbers = (_paragraph_numbers(left), _paragraph_numbers(right))
    openers = (_openers(shown_rows, True), _openers(shown_rows, False))
    places = []
    for number, row in zip(shown, shown_rows, strict=True):
        cells = (row.left, row.right)
        paragraphs = [numbers[s].get(c[0].paragraph) if c else None for s, c in enumerate(cells)]
        opens = [bool(c) and c[0].id in openers[s] for s, c in enumerate(cells)]
        places.append(RowPlace(paragraphs[0], paragraphs[1], opens[0], opens[1], number in moved))
    return PairReading(
        tuple(shown_rows), tuple(places), order, chrome, punctuation, tuple(rows), exact
    )
