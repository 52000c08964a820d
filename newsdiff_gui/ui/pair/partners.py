"""Possible partners in the pair view: offer them on lone rows, confirm or dismiss them.

The aligner does not show a link it doubts as fact; it keeps it as a
suggestion, and the change reader reads no typed change across it. Here the
reader sees the question where it arises — a lone sentence whose suggested
partner is in the version on the other side — and answers it:

* **Link** (the painted button, Ctrl+L on the row, or the context menu)
  confirms it through the existing manual link (``AnnotationsController``):
  the row becomes shared and the change reader reads it.
* **Dismiss** (the button, Ctrl+D, or the context menu) stores "not partners"
  with the notes and corrections of the set; the offer does not come back.

Which rows get which partner is the engine's answer
(``engine.compare.suggestions.pair_partners``), shared with the synopsis;
this module only hands it to the model and turns clicks and keys into
corrections. The offer is drawn by ``offer.py`` from the same geometry the
clicks are tested against.

Public API: ``PartnerOffers``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent

from ...engine.compare.pairing import RowKind
from ...engine.compare.suggestions import Partner, pair_partners, version_name
from ..base.context import AppContext
from ..notes.annotations import AnnotationsController
from .delegate import PairRowDelegate, cell_rects
from .model import PARTNER_TEXT_ROLE
from .view import PairView


class PartnerOffers(QObject):
    """The pair view's possible partners: shown on their rows, answered here."""

    def __init__(
        self, context: AppContext, pair_view: PairView, annotations: AnnotationsController
    ) -> None:
        super().__init__(pair_view)
        self.context = context
        self.pair_view = pair_view
        self.annotations = annotations
        self.dismiss_action = context.add_action(
            "dismiss_partner", "&Dismiss Possible Partner", self.dismiss_current, "Ctrl+D",
            tip="The suggested partner of this passage is not one: stop offering it",
        )  # fmt: skip
        pair_view.filled.connect(self.refresh)
        pair_view.list_view.viewport().installEventFilter(self)

    # -- offers on rows -------------------------------------------------------------
    def refresh(self) -> None:
        """Offer each lone row of the pair on screen its likeliest possible partner."""
        alignment = self.pair_view.alignment
        model = self.pair_view.model
        if alignment is None or model.rowCount() == 0:
            return
        left, right = self.pair_view.pair
        found = pair_partners(alignment, model.rows(), left, right)
        offers = {
            number: (best, best.describe(version_name(alignment, best.other)))
            for number, (best, *_others) in found.items()
        }
        if not offers and not model.has_partners():
            return  # nothing offered before or now: no row changes height
        model.set_partners(offers)
        self.pair_view.list_view.scheduleDelayedItemsLayout()  # rows with an offer grow

    def partner(self, number: int) -> Partner | None:
        model = self.pair_view.model
        return model.partner(number) if 0 <= number < model.rowCount() else None

    # -- answers ---------------------------------------------------------------------
    def confirm(self, number: int) -> bool:
        """Link row ``number`` with its possible partner; False when it has none."""
        partner = self.partner(number)
        if partner is None:
            return False
        self.annotations.link_pairs(partner.sentence_pairs())
        return True

    def dismiss(self, number: int) -> bool:
        """Stop offering row ``number``'s possible partner; False when it has none."""
        partner = self.partner(number)
        if partner is None:
            return False
        self.annotations.dismiss(partner.sentence_pairs())
        return True

    def dismiss_current(self) -> None:
        if not self.dismiss(self.pair_view.current_row()):
            self.context.show_message("This row has no possible partner to dismiss.", 5000)

    # -- clicks on the painted buttons --------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on an offer's Link or Dismiss button answers it."""
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            button = self.button_at(event.position().toPoint())
            if button is not None:
                number, which = button
                (self.confirm if which == "link" else self.dismiss)(number)
                return True
        return super().eventFilter(watched, event)

    def button_at(self, position: QPoint) -> tuple[int, str] | None:
        """(row, "link" | "dismiss") under a viewport position, or None."""
        view = self.pair_view.list_view
        index = view.indexAt(position)
        text = index.data(PARTNER_TEXT_ROLE) if index.isValid() else None
        delegate = view.itemDelegate()
        if not text or not isinstance(delegate, PairRowDelegate):
            return None
        left, _gutter, right = cell_rects(view.visualRect(index))
        row = self.pair_view.model.row_at(index.row())
        gap = right if row.kind == RowKind.ONLY_LEFT else left
        geometry = delegate.offer.geometry(gap, text)
        if geometry.link.contains(position):
            return index.row(), "link"
        if geometry.dismiss.contains(position):
            return index.row(), "dismiss"
        return None
