"""Connects the change reader to the main window: the changes dock, the
profiles tab, the typed-change glyphs in the pair view's gutter, and the jump
from a change to its row.

Why a controller of its own: the main window stays a frame of panels; this
module owns one feature end to end, through the application context and the
pair view it is given. Change reading and profiling run on the
context's ``TaskRunner`` (topics ``"changes"`` and ``"profiles"``) as work on
the alignment on screen, so an answer for a set, or a pair, the reader has
left is dropped.

Public API: ``ChangesController``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer

from ...engine.changes import Change, Severity, read_changes
from ...engine.changes.profile import profile_versions
from ...engine.compare.labels import version_labels
from ...engine.model import Alignment, Document
from ...engine.report.markers import GUTTER_CHANGE_TYPES
from ..base.context import AppContext
from ..base.worker import Ticket
from ..pair.view import PairView
from .panel import TYPE_GLYPHS, ChangesPanel
from .profile_panel import ProfilePanel

CHANGES_TOPIC = "changes"
PROFILES_TOPIC = "profiles"


class ChangesController:
    def __init__(self, context: AppContext, pair_view: PairView) -> None:
        self.context = context
        self.pair_view = pair_view
        self.panel = ChangesPanel()
        self.dock = context.add_dock("changes-dock", "Changes", self.panel)
        self.panel.setMinimumWidth(180)  # chips wrap; narrower squeezes the list text
        self.profiles = ProfilePanel()
        context.add_panel("versions", "Versions", self.profiles)
        self._reading: Ticket | None = None  # the changes of the pair on screen
        pair_view.filled.connect(self._read_pair)
        pair_view.pair_changed.connect(self._forget_pair)
        context.alignment_changed.connect(self._profile)
        self.panel.change_activated.connect(self.show_change)

    def _read_pair(self) -> None:
        alignment = self.pair_view.alignment
        if alignment is None:
            return
        left, right = self.pair_view.pair
        documents = alignment.documents
        pair = (documents[left], documents[right])
        # The rows the pair view computed (all of them, in left order): their
        # word diffs are not computed a second time. Not when typography shows
        # as changes there: the changes are read as ``newsdiff changes`` reads them.
        reading = self.pair_view.reading()
        known = reading.source if reading is not None and not reading.exact else None
        rows = {(pair[0].id, pair[1].id): known} if known else None
        self._reading = self.context.run_on_alignment(
            lambda _cancel: read_changes(alignment, [pair], True, rows=rows),
            lambda changes: self._show_changes(changes, *pair),
            topic=CHANGES_TOPIC,
        )

    def _forget_pair(self) -> None:
        """The reader chose other versions: the changes being read are not wanted."""
        if self._reading is not None:
            self._reading.cancel()

    def _show_changes(self, changes: list[Change], left: Document, right: Document) -> None:
        alignment = self.context.alignment
        documents = alignment.documents if alignment is not None else (left, right)
        names = {
            d.id: label.short for d, label in zip(documents, version_labels(documents), strict=True)
        }
        self.panel.set_changes(changes, left, right, names)
        self._tag_rows(changes)

    def _profile(self, alignment: Alignment) -> None:
        self.context.run_on_alignment(
            lambda _cancel: profile_versions(alignment),
            lambda profiles: self.profiles.set_profiles(alignment, profiles),
            topic=PROFILES_TOPIC,
            background=True,
        )

    def _tag_rows(self, changes: list[Change]) -> None:
        model = self.pair_view.model
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
        model = self.pair_view.model
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
        view = self.pair_view
        view.select_row(row)
        selection = view.list_view.selectionModel()
        index = view.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag

        for step, delay in enumerate((150, 300, 450, 600)):
            flag = flags.Deselect if step % 2 == 0 else flags.Select
            QTimer.singleShot(delay, lambda f=flag: selection.select(index, f))
