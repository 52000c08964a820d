"""The find bar under the pair view: query, options, next/previous, counts.

Only the widget: what a query finds is the ``SearchController``'s business.
Enter goes to the next hit, Shift+Enter to the previous one, Esc closes.

Signals: ``changed()`` (text or an option), ``next_requested()``,
``previous_requested()``, ``closed()``.

Public API: ``SearchBar``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _QueryField(QLineEdit):
    def __init__(self, bar: SearchBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter/Shift+Enter step through hits, Esc closes the bar."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._bar.previous_requested.emit()
            else:
                self._bar.next_requested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    changed = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = _QueryField(self)
        self.field.setPlaceholderText("Find in all versions")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in all versions")
        self.field.setMinimumWidth(160)
        self.case = self._toggle("Aa", "Match case")
        self.whole = self._toggle("W", "Whole words only")
        self.regex = self._toggle(".*", "Regular expression")
        self.previous = self._button("▲", "Previous hit (Shift+Enter, Shift+F3)")
        self.next = self._button("▼", "Next hit (Enter, F3)")
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)  # outlet names are data
        self.counts.setMinimumWidth(120)
        close = self._button("✕", "Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field)
        for widget in (self.case, self.whole, self.regex, self.previous, self.next):
            layout.addWidget(widget)
        layout.addWidget(self.counts, 1)
        layout.addWidget(close)
        self.field.textChanged.connect(self.changed)
        for toggle in (self.case, self.whole, self.regex):
            toggle.toggled.connect(self.changed)
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        close.clicked.connect(self.close_bar)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._button(text, tip)
        button.setCheckable(True)
        return button

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    @property
    def query(self) -> str:
        return self.field.text()

    def options(self) -> dict[str, bool]:
        """Keyword arguments for ``engine.search.search``."""
        return {
            "case_sensitive": self.case.isChecked(),
            "whole_word": self.whole.isChecked(),
            "regex": self.regex.isChecked(),
        }

    def set_counts(self, text: str, tooltip: str = "", error: bool = False) -> None:
        self.counts.setText(text)
        self.counts.setToolTip(tooltip)
        self.counts.setStyleSheet("color: palette(link);" if error else "")
