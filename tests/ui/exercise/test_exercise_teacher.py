"""Teacher mode: make an exercise from the open set, edit its key, preview, save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from newsdiff_gui.engine.exercise import TaskKind, load_exercise
from newsdiff_gui.ui.exercise.editor import SOURCE, TEXT, ExerciseEditor


def _editor(qtbot, seeded) -> ExerciseEditor:
    seeded.exercises.new_action.trigger()
    (editor,) = seeded.exercises.editors
    qtbot.addWidget(editor)
    return editor


def test_make_edit_preview_and_save(qtbot, seeded, tmp_path: Path) -> None:
    editor = _editor(qtbot, seeded)
    editor.versions.item(4).setCheckState(Qt.CheckState.Unchecked)  # leave the NBC text out
    editor.versions.item(2).setText("UK daily")
    editor.title_edit.setText("Spin <quiz>")
    editor.add_task("added", 2, 0)
    editor.add_task("quote", 0, 2)
    editor.add_task(SOURCE, 1)
    editor.add_task(TEXT, -1)
    editor.add_task("number", 4, 0)  # NBC is not ticked
    editor.make_key()
    assert editor.exercise is None and "not ticked" in editor.status.text()
    editor.task_list.setCurrentRow(4)
    editor.remove_task()
    editor.make_key()
    exercise = editor.exercise
    assert exercise is not None
    assert [a.name for a in exercise.articles][2] == "UK daily"
    assert [t.kind for t in exercise.tasks] == [
        TaskKind.MARK, TaskKind.MARK, TaskKind.CHOICE, TaskKind.TEXT
    ]  # fmt: skip
    added = exercise.key[1].items
    assert added[0].text.startswith("The CIA is considering")
    assert exercise.key[3].answer == "A"

    # Fix the key: drop the first added sentence, add a phrase of the UK daily.
    editor.task_list.setCurrentRow(0)
    assert editor.key_text.toPlainText() == exercise.article("C").document.text
    editor.key_text.select_span(added[0].start + 3, added[0].start + 3)
    assert editor.remove_key_at_cursor()
    text = exercise.article("C").document.text
    start = text.index("63rd birthday")
    editor.key_text.select_span(start, start + 13)
    assert editor.add_selection_to_key()  # joins the sentence item it lies in
    start = text.index("The CIA is")
    editor.key_text.select_span(start, start + 10)
    assert editor.add_selection_to_key()
    items = editor.exercise.key[1].items
    assert items[0].text == "The CIA is"
    assert len(items) == len(added)
    assert "Added to the key by the teacher." in items[0].explanation
    editor.task_list.setCurrentRow(2)
    editor.answer_combo.setCurrentIndex(editor.answer_combo.findData("none"))
    assert editor.exercise.key[3].answer == "none"

    preview = editor.preview()
    assert preview.preview and preview.store is None
    assert preview.windowTitle().startswith("Preview — Spin <quiz>")
    preview.close()

    assert editor.save_to(str(tmp_path / "ex"))
    saved = load_exercise(tmp_path / "ex")
    assert saved.key[1].items == items and saved.key[3].answer == "none"
    assert saved.hide_highlights
    assert editor.save_to(str(tmp_path / "students"), include_key=False)
    assert load_exercise(tmp_path / "students").key is None


def test_new_exercise_needs_an_open_set(window, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        "newsdiff_gui.ui.exercise.controller.QMessageBox.information",
        lambda _parent, _title, text: said.append(text),
    )
    window.exercises.new_action.trigger()
    assert said and not window.exercises.editors
