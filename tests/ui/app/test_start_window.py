"""The window appears before the engine loads, and the main window takes its place.

``launch_gui`` shows a plain start window right after Qt is up, then imports
and builds the main window and opens the set (``ui/app/launch.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from pytestqt.qtbot import QtBot

from newsdiff_gui.ui.app.launch import _show_start_window, _take_place_of
from newsdiff_gui.ui.app.main_window import MainWindow


def test_the_start_window_needs_neither_the_main_window_nor_the_engine() -> None:
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        from newsdiff_gui.ui.app.launch import _show_start_window
        app = QApplication([])
        start = _show_start_window(app, 0)
        heavy = [m for m in sys.modules if m.startswith(("newsdiff_gui.ui.app.main_window",
                 "newsdiff_gui.engine.align", "newsdiff_gui.engine.load", "numpy"))]
        print(start.isVisible(), start.windowTitle(), start.text(), heavy)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "True newsdiff Opening the example set… []"


def test_the_main_window_takes_the_start_windows_place(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    start = _show_start_window(app, 3)
    assert start.text() == "Opening 3 files…"
    start.move(40, 30)
    window = MainWindow()
    qtbot.addWidget(window)
    _take_place_of(window, start, app)
    assert window.isVisible() and not start.isVisible()
    assert window.geometry() == start.geometry()
