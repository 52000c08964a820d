"""Collections: a folder of story folders becomes a Stories list to browse.

Opening a folder that holds no articles itself but whose subfolders do
(``engine.collections.is_collection``) lists its stories in a dock instead
of merging them all into one set: name, versions, words, and how much of
the content every version shares (explained under the list). The list is read on the worker (files
only, topic ``"stories"``); the first comparable story opens at once, and
each story is then aligned in the background (``story:<name>`` topics) to
fill in its shared share — through the alignment cache, so choosing a story
already aligned is instant, and a changed file simply misses the cache.

The panel also lists a batch result's stories (``batch_result``: File →
Open Batch Result…, or a result folder opened any way): ``show_list`` puts
another model in the same table, with what opening one of its rows does.

Public API: ``StoriesController``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...engine.session.collections import Story, is_collection, list_stories, with_shared
from ..base.context import AppContext
from ..base.worker import ShouldCancel, Ticket
from .batch_result import BatchResultController
from .stories_model import SHARED_MEANS, SORT_ROLE, StoriesModel

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

STORIES_TOPIC = "stories"
SHARED_TOPIC = "story:"  # + the story's name


def _shared(story: Story, _should_cancel: ShouldCancel) -> Story:
    return with_shared(story)


class StoriesController:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.root: Path | None = None
        self._sharing: list[Ticket] = []  # each story's shared share, being aligned
        self.model = StoriesModel(context)
        self.proxy = QSortFilterProxyModel(context)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("Stories of the collection")
        # Names wrap onto more lines in a narrow panel rather than end in "…" (issue 17).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.note = QLabel(SHARED_MEANS)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        small = self.note.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        # The window puts it beside Changes and Notes: the right-hand panels are the widest.
        self.dock = context.add_dock("stories-dock", "Stories", panel)
        self.dock.hide()  # until a collection is opened
        self._open_row: Callable[[int], None] = self.open_story
        self.batch = BatchResultController(context, self)

    def claims(self, paths: list[str]) -> bool:
        """Open ``paths`` as a batch result or a collection if they are one
        (the window asks first)."""
        if len(paths) == 1 and self.batch.claims(paths[0]):
            return True
        if len(paths) != 1 or not is_collection(paths[0]):
            return False
        self.open_collection(Path(paths[0]))
        return True

    def open_collection(self, root: Path) -> None:
        self.root = root
        self.show_list(self.model, f"Stories — {root.name}", self.open_story)
        self.context.show_message(f"Reading the stories in {root.name}…")
        # A newer collection replaces this one (same topic).
        self.context.runner.submit(
            lambda _cancel: list_stories(root), on_done=self._show, topic=STORIES_TOPIC
        )

    def show_list(
        self,
        model: QAbstractItemModel,
        title: str,
        open_row: Callable[[int], None],
        sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
    ) -> None:
        """Put ``model`` in the panel, sorted by ``sort`` (column, order);
        ``open_row(row)`` opens a row of ``model``."""
        for ticket in self._sharing:  # the stories of another collection
            ticket.cancel()
        self._sharing.clear()
        self.proxy.setSourceModel(model)
        self._open_row = open_row
        self.dock.setWindowTitle(title)
        self.table.sortByColumn(*sort)

    def _show(self, stories: list[Story]) -> None:
        self.model.set_stories(stories)
        self.dock.show()
        self.dock.raise_()
        comparable = [n for n, s in enumerate(stories) if s.comparable]
        if not stories:
            self.context.show_message("No story in this collection could be read.")
            return
        self.context.show_message(
            f"{len(stories)} stories in {self.root.name if self.root else 'the collection'}; "
            "choose one in the Stories list.",
            8000,
        )
        if comparable:
            self.open_story(comparable[0])
        for story in stories:
            if story.comparable and story.shared is None:
                ticket = self.context.runner.submit(
                    partial(_shared, story),
                    on_done=self._show_shared,
                    topic=SHARED_TOPIC + story.name,
                    background=True,
                )
                self._sharing.append(ticket)

    def _show_shared(self, story: Story) -> None:
        self.model.set_shared(story.name, story.shared)

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self._open_row(source.row())

    def open_story(self, number: int) -> None:
        """Show story ``number`` (a row of the source model)."""
        story = self.model.stories()[number]
        self.model.set_current(number)
        self.context.widget.setWindowTitle(f"{story.name} — newsdiff")
        self.context.open_paths([str(story.folder)])
