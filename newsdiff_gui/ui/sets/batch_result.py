"""File → Open Batch Result…: a day's stories in the Stories panel, a click opens one.

``newsdiff batch`` leaves a folder of tables and, per story of two or more
articles, a folder of its texts (``engine.batch.story_folders``). Opening
that folder — from the menu, or by dropping or opening it as any folder —
reads the tables on the worker (``engine.batch.result``, topic
``"stories"``, so a newer list replaces it) and lists the stories in the
Stories panel, largest first, sortable by title, articles, outlets and churn.
Choosing a story opens its folder as the set on screen, through the window's
usual open (cache, notes, corrections, the pair view).

A folder that is not a result, or a partial or damaged one, is a message
box with one line, never a traceback; what is odd but not fatal (stories
without texts) is a notice the reader can read and dismiss.

Public API: ``BatchResultController``, ``StoriesPanel``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from ...engine.batch.result import BatchResult, BatchResultError, is_batch_result, read_batch_result
from ..base.context import AppContext
from ..base.worker import ShouldCancel
from .batch_stories_model import ARTICLES, BatchStoriesModel

# The Stories panel's topic: a collection opened meanwhile replaces this list, and back.
READ_TOPIC = "stories"
DIALOG_TITLE = "Open Batch Result"


class StoriesPanel(Protocol):
    """What this needs of the Stories panel (``StoriesController``)."""

    dock: QDockWidget

    def show_list(
        self,
        model: QAbstractItemModel,
        title: str,
        open_row: Callable[[int], None],
        sort: tuple[int, Qt.SortOrder] = ...,
    ) -> None: ...


def _read(folder: Path, _should_cancel: ShouldCancel) -> BatchResult | str:
    try:
        return read_batch_result(folder)
    except BatchResultError as error:  # a bad folder: one line, never a traceback
        return f"{folder.name or folder}: {error}"


class BatchResultController:
    def __init__(self, context: AppContext, panel: StoriesPanel) -> None:
        self.context = context
        self.panel = panel
        self.result: BatchResult | None = None
        self.model = BatchStoriesModel(context)
        self.open_action = context.add_action(
            "open_batch",
            "Open &Batch Result…",
            self.open_dialog,
            tip="List the stories of a newsdiff batch result (the folder it wrote)",
        )

    def open_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.context.widget, "Open a batch result (the folder newsdiff batch wrote)"
        )
        if folder:
            self.open_result(Path(folder))

    def claims(self, path: str) -> bool:
        """Open ``path`` as a batch result if it is one (a folder opened any way)."""
        if not is_batch_result(path):
            return False
        self.open_result(Path(path))
        return True

    def open_result(self, folder: Path) -> None:
        self.context.show_message(f"Reading the batch result in {folder.name}…")
        self.context.runner.submit(
            lambda cancel: _read(folder, cancel), on_done=self._show, topic=READ_TOPIC
        )

    def _show(self, result: BatchResult | str) -> None:
        if isinstance(result, str):
            self.context.show_message("The batch result could not be opened.", 8000)
            self._tell(result, QMessageBox.Icon.Warning)
            return
        self.result = result
        self.model.set_stories(list(result.stories))
        largest_first = (ARTICLES, Qt.SortOrder.DescendingOrder)
        title = f"Stories — {result.folder.name}"
        self.panel.show_list(self.model, title, self.open_story, largest_first)
        self.panel.dock.show()
        self.panel.dock.raise_()
        several = sum(1 for s in result.stories if s.size > 1)
        self.context.show_message(
            f"{len(result.stories)} stories ({several} of two or more articles) from "
            f"{result.articles} articles; choose one to compare its versions.",
            10000,
        )
        if result.warnings:
            self._tell("\n".join(result.warnings), QMessageBox.Icon.Information)

    def open_story(self, row: int) -> None:
        """Show story ``row`` (of this model) as the set on screen, if it can be compared."""
        story = self.model.story(row)
        if story.size < 2:
            self.context.show_message("This story is one article: nothing to compare.", 8000)
            return
        if story.note:
            self.context.show_message(f"This story was {story.note}.", 10000)
            return
        if story.distinct_texts < 2:
            self.context.show_message(
                "Every article of this story is the same text: nothing to compare.", 8000
            )
            return
        if not story.comparable or story.folder is None:
            self.context.show_message(
                "No texts were written for this story: run newsdiff batch again with --fresh.",
                10000,
            )
            return
        self.model.set_current(row)
        self.context.widget.setWindowTitle(f"{story.title} — newsdiff")
        self.context.open_paths([str(story.folder)])

    def _tell(self, text: str, icon: QMessageBox.Icon) -> None:
        """A non-blocking message box: the reader reads it, the app goes on."""
        box = QMessageBox(self.context.widget)
        box.setIcon(icon)
        box.setWindowTitle(DIALOG_TITLE)
        box.setTextFormat(Qt.TextFormat.PlainText)  # folder names are data
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
