"""Side panels (Changes, Notes, Stories) are docks of one kind: movable and
closable, never floating off on their own (a floating panel lost behind the
window is a panel the reader thinks is gone).

Public API: ``make_dock``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def make_dock(
    window: QMainWindow,
    title: str,
    name: str,
    widget: QWidget,
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    dock: QDockWidget | None = None,
) -> QDockWidget:
    """Put ``widget`` in a dock (``dock`` if given, else a new one) on ``area``."""
    dock = dock if dock is not None else QDockWidget(title, window)
    dock.setWindowTitle(title)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(area, dock)
    return dock
