"""UI tests run offscreen unless NEWSDIFF_ONSCREEN=1 (to watch them on a desktop).

The platform must be chosen before the QApplication exists; pytest-qt creates
it lazily on the first ``qtbot`` use, so setting it at import time is early
enough.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

if os.environ.get("NEWSDIFF_ONSCREEN") != "1":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("NEWSDIFF_THEME", None)  # tests choose palettes themselves

from newsdiff_gui.paths import seed_files


class SkippedRecorder:
    """Stands in for the skipped-files dialog so tests never block on it."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[object], int]] = []

    def __call__(self, skipped: Sequence[object], loaded: int) -> None:
        self.calls.append((list(skipped), loaded))


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch) -> list[str]:
    """A question box nobody answers would block the run (offscreen, nobody
    clicks): unless a test answers itself, every question is dismissed,
    as Escape would, and recorded. pytest-qt closes a test's widgets before
    its fixtures end, so an exercise editor with unsaved work asks here."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def dismissed(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.NoButton

    monkeypatch.setattr(QMessageBox, "question", staticmethod(dismissed))
    return asked


@pytest.fixture
def seeds() -> list[Path]:
    return seed_files()


@pytest.fixture
def skipped() -> SkippedRecorder:
    return SkippedRecorder()


@pytest.fixture
def window(qtbot, skipped: SkippedRecorder) -> Iterator[object]:
    """A main window that runs engine work inline (synchronously)."""
    from newsdiff_gui.ui.app.main_window import MainWindow

    win = MainWindow(inline=True, skipped_reporter=skipped)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()


@pytest.fixture
def seeded(window, seeds: list[Path]) -> object:
    """The window with the bundled seeds open."""
    window.open_paths(seeds)
    return window
