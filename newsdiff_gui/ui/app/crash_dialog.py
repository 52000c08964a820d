"""The dialog shown after an unexpected error: what happened, where the log is,
and the traceback under "Show Details…".

Plain text only (the message may quote article text or file names). Kept
apart from the hooks in ``crash.py`` so the hooks stay importable without
building widgets, and tests can patch ``QMessageBox.exec``.

Public API: ``CrashDialog``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class CrashDialog(QMessageBox):
    """Critical message box: message, log location, expandable traceback."""

    def __init__(self, message: str, trace: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("newsdiff — something went wrong")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            f"An unexpected error happened: {message}\n\n{where}\n"
            "newsdiff keeps running; your files were not changed."
        )
        self.setDetailedText(trace)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
