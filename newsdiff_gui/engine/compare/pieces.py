"""Word-diff ops → marked runs of text ("pieces"): what a cell says, and how.

Every place that shows a word diff reads its text from here, so the pair
view, the synopsis and every report print the same words with the same
marks. Two cuts:

* ``side_pieces`` — one side of a pair-view row: the row's sentences of one
  version, with the words the other side lacks marked (deleted on the left,
  inserted on the right). A boilerplate row is its reason as a label, then
  its text.
* ``cell_pieces`` — one synopsis cell against the base: its own words, with
  the base's words it lacks struck inline before its own new ones.

Why one module: four copies had drifted, and the report cut a row from the
start of its first sentence to the end of its last, printing the sentences
of other rows in between (a row holding a version's sentences 2 and 5 showed
3 and 4 too). Here a row or cell shows its own sentences only, as the engine
diffed them (``worddiff.sentence_regions``), whitespace collapsed, a changed
run never ending in a marked space.

Pure Python (DESIGN.md: the engine imports no Qt). Painting the runs is the
caller's: ``ui/base/formats.py`` turns them into ``QTextCharFormat``s, the
reports into ``<del>``/``<ins>``.

Public API: ``PieceKind``, ``Piece``, ``side_pieces``, ``cell_pieces``,
``plain_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from ..model import Document, OpKind, Sentence
from .pairing import PairRow, RowKind
from .synopsis import CellStatus, Synopsis
from .worddiff import sentence_regions

_SPACES = re.compile(r"\s+")


class PieceKind(str, Enum):
    PLAIN = "plain"
    DELETED = "deleted"  # in the left (base) passage, not in the right (own) one
    INSERTED = "inserted"  # in the right (own) passage, not in the left (base) one
    LABEL = "label"  # a small caption the program adds (boilerplate reason)
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Piece:
    text: str
    kind: PieceKind


def plain_text(pieces: Iterable[Piece]) -> str:
    """What the cell says, without marks (tests, accessibility, copying)."""
    return "".join(p.text for p in pieces)


def _merge(pieces: list[Piece], text: str, kind: PieceKind) -> None:
    """Append a run, merging with the previous run of the same kind."""
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(pieces[-1].text + text, kind)
    else:
        pieces.append(Piece(text, kind))


def _trimmed(pieces: list[Piece]) -> list[Piece]:
    """No space at either end of the cell, and no empty run."""
    if pieces:
        pieces[-1] = Piece(pieces[-1].text.rstrip(), pieces[-1].kind)
        pieces[0] = Piece(pieces[0].text.lstrip(), pieces[0].kind)
    return [p for p in pieces if p.text]


# -- one side of a pair-view row ---------------------------------------------------


def _changed_kind(op_kind: OpKind, left: bool) -> PieceKind | None:
    """How an op's span on one side is shown; ``None`` when it has no text there."""
    if op_kind == OpKind.EQUAL:
        return PieceKind.PLAIN
    if left:
        return PieceKind.DELETED if op_kind in (OpKind.DELETE, OpKind.REPLACE) else None
    return PieceKind.INSERTED if op_kind in (OpKind.INSERT, OpKind.REPLACE) else None


def _append(pieces: list[Piece], text: str, kind: PieceKind) -> None:
    """Add a run, collapsing line breaks and keeping trailing spaces unmarked.

    A struck-through trailing space looks like a stray dash, so whitespace at
    the end of a changed run becomes a plain run.
    """
    text = _SPACES.sub(" ", text)
    if not text:
        return
    if kind in (PieceKind.DELETED, PieceKind.INSERTED):
        core = text.rstrip()
        tail = text[len(core) :]
        _merge(pieces, core, kind)
        _merge(pieces, tail, PieceKind.PLAIN)
        return
    _merge(pieces, text, kind)


def side_pieces(row: PairRow, document: Document, left: bool) -> list[Piece]:
    """Marked runs for one side of ``row``; empty when that side has no sentence.

    Each sentence is cut by the op spans that overlap it (ops cover the
    row's own sentences only, so a sentence between two of them is never
    shown).
    """
    sentences = row.left if left else row.right
    if not sentences:
        return []
    pieces: list[Piece] = []
    if row.kind == RowKind.BOILERPLATE:
        reason = sentences[0].boilerplate or "boilerplate"
        _append(pieces, f"{reason.upper()}  ", PieceKind.LABEL)
        for number, sentence in enumerate(sentences):
            _append(pieces, (" " if number else "") + sentence.text, PieceKind.BOILERPLATE)
        return pieces
    spans: list[tuple[int, int, PieceKind]] = []
    for op in row.ops:
        kind = _changed_kind(op.kind, left)
        start, end = (op.a_start, op.a_end) if left else (op.b_start, op.b_end)
        if kind is not None and end > start:
            spans.append((start, end, kind))
    spans.sort()
    text = document.text
    for number, sentence in enumerate(sentences):
        if number:
            _append(pieces, " ", PieceKind.PLAIN)
        position = sentence.start
        for start, end, kind in spans:
            if end <= position or start >= sentence.end:
                continue
            if start > position:
                _append(pieces, text[position:start], PieceKind.PLAIN)
            cut = min(end, sentence.end)
            _append(pieces, text[max(start, position) : cut], kind)
            position = cut
        if position < sentence.end:
            _append(pieces, text[position : sentence.end], PieceKind.PLAIN)
    if pieces:
        pieces[-1] = Piece(pieces[-1].text.rstrip(), pieces[-1].kind)
    return [p for p in pieces if p.text]


# -- one synopsis cell against the base ------------------------------------------------


class _Clipper:
    """Cuts op spans to a cell's regions, with a space where a region resumes."""

    def __init__(self, text: str, cell: Sequence[Sentence]) -> None:
        self.text = text
        # The runs of consecutive sentences the engine diffed (a sentence of
        # another row between two of the cell's is not shown).
        self.regions = sentence_regions(cell)
        self.entered: set[int] = set()

    def __call__(self, start: int, end: int) -> str:
        parts = []
        for number, (lo, hi) in enumerate(self.regions):
            a, b = max(start, lo), min(end, hi)
            if a >= b:
                continue
            if number and number not in self.entered:
                parts.append(" ")
            self.entered.add(number)
            parts.append(self.text[a:b])
        return _SPACES.sub(" ", "".join(parts))


def cell_pieces(view: Synopsis, row: int, column: int, status: CellStatus) -> tuple[Piece, ...]:
    """The runs one synopsis cell shows: plain text, or the diff against the
    base inline (``status`` is ``view.status(row, column)``, passed in because
    callers have it already)."""
    cell = view.rows[row].cells[column]
    if cell is None:
        return ()
    if status != CellStatus.CHANGED:
        text = _SPACES.sub(" ", " ".join(s.text for s in cell)).strip()
        kind = PieceKind.BOILERPLATE if all(s.is_boilerplate for s in cell) else PieceKind.PLAIN
        return (Piece(text, kind),)
    base_cell = view.rows[row].cells[view.base]
    assert base_cell is not None
    own_text = _Clipper(view.documents[column].text, cell)
    base_text = _Clipper(view.documents[view.base].text, base_cell)
    pieces: list[Piece] = []
    for op in view.ops(row, column):
        own = own_text(op.b_start, op.b_end)
        if op.kind == OpKind.EQUAL:
            _merge(pieces, own, PieceKind.PLAIN)
            continue
        cut = base_text(op.a_start, op.a_end).strip()
        if cut:
            if pieces and not pieces[-1].text.endswith(" "):
                _merge(pieces, " ", PieceKind.PLAIN)
            _merge(pieces, cut, PieceKind.DELETED)
            # A space between struck and new words, or "authoritiesgovernment" reads as one.
            _merge(pieces, " ", PieceKind.PLAIN)
            own = own.lstrip()
        new = own.rstrip()
        lead = new[: len(new) - len(new.lstrip())]
        _merge(pieces, lead, PieceKind.PLAIN)
        _merge(pieces, new.lstrip(), PieceKind.INSERTED)
        _merge(pieces, own[len(new) :], PieceKind.PLAIN)
    return tuple(_trimmed(pieces))
