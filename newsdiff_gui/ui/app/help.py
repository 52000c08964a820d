"""Help → User Guide and Help → Keyboard Shortcuts.

Why in the program: a first-time user on a desktop has no README at hand;
the guide ships as package data (``resources/user-guide.md``, rendered by
Qt's Markdown reader) and the shortcut list is read from the actions the
features registered, so it cannot fall behind the keys that work.

Public API: ``user_guide_text``, ``shortcuts_html``, ``show_user_guide``,
``show_shortcuts``, ``HelpDialog``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...paths import bundled_dir
from ..base.context import AppContext
from .layout import MENU_LAYOUT

GUIDE_FILE = "user-guide.md"


def user_guide_text() -> str:
    """The bundled guide (Markdown); a line saying it is missing in a broken install."""
    try:
        return (bundled_dir("resources") / GUIDE_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return "# newsdiff\n\nThe user guide is missing from this installation."


def _row(text: str, keys: list[str]) -> str:
    return f"<tr><td>{escape(text)}</td><td><b>{escape(', '.join(keys))}</b></td></tr>"


def shortcuts_html(context: AppContext) -> str:
    """Every registered action that has keys, by menu, as an HTML table."""
    rows: list[str] = []
    listed: set[str] = set()
    for menu, names in MENU_LAYOUT:
        entries = []
        for name in names:
            if name is None or name.startswith("menu:") or name in listed:
                continue
            try:
                action = context.action(name)
            except KeyError:
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                listed.add(name)
                text = action.text().replace("&", "")
                entries.append(_row(text, keys))
        if entries:
            heading = escape(menu.replace("&", ""))
            rows.append(f"<tr><th colspan='2' align='left'>{heading}</th></tr>")
            rows.extend(entries)
    others = []
    for name, action in context.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys and name not in listed:
            text = action.text().replace("&", "")
            others.append(_row(text, keys))
    if others:
        rows.append("<tr><th colspan='2' align='left'>Views</th></tr>")
        rows.extend(others)
    return (
        "<h2>Keyboard shortcuts</h2><table cellpadding='4' cellspacing='0'>"
        + "".join(rows)
        + "</table>"
    )


class HelpDialog(QDialog):
    """A window of help text with a Close button (not modal: read beside the app)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} — newsdiff")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)


def _fit(dialog: HelpDialog, parent: QWidget) -> None:
    screen = parent.screen()
    if screen is not None:
        room = screen.availableGeometry().size()
        width = min(dialog.width(), room.width() - 40)
        dialog.resize(width, min(dialog.height(), room.height() - 60))


def show_user_guide(parent: QWidget) -> HelpDialog:
    dialog = HelpDialog("User Guide", parent)
    dialog.browser.setMarkdown(user_guide_text())
    _fit(dialog, parent)
    dialog.show()
    return dialog


def show_shortcuts(context: AppContext, parent: QWidget) -> HelpDialog:
    dialog = HelpDialog("Keyboard Shortcuts", parent)
    dialog.browser.setHtml(shortcuts_html(context))
    _fit(dialog, parent)
    dialog.show()
    return dialog
