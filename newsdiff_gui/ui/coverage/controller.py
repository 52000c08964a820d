"""Puts the coverage map in a tab and takes a click on a cell to the pair view:
that version on the left (keeping the other side), the row selected; the
cell's context menu can show it in the synopsis instead.

The grid is computed on the window's ``TaskRunner`` (topic ``"coverage"``):
for 100 versions it takes ~150 ms, too long for the GUI thread.

Public API: ``CoverageController``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...engine.compare.coverage import coverage_grid
from ...engine.model import Alignment
from .view import CoverageView

if TYPE_CHECKING:
    from ..app.main_window import MainWindow


COVERAGE_TOPIC = "coverage"


class CoverageController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = CoverageView()
        self._page = window.add_panel("Coverage", self.view)
        window.alignment_ready.connect(self._compute)
        window.runner.finished.connect(self._on_finished)
        self.view.sentence_chosen.connect(self.jump)
        self.view.synopsis_chosen.connect(self.show_in_synopsis)

    def _compute(self, alignment: Alignment) -> None:
        self.window.runner.submit(
            COVERAGE_TOPIC, lambda _cancel: (alignment, coverage_grid(alignment)), background=True
        )

    def _on_finished(self, topic: str, result: object) -> None:
        if topic != COVERAGE_TOPIC:
            return
        alignment, grid = result  # type: ignore[misc]
        if alignment is self.window.alignment:  # not for a set already replaced
            self.view.set_grid(alignment, grid)

    def jump(self, sentence_id: str) -> None:
        """Open the sentence in the pair view (its version on the left)."""
        self.window.tabs.setCurrentIndex(0)
        self.window.pair_view.reveal_sentence(sentence_id)

    def show_in_synopsis(self, sentence_id: str) -> None:
        """Switch to the Synopsis tab with the sentence's cell selected."""
        synopsis = self.window.synopsis
        self.window.tabs.setCurrentIndex(self.window.tabs.indexOf(synopsis.view))
        synopsis.view.select_sentence(sentence_id)
