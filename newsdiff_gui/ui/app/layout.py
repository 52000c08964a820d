"""Where the window puts what the features registered: tabs, side panels, the
bars under the panels, the menus and the toolbar.

Why one table per place instead of each feature inserting itself: features
used to find "the File menu" by position and insert "after the two Open
actions", so the menus depended on the order features were built in and
broke when one moved. Here the window's layout is written down once, by the
names features register under (``AppContext.add_action`` and friends).

Public API: ``place_registered``, ``MENU_LAYOUT``, ``TOOLBAR_LAYOUT``,
``PANEL_ORDER``, ``DOCK_ORDER``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QToolBar, QVBoxLayout

from ..base.context import AppContext

DOCK_WIDTH = 320  # the side panels, in pixels, at start
PANELS = "panels"  # in MENU_LAYOUT: a toggle per side panel, so a closed one comes back

# The menu bar by registered names: an action, a "menu:" submenu, None a separator.
MENU_LAYOUT: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&File", (
        "open", "open_folder", "open_batch", "menu:recent", "reopen_last", None, "export", None,
        "open_exercise", "new_exercise", None, "quit",
    )),
    ("&Edit", (
        "paste_version", "version_details", None, "link", "unlink", "dismiss_partner",
        "note", None, "find", "find_next", "find_previous",
    )),
    ("&View", (
        "next_change", "previous_change", None, "swap_sides", "order_left", "order_right", None,
        "show_typography", "show_chrome", None, "legend", PANELS,
    )),
    ("&Help", ("user_guide", "shortcuts", None, "example_exercise", None, "about")),
)  # fmt: skip
TOOLBAR_LAYOUT = ("open", "open_folder", None, "previous_change", "next_change", None, "swap_sides")
PANEL_ORDER = ("pair", "versions", "coverage", "synopsis")  # tabs; any other after these
DOCK_ORDER = ("changes-dock", "notes-dock", "stories-dock")  # tabbed, the first in front


def _rank(name: str, order: tuple[str, ...]) -> int:
    return order.index(name) if name in order else len(order)


def place_registered(
    window: QMainWindow, context: AppContext, tabs: QTabWidget, views: QVBoxLayout
) -> QToolBar:
    """Put every registered panel in ``tabs``, bar in ``views`` (under the tabs),
    dock on the window's right, action in the menu bar; return the toolbar."""
    for _, title, widget in sorted(context.panels(), key=lambda p: _rank(p[0], PANEL_ORDER)):
        tabs.addTab(widget, title)
    for bar in context.bars():
        views.addWidget(bar)
    docks = sorted(
        (dock for _, dock in context.docks()), key=lambda d: _rank(d.objectName(), DOCK_ORDER)
    )
    _place_docks(window, docks)
    for title, names in MENU_LAYOUT:
        menu = window.menuBar().addMenu(title)
        context.add_menu(title.replace("&", ""), menu)
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == PANELS:
                for dock in docks:
                    toggle = dock.toggleViewAction()
                    toggle.setText(f"{dock.windowTitle().split(' — ')[0]} Panel")
                    menu.addAction(toggle)
            elif name.startswith("menu:"):
                submenu = context.menu(name.removeprefix("menu:"))
                if submenu is not None:
                    menu.addMenu(submenu)
            else:
                menu.addAction(context.action(name))
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in TOOLBAR_LAYOUT:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(context.action(name))
    window.addToolBar(toolbar)
    return toolbar


def _place_docks(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """All on the right, tabbed together, the first in front (the changes;
    notes and stories a tab away)."""
    area = Qt.DockWidgetArea.RightDockWidgetArea
    for number, dock in enumerate(docks):
        window.addDockWidget(area, dock)
        if number == 0:
            window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        else:
            window.tabifyDockWidget(docks[0], dock)
    if docks:
        docks[0].raise_()
