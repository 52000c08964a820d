"""One article as selectable plain text, with a student's marks and, once
revealed, the answer key drawn on it.

Why a ``QTextEdit`` and not the pair view: marking needs a real text
selection, which the painted pair rows do not have. The text is set as plain
text (article text is data, never markup) and every span crosses between
Python ``str`` indices and Qt positions through ``to_qt``/``from_qt``: Qt
counts UTF-16 code units, so a character beyond U+FFFF counts twice there.

Cues besides colour: a student's mark for the task at hand is tinted and
underlined; marks made for other tasks are tinted in another colour with a
dashed underline, so they are not mistaken for this task's; a key item
found is drawn with a solid underline, a missed one with a wavy underline,
and the task's feedback names each in words.

Public API: ``ArticleText``, ``to_qt``, ``from_qt``, ``other_mark_colour``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFocusEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ...engine.model import Document
from ..base.theme import Theme, reading_font, theme_for


def other_mark_colour(theme: Theme) -> QColor:
    """The tint of marks made for other tasks: the palette's highlight, faint,
    so it never looks like this task's yellow."""
    share = 0.35 if theme.dark else 0.22
    base, tint = theme.base, theme.current_row
    return QColor(
        round(base.red() * (1 - share) + tint.red() * share),
        round(base.green() * (1 - share) + tint.green() * share),
        round(base.blue() * (1 - share) + tint.blue() * share),
    )


def _astral(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if ord(c) > 0xFFFF]


def to_qt(astral: list[int], index: int) -> int:
    """Python index → Qt position (characters beyond the BMP count twice in Qt)."""
    return index + bisect_left(astral, index)


def from_qt(astral: list[int], position: int) -> int:
    """Qt position → Python index (the inverse of ``to_qt``)."""
    index = position
    while index > 0 and to_qt(astral, index) > position:
        index -= 1
    return index


class ArticleText(QTextEdit):
    """Read-only article text; ``selection_span`` in Python indices."""

    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(reading_font())
        self.document_: Document | None = None
        self._astral: list[int] = []
        self._theme = theme_for(self.palette())

    def set_article(self, document: Document | None) -> None:
        """Show ``document``'s text exactly (a lone ``\\r`` shows as a space,
        so positions stay one to one)."""
        self.document_ = document
        text = document.text if document else ""
        self._astral = _astral(text)
        self.setPlainText(text.replace("\r", " "))
        # A little space after each paragraph; positions are unchanged.
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(5)
        cursor.mergeBlockFormat(spacing)
        self.setExtraSelections([])

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = from_qt(self._astral, cursor.selectionStart())
        end = from_qt(self._astral, cursor.selectionEnd())
        return (start, end) if start < end else None

    def cursor_index(self) -> int:
        return from_qt(self._astral, self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select and scroll to ``start..end`` (tests, "show me" links)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(self._astral, start))
        cursor.setPosition(to_qt(self._astral, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _selection(
        self,
        start: int,
        end: int,
        background: QColor | None,
        style: QTextCharFormat.UnderlineStyle,
        underline: QColor,
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(self._astral, start))
        cursor.setPosition(to_qt(self._astral, end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        if background is not None:
            fmt.setBackground(background)
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(underline)
        selection.format = fmt
        return selection

    def show_marks(
        self,
        marks: Iterable[tuple[int, int]],
        found: Iterable[tuple[int, int]] = (),
        missed: Iterable[tuple[int, int]] = (),
        only_here: Iterable[tuple[int, int]] = (),
        other_marks: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Draw the student's marks (``other_marks``: those of other tasks),
        key items (found/missed) and, when the exercise shows highlights,
        the sentences only this article has."""
        theme = self._theme
        solid = QTextCharFormat.UnderlineStyle.SingleUnderline
        selections = [
            self._selection(s, e, theme.added_tint, QTextCharFormat.UnderlineStyle.DotLine,
                            theme.added_accent)
            for s, e in only_here
        ]  # fmt: skip
        selections += [
            self._selection(s, e, other_mark_colour(theme),
                            QTextCharFormat.UnderlineStyle.DashUnderline, theme.dim_text)
            for s, e in other_marks
        ]  # fmt: skip
        selections += [
            self._selection(s, e, theme.search_hit_bg, solid, theme.text) for s, e in marks
        ]
        selections += [
            self._selection(s, e, None, QTextCharFormat.UnderlineStyle.SingleUnderline,
                            theme.added_accent)
            for s, e in found
        ]  # fmt: skip
        selections += [
            self._selection(s, e, theme.deleted_bg, QTextCharFormat.UnderlineStyle.WaveUnderline,
                            theme.omitted_accent)
            for s, e in missed
        ]  # fmt: skip
        self.setExtraSelections(selections)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Remember which article the student works in (the Mark button uses it)."""
        super().focusInEvent(event)
        self.focused.emit()
