"""Possible partners: which of the aligner's suggestions a view shows, and where.

The aligner keeps a link its model doubts (probability below the confident
level) as a ``Suggestion``, not a link: the two sentences stay content of
their own, and the change reader, which reads links only, reports no typed
change across them. The reader decides. A view offers the suggestion where
its question arises: on a sentence shown *alone* — a lone row of the pair
view (only-left or only-right) or a synopsis cell whose row the other
version does not carry — with the possible partner in the other version:
"maybe the same as BBC ¶4: «The military buildup…», 0.41 — Link / Dismiss".

Both views call this module, so they offer the same suggestions on the same
sentences; it knows nothing of Qt, of row order or of how a row is drawn
(rows are looked up by the sentences they hold, so any reading order works).
Suggestions the reader already settled (linked, dismissed, unlinked) are not
in the corrected alignment at all (``annotate.corrections``).

Public API: ``Partner``, ``pair_partners``, ``cell_partners``, ``version_name``,
``PREVIEW_WORDS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import Alignment, Sentence, Suggestion
from .pairing import PairRow, RowKind
from .synopsis import Synopsis

# Words of the partner's text a view quotes (enough to recognise it, short enough for a line).
PREVIEW_WORDS = 9

K = TypeVar("K")


@dataclass(frozen=True)
class Partner:
    """A possible partner of a sentence shown alone.

    ``mine`` are the suggestion's sentence ids in the lone sentence's version,
    ``theirs`` its sentences in the other version (document ``other``);
    ``score`` is the model's probability that they carry the same content.
    """

    suggestion: Suggestion
    mine: tuple[str, ...]
    theirs: tuple[Sentence, ...]
    other: int
    score: float

    @property
    def paragraph(self) -> int:
        """The partner's paragraph in its version, counted from 1 as readers count."""
        return self.theirs[0].paragraph + 1

    def preview(self, words: int = PREVIEW_WORDS) -> str:
        """The partner's first words, "…" when there are more."""
        split = " ".join(s.text for s in self.theirs).split()
        return " ".join(split[:words]) + ("…" if len(split) > words else "")

    def describe(self, label: str) -> str:
        """One line for the reader: ``label`` names the other version."""
        return f"maybe the same as {label} ¶{self.paragraph}: «{self.preview()}», {self.score:.2f}"

    def sentence_pairs(self) -> list[tuple[str, str]]:
        """The (mine, theirs) sentence pairs a manual link must join to confirm it."""
        return [(a, b.id) for a in self.mine for b in self.theirs]


def version_name(alignment: Alignment, index: int) -> str:
    """How an offer names version ``index``: its outlet, with the file name
    when two versions share an outlet."""
    document = alignment.documents[index]
    same = [d for d in alignment.documents if d.outlet == document.outlet]
    return document.outlet if len(same) == 1 else f"{document.outlet} ({document.name})"


def _partners_of(alignment: Alignment, suggestion: Suggestion) -> list[Partner]:
    """The suggestion seen from each of its two sides."""
    sentence = alignment.article_set.sentence
    a = tuple(sentence(i) for i in suggestion.a)
    b = tuple(sentence(i) for i in suggestion.b)
    return [
        Partner(suggestion, suggestion.a, b, b[0].doc_index, suggestion.score),
        Partner(suggestion, suggestion.b, a, a[0].doc_index, suggestion.score),
    ]


def _best_first(found: dict[K, list[Partner]]) -> dict[K, tuple[Partner, ...]]:
    """Each place's partners, the likeliest first (then in the partner's text order)."""
    return {
        key: tuple(sorted(partners, key=lambda p: (-p.score, p.theirs[0].index)))
        for key, partners in found.items()
    }


def pair_partners(
    alignment: Alignment, rows: Sequence[PairRow], left: int, right: int
) -> dict[int, tuple[Partner, ...]]:
    """Possible partners of the lone rows of the pair view of documents
    ``left`` and ``right`` (indices), by row number, best first.

    A row gets a partner when it is a lone sentence (only-left or only-right)
    and a suggestion joins it with a sentence of the version on the other side.
    """
    lone: dict[str, int] = {}
    for number, row in enumerate(rows):
        if row.kind == RowKind.ONLY_LEFT:
            lone.update((s.id, number) for s in row.left)
        elif row.kind == RowKind.ONLY_RIGHT:
            lone.update((s.id, number) for s in row.right)
    sides = {left: right, right: left}
    found: dict[int, list[Partner]] = {}
    for suggestion in alignment.suggestions:
        for partner in _partners_of(alignment, suggestion):
            mine = alignment.article_set.sentence(partner.mine[0]).doc_index
            if sides.get(mine) != partner.other:
                continue
            numbers = {lone[i] for i in partner.mine if i in lone}
            for number in numbers:
                found.setdefault(number, []).append(partner)
    return _best_first(found)


def cell_partners(view: Synopsis) -> dict[tuple[int, int], tuple[Partner, ...]]:
    """Possible partners of synopsis cells, by (row, column), best first.

    A cell gets a partner when a suggestion joins one of its sentences with a
    sentence of another version that this row does not carry (that version's
    cell in the row is empty): the row shows the content as missing there,
    and the reader may know better.
    """
    alignment = view.alignment
    where: dict[str, tuple[int, int]] = {}
    for number, row in enumerate(view.rows):
        for column, cell in enumerate(row.cells):
            for sentence in cell or ():
                where.setdefault(sentence.id, (number, column))
    found: dict[tuple[int, int], list[Partner]] = {}
    for suggestion in alignment.suggestions:
        for partner in _partners_of(alignment, suggestion):
            cells = {where[i] for i in partner.mine if i in where}
            for number, column in cells:
                if view.rows[number].cells[partner.other] is None:
                    found.setdefault((number, column), []).append(partner)
    return _best_first(found)


__all__ = ["PREVIEW_WORDS", "Partner", "cell_partners", "pair_partners", "version_name"]
