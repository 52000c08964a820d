"""The pair view: two chosen versions side by side, rows aligned by unit.

Composes the header (version choosers, swap), the list of rows and its
delegate, and owns the reader's actions on it: choose versions, swap sides,
next/previous change. Pair rows (which include word diffs) are computed on
the shared ``TaskRunner`` under the topic ``"pair"``, so choosing versions
quickly never blocks and only the last choice is shown.

Signals: ``filled`` after rows for the current pair are shown,
``counts_changed(PairCounts)`` for the status bar, ``pair_changed(left, right)``.

Public API: ``PairView``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QVBoxLayout, QWidget

from ...engine.compare.pairing import PairCounts, PairRow, pair_rows
from ...engine.model import Alignment
from ..base.worker import TaskRunner, Ticket
from .delegate import PairRowDelegate
from .header import PairHeader
from .list_view import PairListView
from .model import PairRowsModel

PAIR_TOPIC = "pair"
EMPTY_TEXT = "Open two or more versions of a story (File ▸ Open, or drop files here)."


class PairView(QWidget):
    """Side-by-side reading of two versions of the loaded alignment."""

    filled = Signal()
    counts_changed = Signal(object)  # PairCounts
    pair_changed = Signal(int, int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._alignment: Alignment | None = None
        self._left = 0
        self._right = 1
        self._pending_sentence: str | None = None  # to select once its pair is shown
        self._rows_current = False  # the model shows the current pair of the current alignment
        self._rows_ticket: Ticket | None = None  # the rows being computed
        self.model = PairRowsModel(self)
        self.list_view = PairListView(self)
        self.list_view.setModel(self.model)
        self.delegate = PairRowDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        self.header = PairHeader()
        self.list_view.set_header(self.header)
        self.list_view.set_placeholder(EMPTY_TEXT)
        self.list_view.setAccessibleName("Pair view rows")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_view)
        self.header.left_chosen.connect(lambda n: self.set_pair(n, self._right))
        self.header.right_chosen.connect(lambda n: self.set_pair(self._left, n))
        self.header.swap_requested.connect(self.swap_sides)

    # -- state ----------------------------------------------------------------
    @property
    def alignment(self) -> Alignment | None:
        return self._alignment

    @property
    def pair(self) -> tuple[int, int]:
        return self._left, self._right

    def set_alignment(self, alignment: Alignment | None) -> None:
        """Show a new alignment, keeping the chosen sides when they still exist."""
        self._alignment = alignment
        documents = alignment.documents if alignment else ()
        self.header.set_documents(documents)
        if len(documents) < 2:
            if self._rows_ticket is not None:
                self._rows_ticket.cancel()  # rows of a set no longer shown
            self.model.clear()
            self.header.set_pair(-1, -1)
            self.list_view.set_placeholder(EMPTY_TEXT)
            return
        left, right = self._left, self._right
        if not (0 <= left < len(documents) and 0 <= right < len(documents)) or left == right:
            left, right = 0, 1
        self._left, self._right = -1, -1  # force a recompute
        self.set_pair(left, right)

    def set_pair(self, left: int, right: int) -> None:
        """Compare version ``left`` (left column) with ``right``; picking the
        version already on the other side swaps them, as a reader expects."""
        if self._alignment is None:
            return
        if left == right:
            if left == self._right:  # chosen on the left: the old left goes right
                right = self._left
            else:  # chosen on the right: the old right goes left
                left = self._right
        if (left, right) == (self._left, self._right):
            self.header.set_pair(left, right)
            return
        self._left, self._right = left, right
        self._rows_current = False
        self.header.set_pair(left, right)
        self.pair_changed.emit(left, right)
        alignment = self._alignment
        left_doc, right_doc = alignment.documents[left], alignment.documents[right]
        # A newer pair replaces this one: only the last choice is shown.
        self._rows_ticket = self._runner.submit(
            lambda _cancel: pair_rows(alignment, left_doc, right_doc),
            on_done=self._show_rows,
            topic=PAIR_TOPIC,
        )

    def swap_sides(self) -> None:
        self.set_pair(self._right, self._left)

    def _show_rows(self, rows: list[PairRow]) -> None:
        assert self._alignment is not None
        documents = self._alignment.documents
        self.model.set_rows(rows, documents[self._left], documents[self._right])
        self._rows_current = True
        self.list_view.scrollToTop()
        self.counts_changed.emit(self.model.counts())
        self._select_pending()
        self.filled.emit()

    def counts(self) -> PairCounts:
        return self.model.counts()

    def reveal_sentence(self, sentence_id: str, pair: tuple[int, int] | None = None) -> None:
        """Show the row holding ``sentence_id`` and select it as soon as the
        pair's rows are there. ``pair`` chooses the two versions; without it,
        the sentence's version goes on the left when it is not on screen yet
        (the other side stays)."""
        if self._alignment is None:
            return
        self._pending_sentence = sentence_id
        if pair is None:
            document = self._alignment.article_set.document_of(sentence_id)
            index = self._alignment.documents.index(document)
            if index in (self._left, self._right):
                pair = (self._left, self._right)
            else:
                pair = (index, self._right if self._right != index else self._left)
        if pair == (self._left, self._right) and self._rows_current:
            self._select_pending()
        else:
            self.set_pair(*pair)

    def _select_pending(self) -> None:
        if self._pending_sentence is None or self._alignment is None:
            return
        sentence = self._alignment.article_set.sentence(self._pending_sentence)
        document = self._alignment.documents[sentence.doc_index]
        row = self.model.row_of_span(document.id, sentence.start)
        if row >= 0:
            self.select_row(row)
            self._pending_sentence = None

    # -- navigation -------------------------------------------------------------
    def current_row(self) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, number: int) -> None:
        """Make ``number`` the current row and scroll it into the middle of the view."""
        index = self.model.index(number, 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def next_change(self) -> bool:
        """Select the next row that differs; False when there is none below."""
        current = self.current_row()
        for number in self.model.change_rows():
            if number > current:
                self.select_row(number)
                return True
        return False

    def previous_change(self) -> bool:
        current = self.current_row()
        if current < 0:
            return False
        for number in reversed(self.model.change_rows()):
            if number < current:
                self.select_row(number)
                return True
        return False
