"""Search across all versions (Ctrl+F): every hit marked, next/previous, counts.

The engine's ``search`` finds the hits in every version's text; the pair view
marks them in the two versions on screen and the synopsis in every column
(each delegate matches the same pattern in its cells), and the sidebar says
how many each version has. Next/previous walk through the hits of *all*
versions in order: in the pair view a hit in a version not on screen brings
that version to the left side; on the Synopsis tab the hit's cell is selected.

Searching runs on the worker behind a short debounce (the engine scans 100
versions of 1,000 words in a few milliseconds; a slow regular expression must
still not freeze the window). The cells' marks match the same pattern on the
GUI thread, sentence by sentence.

Public API: ``SearchController``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer

from ...engine.compare.labels import version_labels
from ...engine.compare.search import Hit, SearchError, SearchResult, compile_query, search
from ...engine.model import Alignment
from ..base.context import AppContext
from ..base.formats import tooltip_html
from ..base.worker import Ticket
from ..pair.view import PairView
from ..sets.versions_model import VersionsModel
from ..synopsis.view import SynopsisView
from .bar import SearchBar

SEARCH_TOPIC = "search"


class SearchController:
    """Marks hits in ``pair_view`` and ``synopsis``, counts per version in ``versions``."""

    def __init__(
        self,
        context: AppContext,
        pair_view: PairView,
        synopsis: SynopsisView,
        versions: VersionsModel,
    ) -> None:
        self.context = context
        self.pair_view = pair_view
        self.synopsis = synopsis
        self.versions = versions
        self.bar = SearchBar()
        # Under the panels, so it stays while the reader moves between the pair
        # view and the synopsis.
        context.add_bar("find", self.bar)
        self.result: SearchResult | None = None
        self.pattern: re.Pattern[str] | None = None
        self.current = -1  # index into result.hits
        self._searching: Ticket | None = None
        # What the views show: the pattern and the current hit's cell.
        self._marked: tuple[re.Pattern[str] | None, tuple[int, bool, int] | None] | None = None
        self._timer = QTimer(singleShot=True, interval=120)
        self._timer.timeout.connect(self.run)
        self.find_action = context.add_action(
            "find", "&Find in All Versions…", self.open, "Ctrl+F", tip="Search every version"
        )
        self.next_action = context.add_action("find_next", "Find &Next", self.next_hit, "F3")
        self.previous_action = context.add_action(
            "find_previous", "Find &Previous", self.previous_hit, "Shift+F3"
        )
        self.bar.changed.connect(self._timer.start)
        self.bar.next_requested.connect(self.next_hit)
        self.bar.previous_requested.connect(self.previous_hit)
        self.bar.closed.connect(self.clear)
        context.alignment_changed.connect(self._on_alignment)
        pair_view.filled.connect(self._mark)

    # -- running a query --------------------------------------------------------------
    def open(self) -> None:
        self.bar.open_bar()
        if self.bar.query:
            self.run()

    def _on_alignment(self, _alignment: Alignment) -> None:
        if self.bar.isVisible() and self.bar.query:
            self.run()

    def run(self) -> None:
        """Search for the bar's query now (the debounce timer calls this).

        The pattern is checked here (a bad expression is said at once); the
        scan of every version runs on the worker (topic ``"search"``), so a
        slow expression over 100 long versions never freezes the window.
        """
        self._timer.stop()
        alignment = self.context.alignment
        query = self.bar.query
        if alignment is None or not query:
            self.clear(keep_bar=True)
            return
        options = self.bar.options()
        try:
            pattern = compile_query(query, **options)
        except SearchError as error:
            self.clear(keep_bar=True)
            self.bar.set_counts(str(error).capitalize(), error=True)
            return
        article_set = alignment.article_set
        self.bar.set_counts("Searching…")
        # Dropped when the set changes (run_on_alignment) or the bar is cleared (clear).
        self._searching = self.context.run_on_alignment(
            lambda _cancel: search(article_set, query, **options),
            lambda found: self._show_result(pattern, found),
            topic=SEARCH_TOPIC,
        )

    def _show_result(self, pattern: re.Pattern[str], found: SearchResult) -> None:
        self.pattern, self.result = pattern, found
        self.versions.set_hits(found.counts)
        self.current = self._first_on_screen()
        self._show_counts()
        if self.current >= 0:
            self._go(self.current)
        else:
            self._mark()

    def clear(self, keep_bar: bool = False) -> None:
        """Forget the search: no marks, no counts."""
        if self._searching is not None:
            self._searching.cancel()  # an answer still on its way is not wanted either
        self.result, self.pattern, self.current = None, None, -1
        self.versions.set_hits(None)
        self.bar.set_counts("")
        self._mark()
        if not keep_bar:
            self.pair_view.list_view.setFocus()

    def _first_on_screen(self) -> int:
        """The first hit in the left, then the right version; else the first of all."""
        if self.result is None or not self.result.hits:
            return -1
        model = self.pair_view.model
        for document in (model.left_document, model.right_document):
            for number, hit in enumerate(self.result.hits):
                if document is not None and hit.document == document.id:
                    return number
        return 0

    def _show_counts(self) -> None:
        result = self.result
        alignment = self.context.alignment
        if result is None or alignment is None:
            return
        if not result.hits:
            self.bar.set_counts("No hits in any version", error=True)
            return
        carrying = sum(1 for d in alignment.documents if result.counts[d.id])
        more = " (the first 10,000)" if result.truncated else ""
        text = (
            f"Hit {self.current + 1} of {result.total}{more}, in {carrying} of "
            f"{len(alignment.documents)} versions (counts in the sidebar)"
        )
        # By label (unique where outlets repeat), with each version's full identity.
        lines = [
            f"{label.short}: {result.counts[d.id]} hit(s) — {label.full}"
            for d, label in zip(
                alignment.documents, version_labels(alignment.documents), strict=True
            )
        ]
        self.bar.set_counts(text, tooltip_html(*lines))

    # -- stepping -------------------------------------------------------------------------
    def next_hit(self) -> None:
        self._step(1)

    def previous_hit(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.bar.isVisible():
            self.open()
            return
        if self.result is None:
            self.run()
            return
        if not self.result.hits:
            return
        self.current = (self.current + direction) % self.result.total
        self._show_counts()
        self._go(self.current)

    def _go(self, number: int) -> None:
        """Show hit ``number``: in the synopsis when that is the tab being read,
        else in the pair view."""
        assert self.result is not None
        hit = self.result.hits[number]
        if self.context.panel_shown() == "synopsis":
            if hit.sentence is not None:
                self.synopsis.select_sentence(hit.sentence)
            self._mark()
            return
        self.context.show_panel("pair")
        if hit.sentence is not None:
            self.context.reveal_sentence(hit.sentence)
        self._mark()

    # -- marking ------------------------------------------------------------------------------
    def current_hit(self) -> Hit | None:
        if self.result is None or not 0 <= self.current < self.result.total:
            return None
        return self.result.hits[self.current]

    def _mark(self) -> None:
        """Give the pair view's delegate the pattern and where the current hit is."""
        view = self.pair_view
        current = self._current_cell()
        if self.pattern is None and self._marked is None:
            return  # nothing marked, nothing to mark: keep the cached layouts
        self._marked = (self.pattern, current)
        if self.pattern is None:
            self._marked = None
        view.delegate.set_highlight(self.pattern, current)
        view.list_view.scheduleDelayedItemsLayout()  # bold hits may re-wrap a cell
        view.list_view.viewport().update()
        table = self.synopsis.table
        table.delegate.set_highlight(self.pattern)
        table.viewport().update()

    def _current_cell(self) -> tuple[int, bool, int] | None:
        """(row, left side?, match number in that cell) of the current hit."""
        hit = self.current_hit()
        model = self.pair_view.model
        if hit is None or self.result is None:
            return None
        left_doc, right_doc = model.left_document, model.right_document
        if left_doc is not None and hit.document == left_doc.id:
            left = True
        elif right_doc is not None and hit.document == right_doc.id:
            left = False
        else:
            return None
        row = model.row_of_span(hit.document, hit.start)
        if row < 0:
            return None
        sentences = model.row_at(row).left if left else model.row_at(row).right
        before = sum(
            1
            for other in self.result.hits
            if other.document == hit.document
            and other.start < hit.start
            and any(s.start <= other.start < s.end for s in sentences)
        )
        return row, left, before
