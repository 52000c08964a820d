"""The bar over the pair view's rows: whose order is read, where the reader is,
and what is hidden.

Why: a reader comparing an update with its earlier copy wants to read the
update as published (its own order), and to know "change 3 of 31" while
stepping through — Meld and every diff tool say where you are. Site chrome
is hidden by default, so the bar says how many rows are and offers to show
them, rather than leaving the reader to wonder where "Close" went.

Signals: ``order_requested(Order)``, ``show_chrome_requested()``.

Public API: ``ReadingBar``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QButtonGroup, QLabel, QToolButton, QWidget

from ...engine.compare.reading import Order
from ..base.flow_layout import FlowLayout
from ..base.theme import theme_for


class ReadingBar(QWidget):
    """Order toggle, change position and hidden-rows note, in one slim row."""

    order_requested = Signal(object)  # Order
    show_chrome_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel("Read in the order of")
        self.buttons: dict[Order, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        for order in Order:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, o=order: self.order_requested.emit(o))
            group.addButton(button)
            self.buttons[order] = button
        self.buttons[Order.LEFT].setChecked(True)
        self.position = QLabel()
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setAccessibleName("Position among the changes")
        bold = QFont(self.position.font())
        bold.setBold(True)
        self.position.setFont(bold)
        self.hidden = QLabel()
        self.hidden.setTextFormat(Qt.TextFormat.RichText)
        self.hidden.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.hidden.linkActivated.connect(lambda _link: self.show_chrome_requested.emit())
        # Wraps onto more lines when the view is narrow (in one row it made
        # the pair view 661 pixels wide at least); the position stays at the
        # right end of its line.
        line = self.buttons[Order.LEFT].sizeHint().height()
        for label in (self.caption, self.hidden, self.position):  # level with the buttons
            label.setMinimumHeight(line)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = FlowLayout(self, spacing=8, line_spacing=0, last_to_the_right=True)
        layout.setContentsMargins(10, 2, 10, 2)
        for widget in (self.caption, *self.buttons.values(), self.hidden, self.position):
            layout.addWidget(widget)
        self._dim()

    def _dim(self) -> None:
        palette = self.hidden.palette()
        palette.setColor(QPalette.ColorRole.WindowText, theme_for(self.palette()).dim_text)
        self.hidden.setPalette(palette)
        self.caption.setPalette(palette)

    def set_names(self, left: str, right: str) -> None:
        """The two versions' labels on the order buttons (plain text: labels are data)."""
        for order, name in ((Order.LEFT, left), (Order.RIGHT, right)):
            button = self.buttons[order]
            button.setText(f"{'◧' if order is Order.LEFT else '◨'} {name}")
            button.setToolTip(f"Rows follow {name}'s own order ({order.value} column)")

    def set_order(self, order: Order) -> None:
        self.buttons[order].setChecked(True)

    def set_position(self, current: int, total: int) -> None:
        """``current``: the change the reader is on, from 1 (0: not on a change)."""
        if total == 0:
            self.position.setText("No changes")
        elif current:
            self.position.setText(f"Change {current} of {total}")
        else:
            self.position.setText(f"{total} change{'s' if total != 1 else ''}")

    def set_hidden(self, chrome: int, punctuation: int) -> None:
        """Say how many rows are left out, with a link that shows them."""
        parts = []
        if chrome:
            parts.append(f"{chrome} row{'s' if chrome != 1 else ''} of site chrome")
        if punctuation:
            parts.append(f"{punctuation} of punctuation alone")
        if parts:
            self.hidden.setText(f"{' and '.join(parts)} hidden · <a href='show'>Show</a>")
            self.hidden.setToolTip(
                "Credits, datelines, bylines, captions, page furniture and lone punctuation "
                "are not compared; View ▸ Show Site Chrome shows them."
            )
        else:
            self.hidden.clear()
