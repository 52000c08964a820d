"""Render the README's exercise screenshots offscreen (student mode before and
after "Check my answers", the teacher's editor) into docs/screenshots/.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.exercise_screenshots
User folders go to a temporary directory, so no real progress is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="newsdiff-shots-")
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"NEWSDIFF_{name}_DIR"] = str(Path(scratch) / name.lower())
    from PySide6.QtWidgets import QApplication

    from newsdiff_gui.engine.exercise import example_exercise_path, load_exercise
    from newsdiff_gui.paths import seed_files
    from newsdiff_gui.ui.app.main_window import MainWindow
    from newsdiff_gui.ui.base.worker import TaskRunner
    from newsdiff_gui.ui.exercise.editor import SOURCE, TEXT
    from newsdiff_gui.ui.exercise.window import ExerciseWindow

    app = QApplication.instance() or QApplication(sys.argv)
    exercise = load_exercise(example_exercise_path())
    runner = TaskRunner(inline=True)
    student = ExerciseWindow(exercise, runner)
    student.resize(1500, 900)
    student.name_edit.setText("Ada Student")
    student.show()
    # Task 2, two of the three altered quotes marked, one stray mark.
    student.show_task(2)
    quotes = exercise.key[2].items
    for item in quotes[1:]:
        student.right_text.select_span(item.start, item.end)
        student.mark_selection("quote")
    text = exercise.article("A").document.text
    stray = text.index("The Pentagon referred")
    student.right_text.select_span(stray, stray + len("The Pentagon referred inquiries"))
    student.mark_selection("quote")
    first = exercise.key[1].items[0]
    student.marks.append(
        type(student.marks[0])("C", "added", first.start, first.end, first.text[:])
    )
    student.choices[5] = "A"
    student.right_text.select_span(quotes[1].start, quotes[1].start)
    app.processEvents()
    student.grab().save(str(OUT / "exercise-student.png"))
    student.check_answers()
    app.processEvents()
    student.grab().save(str(OUT / "exercise-checked.png"))
    student.close()

    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    window.resize(1400, 900)
    window.open_paths(seed_files())
    window.exercises.new_action.trigger()
    editor = window.exercises.editors[-1]
    editor.resize(1500, 900)
    editor.versions.item(4).setCheckState(editor.versions.item(4).checkState().Unchecked)
    for number, name in enumerate(
        ["Reuters copy (republished)", "Realist", "UK daily", "News summary"]
    ):
        editor.versions.item(number).setText(name)
    editor.title_edit.setText("Spot the spin")
    editor.intro_edit.setPlainText(
        "Four sites ran the same Reuters report. Read the versions side by side first."
    )
    editor.add_task("added", 2, 0)
    editor.add_task("quote", 0, 2)
    editor.add_task("attribution", 3, 2)
    editor.add_task(SOURCE, 1)
    editor.add_task(TEXT, -1)
    editor.make_key()
    editor.task_list.setCurrentRow(1)
    # The teacher writes the instructions of task 2 and weighs it (issue 17).
    editor.fields.title_edit.setText("Which quotes did the republished copy change?")
    editor.fields.title_edit.textEdited.emit(editor.fields.title_edit.text())
    editor.fields.points.setValue(2)
    editor.fields.instructions.setPlainText(
        "A quotation is a promise that these were the speaker's words. In the "
        "**Reuters copy (republished)**, mark every quotation whose words differ from "
        "the **UK daily**'s. Mark the words inside the"
    )
    editor.show()
    editor.fields.instructions.setFocus()
    editor.fields.instructions.moveCursor(editor.fields.instructions.textCursor().MoveOperation.End)
    app.processEvents()
    editor.grab().save(str(OUT / "exercise-teacher.png"))
    editor.unsaved = False  # a picture, not work to keep: close without asking
    editor.close()
    window.close()
    print("written:", *(p.name for p in sorted(OUT.glob("exercise-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
