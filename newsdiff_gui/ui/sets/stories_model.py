"""Qt table model of a collection's stories: name, versions, words, shared content.

"Shared" is the share of the story's content that every version carries
(``SHARED_MEANS``, said under the list and in the tooltips): of the pieces of
content the Coverage map has a row for, those every version has. It needs the
story aligned, so it arrives later, row by row (``set_shared``), and shows
"…" until then. ``SORT_ROLE`` gives raw numbers so sorting by a column sorts
numerically.

Public API: ``StoriesModel``, ``COLUMNS``, ``STORY_ROLE``, ``SORT_ROLE``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...engine.session.collections import Story

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Story", "Versions", "Words", "Shared")  # shared: by every version (tooltip)
SHARED_MEANS = (
    "Shared: how much of a story's content every one of its versions carries — of the "
    "pieces of content (the rows of the Coverage map), the share no version leaves out. "
    "100 % means all versions tell the same story; a low figure, that they tell different "
    "parts of it (or that one version is a summary)."
)
NAME, VERSIONS, WORDS, SHARED = range(4)
STORY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class StoriesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stories: list[Story] = []
        self.current = -1  # the story on screen, shown in bold

    def set_stories(self, stories: list[Story]) -> None:
        self.beginResetModel()
        self._stories = list(stories)
        self.current = -1
        self.endResetModel()

    def stories(self) -> list[Story]:
        return list(self._stories)

    def set_shared(self, name: str, shared: float | None) -> None:
        """The share every version carries, once the story is aligned."""
        for number, story in enumerate(self._stories):
            if story.name == name:
                self._stories[number] = replace(story, shared=shared)
                index = self.index(number, SHARED)
                self.dataChanged.emit(index, index)

    def set_current(self, number: int) -> None:
        touched = {self.current, number}
        self.current = number
        for row in touched:
            if 0 <= row < len(self._stories):
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """A flat table."""
        return 0 if parent.isValid() else len(self._stories)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Name, versions, words, shared."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; the shared column explains itself in a tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == SHARED:
            return SHARED_MEANS
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, raw sort keys and the story record."""
        if not index.isValid() or not 0 <= index.row() < len(self._stories):
            return None
        story = self._stories[index.row()]
        column = index.column()
        if role == STORY_ROLE:
            return story
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return story.name
            if column == VERSIONS:
                return str(story.versions)
            if column == WORDS:
                return f"{story.words:,}"
            if not story.comparable:
                return "—"
            return "…" if story.shared is None else f"{story.shared:.0%}"
        if role == SORT_ROLE:
            return (story.name.lower(), story.versions, story.words, story.shared or -1.0)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            skipped = f"; {story.skipped} file(s) could not be read" if story.skipped else ""
            alone = "; fewer than two versions: nothing to compare" if not story.comparable else ""
            if column == SHARED and story.comparable and story.shared is not None:
                return (
                    f"{story.shared:.0%} of this story's content is in every one of its "
                    f"{story.versions} versions; the rest only some carry (see Coverage)."
                )
            return f"{story.folder}{skipped}{alone}"
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable rows; not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
