"""The Notes dock: the set's notes, rendered, and its manual corrections.

Notes are rendered with the engine's ``render_note_html`` (raw HTML off);
every label that quotes article text is escaped. Each entry carries its own
actions as in-page links (``note:show/<id>``, ``note:edit/<id>``,
``note:delete/<id>``, ``fix:remove/<n>``); the browser never follows a link
itself, so a URL inside a note opens nothing (the program makes no network
requests).

Public API: ``NotesDock``, ``confirm``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDockWidget,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...engine.annotate.anchors import AnchorKind, Resolver
from ...engine.annotate.corrections import CorrectionAction
from ...engine.annotate.notes import Note, render_note_html
from ...engine.report.markers import MANUAL
from ..base.context import AppContext
from . import note_dialog
from .annotations import AnnotationsController

EMPTY = (
    "<p><i>No notes yet.</i></p><p>Right-click a passage in the pair view and choose "
    "<b>Note on …</b>, or press Ctrl+Shift+N on the current row. Notes are Markdown, "
    "kept on this computer and brought back whenever you open the same articles.</p>"
)
# How the corrections list names each kind ("Remove" undoes any of them).
_VERBS = {
    CorrectionAction.LINK: "Linked",
    CorrectionAction.UNLINK: "Unlinked",
    CorrectionAction.DISMISS: "Not partners (suggestion dismissed)",
}


def confirm(parent: QWidget, question: str) -> bool:
    """Yes/no before something the reader wrote is deleted (tests replace it)."""
    answer = QMessageBox.question(parent, "newsdiff", question)
    return answer == QMessageBox.StandardButton.Yes


class NotesDock(QDockWidget):
    """The Notes side panel; ``note_current`` asks for a note on the pair view's
    current passage (its button)."""

    def __init__(
        self,
        context: AppContext,
        annotations: AnnotationsController,
        note_current: Callable[[], object],
    ) -> None:
        super().__init__("Notes", context.widget)
        self.context = context
        self.annotations = annotations
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Your notes and manual corrections")
        self.browser.anchorClicked.connect(self._on_link)
        add = QPushButton("Note on Current Passage…")
        add.setToolTip("Write a note on the pair view's current passage (Ctrl+Shift+N)")
        add.clicked.connect(note_current)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(add)
        layout.addWidget(self.browser, 1)
        context.add_dock("notes-dock", "Notes", body, dock=self)
        annotations.changed.connect(self.refresh)
        # A reopened set's corrections are described against its alignment, which
        # the window shows only after ``attach`` (and its ``changed``) is over:
        # without this the list stayed empty until the next change.
        context.alignment_changed.connect(lambda _alignment: self.refresh())
        self.refresh()

    def html(self) -> str:
        """What the dock shows (tests read it)."""
        annotations = self.annotations
        parts = ["<h3>Notes</h3>"]
        notes = annotations.described_notes()
        if not notes:
            parts.append(EMPTY)
        for label, note in notes:
            stamp = escape(note.modified.replace("T", " ").split("+")[0])
            parts.append(
                f"<p style='margin-bottom:0'><b>{escape(label)}</b><br>"
                f"<small>{stamp}</small></p>{render_note_html(note.text)}"
                f"<p><a href='note:show/{note.id}'>Show</a> · "
                f"<a href='note:edit/{note.id}'>Edit</a> · "
                f"<a href='note:delete/{note.id}'>Delete</a></p><hr>"
            )
        corrections = annotations.corrections
        alignment = self.context.alignment
        if corrections and alignment is not None:
            resolver = Resolver(alignment.article_set)
            parts.append("<h3>Manual corrections</h3><ul>")
            for number, correction in enumerate(corrections):
                verb = _VERBS[correction.action]
                a = resolver.describe(alignment, correction.a)
                b = resolver.describe(alignment, correction.b)
                parts.append(
                    f"<li>{MANUAL.symbol} {verb}: {escape(a)} ⇄ {escape(b)} "
                    f"<a href='fix:remove/{number}'>Remove</a></li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    def refresh(self) -> None:
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.html())
        self.browser.verticalScrollBar().setValue(scroll)

    def _note(self, note_id: str) -> Note | None:
        store = self.annotations.store
        if store is None:
            return None
        return next((n for n in store.notes if n.id == note_id), None)

    def _on_link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        action, _, key = rest.partition("/")
        annotations = self.annotations
        if scheme == "fix" and action == "remove":
            corrections = annotations.corrections
            if key.isdigit() and int(key) < len(corrections):
                annotations.remove_correction(corrections[int(key)])
            return
        if scheme != "note":
            return  # a link the reader wrote in a note: never followed
        note, note_set = self._note(key), annotations.store
        if note is None or note_set is None:
            return
        if action == "edit":
            label = Resolver(note_set.article_set).describe(self.context.alignment, note.anchor)
            text = note_dialog.ask_note_text(self.context.widget, label, note.text)
            if text is not None:
                annotations.edit_note(note.id, text)
        elif action == "delete":
            if confirm(self.context.widget, "Delete this note? This cannot be undone."):
                annotations.remove_note(note.id)
        elif action == "show":
            self.show_note(note)

    def show_note(self, note: Note) -> None:
        """Bring the note's passage (or version) into the pair view."""
        alignment = self.context.alignment
        if alignment is None:
            return
        resolver = Resolver(alignment.article_set)
        self.context.show_panel("pair")
        if note.anchor.kind == AnchorKind.VERSION:
            document = resolver.document(note.anchor)
            if document is not None:
                index = alignment.documents.index(document)
                left, right = self.context.pair
                self.context.show_pair(index, right if right != index else left)
            return
        sentence = resolver.sentence(note.anchor)
        if sentence is not None:
            self.context.reveal_sentence(sentence.id)
