"""Notes and manual corrections as the reader makes them in the pair view.

User folders point at a fresh temporary folder (tests/conftest.py), so a
second window on the same files is "the app after a restart".
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from newsdiff_gui.engine.compare.pairing import RowKind
from newsdiff_gui.engine.store.storage import data_dir
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.notes import note_dialog
from newsdiff_gui.ui.notes import panel as notes_panel
from newsdiff_gui.ui.pair.model import MARKS_ROLE


def _open(qtbot, paths) -> MainWindow:
    win = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.open_paths(paths)
    win.activateWindow()  # window shortcuts (Ctrl+L, Ctrl+U) need the active window
    win.pair_view.list_view.setFocus()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def _rows(win: MainWindow, kind: RowKind) -> list[int]:
    model = win.pair_view.model
    return [n for n in range(model.rowCount()) if model.row_at(n).kind == kind]


def _answer(monkeypatch, text: str | None) -> list[str]:
    asked: list[str] = []

    def ask(parent, label, initial=""):
        asked.append(label)
        return text

    monkeypatch.setattr(note_dialog, "ask_note_text", ask)
    return asked


def test_a_note_is_saved_shown_marked_and_back_after_a_restart(qtbot, seeds, monkeypatch):
    win = _open(qtbot, seeds)
    first_shared = _rows(win, RowKind.SHARED)[0]
    win.pair_view.select_row(first_shared)
    asked = _answer(monkeypatch, "Spun: *officers informed* for **officials told**")
    win.pair_actions.note_action.trigger()
    assert asked and asked[0].startswith("sentence in ")
    # Rendered Markdown in the Notes dock, the ✎ in the row's gutter.
    html = win.notes.html()
    assert "<em>officers informed</em>" in html and "<strong>officials told</strong>" in html
    assert "✎" in win.pair_view.model.index(first_shared, 0).data(MARKS_ROLE)
    (saved,) = (data_dir() / "notes").glob("*.json")
    assert "officers informed" in saved.read_text(encoding="utf-8")
    win.close()

    again = _open(qtbot, list(reversed(seeds)))  # other order: same set
    assert "<em>officers informed</em>" in again.notes.html()


def test_note_markup_is_text_everywhere(qtbot, seeds, monkeypatch):
    win = _open(qtbot, seeds)
    win.pair_view.select_row(0)
    _answer(monkeypatch, "<script>alert(1)</script> and <b>bold?</b>")
    win.pair_actions.note_current()
    html = win.notes.html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold?</b>" not in html and "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" in win.notes.browser.toPlainText()


def test_editing_and_deleting_a_note(qtbot, seeds, monkeypatch):
    win = _open(qtbot, seeds)
    win.pair_view.select_row(0)
    _answer(monkeypatch, "first draft")
    win.pair_actions.note_current()
    (note,) = win.annotations.store.notes
    _answer(monkeypatch, "second draft")
    win.notes._on_link(_url(f"note:edit/{note.id}"))
    assert "second draft" in win.notes.html() and "first draft" not in win.notes.html()
    monkeypatch.setattr(notes_panel, "confirm", lambda *_: False)
    win.notes._on_link(_url(f"note:delete/{note.id}"))
    assert win.annotations.store.notes  # the reader said no: kept
    monkeypatch.setattr(notes_panel, "confirm", lambda *_: True)
    win.notes._on_link(_url(f"note:delete/{note.id}"))
    assert not win.annotations.store.notes
    assert "No notes yet" in win.notes.html()


def _url(text: str):
    from PySide6.QtCore import QUrl

    return QUrl(text)


def test_unlink_survives_a_restart_and_can_be_removed(qtbot, seeds):
    win = _open(qtbot, seeds)
    shared_before = _rows(win, RowKind.SHARED)
    row = win.pair_view.model.row_at(shared_before[0])
    pair_ids = {s.id for s in (*row.left, *row.right)}
    win.pair_view.select_row(shared_before[0])
    qtbot.keyClick(win.pair_view.list_view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert len(_rows(win, RowKind.SHARED)) == len(shared_before) - 1
    units = [set(u.members) for u in win.alignment.units]
    assert not any(pair_ids <= members for members in units)
    assert "Unlinked" in win.notes.html()
    win.close()

    again = _open(qtbot, seeds)
    assert len(_rows(again, RowKind.SHARED)) == len(shared_before) - 1
    for correction in again.annotations.corrections:  # one per sentence pair of the row
        again.annotations.remove_correction(correction)
    assert len(_rows(again, RowKind.SHARED)) == len(shared_before)


def test_linking_two_lone_passages_by_keyboard(qtbot, seeds):
    win = _open(qtbot, seeds)
    win.pair_view.set_pair(0, 4)  # the spun Reuters copy and the translated NBC story
    lone_left = _rows(win, RowKind.ONLY_LEFT)[0]
    lone_right = _rows(win, RowKind.ONLY_RIGHT)[0]
    left_id = win.pair_view.model.row_at(lone_left).left[0].id
    right_id = win.pair_view.model.row_at(lone_right).right[0].id
    view = win.pair_view.list_view
    win.pair_view.select_row(lone_left)
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.pair_actions.pending_link == left_id
    assert "link" in win.pair_view.model.index(lone_left, 0).data(MARKS_ROLE)
    win.pair_view.select_row(_rows(win, RowKind.ONLY_RIGHT)[0])
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.pair_actions.pending_link is None
    (manual,) = [link for link in win.alignment.links if link.manual]
    assert {left_id, right_id} == {*manual.a, *manual.b}
    model = win.pair_view.model
    linked = [
        n for n in _rows(win, RowKind.SHARED) if left_id in {s.id for s in model.row_at(n).left}
    ]
    assert linked and "✋" in model.index(linked[0], 0).data(MARKS_ROLE)
    assert "linked by hand" in model.index(linked[0], 0).data(Qt.ItemDataRole.ToolTipRole)


def test_context_menu_offers_notes_and_fixes(qtbot, seeds):
    win = _open(qtbot, seeds)
    shared = _rows(win, RowKind.SHARED)[0]
    texts = [a.text() for a in win.pair_actions.build_menu(shared).actions() if a.text()]
    assert any(t.startswith("Note on this sentence of") for t in texts)
    assert "Note on this content (in every version)…" in texts
    assert any(t.startswith("Unlink") for t in texts)
    assert any(t.startswith("Mark") and "for linking" in t for t in texts)


def test_corrupt_notes_file_is_set_aside_and_the_reader_told(qtbot, seeds):
    win = _open(qtbot, seeds)
    path = win.annotations.store.path
    win.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    again = _open(qtbot, seeds)
    boxes = [b for b in again.findChildren(QMessageBox) if "could not be read" in b.text()]
    assert boxes, "the reader is told"
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == "{ not json"
    assert again.alignment is not None  # and the set is open as usual


def test_a_failed_save_keeps_the_previous_file_and_says_so(qtbot, seeds, monkeypatch):
    win = _open(qtbot, seeds)
    win.pair_view.select_row(0)
    _answer(monkeypatch, "kept note")
    win.pair_actions.note_current()
    path = win.annotations.store.path
    before = path.read_bytes()

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)  # the atomic write's last step fails
    _answer(monkeypatch, "second note")
    win.pair_actions.note_current()
    assert path.read_bytes() == before
    assert json.loads(before)["notes"][0]["text"] == "kept note"
    assert any("disk full" in b.text() for b in win.findChildren(QMessageBox))
    assert not list(path.parent.glob("*.tmp*")), "no half-written file left behind"


@pytest.mark.parametrize("kind", ["unit", "version"])
def test_notes_on_units_and_versions(qtbot, seeds, monkeypatch, kind):
    win = _open(qtbot, seeds)
    shared = _rows(win, RowKind.SHARED)[0]
    row = win.pair_view.model.row_at(shared)
    target = win.alignment.units_of(row.left[0].id)[0].id if kind == "unit" else "1"
    asked = _answer(monkeypatch, f"on a {kind}")
    win.pair_actions.add_note(kind, target)
    assert asked[0].startswith(kind)
    assert f"on a {kind}" in win.notes.html()


def test_a_manual_link_is_marked_in_the_synopsis_too(qtbot, seeds):
    win = _open(qtbot, seeds)
    win.pair_view.set_pair(0, 4)
    left_id = win.pair_view.model.row_at(_rows(win, RowKind.ONLY_LEFT)[0]).left[0].id
    right_id = win.pair_view.model.row_at(_rows(win, RowKind.ONLY_RIGHT)[0]).right[0].id
    model = win.synopsis.view.model
    row = model.row_of_sentence(left_id)
    assert not model.manual(row, 0)
    win.annotations.link(left_id, right_id)
    row = model.row_of_sentence(left_id)
    assert row == model.row_of_sentence(right_id) >= 0  # one row now
    assert model.manual(row, 0) and model.manual(row, 4)
    tip = model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "Linked by hand" in tip


def test_a_closed_panel_comes_back_from_the_view_menu(qtbot, seeds):
    win = _open(qtbot, seeds)
    view_menu = win.menu("View")
    toggles = {a.text(): a for a in view_menu.actions() if a.text().endswith("Panel")}
    assert {"Changes Panel", "Notes Panel", "Stories Panel"} <= set(toggles)
    win.notes.close()
    assert not win.notes.isVisible()
    toggles["Notes Panel"].trigger()
    assert win.notes.isVisible()


def test_corrections_are_listed_after_reopening_and_removable_there(qtbot, seeds):
    """Issue 17, item 8: a reopened set's corrections were applied but missing
    from the Notes panel, so they could no longer be removed."""
    win = _open(qtbot, seeds)
    shared_before = _rows(win, RowKind.SHARED)
    win.pair_view.select_row(shared_before[0])
    qtbot.keyClick(win.pair_view.list_view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    listed = win.notes.html().count("fix:remove/")
    assert listed >= 1
    win.close()

    again = _open(qtbot, seeds)
    assert len(again.annotations.corrections) == listed
    html = again.notes.html()
    assert "Manual corrections" in html and html.count("fix:remove/") == listed
    assert "Unlinked" in again.notes.browser.toPlainText()  # shown, not only in the HTML
    for _ in range(listed):
        again.notes._on_link(_url("fix:remove/0"))
    assert again.annotations.corrections == []
    assert "Manual corrections" not in again.notes.html()
    assert len(_rows(again, RowKind.SHARED)) == len(shared_before)
