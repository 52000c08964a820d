"""The teacher's fields for one task: its title, the instructions students
read (Markdown) and the points it is worth.

Why a widget of its own: the editor used to offer no way to write the
instructions or weigh a task, so every exercise went out with generated
wording and one point a task. The fields report each edit at once
(``edited``); the editor keeps the values, so making the key again does
not lose them.

Signals: ``edited()`` after the teacher changed a field.

Public API: ``TaskFields``, ``MAX_POINTS``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

MAX_POINTS = 100.0


class TaskFields(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Selected task", parent)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Task title")
        self.instructions = QPlainTextEdit()
        self.instructions.setAccessibleName("Instructions for students (Markdown)")
        self.instructions.setPlaceholderText(
            "What students should do, in your words (Markdown: **bold**, *italic*, lists)."
        )
        self.instructions.setTabChangesFocus(True)
        self.points = QDoubleSpinBox()
        self.points.setAccessibleName("Points")
        self.points.setRange(0.5, MAX_POINTS)
        self.points.setSingleStep(0.5)
        self.points.setDecimals(1)
        self.points.setSuffix(" points")
        form = QFormLayout(self)
        form.addRow("Title:", self.title_edit)
        form.addRow("Instructions:", self.instructions)
        form.addRow("Worth:", self.points)
        self._loading = False
        self.title_edit.textEdited.connect(self._changed)
        self.instructions.textChanged.connect(self._changed)
        self.points.valueChanged.connect(self._changed)
        self.show_task(None)

    def show_task(self, values: tuple[str, str, float] | None) -> None:
        """Show a task's (title, instructions, points); ``None``: no task selected."""
        self._loading = True
        try:
            title, body, points = values or ("", "", 1.0)
            self.title_edit.setText(title)
            self.instructions.setPlainText(body)
            self.points.setValue(points)
        finally:
            self._loading = False
        self.setEnabled(values is not None)

    def values(self) -> tuple[str, str, float]:
        return (
            self.title_edit.text().strip(),
            self.instructions.toPlainText().strip(),
            self.points.value(),
        )

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
