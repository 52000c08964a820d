"""Help → About is in the menu, and the example set tells readers how to open their own.

Why a test: both are one-line hooks in the main window that a later
refactor could drop without any other test noticing.
"""

from __future__ import annotations

from pathlib import Path

from newsdiff_gui.ui.app.launch import EXAMPLE_HINT


def test_help_menu_has_about(window) -> None:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert "&Help" in menus
    assert "&About newsdiff" in [a.text() for a in menus["&Help"].actions()]


def test_example_hint_stays_until_other_files_open(window, seeds: list[Path]) -> None:
    window.open_paths(seeds, hint=EXAMPLE_HINT)
    assert window.statusBar().currentMessage() == EXAMPLE_HINT
    window.open_paths(seeds[:2])
    assert window.statusBar().currentMessage() == "2 versions aligned."
