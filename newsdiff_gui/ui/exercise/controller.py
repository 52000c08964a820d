"""Classroom exercises in the main window's menus: File → Open Exercise…,
File → New Exercise from This Set… (teacher) and Help → Example Exercise.

Reading an exercise (decoding, segmenting its articles, checking the key)
runs on the window's ``TaskRunner`` (topic ``exercise-load``); a bad file is
shown as one line in a message box, never a traceback. Each exercise opens in
its own ``ExerciseWindow``; the controller keeps them alive.

Public API: ``ExerciseController``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ...engine.exercise import Exercise, ExerciseError, example_exercise_path, load_exercise
from .window import ExerciseWindow

if TYPE_CHECKING:
    from ..app.main_window import MainWindow

LOAD_TOPIC = "exercise-load"


def _menu(window: MainWindow, title: str) -> QMenu | None:
    """The menu whose title reads ``title`` (ignoring the & accelerator)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == title:
            return menu
    return None


class ExerciseController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.windows: list[ExerciseWindow] = []
        self.editors: list[object] = []
        self.open_action = QAction("Open E&xercise…", window)
        self.open_action.setToolTip("Open a classroom exercise (a folder or .zip)")
        self.open_action.triggered.connect(self.open_dialog)
        self.new_action = QAction("New Exercise from This Set…", window)
        self.new_action.setToolTip("Make a classroom exercise from the versions on screen")
        self.new_action.triggered.connect(self.new_exercise)
        self.example_action = QAction("Example E&xercise", window)
        self.example_action.setToolTip("Open the example exercise on the bundled articles")
        self.example_action.triggered.connect(self.open_example)
        file_menu = _menu(window, "File")
        if file_menu is not None:
            quit_action = file_menu.actions()[-1]  # keep Quit last
            file_menu.insertActions(quit_action, [self.open_action, self.new_action])
            file_menu.insertSeparator(quit_action)
        help_menu = _menu(window, "Help")
        if help_menu is not None:
            help_menu.insertAction(help_menu.actions()[0], self.example_action)
        window.runner.finished.connect(self._on_finished)
        window.runner.failed.connect(self._on_failed)

    # -- opening -------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Open an exercise",
            "",
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
            except ExerciseError as error:
                return f"{Path(target).name}: {error}"

        self.window.statusBar().showMessage("Opening the exercise…")
        self.window.runner.submit(LOAD_TOPIC, work)

    def _on_finished(self, topic: str, result: object) -> None:
        if topic != LOAD_TOPIC:
            return
        if isinstance(result, str):
            self.window.statusBar().showMessage("The exercise could not be opened.", 8000)
            QMessageBox.warning(self.window, "Open exercise", result)
            return
        assert isinstance(result, Exercise)
        self.show_exercise(result)

    def _on_failed(self, topic: str, _message: str) -> None:
        if topic == LOAD_TOPIC:
            self.window.statusBar().showMessage("The exercise could not be opened.", 8000)

    def show_exercise(self, exercise: Exercise, preview: bool = False) -> ExerciseWindow:
        """Open ``exercise`` in student mode (``preview``: the teacher's look, saves nothing)."""
        student = ExerciseWindow(exercise, self.window.runner, preview=preview, parent=self.window)
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(student)
        student.show()
        student.raise_()
        self.window.statusBar().showMessage(f"Exercise opened: {exercise.title}", 5000)
        return student

    # -- teacher ----------------------------------------------------------------------
    def new_exercise(self) -> None:
        alignment = self.window.alignment
        if alignment is None:
            QMessageBox.information(
                self.window, "New exercise", "Open two or more versions of a story first."
            )
            return
        from .editor import ExerciseEditor

        editor = ExerciseEditor(alignment.documents, self.window.runner, self, self.window)
        self.editors = [e for e in self.editors if getattr(e, "isVisible", lambda: False)()]
        self.editors.append(editor)
        editor.show()
