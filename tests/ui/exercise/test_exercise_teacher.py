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


def _answer_close(monkeypatch, answer) -> list[str]:
    """QMessageBox.question answers ``answer``; returns the questions asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _save_as(monkeypatch, path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_closing_with_unsaved_tasks_asks_first(qtbot, seeded, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    editor = _editor(qtbot, seeded)
    assert editor.close()  # nothing planned: closes without a word
    editor = _editor(qtbot, seeded)
    editor.add_task("added", 2, 0)
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not editor.close() and editor.isVisible()
    assert asked and "1 task(s)" in asked[0]
    _answer_close(monkeypatch, QMessageBox.StandardButton.Save)  # no key yet: stays open
    assert not editor.close() and "Make the key" in editor.status.text()
    editor.make_key()
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Save)
    _save_as(monkeypatch, tmp_path / "new folder" / "spin")  # a folder that does not exist
    assert editor.close()
    assert "fresh answer key" in asked[0]
    saved = load_exercise(tmp_path / "new folder" / "spin")
    assert saved.key is not None and len(saved.tasks) == 1


def test_discard_closes_and_the_main_window_asks_its_editors(qtbot, seeded, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    editor = _editor(qtbot, seeded)
    editor.add_task(TEXT, -1)
    _answer_close(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not seeded.close() and seeded.isVisible()  # the teacher cancelled: nothing closes
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Discard)
    assert seeded.close()
    assert len(asked) == 1 and not editor.isVisible()


def test_save_creates_a_new_folder_name(qtbot, seeded, monkeypatch, tmp_path) -> None:
    editor = _editor(qtbot, seeded)
    editor.add_task("quote", 0, 2)
    editor.make_key()
    _save_as(monkeypatch, tmp_path / "brand-new")
    assert editor.save_dialog(include_key=True)
    assert (tmp_path / "brand-new" / "exercise.md").is_file() and not editor.unsaved
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    _save_as(monkeypatch, tmp_path / "a-file")
    assert not editor.save_dialog(include_key=True)
    assert "a file of that name" in editor.status.text()


def test_intro_instructions_and_points_reach_the_file(qtbot, seeded, tmp_path) -> None:
    editor = _editor(qtbot, seeded)
    editor.intro_edit.setPlainText("Read **both** versions first.")
    editor.add_task("added", 2, 0)
    editor.add_task(SOURCE, 1)
    editor.task_list.setCurrentRow(0)
    assert editor.fields.title_edit.text().startswith("What does")  # generated, to edit
    editor.fields.title_edit.setText("What did the daily add?")
    editor.fields.title_edit.textEdited.emit("What did the daily add?")
    editor.fields.instructions.setPlainText("Mark each *added* sentence.")
    editor.fields.points.setValue(2.5)
    editor.make_key()  # the teacher's wording survives making the key
    assert editor.exercise.tasks[0].title == "What did the daily add?"
    editor.task_list.setCurrentRow(1)
    editor.fields.instructions.setPlainText("Which one is the source?")  # after the key, too
    assert editor.save_to(str(tmp_path / "ex"))
    saved = load_exercise(tmp_path / "ex")
    assert saved.intro == "Read **both** versions first."
    first, second = saved.tasks
    assert (first.title, first.body, first.points) == (
        "What did the daily add?", "Mark each *added* sentence.", 2.5
    )  # fmt: skip
    assert second.body == "Which one is the source?" and second.points == 1


def test_key_review_shows_the_compared_text_and_repeated_tasks_are_refused(qtbot, seeded) -> None:
    editor = _editor(qtbot, seeded)
    assert editor.add_task("added", 2, 0)
    assert not editor.add_task("added", 2, 0)  # the same task again
    assert "Task 1 already asks that" in editor.status.text()
    assert editor.add_task("added", 2, 1)  # against another version: a different task
    assert editor.add_task(TEXT, -1) and editor.add_task(TEXT, -1)  # two free questions
    assert len(editor.plan) == 4
    editor.make_key()
    editor.task_list.setCurrentRow(0)
    exercise = editor.exercise
    assert editor.key_text.toPlainText() == exercise.article("C").document.text
    assert editor.compared_text.toPlainText() == exercise.article("A").document.text
    editor.task_list.setCurrentRow(1)
    assert editor.compared_text.toPlainText() == exercise.article("B").document.text
    combo = editor.review.compared_combo
    combo.setCurrentIndex(combo.findData("D"))  # read another version instead
    assert editor.compared_text.toPlainText() == exercise.article("D").document.text
