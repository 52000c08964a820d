"""A dialog to paste article text as a new version, or to edit a version's
outlet, title and date. Plain-text widgets only: pasted text is data.

Public API: ``VersionTextDialog``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
