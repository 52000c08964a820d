"""Puts the coverage map in a tab and takes a click on a cell to the pair view:
that version on the left (keeping the other side), the row selected; the
cell's context menu can show it in the synopsis instead.

The grid is computed on the context's ``TaskRunner`` (topic ``"coverage"``):
for 100 versions it takes ~150 ms, too long for the GUI thread.

Public API: ``CoverageController``.
"""

from __future__ import annotations

from ...engine.compare.coverage_grid import coverage_grid
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
        context.runner.finished.connect(self._on_finished)
        self.view.sentence_chosen.connect(self.jump)
        self.view.synopsis_chosen.connect(self.show_in_synopsis)

    def _compute(self, alignment: Alignment) -> None:
        self.context.runner.submit(
            COVERAGE_TOPIC, lambda _cancel: (alignment, coverage_grid(alignment)), background=True
        )

    def _on_finished(self, topic: str, result: object) -> None:
        if topic != COVERAGE_TOPIC:
            return
        alignment, grid = result  # type: ignore[misc]
        if alignment is self.context.alignment:  # not for a set already replaced
            self.view.set_grid(alignment, grid)

    def jump(self, sentence_id: str) -> None:
        """Open the sentence in the pair view (its version on the left)."""
        self.context.show_panel("pair")
        self.context.reveal_sentence(sentence_id)

    def show_in_synopsis(self, sentence_id: str) -> None:
        """Switch to the Synopsis tab with the sentence's cell selected."""
        self.context.show_panel("synopsis")
        self.synopsis_view.select_sentence(sentence_id)
