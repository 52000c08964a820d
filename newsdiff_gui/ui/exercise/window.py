"""Student mode: the exercise's instructions beside two articles, marking,
"Check my answers" and "Hand in".

Left: the tasks, the current task's instructions (the teacher's Markdown,
rendered with raw HTML off), the answer box and, after checking, what was
found, missed and why. Right: two articles side by side (the task's version
on the right, the one it is compared with on the left; either can be
changed). Highlights — sentences only one side has, and the key — stay
hidden until the student checks when the exercise says so.

Work is saved after every change (debounced, atomic) under the user data
dir; the alignment needed for highlights runs on the ``TaskRunner``
(topic ``exercise-align``); checking is span arithmetic and runs inline.

Public API: ``ExerciseWindow``.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...engine.compare.pairing import unshared_spans
from ...engine.exercise import (
    Answers,
    CheckResult,
    Exercise,
    ExerciseError,
    Mark,
    ProgressStore,
    TaskKind,
    check,
    exercise_alignment,
    hand_in,
)
from ...engine.exercise.report import intro_html, task_html
from ...engine.model import Alignment
from ...marks_font import install_marks_font
from ..base.file_dialogs import save_file_name
from ..base.worker import TaskRunner, Ticket
from .answer_box import AnswerBox
from .text import ArticleText

EXERCISE_ALIGN_TOPIC = "exercise-align"
SAVE_DELAY_MS = 400
LEGEND = (
    "Yellow with underline: your marks for this task · faint blue, dashed: your marks "
    "for other tasks · green underline: found in the key · "
    "red with wavy underline: missed (see the feedback) · dotted green tint: only this "
    "article has the sentence, the other one does not"
)


class ExerciseWindow(QMainWindow):
    """One exercise being worked on. ``preview`` (teacher) saves nothing."""

    checked = Signal(object)  # CheckResult
    handed_in = Signal(str)  # path of the JSON

    def __init__(
        self,
        exercise: Exercise,
        runner: TaskRunner,
        *,
        preview: bool = False,
        store_base: str | os.PathLike[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        install_marks_font()  # ✓ ◐ ✗ in the task list on any machine
        self.setWindowFlag(Qt.WindowType.Window)
        self.exercise = exercise
        self.runner = runner
        self.preview = preview
        self.store = None if preview else ProgressStore(exercise, store_base)
        student, answers = self.store.load() if self.store else ("", Answers())
        self.marks: list[Mark] = list(answers.marks)
        self.choices: dict[int, str] = dict(answers.choices)
        self.texts: dict[int, str] = dict(answers.texts)
        self.result: CheckResult | None = None
        self.revealed = not exercise.hide_highlights
        self._alignment: Alignment | None = None
        self._aligning: Ticket | None = None
        self._number = 1
        self._active: ArticleText | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_progress)
        prefix = "Preview — " if preview else ""
        self.setWindowTitle(f"{prefix}{exercise.title} — newsdiff exercise")
        self._build(student)
        self.show_task(1)
        for warning in self.store.warnings if self.store else ():
            self.status.setText(warning)
        if self.revealed:
            self._align()

    # -- construction -------------------------------------------------------------
    def _build(self, student: str) -> None:
        self.name_edit = QLineEdit(student)
        self.name_edit.setPlaceholderText("Your name")
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.textChanged.connect(lambda _text: self._changed())
        title = QLabel(self.exercise.title)  # plain text
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.task_list = QListWidget()
        self.task_list.setAccessibleName("Tasks")
        for task in self.exercise.tasks:
            self.task_list.addItem(QListWidgetItem(f"{task.number}. {task.title}"))
        self.task_list.currentRowChanged.connect(lambda row: self.show_task(row + 1))
        self.instructions = QTextBrowser()
        self.instructions.setOpenLinks(False)
        self.answer_box = AnswerBox()
        self.answer_box.mark_requested.connect(self.mark_selection)
        self.answer_box.unmark_requested.connect(self.remove_mark)
        self.answer_box.choice_made.connect(self._on_choice)
        self.answer_box.text_changed.connect(self._on_text)
        self.feedback = QTextBrowser()
        self.feedback.setOpenLinks(False)
        self.feedback.setPlaceholderText("Press “Check my answers” to see how you did.")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("Name:"))
        name_row.addWidget(self.name_edit, 1)
        left_layout.addWidget(title)
        left_layout.addLayout(name_row)
        left_layout.addWidget(self.task_list, 2)
        left_layout.addWidget(self.instructions, 4)
        left_layout.addWidget(self.answer_box)
        left_layout.addWidget(self.feedback, 3)

        self.left_text, self.left_combo, left_pane = self._pane()
        self.right_text, self.right_combo, right_pane = self._pane()
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(left_pane)
        texts.addWidget(right_pane)
        self.legend = QLabel(LEGEND)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setVisible(self.revealed)
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(texts, 1)
        reading_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(reading)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        splitter.setChildrenCollapsible(False)

        self.check_button = QPushButton("Check my answers")
        self.check_button.clicked.connect(self.check_answers)
        self.hand_in_button = QPushButton("Hand in…")
        self.hand_in_button.clicked.connect(self.hand_in_dialog)
        self.score_label = QLabel()
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        if self.exercise.key is None:
            self.check_button.setEnabled(False)
            self.check_button.setToolTip("This copy has no answer key: your teacher checks it")
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.hand_in_button)
        buttons.addWidget(self.score_label)
        buttons.addWidget(self.status, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.resize(1400, 900)

    def _pane(self) -> tuple[ArticleText, QComboBox, QWidget]:
        combo = QComboBox()
        for article in self.exercise.articles:
            combo.addItem(article.name, article.id)
        text = ArticleText()
        text.setAccessibleName("Article text")
        text.focused.connect(lambda t=text: self._set_active(t))
        combo.currentIndexChanged.connect(lambda _n, t=text, c=combo: self._show_article(t, c))
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo)
        layout.addWidget(text, 1)
        return text, combo, pane

    # -- answers --------------------------------------------------------------------
    def answers(self) -> Answers:
        return Answers(tuple(self.marks), dict(self.choices), dict(self.texts))

    @property
    def student(self) -> str:
        return self.name_edit.text().strip()

    def _changed(self) -> None:
        if self.store is not None:
            self._save_timer.start()

    def save_progress(self) -> None:
        """Write the work so far (atomically); a failure is said, not raised."""
        self._save_timer.stop()
        if self.store is None:
            return
        try:
            self.store.save(self.name_edit.text(), self.answers())
        except OSError as error:
            self.status.setText(f"Your work could not be saved: {error}")

    def _set_active(self, text: ArticleText) -> None:
        self._active = text

    def _pane_with_selection(self) -> ArticleText | None:
        for text in (self._active, self.right_text, self.left_text):
            if text is not None and text.selection_span() is not None:
                return text
        return None

    def mark_selection(self, kind: str) -> bool:
        """Mark the selected words of an article as ``kind``; False if nothing is selected."""
        text = self._pane_with_selection()
        if text is None or text.document_ is None:
            self.status.setText("Select some words in an article first.")
            return False
        start, end = text.selection_span() or (0, 0)
        article = self._article_of(text)
        body = text.document_.text
        # Joining overlapping marks of one kind keeps the list short and the score fair.
        for mark in [m for m in self.marks if m.article == article and m.kind == kind]:
            if mark.start <= end and start <= mark.end:
                start, end = min(start, mark.start), max(end, mark.end)
                self.marks.remove(mark)
        self.marks.append(Mark(article, kind, start, end, body[start:end]))
        self.marks.sort(key=lambda m: (m.article, m.start))
        self.status.setText(f"Marked {end - start} characters.")
        self._changed()
        self._refresh()
        return True

    def remove_mark(self) -> bool:
        """Remove the marks under the selection or the cursor of the active article."""
        text = self._active or self.right_text
        article = self._article_of(text)
        span = text.selection_span()
        start, end = span if span else (text.cursor_index(), text.cursor_index() + 1)
        keep = [
            m for m in self.marks if not (m.article == article and m.start < end and start < m.end)
        ]
        removed = len(self.marks) - len(keep)
        self.marks = keep
        self.status.setText(f"Removed {removed} mark(s)." if removed else "No mark there.")
        self._changed()
        self._refresh()
        return bool(removed)

    def _on_choice(self, number: int, value: str) -> None:
        self.choices[number] = value
        self._changed()

    def _on_text(self, number: int, text: str) -> None:
        self.texts[number] = text
        self._changed()

    def _article_of(self, text: ArticleText) -> str:
        combo = self.right_combo if text is self.right_text else self.left_combo
        return str(combo.currentData())

    # -- showing ------------------------------------------------------------------------
    def show_task(self, number: int) -> None:
        if not 1 <= number <= len(self.exercise.tasks):
            return
        self._number = number
        task = self.exercise.task(number)
        if self.task_list.currentRow() != number - 1:
            self.task_list.setCurrentRow(number - 1)
        intro = intro_html(self.exercise) if number == 1 else ""
        self.instructions.setHtml(intro + task_html(self.exercise, task))
        self.answer_box.set_task(task, self.choices.get(number, ""), self.texts.get(number, ""))
        ids = [a.id for a in self.exercise.articles]
        right = task.version or ids[0]
        left = task.against or next(i for i in ids if i != right)
        self.right_combo.setCurrentIndex(ids.index(right))
        self.left_combo.setCurrentIndex(ids.index(left))
        self._show_article(self.right_text, self.right_combo)
        self._show_article(self.left_text, self.left_combo)
        self._show_feedback()

    def _show_article(self, text: ArticleText, combo: QComboBox) -> None:
        article = self.exercise.article(str(combo.currentData()))
        if text.document_ is not article.document:
            text.set_article(article.document)
        self._draw(text)

    def _draw(self, text: ArticleText) -> None:
        article = self._article_of(text)
        task = self.exercise.task(self._number)
        kind = task.mark if task.kind == TaskKind.MARK else None
        marks = [(m.start, m.end) for m in self.marks if m.article == article and m.kind == kind]
        others = [(m.start, m.end) for m in self.marks if m.article == article and m.kind != kind]
        found: list[tuple[int, int]] = []
        missed: list[tuple[int, int]] = []
        task_result = self.result.tasks[self._number - 1] if self.result else None
        if task_result is not None and task_result.task.version == article:
            for item in task_result.items:
                target = found if item.status == "found" else missed
                target.append((item.item.start, item.item.end))
        only: list[tuple[int, int]] = []
        if self.revealed and self._alignment is not None:
            ids = [a.id for a in self.exercise.articles]
            other = self._article_of(self.left_text if text is self.right_text else self.right_text)
            if other != article:
                only = unshared_spans(self._alignment, ids.index(article), ids.index(other))
        text.show_marks(marks, found, missed, only, others)

    def _refresh(self) -> None:
        self._draw(self.left_text)
        self._draw(self.right_text)

    def _show_feedback(self) -> None:
        if self.result is None:
            self.feedback.clear()
            return
        task_result = self.result.tasks[self._number - 1]
        score = "not graded" if task_result.score is None else f"{task_result.score:.0%}"
        lines = "".join(f"<li>{escape(line)}</li>" for line in task_result.lines())
        self.feedback.setHtml(f"<p><b>Task {self._number}: {escape(score)}</b></p><ul>{lines}</ul>")

    # -- checking and handing in -----------------------------------------------------------
    def check_answers(self) -> CheckResult | None:
        """Score every task, reveal the key and the highlights, say what was missed."""
        if self.exercise.key is None:
            self.status.setText("This copy has no answer key: hand it in to your teacher.")
            return None
        self.result = check(self.exercise, self.answers())
        self.revealed = True
        for task_result in self.result.tasks:
            item = self.task_list.item(task_result.task.number - 1)
            score = task_result.score
            mark = "—" if score is None else "✓" if score >= 0.999 else "◐" if score > 0 else "✗"
            suffix = "" if score is None else f" — {score:.0%}"
            item.setText(f"{mark} {task_result.task.number}. {task_result.task.title}{suffix}")
        self.score_label.setText(
            f"Score: {self.result.score:.0%} "
            f"({self.result.earned:.1f} of {self.result.points:g} points)"
        )
        self.legend.show()
        self.status.setText("Checked: pick a task to read what you found, missed and why.")
        self._show_feedback()
        if self._alignment is None:
            self._align()
        self._refresh()
        self.checked.emit(self.result)
        return self.result

    def hand_in_to(self, path: str | os.PathLike[str]) -> tuple[Path, Path] | None:
        """Write the submission (JSON + HTML copy); None with a message if it cannot."""
        try:
            written = hand_in(self.exercise, self.student, self.answers(), path)
        except ExerciseError as error:
            self.status.setText(str(error))
            return None
        except OSError as error:
            self.status.setText(f"Could not write {path}: {error.strerror}")
            return None
        self.save_progress()
        self.status.setText(f"Handed in: {written[0].name} and its readable copy {written[1].name}")
        self.handed_in.emit(str(written[0]))
        return written

    def hand_in_dialog(self) -> None:
        if not self.student:
            QMessageBox.information(self, "Hand in", "Write your name first.")
            self.name_edit.setFocus()
            return
        safe = "".join(c if c.isalnum() else "-" for c in self.student).strip("-") or "submission"
        path, _ = save_file_name(
            self, "hand-in", "Hand in", f"{safe}.json", "newsdiff submission (*.json)"
        )
        if path and self.hand_in_to(path):
            QMessageBox.information(
                self, "Handed in", f"Saved {path}\nand a readable copy beside it (.html)."
            )

    # -- alignment for highlights ------------------------------------------------------------
    def _align(self) -> None:
        exercise = self.exercise
        self._aligning = self.runner.submit(
            lambda cancel: exercise_alignment(exercise, cancel),
            on_done=self._on_aligned,
            topic=f"{EXERCISE_ALIGN_TOPIC}-{id(self)}",  # a newer request of this window wins
        )

    def _on_aligned(self, alignment: Alignment) -> None:
        self._alignment = alignment
        self._refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is pending; an alignment still on its way is not wanted."""
        self.save_progress()
        if self._aligning is not None:
            self._aligning.cancel()
        super().closeEvent(event)
