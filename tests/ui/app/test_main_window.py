"""The main window on the bundled seeds: loading, navigation, swapping, bad input."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from newsdiff_gui.engine.load.articles import InputError
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.pair.model import IS_CHANGE_ROLE, LEFT_TEXT_ROLE, RIGHT_TEXT_ROLE
from newsdiff_gui.ui.sets.skipped_dialog import show_skipped_files


def _texts(model, role) -> list[str]:
    return [model.index(n, 0).data(role) for n in range(model.rowCount())]


def test_opening_the_seeds_fills_both_columns(seeded, qtmodeltester) -> None:
    model = seeded.pair_view.model
    assert model.rowCount() > 10
    both = [
        n
        for n in range(model.rowCount())
        if model.index(n, 0).data(LEFT_TEXT_ROLE) and model.index(n, 0).data(RIGHT_TEXT_ROLE)
    ]
    assert len(both) >= 5
    assert seeded.sidebar.versions.rowCount() == 5
    assert seeded.pair_view.header.left.combo.count() == 5
    assert "shared" in seeded.counts_label.text()
    assert not seeded.busy_bar.isVisible()
    qtmodeltester.check(model)
    qtmodeltester.check(seeded.sidebar.versions)


def test_rows_get_real_heights_so_prose_is_never_cut(seeded, qtbot) -> None:
    view = seeded.pair_view.list_view
    # Rows off screen are measured while the reader reads (list_view.py).
    qtbot.waitUntil(lambda: not view.measuring(), timeout=5000)
    delegate = seeded.pair_view.delegate
    for n in range(seeded.pair_view.model.rowCount()):
        index = seeded.pair_view.model.index(n, 0)
        height = view.visualRect(index).height()
        width = delegate._text_width(view.viewport().width())
        for side in (True, False):
            assert delegate.document(index, side, width).size().height() < height


def test_next_change_moves_to_the_next_highlighted_row(seeded) -> None:
    view = seeded.pair_view
    changes = view.model.change_rows()
    assert len(changes) >= 3
    assert view.next_change()
    assert view.current_row() == changes[0]
    assert view.model.index(view.current_row(), 0).data(IS_CHANGE_ROLE)
    seeded.next_action.trigger()
    assert view.current_row() == changes[1]
    seeded.previous_action.trigger()
    assert view.current_row() == changes[0]


def test_keyboard_shortcuts_step_through_changes(seeded, qtbot) -> None:
    view = seeded.pair_view
    changes = view.model.change_rows()
    seeded.activateWindow()
    view.list_view.setFocus()
    qtbot.keyClick(view.list_view, Qt.Key.Key_F7)
    assert view.current_row() == changes[0]
    qtbot.keyClick(view.list_view, Qt.Key.Key_N)
    assert view.current_row() == changes[1]
    qtbot.keyClick(view.list_view, Qt.Key.Key_P)
    assert view.current_row() == changes[0]


def test_swapping_sides_swaps_versions_and_text(seeded) -> None:
    view = seeded.pair_view
    left_before = set(filter(None, _texts(view.model, LEFT_TEXT_ROLE)))
    right_before = set(filter(None, _texts(view.model, RIGHT_TEXT_ROLE)))
    assert view.pair == (0, 1)
    seeded.swap_action.trigger()
    assert view.pair == (1, 0)
    assert view.header.left.combo.currentIndex() == 1
    assert view.header.right.combo.currentIndex() == 0
    assert set(filter(None, _texts(view.model, LEFT_TEXT_ROLE))) == right_before
    assert set(filter(None, _texts(view.model, RIGHT_TEXT_ROLE))) == left_before
    counts = view.counts()
    seeded.swap_action.trigger()
    back = view.counts()
    assert (counts.only_left, counts.only_right) == (back.only_right, back.only_left)


def test_choosing_the_other_sides_version_swaps(seeded) -> None:
    view = seeded.pair_view
    view.header.left_chosen.emit(1)  # the version already on the right
    assert view.pair == (1, 0)
    view.header.right_chosen.emit(3)
    assert view.pair == (1, 3)
    assert seeded.sidebar.versions.index(3, 0).data(Qt.ItemDataRole.UserRole + 4) == "R"


def test_missing_file_is_reported_and_the_rest_loads(window, seeds, skipped, tmp_path) -> None:
    missing = tmp_path / "gone.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    window.open_paths([seeds[0], missing, seeds[1], empty])
    assert len(skipped.calls) == 1
    errors, loaded = skipped.calls[0]
    assert loaded == 2
    assert {Path(e.path).name for e in errors} == {"gone.txt", "empty.txt"}
    assert window.pair_view.model.rowCount() > 0
    assert window.sidebar.versions.rowCount() == 2


def test_default_skipped_dialog_lists_files_without_blocking(qtbot, seeds, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    win = MainWindow(inline=True)
    qtbot.addWidget(win)
    win.open_paths([seeds[0], "no/such/file.txt", seeds[2]])
    assert len(shown) == 1
    text = shown[0].text()
    assert "file.txt: no such file" in text
    assert "2 versions loaded" in text
    assert win.pair_view.model.rowCount() > 0


def test_skipped_dialog_shows_names_as_plain_text(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    show_skipped_files(parent, [InputError("<i>x.txt", "no such file")], 2)
    box = parent.findChild(QMessageBox)
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<i>x.txt: no such file" in box.text()
    box.close()


def test_fewer_than_two_versions_explains_instead_of_comparing(window, seeds, qtbot) -> None:
    with qtbot.waitSignal(window.load_failed, timeout=5000):
        window.open_paths([seeds[0], "missing.txt"])
    assert window.pair_view.model.rowCount() == 0
    assert "nothing to compare" in window.statusBar().currentMessage()


def test_threaded_alignment_shows_busy_then_fills(qtbot, seeds) -> None:
    win = MainWindow(skipped_reporter=lambda *_: None)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.view_filled, timeout=20000):
        win.open_paths(seeds)
        assert win.runner.busy
    qtbot.waitUntil(lambda: not win.busy_bar.isVisible(), timeout=5000)
    assert win.pair_view.model.rowCount() > 0
    win.close()
