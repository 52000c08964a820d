"""Column headers of the pair view: which version is on each side, and a swap button.

Why a widget of its own that sits inside the list view's top margin: it is
exactly as wide as the viewport (the scroll bar is outside it) and splits its
width with the same ``cell_rects`` the row delegate uses, so each header sits
precisely over its column.

Versions are named by their labels (``engine.compare.labels``: "C · AP 10:02"),
unique even when outlet and headline are the same; the full identity
(outlet, title, date, file) is the tooltip. Version names are data from the
articles, so every label here is plain text (``Qt.TextFormat.PlainText``)
and tooltips go through ``tooltip_html``.

Narrow columns: a chooser never gets narrower than its minimum text (the
label's first ``_MIN_CHARS`` characters; Qt elides the rest), the detail
line is elided in the middle (whole in its tooltip), and the "LEFT"/"RIGHT"
caption gives way first. The header's minimum width is what that needs and
the rows' list keeps it, so a small window scrolls the panel instead of
cutting a chooser off or laying it over the swap button.

Public API: ``PairHeader``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from ...engine.compare.labels import VersionLabel, version_labels
from ...engine.model import Document
from ..base.eliding_combo import ElidingComboBox
from ..base.formats import tooltip_html
from ..base.theme import theme_for
from .delegate import GUTTER_WIDTH, cell_rects

HEADER_HEIGHT = 64
_PAD_X = 12
_MIN_CHARS = 6  # a chooser shows at least this much of its label ("C · AP…")


def version_label(document: Document, label: VersionLabel) -> str:
    """How a version is named in choosers: its label (letter and outlet, as
    journalists cite), then the title."""
    return f"{label.short} — {document.title}"


def version_details(document: Document) -> str:
    parts = [document.name, f"{document.word_count:,} words"]
    if document.date:
        parts.append(document.date)
    return " · ".join(parts)


def _identity(document: Document, label: VersionLabel) -> str:
    """The full identity one hover away: label, outlet, title, date, file."""
    dated = f" · {document.date}" if document.date else ""
    return tooltip_html(
        f"{label.short} — {document.title}", f"{document.outlet}{dated}", document.path
    )


class _Side(QWidget):
    """Chooser plus a detail line for one column."""

    def __init__(self, caption: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption, self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.caption.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.8)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.caption.setFont(font)
        self.combo = ElidingComboBox(self, minimum_chars=_MIN_CHARS)
        self.combo.setAccessibleName(f"{caption.capitalize()} version")
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self._details = ""  # the whole line; the label shows it elided to its width
        dim = self.details.palette()
        dim.setColor(QPalette.ColorRole.WindowText, theme_for(self.palette()).dim_text)
        self.details.setPalette(dim)
        self.caption.setPalette(dim)

    def minimum_width(self) -> int:
        """The chooser at its minimum text: the narrowest this side may be."""
        return self.combo.minimumSizeHint().width()

    def set_details(self, text: str) -> None:
        self._details = text
        self.details.setToolTip(text)
        self._elide_details()

    def _elide_details(self) -> None:
        metrics = self.details.fontMetrics()
        width = max(0, self.details.width())
        self.details.setText(metrics.elidedText(self._details, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Caption and combo on the first line, details under them; without
        the caption when the combo would be squeezed under its minimum."""
        width = self.width()
        caption_width = self.caption.sizeHint().width()
        combo_height = self.combo.sizeHint().height()
        with_caption = width >= caption_width + 8 + self.minimum_width()
        self.caption.setVisible(with_caption)
        start = caption_width + 8 if with_caption else 0
        self.caption.setGeometry(0, 8, caption_width, combo_height)
        self.combo.setGeometry(start, 8, max(1, width - start), combo_height)
        self.details.setGeometry(start + 2, 10 + combo_height, max(1, width - start - 2), 20)
        self._elide_details()
        super().resizeEvent(event)


class PairHeader(QWidget):
    """Two version choosers over the two columns and a swap button over the gutter."""

    left_chosen = Signal(int)
    right_chosen = Signal(int)
    swap_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(False)
        self._documents: tuple[Document, ...] = ()
        self._labels: tuple[VersionLabel, ...] = ()
        self.left = _Side("LEFT", self)
        self.right = _Side("RIGHT", self)
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip("Swap sides (Ctrl+Shift+S)")
        self.swap_button.setAccessibleName("Swap sides")
        font = QFont(self.swap_button.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.swap_button.setFont(font)
        self.swap_button.clicked.connect(self.swap_requested)
        self.left.combo.activated.connect(self.left_chosen)
        self.right.combo.activated.connect(self.right_chosen)

    def sizeHint(self) -> QSize:
        return QSize(600, HEADER_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        """Both choosers at their minimum text, the gutter between (``cell_rects``)."""
        side = max(self.left.minimum_width(), self.right.minimum_width())
        return QSize(2 * (side + _PAD_X + _PAD_X // 2) + GUTTER_WIDTH + 1, HEADER_HEIGHT)

    def set_documents(self, documents: tuple[Document, ...]) -> None:
        """Fill both choosers with the loaded versions."""
        self._documents = documents
        self._labels = version_labels(documents)
        for side in (self.left, self.right):
            side.combo.blockSignals(True)
            side.combo.clear()
            for number, (document, label) in enumerate(zip(documents, self._labels, strict=True)):
                side.combo.addItem(version_label(document, label))
                side.combo.setItemData(
                    number, _identity(document, label), Qt.ItemDataRole.ToolTipRole
                )
            side.combo.blockSignals(False)

    def set_pair(self, left: int, right: int) -> None:
        """Show which versions are on each side (no signals: the view decided)."""
        for side, number in ((self.left, left), (self.right, right)):
            side.combo.blockSignals(True)
            side.combo.setCurrentIndex(number)
            side.combo.blockSignals(False)
            if 0 <= number < len(self._documents):
                document = self._documents[number]
                side.set_details(version_details(document))
                side.combo.setToolTip(_identity(document, self._labels[number]))
            else:
                side.set_details("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Place the sides over the columns exactly as the delegate splits a row."""
        left, gutter, right = cell_rects(QRect(0, 0, self.width(), self.height()))
        self.left.setGeometry(left.adjusted(_PAD_X, 0, -_PAD_X // 2, 0))
        self.right.setGeometry(right.adjusted(_PAD_X, 0, -_PAD_X // 2, 0))
        size = self.swap_button.sizeHint()
        self.swap_button.setGeometry(
            gutter.center().x() - size.width() // 2, 8, size.width(), size.height()
        )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A tinted band with a line under it, so headers read as headers."""
        theme = theme_for(self.palette())
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.header_bg)
        painter.setPen(theme.separator)
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        _, gutter, _ = cell_rects(self.rect())
        painter.drawLine(gutter.topLeft(), gutter.bottomLeft())
        painter.drawLine(gutter.topRight(), gutter.bottomRight())
