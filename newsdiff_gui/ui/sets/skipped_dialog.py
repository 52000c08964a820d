"""Tell the reader which files were skipped and why, while the rest loads.

A message box with one line per file: the reason comes from
``engine.load.InputError`` and names the problem in words ("no such file",
"this is a PNG image, not an article text"). Plain text only: file names are
data. Kept in one function so tests can replace it and the screenshot mode
can print to stderr instead.

``show_nothing_to_compare`` says why nothing is shown when fewer than two
versions could be read (one good file, or none).

Public API: ``skipped_summary``, ``show_skipped_files``, ``show_nothing_to_compare``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...engine.load.articles import InputError


def skipped_summary(skipped: Sequence[InputError]) -> str:
    """One line per file: ``name: reason``."""
    return "\n".join(f"{Path(error.path).name or error.path}: {error.reason}" for error in skipped)


def show_skipped_files(parent: QWidget | None, skipped: Sequence[InputError], loaded: int) -> None:
    """A non-modal warning listing the skipped files; full paths under "Details"."""
    if not skipped:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Some files were skipped")
    # Plain text: file names are data. (Informative text would ignore this
    # setting and guess rich text, so the list goes into the main text.)
    box.setTextFormat(Qt.TextFormat.PlainText)
    count = len(skipped)
    box.setText(
        f"{count} file{'s' if count != 1 else ''} could not be read as an article "
        f"and {'were' if count != 1 else 'was'} skipped; {loaded} version"
        f"{'s' if loaded != 1 else ''} loaded.\n\n{skipped_summary(skipped)}"
    )
    box.setDetailedText("\n".join(f"{error.path}: {error.reason}" for error in skipped))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, does not block the event loop


def show_nothing_to_compare(parent: QWidget | None, message: str) -> None:
    """A non-blocking notice that fewer than two versions loaded: nothing to compare."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Nothing to compare")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, does not block the event loop
