"""The tab widget of the views: each panel in a scroll area, so a small
window shows scroll bars instead of cutting a panel off.

Why: a tab widget is as wide as its widest panel's minimum, and that
minimum became the window's: on a 1024-pixel screen, or at 150 % scale,
the window opened wider than the screen and stayed cut off even when
maximised. In a scroll area a panel keeps its own minimum (it never
squeezes its labels) while the window can be as small as the screen; a
panel that scrolls itself (the pair view) never shows the outer bars at
ordinary sizes.

The wrapping is invisible to callers: ``addTab``, ``indexOf``,
``widget``, ``currentWidget`` and ``setCurrentWidget`` take and give the
panels themselves.

Public API: ``PanelTabs``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class PanelTabs(QTabWidget):
    def addTab(self, widget: QWidget, label: str) -> int:  # type: ignore[override]
        """Add ``widget`` as a tab, inside a frameless scroll area."""
        area = QScrollArea()
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setWidget(widget)
        area.setAccessibleName(label.replace("&", ""))
        return super().addTab(area, label)

    @staticmethod
    def _inner(page: QWidget | None) -> QWidget | None:
        return page.widget() if isinstance(page, QScrollArea) else page

    def widget(self, index: int) -> QWidget | None:
        return self._inner(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self._inner(super().currentWidget())

    def indexOf(self, widget: QWidget) -> int:
        for index in range(self.count()):
            if self.widget(index) is widget:
                return index
        return super().indexOf(widget)

    def setCurrentWidget(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
