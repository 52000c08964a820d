"""Teacher mode: make an exercise from the open set, fix its key, preview, save.

Pick the versions (and the names students see), add tasks (mark a change
type in a version against another, "where does it come from?", free text),
press *Make key*: the engine aligns the picked versions and reads the key
from the changes and profiles on the ``TaskRunner`` (topic ``exercise-key``).
Then, per task, the key is drawn on the version's text: select words and
*Add to key*, or put the cursor in an item and *Remove from key*; a choice
task's answer can be changed. *Preview as student* opens the student window
(saving nothing); *Save…* writes the folder (with ``key.json``) and *Save
student copy…* one without the key.

Public API: ``ExerciseEditor``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTextBrowser,
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
from ..base.worker import TaskRunner
from .text import ArticleText

if TYPE_CHECKING:
    from .window import ExerciseWindow

# Opens an exercise as students will see it, saving nothing (the teacher's preview).
Preview = Callable[[Exercise], "ExerciseWindow"]

KEY_TOPIC = "exercise-key"
SOURCE, TEXT = "source", "text"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        # Planned tasks: (kind, mark, version index, against index or -1) into documents.
        self.plan: list[tuple[str, int, int]] = []
        self._build()
        self.resize(1300, 860)

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.title_edit = QLineEdit("Compare the versions")
        self.hide_check = QCheckBox("Hide the highlights until students check their answers")
        self.hide_check.setChecked(True)
        self.versions = QListWidget()
        self.versions.setAccessibleName("Versions")
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
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(plan_box)
        left_layout.addWidget(QLabel("Tasks:"))
        left_layout.addWidget(self.task_list, 1)
        left_layout.addWidget(self.make_button)

        self.key_text = ArticleText()
        self.key_text.setAccessibleName("Key of the task")
        self.key_list = QTextBrowser()
        self.key_list.setOpenLinks(False)
        self.answer_combo = QComboBox()
        self.answer_combo.currentIndexChanged.connect(self._answer_changed)
        self.add_key = QPushButton("Add selection to key")
        self.add_key.clicked.connect(self.add_selection_to_key)
        self.remove_key = QPushButton("Remove key item at cursor")
        self.remove_key.clicked.connect(self.remove_key_at_cursor)
        key_buttons = QHBoxLayout()
        for widget in (self.add_key, self.remove_key, QLabel("Answer:"), self.answer_combo):
            key_buttons.addWidget(widget)
        key_buttons.addStretch(1)
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
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(key_buttons)
        right_layout.addWidget(self.key_text, 3)
        right_layout.addWidget(self.key_list, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([430, 870])
        splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self._enable()

    # -- planning ---------------------------------------------------------------------
    def picked(self) -> list[int]:
        return [
            n for n in range(self.versions.count())
            if self.versions.item(n).checkState() == Qt.CheckState.Checked
        ]  # fmt: skip

    def add_planned_task(self) -> None:
        """Add the task chosen in the New task box (versions are document indices)."""
        self.add_task(
            str(self.kind_combo.currentData()),
            int(self.version_combo.currentData()),
            int(self.against_combo.currentData()),
        )

    def add_task(self, kind: str, version: int, against: int = -1) -> None:
        if kind != TEXT and version == against:
            self.status.setText("Pick two different versions.")
            return
        self.plan.append((kind, version, against))
        self._invalidate("Tasks changed: press Make key.")

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

    def _name(self, index: int) -> str:
        return self.versions.item(index).text()

    def _invalidate(self, message: str) -> None:
        self.exercise = None
        self.task_list.clear()
        for kind, version, against in self.plan:
            if kind == TEXT:
                self.task_list.addItem("Free text (not graded)")
            elif kind == SOURCE:
                self.task_list.addItem(f"Where does {self._name(version)} come from?")
            else:
                other = self._name(against) if against >= 0 else "all others"
                what = MARK_LABELS[kind]
                self.task_list.addItem(f"Mark {what} in {self._name(version)} vs {other}")
        self.key_text.set_article(None)
        self.key_list.clear()
        self.status.setText(message)
        self._enable()

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
        for kind, version, against in self.plan:
            if kind != TEXT and (version not in picked or (against >= 0 and against not in picked)):
                self.status.setText("A task uses a version that is not ticked.")
                return
        letters = {index: article_letter(n) for n, index in enumerate(picked)}
        documents = [self.documents[i] for i in picked]
        names = [self._name(i) for i in picked]
        title = self.title_edit.text().strip() or "Compare the versions"
        hide = self.hide_check.isChecked()
        plan = list(self.plan)

        def work(_cancel: object) -> Exercise | str:
            draft = make_exercise(documents, title, names, tasks=[], hide_highlights=hide)
            tasks = []
            for number, (kind, version, against) in enumerate(plan, start=1):
                if kind == TEXT:
                    tasks.append(make_task(number, TaskKind.TEXT, draft.articles))
                elif kind == SOURCE:
                    choice = TaskKind.CHOICE
                    tasks.append(
                        make_task(number, choice, draft.articles, version=letters[version],
                                  question="source")
                    )  # fmt: skip
                else:
                    other = letters[against] if against >= 0 else ""
                    tasks.append(make_task(number, TaskKind.MARK, draft.articles, kind,
                                           letters[version], other))  # fmt: skip
            try:
                return make_exercise(documents, title, names, tasks, hide_highlights=hide)
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
        items = sum(len(k.items) for k in (result.key or {}).values())
        self.status.setText(f"Key made: {items} span(s). Check each task and fix what is wrong.")

    def set_exercise(self, exercise: Exercise) -> None:
        self.exercise = exercise
        row = max(0, self.task_list.currentRow())
        self.task_list.clear()
        for task in exercise.tasks:
            count = len((exercise.key or {}).get(task.number, TaskKey(task.number)).items)
            extra = f" ({count} in key)" if task.kind == TaskKind.MARK else ""
            self.task_list.addItem(f"{task.number}. {task.title}{extra}")
        self.task_list.setCurrentRow(min(row, len(exercise.tasks) - 1))
        self._enable()

    def show_task(self, row: int) -> None:
        exercise = self.exercise
        if exercise is None or not 0 <= row < len(exercise.tasks):
            return
        task = exercise.tasks[row]
        entry = (exercise.key or {}).get(task.number, TaskKey(task.number))
        self.answer_combo.blockSignals(True)
        self.answer_combo.clear()
        for option in task.options:
            self.answer_combo.addItem(option.label, option.value)
        self.answer_combo.setCurrentIndex(max(0, self.answer_combo.findData(entry.answer)))
        self.answer_combo.blockSignals(False)
        if task.kind == TaskKind.MARK:
            document = exercise.article(task.version).document
            if self.key_text.document_ is not document:
                self.key_text.set_article(document)
            spans = [(i.start, i.end) for i in entry.items]
            self.key_text.show_marks(spans, spans)  # tinted and underlined: easy to spot
            lines = "".join(
                f"<li><b>{escape(_short(i.text))}</b> — {escape(i.explanation)}</li>"
                for i in entry.items
            )
            self.key_list.setHtml(
                f"<p>Key of task {task.number} in {escape(exercise.article(task.version).name)}"
                f" ({len(entry.items)} item(s)):</p><ul>{lines}</ul>"
            )
        else:
            self.key_text.set_article(None)
            why = escape(entry.explanation) if entry.explanation else "No key needed."
            self.key_list.setHtml(f"<p>Task {task.number}: {escape(task.title)}</p><p>{why}</p>")
        self._enable()

    def _current_task(self) -> int:
        return self.task_list.currentRow() + 1

    def add_selection_to_key(self) -> bool:
        span = self.key_text.selection_span()
        if self.exercise is None or span is None:
            self.status.setText("Select words in the article first.")
            return False
        self.set_exercise(with_item(self.exercise, self._current_task(), *span))
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

    def _enable(self) -> None:
        ready = self.exercise is not None
        task = None
        if self.exercise is not None and 0 <= self.task_list.currentRow() < len(
            self.exercise.tasks
        ):
            task = self.exercise.task(self._current_task())
        marking = task is not None and task.kind == TaskKind.MARK
        self.add_key.setEnabled(marking)
        self.remove_key.setEnabled(marking)
        self.answer_combo.setEnabled(task is not None and task.kind == TaskKind.CHOICE)
        for button in (self.preview_button, self.save_button, self.student_copy):
            button.setEnabled(ready)

    # -- preview and save ---------------------------------------------------------------------
    def preview(self) -> ExerciseWindow | None:
        if self.exercise is None or self._preview is None:
            return None
        return self._preview(self.exercise)

    def save_to(self, folder: str, include_key: bool = True) -> bool:
        if self.exercise is None:
            return False
        try:
            save_exercise(self.exercise, folder, include_key=include_key)
        except (OSError, ExerciseError) as error:
            self.status.setText(f"Could not save to {folder}: {error}")
            return False
        copy = "with its key" if include_key else "without the key (for students)"
        self.status.setText(f"Saved {copy} to {folder}")
        return True

    def save_dialog(self, include_key: bool) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save the exercise into a folder")
        if folder:
            self.save_to(folder, include_key)
