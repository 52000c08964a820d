"""Where a student answers the current task: mark tools, options or a text box.

One widget that shows the right page for the task's kind and reports what
the student did through signals; it keeps no answers itself (the exercise
window owns them, so saving and checking read one place).

Signals: ``mark_requested(kind)``, ``unmark_requested()``, ``choice_made(task, value)``,
``text_changed(task, text)``.

Public API: ``AnswerBox``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...engine.exercise import MARK_KINDS, MARK_LABELS, Task, TaskKind


class AnswerBox(QStackedWidget):
    mark_requested = Signal(str)
    unmark_requested = Signal()
    choice_made = Signal(int, str)
    text_changed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._loading = False
        self.addWidget(self._mark_page())
        self._choice_page = QWidget()
        self._choice_layout = QVBoxLayout(self._choice_page)
        self._choice_layout.setContentsMargins(0, 0, 0, 0)
        self._choices = QButtonGroup(self)
        self._choices.buttonClicked.connect(self._on_choice)
        self.addWidget(self._choice_page)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Write your answer here.")
        self.text_edit.textChanged.connect(self._on_text)
        self.addWidget(self.text_edit)

    def _mark_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Select words in an article, then:")
        hint.setWordWrap(True)
        self.kind_combo = QComboBox()
        for kind in MARK_KINDS:
            self.kind_combo.addItem(f"as {MARK_LABELS[kind]}", kind)
        self.kind_combo.setAccessibleName("Mark as")
        self.mark_button = QPushButton("Mark selection")
        self.mark_button.setToolTip("Mark the selected words (Ctrl+M)")
        self.mark_button.setShortcut("Ctrl+M")
        self.mark_button.clicked.connect(
            lambda: self.mark_requested.emit(self.kind_combo.currentData())
        )
        self.unmark_button = QPushButton("Remove mark")
        self.unmark_button.setToolTip("Remove the mark under the cursor or selection")
        self.unmark_button.clicked.connect(self.unmark_requested)
        row = QHBoxLayout()
        row.addWidget(self.mark_button)
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.unmark_button)
        layout.addWidget(hint)
        layout.addLayout(row)
        return page

    def set_task(self, task: Task, choice: str = "", text: str = "") -> None:
        """Show the page for ``task`` with the student's current answer."""
        self._task = task
        self._loading = True
        try:
            if task.kind == TaskKind.MARK:
                self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(task.mark)))
                self.setCurrentIndex(0)
            elif task.kind == TaskKind.CHOICE:
                self._fill_choices(task, choice)
                self.setCurrentIndex(1)
            else:
                self.text_edit.setPlainText(text)
                self.setCurrentIndex(2)
        finally:
            self._loading = False

    def _fill_choices(self, task: Task, chosen: str) -> None:
        for button in self._choices.buttons():
            self._choices.removeButton(button)
            button.deleteLater()
        for option in task.options:
            button = QRadioButton(option.label)  # plain text: a label is never markup
            button.setProperty("value", option.value)
            button.setChecked(option.value == chosen)
            self._choices.addButton(button)
            self._choice_layout.addWidget(button)
        self._choice_layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def choice_buttons(self) -> list[QRadioButton]:
        return [b for b in self._choices.buttons() if isinstance(b, QRadioButton)]

    def _on_choice(self, button: QRadioButton) -> None:
        if self._task is not None and not self._loading:
            self.choice_made.emit(self._task.number, str(button.property("value")))

    def _on_text(self) -> None:
        if self._task is not None and not self._loading:
            self.text_changed.emit(self._task.number, self.text_edit.toPlainText())
