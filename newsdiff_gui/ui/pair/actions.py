"""What a reader can do to a row of the pair view: notes and alignment fixes.

Right-click a row (or use the keyboard on the current row):

* **Link** (Ctrl+L) — the first press marks the passage (``⇢ link`` in the
  gutter), a press on a passage of the *other* version links the two: "the
  engine missed that these say the same". Esc forgets the mark. On a lone
  row offering a possible partner (``partners.py``), with nothing marked,
  Ctrl+L confirms that partner instead; the menu can still mark the row.
* **Dismiss possible partner** (Ctrl+D) — the suggested partner is not one.
* **Unlink** (Ctrl+U) — the row's two sides do not say the same thing.
* **Add note** (Ctrl+Shift+N) — on the left or right sentence, on the
  content (the unit, in every version) or on a whole version.

The work itself (storing, re-applying, refreshing every view) is the
``AnnotationsController``'s; this module turns rows into sentence ids and
draws the gutter marks of the rows: ✎ (a note of yours), ✋ (linked by hand)
and ``⇢ link`` (marked for linking).

Public API: ``PairActions``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ...engine.annotate.anchors import Resolver
from ...engine.compare.labels import version_labels
from ...engine.compare.pairing import PairRow, RowKind
from ...engine.compare.suggestions import version_name
from ...engine.model import Alignment
from ...engine.report.markers import MANUAL, NOTE, PENDING_LINK
from ..base.context import AppContext
from ..notes import note_dialog
from ..notes.annotations import AnnotationsController
from .partners import PartnerOffers
from .view import PairView

LINK_GLYPH = str(PENDING_LINK)
NOTE_GLYPH = NOTE.symbol
MANUAL_GLYPH = MANUAL.symbol


def _quote(text: str, limit: int = 60) -> str:
    return f"“{text[: limit - 1].rstrip()}…”" if len(text) > limit else f"“{text}”"


class PairActions:
    def __init__(
        self, context: AppContext, pair_view: PairView, annotations: AnnotationsController
    ) -> None:
        self.context = context
        self.pair_view = pair_view
        self.annotations = annotations
        self.pending_link: str | None = None  # a sentence id waiting for its partner
        # The manual links' sentence pairs of the alignment they were read from.
        self._manual: tuple[Alignment | None, set[frozenset[str]]] = (None, set())
        self.partners = PartnerOffers(context, pair_view, annotations)
        view = pair_view.list_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        self.link_action = context.add_action(
            "link", "&Link Passages", self.link_current, "Ctrl+L",
            tip="Mark this passage, then a passage of the other version, to link them by hand",
        )  # fmt: skip
        self.unlink_action = context.add_action(
            "unlink", "&Unlink Passages", self.unlink_current, "Ctrl+U",
            tip="These two passages do not say the same thing",
        )  # fmt: skip
        self.note_action = context.add_action(
            "note", "Add &Note…", self.note_current, "Ctrl+Shift+N",
            tip="Write a note on the current passage",
        )  # fmt: skip
        # Esc forgets the mark while the rows have focus (the find bar keeps its own Esc).
        cancel = QAction(view)
        cancel.setShortcut(QKeySequence("Escape"))
        cancel.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.triggered.connect(self.cancel_link)
        view.addAction(cancel)
        pair_view.filled.connect(self.mark_rows)
        annotations.marks_changed.connect(self.mark_rows)

    # -- rows to sentences ------------------------------------------------------------
    def _row(self, number: int | None = None) -> PairRow | None:
        view = self.pair_view
        number = view.current_row() if number is None else number
        if number < 0 or number >= view.model.rowCount():
            return None
        return view.model.row_at(number)

    def _outlets(self) -> tuple[str, str]:
        """The two versions' labels ("C · AP 07:10"): outlets alone can repeat."""
        alignment = self.pair_view.alignment
        if alignment is None:
            return "left", "right"
        labels = version_labels(alignment.documents)
        left, right = self.pair_view.pair
        return labels[left].short, labels[right].short

    # -- linking -------------------------------------------------------------------------
    def link_current(self) -> None:
        row = self._row()
        if row is None or row.kind == RowKind.BOILERPLATE:
            self.context.show_message("Choose a passage of story text to link.", 5000)
            return
        if self.pending_link is None and self.partners.confirm(self.pair_view.current_row()):
            return  # one key confirms the possible partner offered on this row
        side = row.right if row.kind == RowKind.ONLY_RIGHT else row.left
        self.link_sentence(side[0].id)

    def link_sentence(self, sentence_id: str) -> None:
        """Mark ``sentence_id``, or link it with the marked one of another version."""
        alignment = self.context.alignment
        if alignment is None:
            return
        pending = self.pending_link
        if pending is None or pending == sentence_id:
            self.pending_link = sentence_id
            text = alignment.article_set.sentence(sentence_id).text
            self.context.show_message(
                f"Marked {_quote(text)} — now choose the passage of the other version it "
                "matches and Link again (Ctrl+L); Esc cancels."
            )
            self.mark_rows()
            return
        documents = alignment.article_set
        if documents.document_of(pending) is documents.document_of(sentence_id):
            self.pending_link = sentence_id
            self.context.show_message(
                "Both passages are in the same version: the mark moved here. "
                "Choose a passage of the other version."
            )
            self.mark_rows()
            return
        self.pending_link = None
        self.annotations.link(pending, sentence_id)

    def cancel_link(self) -> None:
        if self.pending_link is not None:
            self.pending_link = None
            self.context.show_message("Link cancelled.", 4000)
            self.mark_rows()

    def unlink_current(self) -> None:
        row = self._row()
        if row is None or row.kind != RowKind.SHARED:
            self.context.show_message("Only a row with text on both sides can be unlinked.", 5000)
            return
        self.annotations.unlink([(a.id, b.id) for a in row.left for b in row.right])

    # -- notes ------------------------------------------------------------------------------
    def note_current(self) -> None:
        row = self._row()
        if row is None:
            return
        first = (row.left or row.right)[0]
        self.add_note("sentence", first.id)

    def add_note(self, kind: str, target: str) -> None:
        """Ask for a note on a sentence id, unit id or version number (as str)."""
        annotations = self.annotations
        anchor = annotations.anchor_for(kind, target)
        alignment = self.context.alignment
        if anchor is None or alignment is None:
            return
        label = Resolver(alignment.article_set).describe(alignment, anchor)
        text = note_dialog.ask_note_text(self.context.widget, label)
        if text is not None and text.strip():
            annotations.add_note(anchor, text)
            self.context.show_message("Note saved.", 4000)

    # -- the menu ----------------------------------------------------------------------------
    def _menu(self, position: QPoint) -> None:
        view = self.pair_view
        index = view.list_view.indexAt(position)
        if not index.isValid():
            return
        view.select_row(index.row())
        menu = self.build_menu(index.row())
        menu.exec(view.list_view.viewport().mapToGlobal(position))

    def build_menu(self, number: int) -> QMenu:
        """The context menu of row ``number`` (tests read its actions)."""
        menu = QMenu(self.context.widget)
        row = self._row(number)
        alignment = self.context.alignment
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
        pair = self.pair_view.pair
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
        partner = self.partners.partner(number)
        if partner is not None:
            name = version_name(alignment, partner.other).replace("&", "&&")
            where = f"{name} ¶{partner.paragraph}, {partner.score:.2f}"
            link = menu.addAction(f"Link with Its Possible Partner ({where})")
            link.triggered.connect(lambda _=False: self.partners.confirm(number))
            dismiss = menu.addAction("Dismiss the Possible Partner: Not the Same")
            dismiss.setShortcut(QKeySequence("Ctrl+D"))
            dismiss.triggered.connect(lambda _=False: self.partners.dismiss(number))
        if row.kind == RowKind.SHARED:
            unlink = menu.addAction("Unlink: these passages do not say the same")
            unlink.setShortcut(QKeySequence("Ctrl+U"))
            pairs = [(a.id, b.id) for a in row.left for b in row.right]
            unlink.triggered.connect(lambda _=False: self.annotations.unlink(pairs))
        return menu

    # -- gutter marks ----------------------------------------------------------------------
    def mark_rows(self) -> None:
        """Put ✎ (note), ✋ (manual link) and ⇢ link (marked for linking) in the
        gutter of the rows they concern."""
        alignment = self.pair_view.alignment
        model = self.pair_view.model
        if alignment is None or model.rowCount() == 0:
            return
        targets = self.annotations.note_targets()
        if self._manual[0] is not alignment:  # once per alignment, not per pair
            pairs = {
                frozenset((a, b))
                for link in alignment.links
                if link.manual
                for a in link.a
                for b in link.b
            }
            self._manual = (alignment, pairs)
        manual = self._manual[1]
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
            pending = self.pending_link
            if pending is not None and pending in ids:
                glyphs.append(LINK_GLYPH)
                lines.append("Marked for linking: Link (Ctrl+L) on a passage of the other version")
            if glyphs:
                marks[number] = (" ".join(glyphs), lines)
        if not marks and not model.has_marks():
            return  # no notes, no manual links: nothing to redraw or re-measure
        model.set_marks(marks)
        self.pair_view.list_view.scheduleDelayedItemsLayout()  # gutter rows grow
