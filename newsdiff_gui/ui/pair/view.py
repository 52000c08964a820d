"""The pair view: two chosen versions side by side, rows aligned by unit.

Composes the header (version choosers, swap), the reading bar (whose order,
"change 3 of 31", hidden chrome), the list of rows and its delegate, and the
overview strip of where the changes are; owns the reader's actions on it:
choose versions, swap sides, read in either version's order, next/previous
change. Pair rows (which include word diffs) are computed on the shared
``TaskRunner`` under the topic ``"pair"`` (``engine.compare.reading.read_pair``
with the reader's ``ViewOptions``), so choosing versions quickly never blocks
and only the last choice is shown. Swapping sides, changing the order or an
option keeps the current row.

Signals: ``filled`` after rows for the current pair are shown,
``counts_changed(PairCounts)`` for the status bar, ``pair_changed(left, right)``,
``order_changed(Order)``, ``show_chrome_requested()`` (the bar's "Show" link).

Public API: ``PairView``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QVBoxLayout, QWidget

from ...engine.compare.labels import VersionLabel, version_labels
from ...engine.compare.pairing import PairCounts
from ...engine.compare.reading import Order, PairReading, read_pair
from ...engine.model import Alignment
from ..base.view_options import ViewOptions
from ..base.worker import TaskRunner, Ticket
from .delegate import PairRowDelegate
from .header import PairHeader
from .list_view import PairListView
from .model import PairRowsModel
from .overview import PairOverview
from .reading_bar import ReadingBar

PAIR_TOPIC = "pair"
EMPTY_TEXT = "Open two or more versions of a story (File ▸ Open, or drop files here)."


class PairView(QWidget):
    """Side-by-side reading of two versions of the loaded alignment."""

    filled = Signal()
    counts_changed = Signal(object)  # PairCounts
    pair_changed = Signal(int, int)
    order_changed = Signal(object)  # Order
    show_chrome_requested = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._alignment: Alignment | None = None
        self._left = 0
        self._right = 1
        self._pending_sentence: str | None = None  # to select once its pair is shown
        self._rows_current = False  # the model shows the current pair of the current alignment
        self._rows_ticket: Ticket | None = None  # the rows being computed
        self._order = Order.LEFT
        self._options = ViewOptions()
        self._reading: PairReading | None = None
        self._labels: tuple[VersionLabel, ...] = ()  # of the alignment's versions
        self.model = PairRowsModel(self)
        self.list_view = PairListView(self)
        self.list_view.setModel(self.model)
        self.delegate = PairRowDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.set_measurer(self.delegate)
        self.delegate.estimating.connect(self.list_view.start_measuring)
        self.header = PairHeader()
        self.list_view.set_header(self.header)
        self.list_view.set_placeholder(EMPTY_TEXT)
        self.list_view.setAccessibleName("Pair view rows")
        self.reading_bar = ReadingBar()
        self.overview = PairOverview(self.list_view, self.model)
        rows = QHBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(self.list_view, 1)
        rows.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.reading_bar)
        layout.addLayout(rows, 1)
        self.header.left_chosen.connect(lambda n: self.set_pair(n, self._right))
        self.header.right_chosen.connect(lambda n: self.set_pair(self._left, n))
        self.header.swap_requested.connect(self.swap_sides)
        self.reading_bar.order_requested.connect(self.set_order)
        self.reading_bar.show_chrome_requested.connect(self.show_chrome_requested)
        self.overview.row_chosen.connect(self.select_row)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_position())

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
        self._labels = version_labels(documents)
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
        self.header.set_pair(left, right)
        self.pair_changed.emit(left, right)
        self._request_rows()

    @property
    def order(self) -> Order:
        return self._order

    @property
    def options(self) -> ViewOptions:
        return self._options

    def set_order(self, order: Order) -> None:
        """Read in the left (``Order.LEFT``) or right version's own order; the
        current row stays current."""
        self.reading_bar.set_order(order)
        if order is self._order:
            return
        self._order = order
        self.order_changed.emit(order)
        self._keep_current()
        self._request_rows()

    def set_options(self, options: ViewOptions) -> None:
        """Typography and chrome as the reader asked (``AppContext.options``)."""
        if options == self._options:
            return
        self._options = options
        self._keep_current()
        self._request_rows()

    def swap_sides(self) -> None:
        """Swap the versions, keeping the current row and reading the same
        version's order as before (now on the other side)."""
        if self._alignment is None:
            return
        self._keep_current()
        self._order = self._order.other
        self.reading_bar.set_order(self._order)
        self.order_changed.emit(self._order)
        self.set_pair(self._right, self._left)

    def _keep_current(self) -> None:
        """Select the current row's sentence again once the new rows are shown."""
        number = self.current_row()
        if number < 0 or self._pending_sentence is not None:
            return
        row = self.model.row_at(number)
        own, other = (row.left, row.right) if self._order is Order.LEFT else (row.right, row.left)
        sentence = (own or other)[0]
        self._pending_sentence = sentence.id

    def _request_rows(self) -> None:
        """Compute the rows of the current pair, order and options on the runner."""
        alignment = self._alignment
        if alignment is None or self._left < 0 or self._right < 0:
            return
        self._rows_current = False
        left_doc, right_doc = alignment.documents[self._left], alignment.documents[self._right]
        order, options = self._order, self._options
        # A newer request replaces this one: only the last choice is shown.
        self._rows_ticket = self._runner.submit(
            lambda _cancel: read_pair(
                alignment, left_doc, right_doc,
                order=order, exact=options.exact, show_chrome=options.show_chrome,
            ),
            on_done=self._show_rows,
            topic=PAIR_TOPIC,
        )  # fmt: skip

    def _show_rows(self, reading: PairReading) -> None:
        assert self._alignment is not None
        documents = self._alignment.documents
        labels = self._labels
        left, right = self._left, self._right
        self._reading = reading
        self.model.show_reading(
            reading, documents[left], documents[right], (labels[left], labels[right])
        )
        self._rows_current = True
        self.reading_bar.set_names(labels[left].short, labels[right].short)
        self.reading_bar.set_hidden(reading.hidden_chrome, reading.hidden_punctuation)
        self.list_view.scrollToTop()
        self.counts_changed.emit(self.model.counts())
        if not self._select_pending():
            self.list_view.measure_visible()  # the first rows exact at once, the rest later
        self._show_position()
        self.filled.emit()

    def reading(self) -> PairReading | None:
        """The rows shown with their places (None before any)."""
        return self._reading

    def change_position(self) -> tuple[int, int]:
        """(the change the current row is, from 1, or 0; how many changes)."""
        steps = self.model.change_rows()
        current = self.current_row()
        return (steps.index(current) + 1 if current in steps else 0), len(steps)

    def _show_position(self) -> None:
        self.reading_bar.set_position(*self.change_position())
        self.overview.update()

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

    def _select_pending(self) -> bool:
        """Select the row of the sentence waiting for its pair; True when one was."""
        if self._pending_sentence is None or self._alignment is None:
            return False
        sentence = self._alignment.article_set.sentence(self._pending_sentence)
        document = self._alignment.documents[sentence.doc_index]
        row = self.model.row_of_span(document.id, sentence.start)
        self._pending_sentence = None  # shown, or hidden (site chrome): not looked for again
        if row >= 0:
            self.select_row(row)
        return row >= 0

    # -- navigation -------------------------------------------------------------
    def current_row(self) -> int:
        """The row the reader is on (outlined), or -1. A current index Qt sets
        on focus without selecting it is not one: nothing shows it."""
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return -1
        return index.row()

    def select_row(self, number: int) -> None:
        """Make ``number`` the current row and scroll it into the middle of the view."""
        index = self.model.index(number, 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.list_view.measure_visible():  # heights around it were estimates
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
