"""Puts the coverage map in a tab and takes a click on a cell to the pair view:
that version on the left (keeping the other side), the row selected; the
cell's context menu can show it in the synopsis instead.

The grid (and the gist that labels each row) is computed on the context's
``TaskRunner`` (topic ``"coverage"``): for 100 versions it takes ~150 ms, too
long for the GUI thread. Rows of site chrome follow View ▸ Show Site Chrome.

Public API: ``CoverageController``.
"""

from __future__ import annotations

from ...engine.compare.coverage import coverage_grid
from ...engine.compare.gist import unit_gists
from ...engine.model import Alignment
from ..base.context import AppContext
from ..synopsis.view import SynopsisView
from .view import CoverageView

COVERAGE_TOPIC = "coverage"


class CoverageController:
    def __init__(self, context: AppContext, synopsis_view: SynopsisView) -> None:
        self.context = context
        self.synopsis_view = synopsis_view
        self.view = CoverageView()
        context.add_panel("coverage", "Coverage", self.view)
        context.alignment_changed.connect(self._compute)
        self.view.set_show_chrome(context.options.show_chrome)
        context.options_changed.connect(lambda o: self.view.set_show_chrome(o.show_chrome))
        self.view.sentence_chosen.connect(self.jump)
        self.view.synopsis_chosen.connect(self.show_in_synopsis)

    def _compute(self, alignment: Alignment) -> None:
        # Work on the alignment shown: not delivered for a set already replaced.
        self.context.run_on_alignment(
            lambda _cancel: (coverage_grid(alignment), unit_gists(alignment)),
            lambda done: self.view.set_grid(alignment, *done),
            topic=COVERAGE_TOPIC,
            background=True,
        )

    def jump(self, sentence_id: str) -> None:
        """Open the sentence in the pair view (its version on the left)."""
        self.context.show_panel("pair")
        self.context.reveal_sentence(sentence_id)

    def show_in_synopsis(self, sentence_id: str) -> None:
        """Switch to the Synopsis tab with the sentence's cell selected."""
        self.context.show_panel("synopsis")
        self.synopsis_view.select_sentence(sentence_id)
