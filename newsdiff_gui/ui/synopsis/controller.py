"""Puts the synopsis in a tab, builds it on the worker, and opens a cell in the pair view.

Building means ``engine.synopsis.synopsis`` (one pass, ~3 ms for 50 versions)
plus every cell's word diff against the base and its styled pieces
(``build_cells``, ~90 ms for 50 versions of 1,000 words), so it runs on the
context's ``TaskRunner`` under the topic ``"synopsis"``: a newer alignment or
base cancels an older build and a stale answer is dropped.

The reader's view options (``AppContext.options``) apply: typography and
case are changes only when asked for (a rebuild), site chrome rows are
hidden unless asked for (no rebuild).

"Show in pair view" switches to the Pair tab and asks the pair view to
reveal the sentence with base on the left and the cell's version on the
right (``PairView.reveal_sentence``, which selects the row once it is shown).

Public API: ``SynopsisController``, ``SYNOPSIS_TOPIC``.
"""

from __future__ import annotations

from ...engine.compare.synopsis import synopsis
from ...engine.model import Alignment
from ..base.context import AppContext
from ..base.view_options import ViewOptions
from .model import build_cells
from .view import SynopsisView

SYNOPSIS_TOPIC = "synopsis"


class SynopsisController:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.view = SynopsisView()
        context.add_panel("synopsis", "Synopsis", self.view)
        self._base_id: str | None = None  # the base document, kept across re-alignments
        self._exact = context.options.exact
        self.view.set_show_chrome(context.options.show_chrome)
        context.alignment_changed.connect(self._on_alignment)
        context.options_changed.connect(self._on_options)
        context.load_failed.connect(self._on_load_failed)
        self.view.base_requested.connect(self.set_base)
        self.view.pair_requested.connect(self.show_in_pair_view)

    @property
    def base_id(self) -> str | None:
        """The id of the base document (reports compare against the same one)."""
        return self._base_id

    def _on_alignment(self, alignment: Alignment) -> None:
        ids = [d.id for d in alignment.documents]
        base = ids.index(self._base_id) if self._base_id in ids else 0
        self._submit(alignment, base)

    def _on_options(self, options: ViewOptions) -> None:
        self.view.set_show_chrome(options.show_chrome)
        if options.exact != self._exact:
            self._exact = options.exact
            alignment = self.context.alignment
            if alignment is not None:
                self._on_alignment(alignment)

    def _on_load_failed(self, _message: str) -> None:
        if self.context.alignment is None:  # nothing to compare: no stale synopsis either
            self.view.set_cells(None)

    def set_base(self, column: int) -> None:
        """Rebuild the synopsis of the current alignment against ``column``."""
        alignment = self.context.alignment
        if alignment is not None and 0 <= column < len(alignment.documents):
            self._submit(alignment, column)

    def _submit(self, alignment: Alignment, base: int) -> None:
        self._base_id = alignment.documents[base].id
        exact = self._exact
        # Work on the alignment shown: not delivered for a set already replaced.
        self.context.run_on_alignment(
            lambda should_cancel: build_cells(
                synopsis(alignment, base, exact=exact), should_cancel
            ),
            self.view.set_cells,
            topic=SYNOPSIS_TOPIC,
            background=True,
        )

    def show_in_pair_view(self, base: int, column: int, sentence_id: str) -> None:
        """The Pair tab with base on the left and ``column`` on the right, row selected."""
        self.context.show_panel("pair")
        self.context.reveal_sentence(sentence_id, pair=(base, column))
