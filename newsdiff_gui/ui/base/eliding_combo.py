"""A combo box whose current text ends in "…" when it does not fit.

Why: ``QComboBox`` paints its current text cut at the frame ("A · Reuters —
WASHIN"), which reads as a different word; version choosers are often
narrower than their labels (long titles, small windows). Same painting as
``QComboBox.paintEvent``, with the text elided to the edit field first.

Public API: ``ElidingComboBox``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, *, minimum_chars: int = 0) -> None:
        """``minimum_chars``: as narrow as that many characters allow (the
        whole label is in the list), instead of as wide as the longest label."""
        super().__init__(parent)
        if minimum_chars:
            self.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.setMinimumContentsLength(minimum_chars)

    def shown_text(self) -> str:
        """The current text as painted: elided to the field's width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elided(option)

    def _elided(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        width = field.width() - (
            option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
        )
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, width)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Frame and arrow as Qt draws them, then the elided text."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
