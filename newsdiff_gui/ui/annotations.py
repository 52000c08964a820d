"""The reader's notes and manual alignment corrections for the set on screen.

One ``NotesStore`` per article set (keyed by content, so reopening the same
files brings notes and corrections back). The window hands every fresh
alignment from the engine to ``attach``, which applies the stored
corrections and returns what the views show: every view and export then uses
the corrected alignment, never the raw one. A link or unlink is saved at
once (atomically, by the store) and the views are refreshed from the raw
alignment plus all corrections, so undoing one ("Remove correction") simply
re-applies the rest.

A store that cannot be read or saved is never a crash: the file is moved
aside to ``.bak`` by the engine and the reader is told in a (non-blocking)
message box.

Signals: ``changed()`` after notes or corrections changed (panels refresh).

Public API: ``AnnotationsController``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from ..engine.anchors import Anchor, Resolver, sentence_anchor, unit_anchor, version_anchor
from ..engine.corrections import (
    Correction,
    apply_corrections,
    link_correction,
    unlink_correction,
)
from ..engine.model import Alignment
from ..engine.notes import Note, NotesStore
from ..engine.storage import StoreWarning
from .pair_actions import LINK_GLYPH

if TYPE_CHECKING:
    from .main_window import MainWindow

NOTE_GLYPH = "✎"
MANUAL_GLYPH = "✋"


class AnnotationsController(QObject):
    changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: NotesStore | None = None
        self.raw: Alignment | None = None  # the engine's alignment, before corrections
        window.pair_view.filled.connect(self.mark_rows)

    # -- the data flow ------------------------------------------------------------
    def attach(self, raw: Alignment) -> Alignment:
        """Take a fresh engine alignment; return it with the stored corrections."""
        self.raw = raw
        try:
            # Read afresh each time: every change is saved at once, so the file
            # is the truth (a corrupt one is set aside and reported on this read).
            self.store = NotesStore(raw.article_set)
        except OSError as error:
            self.store = None
            self._tell(f"Your notes for this set could not be read: {error}")
            return raw
        for warning in self.store.warnings:
            self._tell(str(warning))
        self.changed.emit()
        return apply_corrections(raw, self.store.corrections)

    def _refresh(self, reveal: str | None = None) -> None:
        """Re-apply every correction to the raw alignment and show it again."""
        if self.raw is None or self.store is None:
            return
        alignment = apply_corrections(self.raw, self.store.corrections)
        self.window.show_alignment(alignment)
        if reveal is not None:
            self.window.pair_view.reveal_sentence(reveal)
        self.changed.emit()

    def _save(self, action: str, work: object) -> bool:
        """Run a store change; tell the reader (and return False) if it failed,
        and when another window had changed the notes (they are merged in)."""
        try:
            work()  # type: ignore[operator]
        except KeyError:
            self._tell(f"Could not {action}: it was deleted in another window.")
            self._after_outside_change()
            return False
        except OSError as error:
            self._tell(f"Could not {action}: {error}. Nothing was lost; try again.")
            self._after_outside_change()
            return False
        self._after_outside_change()
        return True

    def _after_outside_change(self) -> None:
        """Tell what the store noticed (another window saved too) and show its records."""
        notices = self.store.take_notices() if self.store is not None else []
        for notice in notices:
            if isinstance(notice, StoreWarning):  # a file set aside: worth a dialog
                self._tell(notice)
            else:
                self.window.statusBar().showMessage(notice, 10000)
        if notices:
            self._refresh()

    # -- corrections ---------------------------------------------------------------
    def link(self, a: str, b: str) -> None:
        """The reader says sentences ``a`` and ``b`` (ids) carry the same content."""
        if self.store is None or self.raw is None:
            return
        correction = link_correction(self.raw.article_set, a, b)
        if self._save("save the link", lambda: self.store.add_correction(correction)):
            self.window.statusBar().showMessage("Linked by hand (kept with your notes).", 6000)
            self._refresh(reveal=a)

    def unlink(self, pairs: list[tuple[str, str]]) -> None:
        """The reader says the sentences of each ``(a, b)`` do not say the same."""
        if self.store is None or self.raw is None or not pairs:
            return
        corrections = [unlink_correction(self.raw.article_set, a, b) for a, b in pairs]

        def save() -> None:
            for correction in corrections:
                self.store.add_correction(correction)  # type: ignore[union-attr]

        if self._save("save the unlink", save):
            self.window.statusBar().showMessage("Unlinked by hand (kept with your notes).", 6000)
            self._refresh(reveal=pairs[0][0])

    def remove_correction(self, correction: Correction) -> None:
        """Forget a correction: the engine's own decision for that pair returns."""
        if self.store is None:
            return
        if self._save("remove the correction", lambda: self.store.remove_correction(correction)):
            self._refresh()

    @property
    def corrections(self) -> list[Correction]:
        return list(self.store.corrections) if self.store else []

    # -- notes --------------------------------------------------------------------
    def anchor_for(self, kind: str, target: str) -> Anchor | None:
        """An anchor for a sentence id, a unit id or a document index (as str)."""
        alignment = self.window.alignment
        if alignment is None:
            return None
        if kind == "sentence":
            return sentence_anchor(alignment.article_set, target)
        if kind == "unit":
            return unit_anchor(alignment, target)
        return version_anchor(alignment.documents[int(target)])

    def add_note(self, anchor: Anchor, text: str) -> Note | None:
        if self.store is None or not text.strip():
            return None
        created: list[Note] = []
        if self._save("save the note", lambda: created.append(self.store.add_note(anchor, text))):
            self.changed.emit()
            self.mark_rows()
        return created[0] if created else None

    def edit_note(self, note_id: str, text: str) -> None:
        if self.store is None:
            return
        if self._save("save the note", lambda: self.store.edit_note(note_id, text)):
            self.changed.emit()
            self.mark_rows()

    def remove_note(self, note_id: str) -> None:
        if self.store is None:
            return
        if self._save("delete the note", lambda: self.store.remove_note(note_id)):
            self.changed.emit()
            self.mark_rows()

    def described_notes(self) -> list[tuple[str, Note]]:
        if self.store is None:
            return []
        return self.store.described_notes(self.window.alignment)

    def note_targets(self) -> dict[str, int]:
        """How many notes each sentence, unit or document id has now."""
        counts: dict[str, int] = {}
        if self.store is None:
            return counts
        resolver = Resolver(self.store.article_set)
        for note in self.store.notes:
            target = resolver.target(self.window.alignment, note.anchor)
            if target is not None:
                counts[target] = counts.get(target, 0) + 1
        return counts

    # -- pair view marks --------------------------------------------------------------
    def mark_rows(self) -> None:
        """Put ✎ (note) and ✋ (manual link) in the gutter of the rows they concern."""
        alignment = self.window.pair_view.alignment
        model = self.window.pair_view.model
        if alignment is None or model.rowCount() == 0:
            return
        targets = self.note_targets()
        manual = {
            frozenset((a, b))
            for link in alignment.links
            if link.manual
            for a in link.a
            for b in link.b
        }
        marks: dict[int, tuple[str, list[str]]] = {}
        for number in range(model.rowCount()):
            row = model.row_at(number)
            glyphs: list[str] = []
            lines: list[str] = []
            ids = [s.id for s in (*row.left, *row.right)]
            units = {u.id for i in ids for u in alignment.units_of(i)}
            notes = sum(targets.get(i, 0) for i in (*ids, *units))
            if notes:
                glyphs.append(NOTE_GLYPH)
                lines.append(f"{NOTE_GLYPH} {notes} note(s) of yours: see the Notes panel")
            if any(frozenset((a.id, b.id)) in manual for a in row.left for b in row.right):
                glyphs.append(MANUAL_GLYPH)
                lines.append(f"{MANUAL_GLYPH} linked by hand (a manual correction)")
            pending = self.window.pair_actions.pending_link
            if pending is not None and pending in ids:
                glyphs.append(LINK_GLYPH)
                lines.append("Marked for linking: Link (Ctrl+L) on a passage of the other version")
            if glyphs:
                marks[number] = (" ".join(glyphs), lines)
        if not marks and not model.has_marks():
            return  # no notes, no manual links: nothing to redraw or re-measure
        model.set_marks(marks)
        self.window.pair_view.list_view.scheduleDelayedItemsLayout()  # gutter rows grow

    def _tell(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "newsdiff — notes", message, parent=self.window)
        box.open()  # non-blocking: the window stays usable
