"""The scrolling list of pair rows, with the column header held in its top margin.

Why a ``QListView`` subclass: the header must be exactly as wide as the
viewport (not the scroll bar) to sit over the columns; putting it in the
viewport margin, as ``QTableView`` does with its headers, gives that for free.
Rows have varying heights, so scrolling is per pixel, and layout is batched so
a long article set never blocks the event loop in one go.

Public API: ``PairListView``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ..base.theme import theme_for


class PairListView(QListView):
    """Virtualised list of rows painted by ``PairRowDelegate``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header: QWidget | None = None
        self._placeholder = ""
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap rows on resize
        self.setLayoutMode(QListView.LayoutMode.Batched)
        # Rows are laid out 40 at a time between events: a 1,000-word pair has
        # ~100 rows, and laying out all at once held the GUI thread ~80 ms.
        self.setBatchSize(40)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(0)
        self.setMouseTracking(False)
        self.verticalScrollBar().setSingleStep(24)

    def set_header(self, header: QWidget) -> None:
        header.setParent(self)
        self._header = header
        self.setViewportMargins(0, header.sizeHint().height(), 0, 0)
        self._place_header()
        header.show()

    def set_placeholder(self, text: str) -> None:
        """Text shown when there are no rows (nothing loaded, or a load failed)."""
        self._placeholder = text
        self.viewport().update()

    def updateGeometries(self) -> None:
        """Keep the header glued to the viewport whenever scroll bars come and go."""
        super().updateGeometries()
        self._place_header()

    def _place_header(self) -> None:
        if self._header is None:
            return
        viewport = self.viewport().geometry()
        height = self._header.sizeHint().height()
        self._header.setGeometry(viewport.left(), viewport.top() - height, viewport.width(), height)

    def changeEvent(self, event: QEvent) -> None:
        """A palette change must recolour rows: delegates cache colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            delegate = self.itemDelegate()
            if hasattr(delegate, "set_theme"):
                delegate.set_theme(theme_for(self.palette()))
            if self._header is not None:
                self._header.setPalette(self.palette())
            self.scheduleDelayedItemsLayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self._placeholder and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(theme_for(self.palette()).dim_text)
            painter.drawText(
                self.viewport().rect().adjusted(40, 40, -40, -40),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
