"""Engine spans → styled text pieces → ``QTextDocument`` for one cell of a pair row.

The view imports this helper, never the reverse (as git-cola's
``diff_intraline`` feeds its highlighter). Two steps, so the first can be
tested without painting:

1. ``side_pieces`` cuts a row's sentences on one side into ``Piece`` runs by
   the word-diff ops (``DiffOp`` spans index the document text).
2. ``fill_document`` writes those runs into a ``QTextDocument`` through a
   ``QTextCursor`` with ``QTextCharFormat``s. Article text goes in with
   ``insertText``, which never parses markup, so ``<script>`` stays text.
   ``pieces_to_html`` is for places that need an HTML string and escapes
   every piece with ``html.escape``.

Deleted words are struck through and inserted words underlined as well as
tinted, so the cue survives colour blindness and grey-scale printing.

Public API: ``PieceKind``, ``Piece``, ``side_pieces``, ``char_format``,
``fill_document``, ``highlight_matches``, ``pieces_to_html``, ``plain_text``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextOption

from ...engine.compare.pairing import PairRow, RowKind
from ...engine.model import Document, OpKind
from .theme import Theme

_SPACES = re.compile(r"\s+")


class PieceKind(str, Enum):
    PLAIN = "plain"
    DELETED = "deleted"  # in the left passage, not in the right one
    INSERTED = "inserted"  # in the right passage, not in the left one
    LABEL = "label"  # a small caption the program adds (boilerplate reason)
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Piece:
    text: str
    kind: PieceKind


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
        if core:
            _append_merged(pieces, core, kind)
        if tail:
            _append_merged(pieces, tail, PieceKind.PLAIN)
        return
    _append_merged(pieces, text, kind)


def _append_merged(pieces: list[Piece], text: str, kind: PieceKind) -> None:
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(pieces[-1].text + text, kind)
    else:
        pieces.append(Piece(text, kind))


def side_pieces(row: PairRow, document: Document, left: bool) -> list[Piece]:
    """Styled runs for one side of ``row``; empty when that side has no sentence.

    Each sentence is cut by the op spans that overlap it (ops cover the
    row's own sentences only, so a sentence between two of them is never
    shown twice).
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


def plain_text(pieces: list[Piece]) -> str:
    """What the cell says, without styling (tests, accessibility, copying)."""
    return "".join(p.text for p in pieces)


def char_format(kind: PieceKind, theme: Theme, font: QFont) -> QTextCharFormat:
    """The character format of one kind of run: colour plus a non-colour cue."""
    fmt = QTextCharFormat()
    fmt.setFont(font)
    fmt.setForeground(theme.text)
    if kind == PieceKind.DELETED:
        fmt.setBackground(theme.deleted_bg)
        fmt.setForeground(theme.deleted_fg)
        fmt.setFontStrikeOut(True)
    elif kind == PieceKind.INSERTED:
        fmt.setBackground(theme.inserted_bg)
        fmt.setForeground(theme.inserted_fg)
        fmt.setFontUnderline(True)
    elif kind == PieceKind.BOILERPLATE:
        fmt.setForeground(theme.dim_text)
        fmt.setFontItalic(True)
    elif kind == PieceKind.LABEL:
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        small.setBold(True)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        small.setStyleHint(QFont.StyleHint.SansSerif)
        small.setFamilies(["DejaVu Sans", "Sans Serif"])
        fmt.setFont(small)
        fmt.setForeground(theme.dim_text)
    return fmt


def prose_cursor(document: QTextDocument, font: QFont, line_height: int = 128) -> QTextCursor:
    """A cursor at the start of an empty cell laid out for reading: no margin,
    wrapping at word boundaries (anywhere for a very long token), airy lines
    (``line_height`` per cent of the font's)."""
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    block = cursor.blockFormat()
    block.setLineHeight(line_height, 1)  # 1 = ProportionalHeight
    cursor.setBlockFormat(block)
    return cursor


def fill_document(
    document: QTextDocument, pieces: list[Piece], theme: Theme, font: QFont, width: float
) -> None:
    """Replace ``document``'s content with ``pieces``, wrapped at ``width`` pixels."""
    document.clear()
    cursor = prose_cursor(document, font)
    for piece in pieces:
        cursor.insertText(piece.text, char_format(piece.kind, theme, font))
    document.setTextWidth(max(20.0, width))


def highlight_matches(
    document: QTextDocument,
    pattern: re.Pattern[str],
    theme: Theme,
    current: int | None = None,
    *,
    bold: bool = True,
) -> int:
    """Mark every match of ``pattern`` in ``document`` (bold on a tint, so not by
    colour alone); match number ``current`` gets the stronger tint. Returns how
    many matches the cell has. Empty matches highlight nothing and are skipped,
    as the engine's search skips them. ``bold=False`` overlines instead, for
    views whose row heights are measured once and must not re-wrap."""
    text = document.toPlainText()
    count = 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        fmt = QTextCharFormat()
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        else:
            fmt.setFontOverline(True)
        fmt.setBackground(theme.search_current_bg if count == current else theme.search_hit_bg)
        fmt.setForeground(theme.text)
        cursor = QTextCursor(document)
        cursor.setPosition(match.start())
        cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
        count += 1
    return count


_HTML_STYLE = {
    PieceKind.PLAIN: "",
    PieceKind.DELETED: "background:{deleted_bg};color:{deleted_fg};text-decoration:line-through",
    PieceKind.INSERTED: "background:{inserted_bg};color:{inserted_fg};text-decoration:underline",
    PieceKind.LABEL: "color:{dim};font-size:small;font-weight:bold",
    PieceKind.BOILERPLATE: "color:{dim};font-style:italic",
}


def pieces_to_html(pieces: list[Piece], theme: Theme) -> str:
    """An HTML fragment of ``pieces`` with every piece of article text escaped."""
    colours = {
        "deleted_bg": theme.deleted_bg.name(),
        "deleted_fg": theme.deleted_fg.name(),
        "inserted_bg": theme.inserted_bg.name(),
        "inserted_fg": theme.inserted_fg.name(),
        "dim": theme.dim_text.name(),
    }
    parts = []
    for piece in pieces:
        escaped = html.escape(piece.text)
        style = _HTML_STYLE[piece.kind].format(**colours)
        parts.append(f'<span style="{style}">{escaped}</span>' if style else escaped)
    return "".join(parts)


def tooltip_html(*lines: str) -> str:
    """A tooltip showing ``lines`` literally.

    Qt guesses whether a tooltip is rich text; a title containing ``<b>``
    would be rendered as markup. Escaping and wrapping in ``<p>`` makes it
    unambiguous.
    """
    return "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>"
