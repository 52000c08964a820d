"""Student mode: open the example exercise, mark a selection, check, hand in."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from newsdiff_gui.engine.exercise import example_exercise_path, load_exercise
from newsdiff_gui.ui.base.worker import TaskRunner
from newsdiff_gui.ui.exercise.text import ArticleText, from_qt, to_qt
from newsdiff_gui.ui.exercise.window import ExerciseWindow


@pytest.fixture
def exercise():
    return load_exercise(example_exercise_path())


@pytest.fixture
def student(qtbot, exercise, tmp_path: Path) -> ExerciseWindow:
    runner = TaskRunner(inline=True)
    win = ExerciseWindow(exercise, runner, store_base=tmp_path / "data")
    win._test_runner = runner  # keep the runner alive as long as the window
    qtbot.addWidget(win)
    win.show()
    return win


def _menu_texts(window, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            return [a.text().replace("&", "") for a in action.menu().actions()]
    raise AssertionError(title)


def test_menus_open_the_example_exercise(window) -> None:
    assert "Open Exercise…" in _menu_texts(window, "File")
    assert _menu_texts(window, "File")[-1] == "Quit"
    assert "Example Exercise" in _menu_texts(window, "Help")
    window.exercises.example_action.trigger()
    (opened,) = window.exercises.windows
    assert opened.isVisible()
    assert opened.exercise.title.startswith("Spot the spin")
    assert "Four sites ran the same Reuters report" in opened.instructions.toPlainText()
    opened.close()


def test_a_bad_exercise_is_one_message_not_a_crash(window, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "newsdiff_gui.ui.exercise.controller.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    (tmp_path / "exercise.md").write_text("no header\n", encoding="utf-8")
    window.exercises.open_path(tmp_path)
    assert shown == [f"{tmp_path.name}: exercise.md must start with a '---' header line"]
    assert not window.exercises.windows


def test_task_one_shows_the_version_to_mark_and_hides_highlights(student, exercise) -> None:
    assert student.right_combo.currentData() == "C" and student.left_combo.currentData() == "A"
    assert student.right_text.toPlainText() == exercise.article("C").document.text
    assert student.right_text.extraSelections() == []  # hidden until checked
    assert student.check_button.isEnabled()


def test_marking_checking_and_handing_in(qtbot, student, exercise, tmp_path: Path) -> None:
    first, second, _third = exercise.key[1].items
    student.right_text.select_span(first.start, first.end)
    qtbot.mouseClick(student.answer_box.mark_button, Qt.MouseButton.LeftButton)
    half = (second.start + second.end) // 2
    student.right_text.select_span(second.start, half)
    assert student.mark_selection("added")
    assert [(m.article, m.kind, m.start) for m in student.marks] == [
        ("C", "added", first.start),
        ("C", "added", second.start),
    ]
    assert len(student.right_text.extraSelections()) == 2
    student.show_task(5)
    student.answer_box.choice_buttons()[0].click()  # A: the Reuters copy
    assert student.choices == {5: "A"}
    student.show_task(1)

    qtbot.mouseClick(student.check_button, Qt.MouseButton.LeftButton)
    result = student.result
    assert result is not None
    assert result.tasks[0].score == pytest.approx(2 * 0.5 / 1.5)  # 1 + 1/2 + 0 of 3 found
    assert result.tasks[4].score == 1.0
    assert student.score_label.text().startswith(f"Score: {result.score:.0%}")
    assert student.task_list.item(0).text().startswith("◐ 1.")
    assert student.task_list.item(4).text().startswith("✓ 5.")
    feedback = student.feedback.toPlainText()
    assert "Partly found" in feedback and "Missed: “Mr Maduro waved" in feedback
    # The key is now drawn: two marks + found/missed items + highlights.
    assert len(student.right_text.extraSelections()) > 2

    assert student.hand_in_to(tmp_path / "ann.json") is None  # no name yet
    assert "name" in student.status.text()
    student.name_edit.setText("Ann <Lee>")
    json_path, html_path = student.hand_in_to(tmp_path / "ann.json")
    data = json.loads(json_path.read_text("utf-8"))
    assert data["student"] == "Ann <Lee>"
    assert data["score"]["total"] == round(result.score, 4)
    assert len(data["answers"]["marks"]) == 2 and data["answers"]["choices"] == {"5": "A"}
    page = html_path.read_text("utf-8")
    assert "Ann &lt;Lee&gt;" in page and "Ann <Lee>" not in page


def test_progress_is_saved_and_comes_back(qtbot, student, exercise, tmp_path: Path) -> None:
    item = exercise.key[2].items[0]
    student.show_task(2)
    student.right_text.select_span(item.start, item.end)
    assert student.mark_selection("quote")
    student.name_edit.setText("Bo")
    student.save_progress()
    again = ExerciseWindow(exercise, student.runner, store_base=tmp_path / "data")
    qtbot.addWidget(again)
    assert again.student == "Bo"
    assert [(m.article, m.kind, m.start, m.end) for m in again.marks] == [
        ("A", "quote", item.start, item.end)
    ]
    again.show_task(2)
    again.right_text.select_span(item.start + 2, item.start + 5)
    again._set_active(again.right_text)
    assert again.remove_mark() and again.marks == []


def test_copy_without_key_can_hand_in_but_not_check(qtbot, exercise, tmp_path: Path) -> None:
    runner = TaskRunner(inline=True)
    win = ExerciseWindow(replace(exercise, key=None), runner, store_base=tmp_path)
    qtbot.addWidget(win)
    assert not win.check_button.isEnabled()
    assert win.check_answers() is None
    win.name_edit.setText("Cy")
    json_path, _ = win.hand_in_to(tmp_path / "cy")
    assert json.loads(json_path.read_text("utf-8"))["score"] is None


def test_instructions_render_markdown_and_show_script_as_text(qtbot, exercise, tmp_path) -> None:
    task = replace(exercise.tasks[0], body="<script>alert(1)</script> and **bold**")
    tampered = replace(exercise, tasks=(task, *exercise.tasks[1:]), key=exercise.key)
    win = ExerciseWindow(tampered, TaskRunner(inline=True), preview=True)
    qtbot.addWidget(win)
    assert "<script>alert(1)</script> and bold" in win.instructions.toPlainText()
    assert win.store is None  # a preview saves nothing


def test_positions_beyond_the_bmp_map_both_ways(qtbot) -> None:
    from newsdiff_gui.engine.load.articles import document_from_text

    document = document_from_text("Emoji 😀 here. Then “quote” 😀 end.", "e.txt", 0)
    text = ArticleText()
    qtbot.addWidget(text)
    text.set_article(document)
    start = document.text.index("quote")
    text.select_span(start, start + 5)
    assert text.selection_span() == (start, start + 5)
    astral = [6, 27]
    assert [from_qt(astral, to_qt(astral, i)) for i in range(30)] == list(range(30))


def test_highlights_show_from_the_start_when_the_exercise_allows(qtbot, exercise) -> None:
    open_book = replace(exercise, hide_highlights=False, key=exercise.key)
    win = ExerciseWindow(open_book, TaskRunner(inline=True), preview=True)
    qtbot.addWidget(win)
    assert win.revealed and win.legend.isVisibleTo(win)
    # Task 1: the UK daily's own sentences are tinted before any checking.
    tinted = win.right_text.extraSelections()
    assert len(tinted) >= len(exercise.key[1].items)
    starts = {s.cursor.selectionStart() for s in tinted}
    assert {i.start for i in exercise.key[1].items} <= starts


def test_marks_of_other_tasks_look_different(qtbot, student, exercise) -> None:
    """Issue 17, item 9: marks made for another task showed in this task's colour."""
    student.show_task(2)  # mark quotes in A
    quote = exercise.key[2].items[0]
    student.right_text.select_span(quote.start, quote.end)
    assert student.mark_selection("quote")
    text = exercise.article("A").document.text
    other = text.index("The Pentagon referred")
    student.right_text.select_span(other, other + 12)
    assert student.mark_selection("added")  # a mark of another kind, in the same article

    def backgrounds() -> dict[int, tuple[str, object]]:
        return {
            from_qt([], s.cursor.selectionStart()): (
                s.format.background().color().name(),
                s.format.underlineStyle(),
            )
            for s in student.right_text.extraSelections()
        }

    drawn = backgrounds()
    assert drawn[quote.start] != drawn[other]  # colour and underline both differ
    assert drawn[quote.start][1] != drawn[other][1]
    student.show_task(6)  # a free-text task: every mark belongs to another task
    student.right_combo.setCurrentIndex(0)  # article A on the right
    assert backgrounds()[quote.start] == drawn[other]


def test_hand_in_page_reads_as_points_and_a_date(qtbot, student, exercise, tmp_path) -> None:
    import re

    item = exercise.key[2].items[0]
    student.show_task(2)
    student.right_text.select_span(item.start, item.start + (item.end - item.start) // 3)
    student.mark_selection("quote")
    student.name_edit.setText("Ann")
    student.check_answers()
    _, html_path = student.hand_in_to(tmp_path / "ann.json")
    page = html_path.read_text("utf-8")
    score = re.search(r"\((\S+) of (\S+) points\)", page)
    assert score is not None and re.fullmatch(r"\d+(\.\d)?", score.group(1)), score.group(0)
    assert score.group(2) == "6"  # graded tasks: 1 + 2 (task 2) + 1 + 1 + 1 points
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d", page)
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", page)  # no raw ISO stamp
