"""Teacher mode: make an exercise from the open set, fix its key, preview, save.

Pick the versions (and the names students see), write the title and an
introduction, add tasks and give each its title, instructions and points
(``planned``, ``task_fields``); *Make key* reads the key from the changes
and profiles on the ``TaskRunner`` (topic ``exercise-key``). Each task's key
is drawn beside the text it is compared with (``key_review``): add or
remove items, change a choice's answer. *Preview as student* saves nothing;
*Save…* writes the folder (a new name is created; with ``key.json``),
*Save student copy…* one without the key. Nothing is lost by accident: a
repeated task is refused, and closing with unsaved work asks first.

Public API: ``ExerciseEditor``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...engine.exercise import (
    MARK_KINDS,
    MARK_LABELS,
    Exercise,
    ExerciseError,
    TaskKey,
    TaskKind,
    make_exercise,
    make_task,
    save_exercise,
    with_item,
    without_item,
)
from ...engine.exercise.make import article_letter
from ...engine.model import Document
from ..base.file_dialogs import save_file_name
from ..base.worker import TaskRunner
from .key_review import KeyReview
from .planned import SOURCE, TEXT, PlannedTask, describe, generated_task, worded
from .task_fields import TaskFields

if TYPE_CHECKING:
    from .window import ExerciseWindow

# Opens an exercise as students will see it, saving nothing (the teacher's preview).
Preview = Callable[[Exercise], "ExerciseWindow"]

KEY_TOPIC = "exercise-key"
SAVE_KIND = "exercise-save"  # the save dialog's remembered folder


class ExerciseEditor(QMainWindow):
    def __init__(
        self,
        documents: tuple[Document, ...],
        runner: TaskRunner,
        preview: Preview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle("New exercise — newsdiff")
        self.documents = documents
        self.runner = runner
        self._preview = preview
        self.exercise: Exercise | None = None
        self.plan: list[PlannedTask] = []
        self.unsaved = False  # tasks or a key the teacher has not saved with its key
        self._build()
        self.resize(1300, 860)

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.title_edit = QLineEdit("Compare the versions")
        self.title_edit.textEdited.connect(lambda _text: self._touched())
        self.intro_edit = QPlainTextEdit()
        self.intro_edit.setAccessibleName("Introduction (Markdown)")
        self.intro_edit.setPlaceholderText(
            "What students read first: the story, what to look for (Markdown)."
        )
        self.intro_edit.setTabChangesFocus(True)
        self.intro_edit.setMaximumHeight(110)
        self.intro_edit.textChanged.connect(self._intro_changed)
        self.hide_check = QCheckBox("Hide the highlights until students check their answers")
        self.hide_check.setChecked(True)
        self.versions = QListWidget()
        self.versions.setAccessibleName("Versions")
        self.versions.setMaximumHeight(130)
        for document in self.documents:
            item = QListWidgetItem(document.outlet or document.name)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            item.setFlags(item.flags() | flags)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(f"{document.name} — double-click to rename for students")
            self.versions.addItem(item)
        self.versions.itemChanged.connect(self._renamed)
        self.kind_combo = QComboBox()
        for kind in MARK_KINDS:
            self.kind_combo.addItem(f"Mark {MARK_LABELS[kind]}", kind)
        self.kind_combo.addItem("Where does it come from? (choice)", SOURCE)
        self.kind_combo.addItem("Free text (not graded)", TEXT)
        self.version_combo, self.against_combo = QComboBox(), QComboBox()
        self.against_combo.addItem("all other versions", -1)
        for number, document in enumerate(self.documents):
            label = document.outlet or document.name
            self.version_combo.addItem(label, number)
            self.against_combo.addItem(label, number)
        self.against_combo.setCurrentIndex(1)
        self.version_combo.setCurrentIndex(min(1, len(self.documents) - 1))
        add = QPushButton("Add task")
        add.clicked.connect(self.add_planned_task)
        remove = QPushButton("Remove task")
        remove.clicked.connect(self.remove_task)
        self.make_button = QPushButton("Make key")
        self.make_button.clicked.connect(self.make_key)
        form = QFormLayout()
        form.addRow("Title:", self.title_edit)
        form.addRow("Introduction:", self.intro_edit)
        form.addRow(self.hide_check)
        form.addRow("Versions (tick, rename):", self.versions)
        plan_box = QGroupBox("New task")
        plan_form = QFormLayout(plan_box)
        plan_form.addRow("Kind:", self.kind_combo)
        plan_form.addRow("In version:", self.version_combo)
        plan_form.addRow("Compared with:", self.against_combo)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(add)
        plan_buttons.addWidget(remove)
        plan_form.addRow(plan_buttons)
        self.task_list = QListWidget()
        self.task_list.setAccessibleName("Tasks")
        self.task_list.currentRowChanged.connect(self.show_task)
        self.fields = TaskFields()
        self.fields.edited.connect(self._fields_edited)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(plan_box)
        left_layout.addWidget(QLabel("Tasks:"))
        left_layout.addWidget(self.task_list, 1)
        left_layout.addWidget(self.fields, 2)
        left_layout.addWidget(self.make_button)
        self.setCentralWidget(self._central(left))
        self._enable()

    def _central(self, left: QWidget) -> QWidget:
        """The key review on the right of ``left``, the save buttons under both."""
        self.review = review = KeyReview()
        # The review's parts, by the names the editor's callers use.
        self.key_text, self.key_list = review.key_text, review.key_list
        self.compared_text, self.answer_combo = review.compared_text, review.answer_combo
        self.add_key, self.remove_key = review.add_key, review.remove_key
        review.answer_combo.currentIndexChanged.connect(self._answer_changed)
        review.add_key.clicked.connect(self.add_selection_to_key)
        review.remove_key.clicked.connect(self.remove_key_at_cursor)
        self.preview_button = QPushButton("Preview as student")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton("Save…")
        self.save_button.clicked.connect(lambda: self.save_dialog(include_key=True))
        self.student_copy = QPushButton("Save student copy (no key)…")
        self.student_copy.clicked.connect(lambda: self.save_dialog(include_key=False))
        self.status = QLabel("Add tasks, then press Make key.")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        for widget in (self.preview_button, self.save_button, self.student_copy):
            bottom.addWidget(widget)
        bottom.addWidget(self.status, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(review)
        splitter.setSizes([430, 870])
        splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        return central

    # -- planning ---------------------------------------------------------------------
    def picked(self) -> list[int]:
        return [
            n for n in range(self.versions.count())
            if self.versions.item(n).checkState() == Qt.CheckState.Checked
        ]  # fmt: skip

    def add_planned_task(self) -> bool:
        """Add the task chosen in the New task box (versions are document indices)."""
        return self.add_task(
            str(self.kind_combo.currentData()),
            int(self.version_combo.currentData()),
            int(self.against_combo.currentData()),
        )

    def add_task(self, kind: str, version: int, against: int = -1) -> bool:
        """Plan a task; False (and why in the status line) if it cannot be added."""
        if kind != TEXT and version == against:
            self.status.setText("Pick two different versions.")
            return False
        planned = PlannedTask(kind, version, against)
        repeats = [n for n, p in enumerate(self.plan, start=1) if p.what == planned.what]
        same = repeats[0] if repeats and kind != TEXT else None
        if same is not None:
            self.status.setText(f"Task {same} already asks that: pick another kind or version.")
            self.task_list.setCurrentRow(same - 1)
            return False
        self.plan.append(planned)
        self._invalidate("Tasks changed: press Make key.")
        self.task_list.setCurrentRow(len(self.plan) - 1)
        return True

    def remove_task(self) -> None:
        row = self.task_list.currentRow()
        if 0 <= row < len(self.plan):
            del self.plan[row]
            self._invalidate("Task removed: press Make key.")

    def _renamed(self, item: QListWidgetItem) -> None:
        """A new display name shows in the task pickers too."""
        number = self.versions.row(item)
        self.version_combo.setItemText(number, item.text())
        self.against_combo.setItemText(number + 1, item.text())
        self._touched()

    def _name(self, index: int) -> str:
        return self.versions.item(index).text()

    def _names(self) -> list[str]:
        return [self._name(n) for n in range(self.versions.count())]

    def _wording(self, row: int) -> tuple[str, str, float]:
        """(title, instructions, points) of planned task ``row``: the teacher's or generated."""
        planned = self.plan[row]
        generated = generated_task(planned, row + 1, self.documents, self._names())
        title = planned.title if planned.title is not None else generated.title
        body = planned.body if planned.body is not None else generated.body
        return title, body, planned.points

    def _invalidate(self, message: str) -> None:
        self.exercise = None
        self.unsaved = bool(self.plan)
        row = self.task_list.currentRow()
        self.task_list.blockSignals(True)
        self.task_list.clear()
        names = self._names()
        for number, planned in enumerate(self.plan, start=1):
            self.task_list.addItem(f"{number}. {describe(planned, names)}")
        self.task_list.blockSignals(False)
        self.review.clear()
        self.status.setText(message)
        self.task_list.setCurrentRow(min(row, len(self.plan) - 1))
        self.show_task(self.task_list.currentRow())

    def _touched(self) -> None:
        if self.plan:
            self.unsaved = True

    def _intro_changed(self) -> None:
        if self.exercise is not None:
            self.exercise = replace(self.exercise, intro=self.intro_edit.toPlainText().strip())
        self._touched()

    def _fields_edited(self) -> None:
        """The teacher's title, instructions or points for the selected task."""
        row = self.task_list.currentRow()
        if not 0 <= row < len(self.plan):
            return
        title, body, points = self.fields.values()
        planned = self.plan[row]
        planned.title, planned.body, planned.points = title or None, body, points
        if self.exercise is not None and row < len(self.exercise.tasks):
            task = worded(self.exercise.tasks[row], planned)
            tasks = list(self.exercise.tasks)
            tasks[row] = task
            self.exercise = replace(self.exercise, tasks=tuple(tasks))
        item = self.task_list.item(row)
        if item is not None:  # the list names the task by its (new) title
            item.setText(self._label(row))
        self.unsaved = True

    # -- the key ----------------------------------------------------------------------------
    def make_key(self) -> None:
        """Build the exercise and its key on the worker."""
        picked = self.picked()
        if len(picked) < 2:
            self.status.setText("Tick two or more versions.")
            return
        if not self.plan:
            self.status.setText("Add at least one task.")
            return
        for planned in self.plan:
            against = planned.against
            if planned.kind != TEXT and (
                planned.version not in picked or (against >= 0 and against not in picked)
            ):
                self.status.setText("A task uses a version that is not ticked.")
                return
        letters = {index: article_letter(n) for n, index in enumerate(picked)}
        documents = [self.documents[i] for i in picked]
        names = [self._name(i) for i in picked]
        title = self.title_edit.text().strip() or "Compare the versions"
        intro = self.intro_edit.toPlainText().strip()
        hide = self.hide_check.isChecked()
        plan = [replace(p) for p in self.plan]  # the worker's own copy

        def work(_cancel: object) -> Exercise | str:
            draft = make_exercise(documents, title, names, tasks=[], hide_highlights=hide)
            tasks = []
            for number, planned in enumerate(plan, start=1):
                if planned.kind == TEXT:
                    task = make_task(number, TaskKind.TEXT, draft.articles)
                elif planned.kind == SOURCE:
                    version = letters[planned.version]
                    task = make_task(number, TaskKind.CHOICE, draft.articles, version=version,
                                     question="source")  # fmt: skip
                else:
                    other = letters[planned.against] if planned.against >= 0 else ""
                    task = make_task(number, TaskKind.MARK, draft.articles, planned.kind,
                                     letters[planned.version], other)  # fmt: skip
                tasks.append(worded(task, planned))
            try:
                return make_exercise(
                    documents, title, names, tasks, hide_highlights=hide, intro=intro
                )
            except ExerciseError as error:
                return str(error)

        self.status.setText("Reading the changes…")
        # A newer key of this editor replaces one still being made.
        self.runner.submit(work, on_done=self._on_key_made, topic=f"{KEY_TOPIC}-{id(self)}")

    def _on_key_made(self, result: Exercise | str) -> None:
        if isinstance(result, str):
            self.status.setText(result)
            return
        self.set_exercise(result)
        self.unsaved = True
        items = sum(len(k.items) for k in (result.key or {}).values())
        self.status.setText(f"Key made: {items} span(s). Check each task and fix what is wrong.")

    def set_exercise(self, exercise: Exercise) -> None:
        self.exercise = exercise
        row = max(0, self.task_list.currentRow())
        self.task_list.blockSignals(True)
        self.task_list.clear()
        for number in range(len(exercise.tasks)):
            self.task_list.addItem(self._label(number))
        self.task_list.blockSignals(False)
        self.task_list.setCurrentRow(min(row, len(exercise.tasks) - 1))
        self.show_task(self.task_list.currentRow())

    def _label(self, row: int) -> str:
        """The task list's line for task ``row``: number, title, key items once made."""
        if self.exercise is None or row >= len(self.exercise.tasks):
            return f"{row + 1}. {self._wording(row)[0]}"
        task = self.exercise.tasks[row]
        count = len((self.exercise.key or {}).get(task.number, TaskKey(task.number)).items)
        extra = f" ({count} in key)" if task.kind == TaskKind.MARK else ""
        return f"{task.number}. {task.title}{extra}"

    def show_task(self, row: int) -> None:
        """Show task ``row``: its fields and, once the key is made, its key."""
        self.fields.show_task(self._wording(row) if 0 <= row < len(self.plan) else None)
        exercise = self.exercise
        if exercise is not None and 0 <= row < len(exercise.tasks):
            self.review.show_task(exercise, exercise.tasks[row])
        self._enable()

    def _current_task(self) -> int:
        return self.task_list.currentRow() + 1

    def add_selection_to_key(self) -> bool:
        span = self.key_text.selection_span()
        if self.exercise is None or span is None:
            self.status.setText("Select words in the article first.")
            return False
        self.set_exercise(with_item(self.exercise, self._current_task(), *span))
        self.unsaved = True
        self.status.setText("Added to the key.")
        return True

    def remove_key_at_cursor(self) -> bool:
        if self.exercise is None:
            return False
        number = self._current_task()
        before = len(self.exercise.key[number].items) if self.exercise.key else 0
        after = without_item(self.exercise, number, self.key_text.cursor_index())
        self.set_exercise(after)
        removed = before - (len(after.key[number].items) if after.key else 0)
        self.unsaved = self.unsaved or bool(removed)
        self.status.setText("Removed from the key." if removed else "No key item at the cursor.")
        return bool(removed)

    def _answer_changed(self, _index: int) -> None:
        if self.exercise is None or self.exercise.key is None:
            return
        number = self._current_task()
        entry = self.exercise.key.get(number, TaskKey(number))
        value = str(self.answer_combo.currentData())
        fixed = replace(entry, answer=value, explanation="Answer set by the teacher.")
        self.exercise = replace(self.exercise, key={**self.exercise.key, number: fixed})
        self.unsaved = True

    def _enable(self) -> None:
        exercise, row = self.exercise, self.task_list.currentRow()
        shown = exercise is not None and 0 <= row < len(exercise.tasks)
        task = exercise.tasks[row] if exercise is not None and shown else None
        self.review.enable(task)
        for button in (self.preview_button, self.save_button, self.student_copy):
            button.setEnabled(exercise is not None)

    # -- preview and save ---------------------------------------------------------------------
    def preview(self) -> ExerciseWindow | None:
        if self.exercise is None or self._preview is None:
            return None
        return self._preview(self.exercise)

    def save_to(self, folder: str, include_key: bool = True) -> bool:
        """Write the exercise into ``folder`` (created if it is new)."""
        if self.exercise is None:
            return False
        if Path(folder).is_file():
            self.status.setText(f"Could not save to {folder}: a file of that name is there")
            return False
        try:
            save_exercise(self.exercise, folder, include_key=include_key)
        except (OSError, ExerciseError) as error:
            self.status.setText(f"Could not save to {folder}: {error}")
            return False
        copy = "with its key" if include_key else "without the key (for students)"
        self.status.setText(f"Saved {copy} to {folder}")
        if include_key:
            self.unsaved = False
        return True

    def save_dialog(self, include_key: bool) -> bool:
        """Ask for a folder (a new name is created) and save there; True once saved."""
        if self.exercise is None:
            return False
        caption = "Save the exercise as a folder" if include_key else "Save the student copy"
        suggested = "".join(c if c.isalnum() else "-" for c in self.exercise.title).strip("-")
        suffix = "" if include_key else "-students"
        folder, _ = save_file_name(
            self, SAVE_KIND, caption, f"{suggested or 'exercise'}{suffix}", "Exercise folder (*)"
        )
        return bool(folder) and self.save_to(folder, include_key)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tasks or a key not saved: Save, Discard or Cancel, never lost silently."""
        if not self.unsaved or not self.plan:
            super().closeEvent(event)
            return
        what = "a fresh answer key" if self.exercise is not None else "tasks"
        answer = QMessageBox.question(
            self,
            "Unsaved exercise",
            f"This exercise has {len(self.plan)} task(s) and {what} not saved. "
            "Save before closing?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        discard = answer == QMessageBox.StandardButton.Discard
        if discard or (answer == QMessageBox.StandardButton.Save and self._save_before_close()):
            super().closeEvent(event)
        else:
            event.ignore()

    def _save_before_close(self) -> bool:
        """Save with the key; without a key yet, make it first (the teacher saves later)."""
        if self.exercise is None:
            self.status.setText("Make the key, then save: nothing was closed.")
            return False
        return self.save_dialog(include_key=True)
