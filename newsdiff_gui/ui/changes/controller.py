"""Connects the change reader to the main window: the changes dock, the
profiles tab, the typed-change glyphs in the pair view's gutter, and the jump
from a change to its row.

Why a controller of its own: the main window stays a frame of panels; this
module owns one feature end to end. Change reading and profiling run on the
window's ``TaskRunner`` (topics ``"changes"`` and ``"profiles"``), stamped with
the pair they were asked for, so a stale answer is dropped.

Public API: ``ChangesController``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer

from ...engine.changes import Change, Severity, read_changes
from ...engine.changes.profile import profile_versions
from ...engine.model import Alignment
from ...engine.report.markers import GUTTER_CHANGE_TYPES
from ..app.docks import make_dock
from .panel import TYPE_GLYPHS, ChangesPanel
from .profile_panel import ProfilePanel

if TYPE_CHECKING:
    from ..app.main_window import MainWindow

CHANGES_TOPIC = "changes"
PROFILES_TOPIC = "profiles"


class ChangesController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = ChangesPanel()
        self.dock = make_dock(window, "Changes", "changes-dock", self.panel)
        self.panel.setMinimumWidth(240)
        window.resizeDocks([self.dock], [320], Qt.Orientation.Horizontal)
        self.profiles = ProfilePanel()
        window.add_panel("Versions", self.profiles)
        window.pair_view.filled.connect(self._read_pair)
        window.alignment_ready.connect(self._profile)
        window.runner.finished.connect(self._on_finished)
        self.panel.change_activated.connect(self.show_change)

    def _read_pair(self) -> None:
        alignment = self.window.pair_view.alignment
        if alignment is None:
            return
        left, right = self.window.pair_view.pair
        documents = alignment.documents
        pair = [(documents[left], documents[right])]
        # The rows on screen: their word diffs are not computed a second time.
        rows = {(documents[left].id, documents[right].id): self.window.pair_view.model.rows()}
        self.window.runner.submit(
            CHANGES_TOPIC,
            lambda _cancel: (
                alignment,
                left,
                right,
                read_changes(alignment, pair, True, rows=rows),
            ),
        )

    def _profile(self, alignment: Alignment) -> None:
        self.window.runner.submit(
            PROFILES_TOPIC,
            lambda _cancel: (alignment, profile_versions(alignment)),
            background=True,
        )

    def _on_finished(self, topic: str, result: object) -> None:
        if topic == PROFILES_TOPIC:
            alignment, profiles = result  # type: ignore[misc]
            if alignment is self.window.alignment:
                self.profiles.set_profiles(alignment, profiles)
            return
        if topic != CHANGES_TOPIC:
            return
        alignment, left, right, changes = result  # type: ignore[misc]
        view = self.window.pair_view
        if alignment is not view.alignment or (left, right) != view.pair:
            return  # the reader has moved on
        documents = alignment.documents
        self.panel.set_changes(changes, documents[left], documents[right])
        self._tag_rows(changes)

    def _tag_rows(self, changes: list[Change]) -> None:
        model = self.window.pair_view.model
        tags: dict[int, tuple[str, list[str]]] = {}
        for change in changes:
            if change.type not in GUTTER_CHANGE_TYPES or change.severity == Severity.INFO:
                continue
            row = self._row_of(change)
            if row < 0:
                continue
            glyphs, notes = tags.get(row, ("", []))
            glyph = TYPE_GLYPHS[change.type]
            if glyph not in glyphs.split():
                glyphs = f"{glyphs} {glyph}".strip()
            tags[row] = (glyphs, [*notes, f"{glyph} {change.explanation}"])
        model.set_change_tags(tags)

    def _row_of(self, change: Change) -> int:
        model = self.window.pair_view.model
        for side in (change.a, change.b):
            if side is not None:
                row = model.row_of_span(side.document, side.start)
                if row >= 0:
                    return row
        return -1

    def show_change(self, change: Change) -> None:
        """Scroll both columns to the change's row, select it and flash it."""
        row = self._row_of(change)
        if row < 0:
            return
        view = self.window.pair_view
        view.select_row(row)
        selection = view.list_view.selectionModel()
        index = view.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag

        for step, delay in enumerate((150, 300, 450, 600)):
            flag = flags.Deselect if step % 2 == 0 else flags.Select
            QTimer.singleShot(delay, lambda f=flag: selection.select(index, f))
