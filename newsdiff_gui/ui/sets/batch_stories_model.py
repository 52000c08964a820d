"""Qt table model of a batch result's stories: title, articles, outlets, churn.

The day's stories as ``newsdiff batch`` found them (``engine.batch.result``):
how many articles each has, which outlets ran it, and its churn — the share
of its median article's words copied word for word from that article's
likely source, as Churnalism reported it. Everything is in the tables
already, so the rows are complete at once (no background work, unlike a
collection's shared share). ``SORT_ROLE`` gives raw values so each column
sorts by what it means (outlets by how many), and the Stories panel's proxy
sorts with it. Columns stay narrow (the panel is a side panel): the outlets
column counts them, and each row's tooltip names them and says the rest.

Public API: ``BatchStoriesModel``, ``COLUMNS``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...engine.batch.result import BatchStory
from .stories_model import SORT_ROLE, STORY_ROLE

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Story", "Articles", "Outlets", "Churn")
TITLE, ARTICLES, OUTLETS, CHURN = range(4)
_HEADER_TIPS = {
    ARTICLES: "How many articles of the day tell this story (identical copies count)",
    OUTLETS: "How many outlets ran it (a row's tooltip names them)",
    CHURN: (
        "Churn: the share of an article's words copied word for word from its likely "
        "source; the story's median article"
    ),
}


def _churn(story: BatchStory) -> float | None:
    """Churn means something only where articles were compared with each other."""
    return story.median_churn if story.size > 1 and not story.note else None


def _tooltip(story: BatchStory) -> str:
    """The row in full: everything the columns abbreviate, and why a story will not open."""
    texts = f", {story.distinct_texts} distinct texts" if story.size > 1 else ""
    lines = [story.title, f"{story.size} article{'s' * (story.size != 1)}{texts}"]
    if story.first_date:
        lines[-1] += f" · first {story.first_date}"
    if story.outlets:
        lines.append("Outlets: " + ", ".join(story.outlets))
    churn = _churn(story)
    if churn is not None:
        lines.append(f"Median churn: {churn:.0%}")
    if story.size > 1 and story.original_share is not None and not story.note:
        lines.append(f"Original to one outlet: {story.original_share:.0%} of its content")
    if story.note:
        lines.append(story.note)
    elif story.size == 1:
        lines.append("One article: nothing to compare")
    elif story.distinct_texts < 2:
        lines.append("Every article is the same text: nothing to compare")
    elif story.folder is None:
        lines.append("Its texts were not written with the result: it cannot be opened")
    return "\n".join(lines)


class BatchStoriesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stories: list[BatchStory] = []
        self.current = -1  # the story on screen, shown in bold

    def set_stories(self, stories: list[BatchStory]) -> None:
        self.beginResetModel()
        self._stories = list(stories)
        self.current = -1
        self.endResetModel()

    def story(self, row: int) -> BatchStory:
        return self._stories[row]

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
        """Title, articles, outlets, churn."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; each measure explains itself in a tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, raw sort keys, the story record, its tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._stories):
            return None
        story = self._stories[index.row()]
        column = index.column()
        if role == STORY_ROLE:
            return story
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return story.title
            if column == ARTICLES:
                return str(story.size)
            if column == OUTLETS:
                return str(len(story.outlets)) if story.outlets else "—"
            churn = _churn(story)
            return "—" if churn is None else f"{churn:.0%}"
        if role == SORT_ROLE:
            churn = _churn(story)
            keys = (
                story.title.lower(),
                story.size,
                len(story.outlets),
                -1.0 if churn is None else churn,
            )
            return keys[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(story)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TITLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable rows; not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
