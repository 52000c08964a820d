"""Marked text pieces → ``QTextDocument`` for one cell of a pair row or synopsis.

The view imports this helper, never the reverse (as git-cola's
``diff_intraline`` feeds its highlighter). Two steps, so the first can be
tested without painting:

1. The engine (``engine.compare.pieces``) cuts a cell's sentences into
   ``Piece`` runs by the word-diff ops; the reports read the same runs.
2. ``fill_document`` writes those runs into a ``QTextDocument`` through a
   ``QTextCursor`` with ``QTextCharFormat``s. Article text goes in with
   ``insertText``, which never parses markup, so ``<script>`` stays text.
   ``pieces_to_html`` is for places that need an HTML string and escapes
   every piece with ``html.escape``.

Deleted words are struck through and inserted words underlined as well as
tinted, so the cue survives colour blindness and grey-scale printing.

Public API: ``char_format``, ``prose_cursor``, ``fill_document``,
``highlight_matches``, ``pieces_to_html``, ``tooltip_html``.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextOption

from ...engine.compare.pieces import Piece, PieceKind
from .theme import Theme


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
