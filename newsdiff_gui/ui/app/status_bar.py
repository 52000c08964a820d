"""The window's status bar: messages that end in "…" instead of running
into the counts, and counts that shorten before they push the window wide.

Why: Qt clips a long status message two pixels before the first permanent
widget, so an instruction ("Marked for linking: now press Ctrl+L on …")
read straight into "18 shared · 18 reworded …" with no gap and no sign it
went on; and the counts label, as wide as its text, set a minimum width of
420 pixels. Here the message is elided with "…" (the whole text in the
tooltip and in ``currentMessage``), a gap separates it from the counts, and
the counts shorten to their numbers when room is short (the words in the
tooltip).

Public API: ``StatusBar``, ``CountsLabel``.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

GAP = 18  # pixels between the end of a message and the widgets on the right
_GEOMETRY_EVENTS = (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show, QEvent.Type.Hide)


class CountsLabel(QLabel):
    """``long`` text while it fits, else ``short``; never forces the window wider."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._long = self._short = ""

    def set_counts(self, long: str, short: str) -> None:
        self._long, self._short = long, short
        self.setToolTip(long)
        self.setAccessibleName(long)
        self._fit()

    def clear(self) -> None:
        self.set_counts("", "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        text = self._long
        if metrics.horizontalAdvance(text) > self.width():
            text = self._short
        if metrics.horizontalAdvance(text) > self.width():
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width())
        if text != self.text():
            super().setText(text)

    def full_text(self) -> str:
        return self._long

    def preferred_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self._long) + 8

    def sizeHint(self) -> QSize:
        """Room for the long text (the layout shrinks it toward the minimum)."""
        return QSize(self.preferred_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """A few characters: the counts never set the window's minimum width."""
        return QSize(self.fontMetrics().horizontalAdvance("0 · 0 · 0"), super().sizeHint().height())


class StatusBar(QStatusBar):
    """``showMessage`` elides to the room left of the permanent widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._timeout = 0
        self._shown_for = QElapsedTimer()
        self.messageChanged.connect(self._on_changed)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # type: ignore[override]
        self._full, self._timeout = text, timeout
        self._shown_for.start()
        self._show_elided()

    def _show_elided(self) -> None:
        """The message cut to the room there is; what is left of its time."""
        remaining = 0
        if self._timeout:
            remaining = max(1, self._timeout - int(self._shown_for.elapsed()))
        elided = self._elided(self._full)
        super().showMessage(elided, remaining)
        self.setToolTip(self._full if elided != self._full else "")

    def currentMessage(self) -> str:
        """The whole message, even when the bar shows it cut short."""
        shown = super().currentMessage()
        return self._full if shown and self._full else shown

    def _room(self) -> int:
        right = self.width() - 12
        for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if widget.isVisible() and widget.width() > 0 and widget.x() > 0:
                right = min(right, widget.x())
        return max(0, right - 6 - GAP)

    def _elided(self, text: str) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self._room())

    def _on_changed(self, text: str) -> None:
        if not text:
            self._full = ""
            self.setToolTip("")

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        """Also watch it: when the counts grow or the progress appears, the
        room for the message shrinks and the message is cut again."""
        super().addPermanentWidget(widget, stretch or 0)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _GEOMETRY_EVENTS:
            self._refit()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        shown = super().currentMessage()
        if self._full and shown and self._elided(self._full) != shown:
            self._show_elided()
