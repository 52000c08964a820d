"""Paste as new version, edit version details, and the crash log (cancel and
the rest of issue 8 in the GUI: test_inputs_ui.py)."""

from __future__ import annotations

import sys
from typing import ClassVar

from PySide6.QtGui import QGuiApplication

ARTICLE = (
    "The United States is preparing to launch a new phase of operations against "
    "Venezuela in the coming days, four officials told Reuters. The CIA declined to comment."
)


class FakeDialog:
    """Stands in for VersionTextDialog: accepted at once with set values."""

    values_to_return: ClassVar[dict[str, str]] = {}

    def __init__(self, *args, text=None, **kwargs) -> None:
        self._text = text

    def exec(self) -> int:
        return 1

    def values(self) -> dict[str, str]:
        return {
            "text": self._text or "",
            "outlet": "",
            "title": "",
            "date": "",
            **self.values_to_return,
        }


def test_menus_are_in_reading_order(seeded) -> None:
    titles = [a.text() for a in seeded.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"]


def test_paste_as_new_version_adds_a_version(seeded) -> None:
    before = len(seeded.alignment.documents)
    QGuiApplication.clipboard().setText(ARTICLE)
    FakeDialog.values_to_return = {"outlet": "Clipboard Daily"}
    seeded.editing.dialog_factory = FakeDialog
    seeded.editing.paste_version()
    documents = seeded.alignment.documents
    assert len(documents) == before + 1
    assert documents[-1].outlet == "Clipboard Daily"
    assert seeded.sidebar.versions.rowCount() == before + 1


def test_edit_details_relabels_the_left_version(seeded) -> None:
    FakeDialog.values_to_return = {"outlet": "Wire Copy", "date": "2025-11-22"}
    seeded.editing.dialog_factory = FakeDialog
    seeded.editing.edit_details()
    left = seeded.alignment.documents[seeded.pair_view.pair[0]]
    assert left.outlet == "Wire Copy" and left.date == "2025-11-22"
    assert "Wire Copy" in seeded.windowTitle()


def test_crash_log_is_written(tmp_path, monkeypatch) -> None:
    from newsdiff_gui.ui.app import crash

    monkeypatch.setenv("NEWSDIFF_LOG_DIR", str(tmp_path))
    monkeypatch.setitem(crash._state, "log_dir", None)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        path = crash.write_crash_log(*sys.exc_info())
    assert path.parent == tmp_path
    assert "RuntimeError: boom" in path.read_text(encoding="utf-8")


def test_uncaught_error_shows_a_dialog_and_logs(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from newsdiff_gui.ui.app import crash

    monkeypatch.setenv("NEWSDIFF_LOG_DIR", str(tmp_path))
    monkeypatch.setitem(crash._state, "log_dir", None)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    try:
        raise ValueError("unexpected")
    except ValueError:
        crash._show(*sys.exc_info())
    assert shown and "unexpected" in shown[0] and str(tmp_path) in shown[0]
    assert list(tmp_path.glob("crash-*.log"))
