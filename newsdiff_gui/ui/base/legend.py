"""A legend that names every marker the pair view uses, in chips that wrap.

Colour is never the only cue (DESIGN.md), and the words here are the key to
the other cues: symbols in the gutter, strike-through and underline in the
text, hatching for the empty side. The text is the program's own (no article
data), so it is safe as rich text; colours are re-read on palette changes.
The chips flow onto as many lines as the width needs (``FlowLayout``): a
fixed grid set the window's minimum width and cut it off on small screens.

Public API: ``Legend``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...engine.report.markers import (
    ADDED,
    BOILERPLATE,
    BOILERPLATE_MEANS,
    CHANGE_GLYPHS,
    GUTTER_CHANGE_TYPES,
    MOVED,
    OMITTED,
    PAIR_LEGEND,
    REWORDED,
    STRUCK_MEANS,
    UNDERLINED_MEANS,
)
from .flow_layout import FlowLayout
from .theme import Theme, theme_for


def _entries(theme: Theme) -> list[tuple[str, str]]:
    """(rich text sample, tooltip) per legend entry."""
    added = theme.added_accent.name()
    omitted = theme.omitted_accent.name()
    reworded = theme.reworded_accent.name()
    dim = theme.dim_text.name()
    deleted = (
        f'<span style="background:{theme.deleted_bg.name()};color:{theme.deleted_fg.name()};'
        f'text-decoration:line-through">&nbsp;struck&nbsp;</span>'
    )
    inserted = (
        f'<span style="background:{theme.inserted_bg.name()};color:{theme.inserted_fg.name()};'
        f'text-decoration:underline">&nbsp;underlined&nbsp;</span>'
    )
    colours = {OMITTED: omitted, ADDED: added, REWORDED: reworded}
    tips = {
        OMITTED: "A sentence only the left version has; the right cell is hatched.",
        ADDED: "A sentence only the right version has; the left cell is hatched.",
        REWORDED: "Both versions carry this content in different words.",
    }
    typed = " ".join(CHANGE_GLYPHS[t] for t in GUTTER_CHANGE_TYPES)
    return [
        *(
            (
                f'<b style="color:{colours[mark]}">{mark.symbol}</b> {mark.word}'
                + (f": {means}" if means else ""),
                tips[mark],
            )
            for mark, means in PAIR_LEGEND
        ),
        (
            f'<b style="color:{theme.moved_accent.name()}">{MOVED.symbol}</b> {MOVED.word}',
            "Both versions carry this passage, in a different order: hover the row to "
            "see the paragraph it came from.",
        ),
        (f"{deleted} {STRUCK_MEANS}", "Words in the left version, not in the right."),
        (f"{inserted} {UNDERLINED_MEANS}", "Words in the right version, not in the left."),
        (
            f'<i style="color:{dim}">{BOILERPLATE.word}</i> {BOILERPLATE_MEANS}',
            "Site chrome, credits and datelines: shown, never compared.",
        ),
        (
            f'<b style="color:{reworded}">{typed}</b> in the gutter: a changed number, '
            "quote, source, hedge, name or date (see the Changes panel)",
            "Typed changes the change reader found in the row; hover a row for details.",
        ),
    ]


class Legend(QWidget):
    """Explains the pair view's markers in rows of small labels that wrap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        # Chips that wrap: the legend fits beside the changes dock at any width.
        self._layout = FlowLayout(self, spacing=22, line_spacing=3)
        self._layout.setContentsMargins(12, 5, 12, 5)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._labels: list[QLabel] = []
        self._rebuild()

    def texts(self) -> list[str]:
        """The legend as plain text (tests, accessibility)."""
        return [label.text() for label in self._labels]

    def _rebuild(self) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        title = QLabel("<b>Legend</b>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(title)
        self._labels.append(title)
        for text, tip in _entries(theme_for(self.palette())):
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(tip)
            label.setWordWrap(len(label.text()) > 130)  # the long entry wraps in a narrow window
            self._layout.addWidget(label)
            self._labels.append(label)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._rebuild()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A line under the legend separates it from the column headers."""
        painter = QPainter(self)
        painter.setPen(theme_for(self.palette()).separator)
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
