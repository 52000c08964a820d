"""The editor's key review: the task's version with its key drawn on it,
beside the text it is compared with, and the key's items in words.

Why the compared text is shown: a teacher judging whether "the UK daily
adds this sentence" needs to read what the other version says; the pane
used to show only one side. A task compared with all other versions lets
the teacher pick which one to read.

Public API: ``KeyReview``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...engine.exercise import Exercise, Task, TaskKey, TaskKind
from .text import ArticleText


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class KeyReview(QWidget):
    """Buttons (add, remove, a choice's answer), the two texts, the key list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise: Exercise | None = None
        self.key_label = QLabel("The key, in the task's version")
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setWordWrap(True)
        self.key_text = ArticleText()
        self.key_text.setAccessibleName("Key of the task")
        self.compared_combo = QComboBox()
        self.compared_combo.setAccessibleName("Compared with")
        self.compared_combo.currentIndexChanged.connect(lambda _n: self._show_compared())
        self.compared_text = ArticleText()
        self.compared_text.setAccessibleName("The text the task compares with")
        self.key_list = QTextBrowser()
        self.key_list.setOpenLinks(False)
        self.answer_combo = QComboBox()
        self.add_key = QPushButton("Add selection to key")
        self.remove_key = QPushButton("Remove key item at cursor")
        buttons = QHBoxLayout()
        for widget in (self.add_key, self.remove_key, QLabel("Answer:"), self.answer_combo):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        key_pane, compared_pane = QWidget(), QWidget()
        key_layout = QVBoxLayout(key_pane)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.key_label)
        key_layout.addWidget(self.key_text, 1)
        compared_layout = QVBoxLayout(compared_pane)
        compared_layout.setContentsMargins(0, 0, 0, 0)
        compared_row = QHBoxLayout()
        compared_row.addWidget(QLabel("Compared with:"))
        compared_row.addWidget(self.compared_combo, 1)
        compared_layout.addLayout(compared_row)
        compared_layout.addWidget(self.compared_text, 1)
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(compared_pane)
        texts.addWidget(key_pane)
        texts.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(texts, 3)
        layout.addWidget(self.key_list, 1)

    def clear(self) -> None:
        self.exercise = None
        self.key_text.set_article(None)
        self.compared_text.set_article(None)
        self.compared_combo.clear()
        self.key_list.clear()
        self.key_label.setText("The key, in the task's version (press Make key)")

    def show_task(self, exercise: Exercise, task: Task) -> None:
        """Draw ``task``'s key on its version, the compared text beside it."""
        self.exercise = exercise
        entry = (exercise.key or {}).get(task.number, TaskKey(task.number))
        self.answer_combo.blockSignals(True)
        self.answer_combo.clear()
        for option in task.options:
            self.answer_combo.addItem(option.label, option.value)
        self.answer_combo.setCurrentIndex(max(0, self.answer_combo.findData(entry.answer)))
        self.answer_combo.blockSignals(False)
        self._fill_compared(exercise, task)
        article = exercise.article(task.version) if task.version else None
        document = article.document if article else None
        if self.key_text.document_ is not document:
            self.key_text.set_article(document)
        if task.kind == TaskKind.MARK and article is not None:
            spans = [(i.start, i.end) for i in entry.items]
            self.key_text.show_marks(spans, spans)  # tinted and underlined: easy to spot
            self.key_label.setText(
                f"Key in {article.name} (select words, then Add selection to key)"
            )
            lines = "".join(
                f"<li><b>{escape(_short(i.text))}</b> — {escape(i.explanation)}</li>"
                for i in entry.items
            )
            self.key_list.setHtml(
                f"<p>Key of task {task.number} in {escape(article.name)}"
                f" ({len(entry.items)} item(s)):</p><ul>{lines}</ul>"
            )
            return
        self.key_label.setText(article.name if article else "This task has no text to mark")
        why = escape(entry.explanation) if entry.explanation else "No key needed."
        self.key_list.setHtml(f"<p>Task {task.number}: {escape(task.title)}</p><p>{why}</p>")

    def _fill_compared(self, exercise: Exercise, task: Task) -> None:
        """The articles the task's version is compared with, its ``against`` first."""
        others = [a for a in exercise.articles if a.id != task.version]
        others.sort(key=lambda a: a.id != task.against)
        self.compared_combo.blockSignals(True)
        self.compared_combo.clear()
        for article in others:
            self.compared_combo.addItem(article.name, article.id)
        self.compared_combo.setCurrentIndex(0)
        self.compared_combo.blockSignals(False)
        self._show_compared()

    def _show_compared(self) -> None:
        article_id = self.compared_combo.currentData()
        if self.exercise is None or article_id is None:
            self.compared_text.set_article(None)
            return
        document = self.exercise.article(str(article_id)).document
        if self.compared_text.document_ is not document:
            self.compared_text.set_article(document)

    def enable(self, task: Task | None) -> None:
        marking = task is not None and task.kind == TaskKind.MARK
        self.add_key.setEnabled(marking)
        self.remove_key.setEnabled(marking)
        self.answer_combo.setEnabled(task is not None and task.kind == TaskKind.CHOICE)
        self.compared_combo.setEnabled(task is not None)
