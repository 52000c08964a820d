"""Issue 8 in the GUI: skipped files with reasons, nothing to compare, paste,
version details, Cancel during alignment, and crash safety."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMessageBox

from newsdiff_gui.engine.model import CancelledError
from newsdiff_gui.engine.session import open_set as recipe
from newsdiff_gui.ui.app import crash
from newsdiff_gui.ui.app.crash_dialog import CrashDialog
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.sets.versions_model import DATE_ROLE

ARTICLE = (
    "Officials in Caracas said on Sunday that talks with Washington would resume "
    "next week. The foreign ministry declined to give a date.\n\n"
    "Two diplomats told reporters the meeting could take place in Mexico City."
)


class _AcceptingDialog:
    """Stands in for VersionTextDialog: accepted at once with the given values."""

    def __init__(self, values: dict[str, str]) -> None:
        self._values = values

    def __call__(self, *args: object, text: str | None = None, **kwargs: object) -> object:
        self._text = text
        return self

    def exec(self) -> int:
        return 1

    def values(self) -> dict[str, str]:
        base = {"text": self._text or "", "outlet": "", "title": "", "date": ""}
        return {**base, **self._values}


def _boxes(window: object, title: str) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.windowTitle() == title]


@pytest.fixture
def real_dialogs(qtbot):
    """A window whose skipped-files report is the real (non-blocking) dialog."""
    win = MainWindow(inline=True)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.close()


def test_missing_png_and_duplicate_are_listed_while_the_rest_loads(
    real_dialogs, seeds, tmp_path
) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    duplicate = tmp_path / "copy-of-first.txt"
    duplicate.write_bytes(seeds[0].read_bytes())
    missing = tmp_path / "gone.txt"
    real_dialogs.open_paths([*seeds[:3], missing, png, duplicate])
    assert real_dialogs.alignment is not None
    assert len(real_dialogs.alignment.documents) == 3
    (box,) = _boxes(real_dialogs, "Some files were skipped")
    text = box.text()
    assert "3 files" in text and "3 versions loaded" in text
    assert "gone.txt: no such file" in text
    assert "photo.png:" in text and "PNG" in text
    assert "copy-of-first.txt: duplicate of" in text
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_one_good_file_says_nothing_to_compare(real_dialogs, seeds) -> None:
    real_dialogs.open_paths([seeds[0]])
    (box,) = _boxes(real_dialogs, "Nothing to compare")
    assert "nothing to compare" in box.text()
    assert real_dialogs.alignment is None
    assert real_dialogs.sidebar.versions.rowCount() == 1


def test_paste_turns_one_version_into_a_comparison(real_dialogs, seeds) -> None:
    real_dialogs.open_paths([seeds[0]])
    QGuiApplication.clipboard().setText(ARTICLE)
    real_dialogs.editing.dialog_factory = _AcceptingDialog({"outlet": "Pasted Wire"})
    real_dialogs.editing.paste_action.trigger()
    assert real_dialogs.alignment is not None
    assert len(real_dialogs.alignment.documents) == 2
    versions = real_dialogs.sidebar.versions
    assert versions.index(1, 0).data() == "Pasted Wire"
    assert "no file written" in real_dialogs.statusBar().currentMessage()


def test_sidebar_edit_relabels_sidebar_and_header_without_realigning(seeded) -> None:
    before = seeded.alignment
    seeded.editing.dialog_factory = _AcceptingDialog(
        {"outlet": "Edited Outlet", "date": "2025-11-23"}
    )
    seeded.sidebar.edit_requested.emit(1)
    after = seeded.alignment
    assert after is not before and after.units == before.units  # same units, not re-aligned
    assert after.documents[1].outlet == "Edited Outlet"
    versions = seeded.sidebar.versions
    assert versions.index(1, 0).data() == "Edited Outlet"
    assert versions.index(1, 0).data(DATE_ROLE) == "2025-11-23"
    combos = seeded.pair_view.header.findChildren(QComboBox)
    assert any("B · Edited Outlet" in combo.currentText() for combo in combos)  # its label
    assert "untouched" in seeded.statusBar().currentMessage()
    assert Path(after.documents[1].path).read_text(encoding="utf-8") == before.documents[1].text


def test_cancel_during_alignment_keeps_the_previous_view(qtbot, seeds, monkeypatch) -> None:
    win = MainWindow(skipped_reporter=lambda *_: None)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.view_filled, timeout=20000):
        win.open_paths(seeds)
    shown, rows = win.alignment, win.pair_view.model.rowCount()

    def slow_align(article_set, config=None, should_cancel=None, progress=None, cache=None):
        for step in range(500):
            if should_cancel():
                raise CancelledError
            progress(step, 500)
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    # The second open would be a cache hit: make the aligner slow instead.
    monkeypatch.setattr(recipe, "cached_align", slow_align)
    win.open_paths(seeds)
    qtbot.waitUntil(lambda: "Aligning" in win.progress.label.text(), timeout=5000)
    qtbot.waitUntil(win.progress.isVisible, timeout=5000)  # shown after a short delay
    assert win.progress.bar.maximum() == 500  # determinate
    qtbot.mouseClick(win.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled" in win.statusBar().currentMessage(), timeout=5000)
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=5000)
    assert win.alignment is shown
    assert win.pair_view.model.rowCount() == rows
    win.close()


def test_engine_failure_shows_traceback_and_writes_a_log(
    window, seeds, tmp_path, monkeypatch
) -> None:
    monkeypatch.setitem(crash._state, "log_dir", tmp_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr(recipe, "cached_align", broken)
    window.open_paths(seeds)
    (dialog,) = window.findChildren(CrashDialog)
    assert "engine bug" in dialog.text() and str(tmp_path) in dialog.text()
    assert "ZeroDivisionError" in dialog.detailedText()
    (log,) = tmp_path.glob("crash-*.log")
    assert "broken" in log.read_text(encoding="utf-8")


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_the_crash_dialog(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setitem(crash._state, "log_dir", None)
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda box: shown.append(box) or 0)
    crash.install_crash_handler(log_directory=tmp_path)

    def bad_slot() -> None:
        raise KeyError("no such version")

    emitter = _Emitter()
    emitter.fired.connect(bad_slot)
    emitter.fired.emit()
    assert shown, "no crash dialog"
    assert "no such version" in shown[0].text() and str(tmp_path) in shown[0].text()
    assert "KeyError" in shown[0].detailedText()
    assert len(list(tmp_path.glob("crash-*.log"))) == 1

    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=3000)  # relayed to the GUI thread
    assert "ZeroDivisionError" in shown[1].detailedText()
    assert len(list(tmp_path.glob("crash-*.log"))) == 2


def test_progress_indicator_is_hidden_when_idle(seeded) -> None:
    assert not seeded.progress.isVisible()
