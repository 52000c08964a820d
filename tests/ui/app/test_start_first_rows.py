"""The set's first rows are drawn in the start window, before the main window.

``launch._draw_first_rows`` opens the set from the alignment cache, or aligns
it at once (through the cache) when it is small, and draws versions A and B's
first rows; a larger set not in the cache is left to the main window and the
start window keeps saying what is being opened (``ui/app/first_rows.py``).
"""

from __future__ import annotations

import html
from pathlib import Path

from pytestqt.qtbot import QtBot

from newsdiff_gui.engine.align.cache import AlignmentCache
from newsdiff_gui.engine.compare.pairing import RowKind, pair_rows
from newsdiff_gui.engine.session.open_set import open_set
from newsdiff_gui.paths import seed_files
from newsdiff_gui.ui.app import first_rows
from newsdiff_gui.ui.app.first_rows import previewable, quick_opening
from newsdiff_gui.ui.app.launch import _draw_first_rows, _show_start_window


def _seeds() -> list[str]:
    return [str(path) for path in seed_files()]


def _edited_seeds(folder: Path) -> list[str]:
    """The example set with one sentence added: small like it, but not the
    bundled example, whose alignment ships with the package."""
    paths = []
    for number, seed in enumerate(seed_files()):
        copy = folder / seed.name
        text = seed.read_text(encoding="utf-8")
        copy.write_text(text + ("\n\nThe story was updated." if number == 0 else ""), "utf-8")
        paths.append(str(copy))
    return paths


def _cached() -> list[Path]:
    return list(AlignmentCache().folder.glob("*.json"))


def test_a_cached_set_draws_the_pair_views_first_rows(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    opened = open_set(_seeds())  # as the main window opens it: aligned and cached
    again = quick_opening(_seeds())
    assert again is not None and again.from_cache
    app = QApplication.instance()
    start = _show_start_window(app, 0)
    qtbot.addWidget(start)
    _draw_first_rows(start, _seeds(), app)
    shown = start.text()
    first, second = opened.alignment.documents[:2]
    rows = [r for r in pair_rows(opened.alignment, first, second) if r.kind != RowKind.BOILERPLATE]
    assert "Opening the example set…" in shown and "A · " in shown and "B · " in shown
    lone = next(r for r in rows if r.kind == RowKind.ONLY_LEFT)
    # The first row, then a left-only row further down, in the pair view's order.
    places = [
        shown.find(html.escape(" ".join(r.left[0].text.split()[:6]))) for r in (rows[0], lone)
    ]
    assert 0 < places[0] < places[1] < shown.index("</table>")


def test_a_small_set_not_in_the_cache_is_aligned_once_for_both_windows(tmp_path: Path) -> None:
    assert not _cached()  # each test has an empty cache
    paths = _edited_seeds(tmp_path)
    opened = quick_opening(paths)
    assert opened is not None and not opened.from_cache
    assert len(_cached()) == 1
    assert open_set(paths).from_cache  # the main window's open finds it


def test_the_example_is_served_from_the_package_at_the_first_start() -> None:
    assert not _cached()
    opened = quick_opening(_seeds())
    assert opened is not None and opened.from_cache
    assert len(_cached()) == 1, "copied into the user's cache"


def test_a_larger_set_not_in_the_cache_is_left_to_the_main_window(
    qtbot: QtBot, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(first_rows, "SMALL_CHARS", 1000)  # the seeds are 21,000 characters
    app = QApplication.instance()
    start = _show_start_window(app, 0)
    qtbot.addWidget(start)
    _draw_first_rows(start, _edited_seeds(tmp_path), app)
    assert start.text().startswith("Opening") and "<table" not in start.text()
    assert not _cached()  # nothing aligned


def test_only_a_few_loose_files_are_read_before_the_main_window(tmp_path: Path) -> None:
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text("One version.", encoding="utf-8")
    two.write_text("Another version.", encoding="utf-8")
    assert previewable([str(one), str(two)])
    assert previewable([str(tmp_path)])
    assert not previewable([str(one)])  # one version: nothing to compare
    (tmp_path / "story").mkdir()  # a collection or a batch result: the Stories list
    assert not previewable([str(tmp_path)])
    assert not previewable([str(tmp_path / "missing")])
