"""What a reader can do to a row of the pair view: notes and alignment fixes.

Right-click a row (or use the keyboard on the current row):

* **Link** (Ctrl+L) — the first press marks the passage (``⇢ link`` in the
  gutter), a press on a passage of the *other* version links the two: "the
  engine missed that these say the same". Esc forgets the mark.
* **Unlink** (Ctrl+U) — the row's two sides do not say the same thing.
* **Add note** (Ctrl+Shift+N) — on the left or right sentence, on the
  content (the unit, in every version) or on a whole version.

The work itself (storing, re-applying, refreshing every view) is the
``AnnotationsController``'s; this module only turns rows into sentence ids.

Public API: ``PairActions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ...engine.annotate.anchors import Resolver
from ...engine.compare.pairing import PairRow, RowKind
from ...engine.report.markers import PENDING_LINK
from ..notes import note_dialog

if TYPE_CHECKING:
    from ..app.main_window import MainWindow

LINK_GLYPH = str(PENDING_LINK)


def _quote(text: str, limit: int = 60) -> str:
    return f"“{text[: limit - 1].rstrip()}…”" if len(text) > limit else f"“{text}”"


class PairActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pending_link: str | None = None  # a sentence id waiting for its partner
        view = window.pair_view.list_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        self.link_action = window._action(
            "&Link Passages", self.link_current, "Ctrl+L",
            tip="Mark this passage, then a passage of the other version, to link them by hand",
        )  # fmt: skip
        self.unlink_action = window._action(
            "&Unlink Passages", self.unlink_current, "Ctrl+U",
            tip="These two passages do not say the same thing",
        )  # fmt: skip
        self.note_action = window._action(
            "Add &Note…", self.note_current, "Ctrl+Shift+N",
            tip="Write a note on the current passage",
        )  # fmt: skip
        # Esc forgets the mark while the rows have focus (the find bar keeps its own Esc).
        cancel = QAction(view)
        cancel.setShortcut(QKeySequence("Escape"))
        cancel.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.triggered.connect(self.cancel_link)
        view.addAction(cancel)
        synopsis = getattr(window, "synopsis", None)
        if synopsis is not None:  # the synopsis view asks for the same three things
            synopsis.view.link_requested.connect(window.annotations.link)
            synopsis.view.unlink_requested.connect(lambda a, b: window.annotations.unlink([(a, b)]))
            synopsis.view.note_requested.connect(lambda s: self.add_note("sentence", s))
        edit_menu = window.menu("Edit")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addActions([self.link_action, self.unlink_action, self.note_action])

    # -- rows to sentences ------------------------------------------------------------
    def _row(self, number: int | None = None) -> PairRow | None:
        view = self.window.pair_view
        number = view.current_row() if number is None else number
        if number < 0 or number >= view.model.rowCount():
            return None
        return view.model.row_at(number)

    def _outlets(self) -> tuple[str, str]:
        model = self.window.pair_view.model
        left, right = model.left_document, model.right_document
        return (left.outlet if left else "left"), (right.outlet if right else "right")

    # -- linking -------------------------------------------------------------------------
    def link_current(self) -> None:
        row = self._row()
        if row is None or row.kind == RowKind.BOILERPLATE:
            self.window.statusBar().showMessage("Choose a passage of story text to link.", 5000)
            return
        side = row.right if row.kind == RowKind.ONLY_RIGHT else row.left
        self.link_sentence(side[0].id)

    def link_sentence(self, sentence_id: str) -> None:
        """Mark ``sentence_id``, or link it with the marked one of another version."""
        alignment = self.window.alignment
        if alignment is None:
            return
        pending = self.pending_link
        if pending is None or pending == sentence_id:
            self.pending_link = sentence_id
            text = alignment.article_set.sentence(sentence_id).text
            self.window.statusBar().showMessage(
                f"Marked {_quote(text)} — now choose the passage of the other version it "
                "matches and Link again (Ctrl+L); Esc cancels."
            )
            self.window.annotations.mark_rows()
            return
        documents = alignment.article_set
        if documents.document_of(pending) is documents.document_of(sentence_id):
            self.pending_link = sentence_id
            self.window.statusBar().showMessage(
                "Both passages are in the same version: the mark moved here. "
                "Choose a passage of the other version."
            )
            self.window.annotations.mark_rows()
            return
        self.pending_link = None
        self.window.annotations.link(pending, sentence_id)

    def cancel_link(self) -> None:
        if self.pending_link is not None:
            self.pending_link = None
            self.window.statusBar().showMessage("Link cancelled.", 4000)
            self.window.annotations.mark_rows()

    def unlink_current(self) -> None:
        row = self._row()
        if row is None or row.kind != RowKind.SHARED:
            self.window.statusBar().showMessage(
                "Only a row with text on both sides can be unlinked.", 5000
            )
            return
        self.window.annotations.unlink([(a.id, b.id) for a in row.left for b in row.right])

    # -- notes ------------------------------------------------------------------------------
    def note_current(self) -> None:
        row = self._row()
        if row is None:
            return
        first = (row.left or row.right)[0]
        self.add_note("sentence", first.id)

    def add_note(self, kind: str, target: str) -> None:
        """Ask for a note on a sentence id, unit id or version number (as str)."""
        annotations = self.window.annotations
        anchor = annotations.anchor_for(kind, target)
        alignment = self.window.alignment
        if anchor is None or alignment is None:
            return
        label = Resolver(alignment.article_set).describe(alignment, anchor)
        text = note_dialog.ask_note_text(self.window, label)
        if text is not None and text.strip():
            annotations.add_note(anchor, text)
            self.window.statusBar().showMessage("Note saved.", 4000)

    # -- the menu ----------------------------------------------------------------------------
    def _menu(self, position: QPoint) -> None:
        view = self.window.pair_view
        index = view.list_view.indexAt(position)
        if not index.isValid():
            return
        view.select_row(index.row())
        menu = self.build_menu(index.row())
        menu.exec(view.list_view.viewport().mapToGlobal(position))

    def build_menu(self, number: int) -> QMenu:
        """The context menu of row ``number`` (tests read its actions)."""
        menu = QMenu(self.window)
        row = self._row(number)
        alignment = self.window.alignment
        if row is None or alignment is None:
            return menu
        left_outlet, right_outlet = self._outlets()
        for sentences, outlet in ((row.left, left_outlet), (row.right, right_outlet)):
            if sentences:
                sid = sentences[0].id
                menu.addAction(f"Note on this sentence of {outlet}…").triggered.connect(
                    lambda _=False, s=sid: self.add_note("sentence", s)
                )
        first = (row.left or row.right)[0]
        units = alignment.units_of(first.id)
        if units and row.kind != RowKind.BOILERPLATE:
            unit_id = units[0].id
            menu.addAction("Note on this content (in every version)…").triggered.connect(
                lambda _=False: self.add_note("unit", unit_id)
            )
        pair = self.window.pair_view.pair
        for number_, outlet in zip(pair, (left_outlet, right_outlet), strict=True):
            menu.addAction(f"Note on the whole version {outlet}…").triggered.connect(
                lambda _=False, n=number_: self.add_note("version", str(n))
            )
        if row.kind == RowKind.BOILERPLATE:
            return menu
        menu.addSeparator()
        pending = self.pending_link
        for sentences, outlet in ((row.left, left_outlet), (row.right, right_outlet)):
            if not sentences:
                continue
            sid = sentences[0].id
            if pending is not None and pending != sid:
                text = f"Link with the marked passage ({outlet} side)"
            else:
                text = f"Mark {outlet} passage for linking"
            action = menu.addAction(text)
            action.setShortcut(QKeySequence("Ctrl+L"))
            action.triggered.connect(lambda _=False, s=sid: self.link_sentence(s))
        if row.kind == RowKind.SHARED:
            unlink = menu.addAction("Unlink: these passages do not say the same")
            unlink.setShortcut(QKeySequence("Ctrl+U"))
            pairs = [(a.id, b.id) for a in row.left for b in row.right]
            unlink.triggered.connect(lambda _=False: self.window.annotations.unlink(pairs))
        return menu
