"""Qt list model of the loaded versions, for the sidebar.

One item per ``Document``: its label's name (``engine.compare.labels``: the
outlet, told apart from same-outlet copies) as the display text, the label's
letter, title, date, word count and file name in custom roles, and which side
of the pair view shows it (so the sidebar can mark "L"/"R"). Titles are
article data: the sidebar paints them as plain text; the tooltip (the full
identity) is escaped.

Public API: ``VersionsModel`` and its role constants.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...engine.compare.labels import VersionLabel, version_labels
from ...engine.model import Document
from ..base.formats import tooltip_html

_Index = QModelIndex | QPersistentModelIndex

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
WORDS_ROLE = Qt.ItemDataRole.UserRole + 3
SIDE_ROLE = Qt.ItemDataRole.UserRole + 4  # "L", "R" or ""
NAME_ROLE = Qt.ItemDataRole.UserRole + 5
DATE_ROLE = Qt.ItemDataRole.UserRole + 6  # "" when the version has no date
HITS_ROLE = Qt.ItemDataRole.UserRole + 7  # search hits in this version; None when not searching
LETTER_ROLE = Qt.ItemDataRole.UserRole + 8  # the version's letter, "A" … (its label's)
LABEL_ROLE = Qt.ItemDataRole.UserRole + 9  # the ``VersionLabel``


class VersionsModel(QAbstractListModel):
    """The versions of the loaded article set, in the order the user gave them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: tuple[Document, ...] = ()
        self._labels: tuple[VersionLabel, ...] = ()
        self._left = -1
        self._right = -1
        self._hits: dict[str, int] | None = None

    def set_hits(self, hits: dict[str, int] | None) -> None:
        """Search hits per document id (``None``: no search open)."""
        self._hits = dict(hits) if hits is not None else None
        if self._documents:
            last = self.index(len(self._documents) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [HITS_ROLE])

    def set_documents(self, documents: tuple[Document, ...]) -> None:
        self.beginResetModel()
        self._documents = tuple(documents)
        self._labels = version_labels(self._documents)
        self._left = self._right = -1
        self._hits = None
        self.endResetModel()

    def set_pair(self, left: int, right: int) -> None:
        """Mark which versions the pair view shows; only those items change."""
        touched = {self._left, self._right, left, right}
        self._left, self._right = left, right
        for number in touched:
            if 0 <= number < len(self._documents):
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, [SIDE_ROLE])

    def document(self, number: int) -> Document:
        return self._documents[number]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Flat list: only the invisible root has children."""
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Outlet for display; raw values in custom roles for the sidebar delegate."""
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        number = index.row()
        document = self._documents[number]
        label = self._labels[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return label.name
        if role == Qt.ItemDataRole.ToolTipRole:
            dated = f" · {document.date}" if document.date else ""
            return tooltip_html(
                f"{label.short} — {document.title}", f"{document.outlet}{dated} · {document.path}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            dated = f", {document.date}" if document.date else ""
            return f"{label.short}: {document.title}{dated}, {document.word_count} words"
        if role == LETTER_ROLE:
            return label.letter
        if role == LABEL_ROLE:
            return label
        if role == DOCUMENT_ROLE:
            return document
        if role == TITLE_ROLE:
            return document.title
        if role == WORDS_ROLE:
            return document.word_count
        if role == NAME_ROLE:
            return document.name
        if role == DATE_ROLE:
            return document.date or ""
        if role == SIDE_ROLE:
            return "L" if number == self._left else "R" if number == self._right else ""
        if role == HITS_ROLE:
            return None if self._hits is None else self._hits.get(document.id, 0)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Selectable, not editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
