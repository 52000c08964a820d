"""Classroom exercises in the main window's menus: File → Open Exercise…,
File → New Exercise from This Set… (teacher) and Help → Example Exercise.

Reading an exercise (decoding, segmenting its articles, checking the key)
runs on the context's ``TaskRunner`` (topic ``exercise-load``); a bad file is
shown as one line in a message box, never a traceback. Each exercise opens in
its own ``ExerciseWindow``; the controller keeps them alive.

Public API: ``ExerciseController``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ...engine.exercise import Exercise, ExerciseError, example_exercise_path, load_exercise
from ..base.context import AppContext
from ..base.file_dialogs import open_file_name
from ..base.worker import TaskFailure
from .window import ExerciseWindow

if TYPE_CHECKING:
    from .editor import ExerciseEditor

LOAD_TOPIC = "exercise-load"


class ExerciseController:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.windows: list[ExerciseWindow] = []
        self.editors: list[ExerciseEditor] = []
        self.open_action = context.add_action(
            "open_exercise",
            "Open E&xercise…",
            self.open_dialog,
            tip="Open a classroom exercise (a folder or .zip)",
        )
        self.new_action = context.add_action(
            "new_exercise",
            "New Exercise from This Set…",
            self.new_exercise,
            tip="Make a classroom exercise from the versions on screen",
        )
        self.example_action = context.add_action(
            "example_exercise",
            "Example E&xercise",
            self.open_example,
            tip="Open the example exercise on the bundled articles",
        )

    # -- opening -------------------------------------------------------------------
    def open_dialog(self) -> None:
        path = open_file_name(
            self.context.widget,
            "exercise",
            "Open an exercise",
            "Exercises (exercise.md *.zip);;All files (*)",
        )
        if path:
            self.open_path(path)

    def open_example(self) -> None:
        self.open_path(example_exercise_path())

    def open_path(self, path: str | Path) -> None:
        """Read the exercise off the UI thread; a window opens when it is read."""
        target = str(path)

        def work(_cancel: object) -> Exercise | str:
            try:
                return load_exercise(target)
            except ExerciseError as error:  # a bad file: one line, never a traceback
                return f"{Path(target).name}: {error}"

        self.context.show_message("Opening the exercise…")
        self.context.runner.submit(
            work, on_done=self._on_read, on_failed=self._on_failed, topic=LOAD_TOPIC
        )

    def _on_read(self, result: Exercise | str) -> None:
        if isinstance(result, str):
            self.context.show_message("The exercise could not be opened.", 8000)
            QMessageBox.warning(self.context.widget, "Open exercise", result)
            return
        self.show_exercise(result)

    def _on_failed(self, _failure: TaskFailure) -> None:
        self.context.show_message("The exercise could not be opened.", 8000)

    def show_exercise(self, exercise: Exercise, preview: bool = False) -> ExerciseWindow:
        """Open ``exercise`` in student mode (``preview``: the teacher's look, saves nothing)."""
        student = ExerciseWindow(
            exercise, self.context.runner, preview=preview, parent=self.context.widget
        )
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(student)
        student.show()
        student.raise_()
        self.context.show_message(f"Exercise opened: {exercise.title}", 5000)
        return student

    # -- teacher ----------------------------------------------------------------------
    def new_exercise(self) -> None:
        alignment = self.context.alignment
        if alignment is None:
            QMessageBox.information(
                self.context.widget, "New exercise", "Open two or more versions of a story first."
            )
            return
        from .editor import ExerciseEditor  # the teacher's window: loaded when first asked for

        editor = ExerciseEditor(
            alignment.documents,
            self.context.runner,
            lambda exercise: self.show_exercise(exercise, preview=True),
            self.context.widget,
        )
        self.editors = [e for e in self.editors if e.isVisible()]
        self.editors.append(editor)
        editor.show()

    def close_editors(self) -> bool:
        """Close every teacher's editor, each asking about unsaved work; False
        if the teacher cancelled one (the main window then stays open)."""
        for editor in [e for e in self.editors if e.isVisible()]:
            if not editor.close():
                editor.raise_()
                return False
        return True
