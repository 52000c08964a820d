"""A dialog to paste article text as a new version, or to edit a version's
outlet, title and date. Plain-text widgets only: pasted text is data.

Public API: ``VersionTextDialog``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class VersionTextDialog(QDialog):
    """Outlet/title/date fields, and (for pasting) the article text."""

    def __init__(
        self,
        title: str,
        *,
        text: str | None = None,
        outlet: str = "",
        headline: str = "",
        date: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)  # room for long titles in the details form
        self.outlet = QLineEdit(outlet)
        self.headline = QLineEdit(headline)
        self.date = QLineEdit(date)
        self.date.setPlaceholderText("e.g. 2025-11-23")
        form = QFormLayout()
        form.addRow("Outlet", self.outlet)
        form.addRow("Title", self.headline)
        form.addRow("Date", self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.text: QPlainTextEdit | None = None
        if text is not None:
            self.text = QPlainTextEdit()
            self.text.setPlainText(text)
            self.text.setPlaceholderText("Paste the article text here")
            self.text.setMinimumSize(520, 260)
            layout.addWidget(self.text, 1)
        # Say where the change lives: readers expect an edit to be saved somewhere.
        note = QLabel(
            "The pasted text is kept in memory for this session; no file is written."
            if text is not None
            else "Changes the labels in newsdiff only; the file itself is not changed."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {
            "outlet": self.outlet.text().strip(),
            "title": self.headline.text().strip(),
            "date": self.date.text().strip(),
            "text": self.text.toPlainText() if self.text is not None else "",
        }
