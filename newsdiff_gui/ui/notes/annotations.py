"""The reader's notes and manual alignment corrections for the set on screen.

One ``NotesStore`` per article set (keyed by content, so reopening the same
files brings notes and corrections back). The window hands every set opened
by the engine's recipe (``engine.session.open_set``: the raw alignment, the
store and the corrected alignment, as every command gets them) to
``attach``, which returns what the views show: every view and export then
uses the corrected alignment, never the raw one. A link or unlink is saved at
once (atomically, by the store) and the views are refreshed from the raw
alignment plus all corrections, so undoing one ("Remove correction") simply
re-applies the rest.

A store that cannot be read or saved is never a crash: the file is moved
aside to ``.bak`` by the engine and the reader is told in a (non-blocking)
message box.

Signals: ``changed()`` after notes or corrections changed (panels refresh);
``marks_changed()`` after a note was added, edited or removed (the pair view's
gutter marks, drawn by ``ui.pair.actions``, are redrawn).

Public API: ``AnnotationsController``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from ...engine.annotate.anchors import (
    Anchor,
    Resolver,
    sentence_anchor,
    unit_anchor,
    version_anchor,
)
from ...engine.annotate.corrections import (
    Correction,
    dismiss_correction,
    link_correction,
    unlink_correction,
)
from ...engine.annotate.notes import Note, NotesStore
from ...engine.model import Alignment, ArticleSet
from ...engine.session.open_set import OpenSet
from ...engine.store.storage import StoreWarning
from ..base.context import AppContext


class AnnotationsController(QObject):
    changed = Signal()
    marks_changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.store: NotesStore | None = None
        self.opened: OpenSet | None = None  # the set as the recipe opened it
        self._resolver: Resolver | None = None  # hashes every version: kept per set

    # -- the data flow ------------------------------------------------------------
    def attach(self, opened: OpenSet) -> Alignment:
        """Take a freshly opened set; return its alignment with the stored
        corrections (the recipe read the store afresh: every change is saved
        at once, so the file is the truth, and a corrupt one is set aside and
        reported here)."""
        self.opened = opened
        self.store = opened.notes
        for warning in opened.warnings:
            self._tell(warning)
        if self.store is not None:
            self.changed.emit()
        return opened.alignment

    def _refresh(self, reveal: str | None = None) -> None:
        """Re-apply every correction to the raw alignment and show it again."""
        if self.opened is None or self.store is None:
            return
        self.opened = self.opened.recorrected()
        self.context.show_alignment(self.opened.alignment)
        if reveal is not None:
            self.context.reveal_sentence(reveal)
        self.changed.emit()

    def _save(self, action: str, work: Callable[[], object]) -> bool:
        """Run a store change; tell the reader (and return False) if it failed,
        and when another window had changed the notes (they are merged in)."""
        try:
            work()
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
                self.context.show_message(notice, 10000)
        if notices:
            self._refresh()

    # -- corrections ---------------------------------------------------------------
    def link(self, a: str, b: str) -> None:
        """The reader says sentences ``a`` and ``b`` (ids) carry the same content."""
        self.link_pairs([(a, b)])

    def link_pairs(self, pairs: list[tuple[str, str]]) -> None:
        """Link every ``(a, b)`` at once (a possible partner of two sentences
        needs two), with one save and one refresh."""
        self._correct(pairs, link_correction, "save the link", "Linked by hand")

    def unlink(self, pairs: list[tuple[str, str]]) -> None:
        """The reader says the sentences of each ``(a, b)`` do not say the same."""
        self._correct(pairs, unlink_correction, "save the unlink", "Unlinked by hand")

    def dismiss(self, pairs: list[tuple[str, str]]) -> None:
        """The reader says a suggested possible partner is not one: it is no
        longer offered (kept with the notes, so also after a restart)."""
        self._correct(pairs, dismiss_correction, "save the dismissal", "Possible partner dismissed")

    def _correct(
        self,
        pairs: list[tuple[str, str]],
        make: Callable[[ArticleSet, str, str], Correction],
        action: str,
        done: str,
    ) -> None:
        store, raw = self.store, self.context.raw_alignment
        if store is None or raw is None or not pairs:
            return
        corrections = [make(raw.article_set, a, b) for a, b in pairs]

        def save() -> None:
            for correction in corrections:
                store.add_correction(correction)

        if self._save(action, save):
            self.context.show_message(f"{done} (kept with your notes).", 6000)
            self._refresh(reveal=pairs[0][0])

    def remove_correction(self, correction: Correction) -> None:
        """Forget a correction: the engine's own decision for that pair returns."""
        store = self.store
        if store is None:
            return
        if self._save("remove the correction", lambda: store.remove_correction(correction)):
            self._refresh()

    @property
    def corrections(self) -> list[Correction]:
        return list(self.store.corrections) if self.store else []

    # -- notes --------------------------------------------------------------------
    def anchor_for(self, kind: str, target: str) -> Anchor | None:
        """An anchor for a sentence id, a unit id or a document index (as str)."""
        alignment = self.context.alignment
        if alignment is None:
            return None
        if kind == "sentence":
            return sentence_anchor(alignment.article_set, target)
        if kind == "unit":
            return unit_anchor(alignment, target)
        return version_anchor(alignment.documents[int(target)])

    def add_note(self, anchor: Anchor, text: str) -> Note | None:
        store = self.store
        if store is None or not text.strip():
            return None
        created: list[Note] = []
        if self._save("save the note", lambda: created.append(store.add_note(anchor, text))):
            self.changed.emit()
            self.marks_changed.emit()
        return created[0] if created else None

    def edit_note(self, note_id: str, text: str) -> None:
        store = self.store
        if store is None:
            return
        if self._save("save the note", lambda: store.edit_note(note_id, text)):
            self.changed.emit()
            self.marks_changed.emit()

    def remove_note(self, note_id: str) -> None:
        store = self.store
        if store is None:
            return
        if self._save("delete the note", lambda: store.remove_note(note_id)):
            self.changed.emit()
            self.marks_changed.emit()

    def described_notes(self) -> list[tuple[str, Note]]:
        if self.store is None:
            return []
        return self.store.described_notes(self.context.alignment)

    def note_targets(self) -> dict[str, int]:
        """How many notes each sentence, unit or document id has now."""
        counts: dict[str, int] = {}
        if self.store is None or not self.store.notes:
            return counts
        resolver = self._resolver
        if resolver is None or resolver.article_set is not self.store.article_set:
            resolver = self._resolver = Resolver(self.store.article_set)
        for note in self.store.notes:
            target = resolver.target(self.context.alignment, note.anchor)
            if target is not None:
                counts[target] = counts.get(target, 0) + 1
        return counts

    def _tell(self, message: str) -> None:
        self.context.show_message(message, 10000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "newsdiff — notes", message, parent=self.context.widget
        )
        box.open()  # non-blocking: the window stays usable
