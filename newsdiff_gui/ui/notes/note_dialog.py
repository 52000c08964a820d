"""Write or edit a note: Markdown on the left, its rendering on the right.

The preview uses the engine's ``render_note_html`` (markdown-it-py, raw HTML
off), so what the reader sees is what every report shows, and ``<script>``
typed into a note is text. Links in the preview are not followed: the
program makes no network requests.

``ask_note_text`` is the one entry point the rest of the UI calls; tests
replace it to answer without a modal dialog.

Public API: ``NoteDialog``, ``ask_note_text``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...engine.annotate.notes import render_note_html

PLACEHOLDER = (
    "What do you notice here? Markdown works: **bold**, *italic*, lists with -, > quotes, `code`."
)


class NoteDialog(QDialog):
    def __init__(self, label: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.resize(760, 420)
        about = QLabel(f"Note on {label}")
        about.setTextFormat(Qt.TextFormat.PlainText)  # the label quotes article text
        about.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setPlaceholderText(PLACEHOLDER)
        self.editor.setAccessibleName("Note text (Markdown)")
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setAccessibleName("Note preview")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=150)  # re-render while typing
        self._timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._timer.start)
        self.render_preview()

    def render_preview(self) -> None:
        self.preview.setHtml(render_note_html(self.editor.toPlainText()))

    def text(self) -> str:
        return self.editor.toPlainText()


def ask_note_text(parent: QWidget, label: str, text: str = "") -> str | None:
    """The note's Markdown, or ``None`` when the reader cancels."""
    dialog = NoteDialog(label, text, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.text()
