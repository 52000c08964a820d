"""File → Open Recent and "Reopen Last Set at Start".

Every set opened from files or folders goes first in the recent list
(``engine.settings``, written atomically under the user config folder);
pasted versions do not, they live in memory only. A recent set whose files
are all gone is dropped from the list with a word in the status bar rather
than an error. Whether the last set reopens at start is a checkable action
here; ``launch.py`` reads the same setting.

Public API: ``RecentSetsController``, ``startup_paths``, ``describe_set``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...engine.store.settings import SettingsStore
from ..base.context import AppContext


def describe_set(paths: Sequence[str]) -> str:
    """A menu label: the folder's name, or the first file's name and how many more."""
    first = Path(paths[0])
    if len(paths) == 1:
        return f"{first.name}{'/' if first.is_dir() else ''}  —  {first.parent}"
    return f"{first.name} and {len(paths) - 1} more  —  {first.parent}"


def startup_paths(store: SettingsStore | None = None) -> list[str] | None:
    """The last set's paths when the reader asked to reopen it and some still exist."""
    store = store or SettingsStore()
    last = store.settings.last_set
    if not store.settings.reopen_last or not last:
        return None
    existing = [p for p in last if Path(p).exists()]
    return existing or None


class RecentSetsController:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.store = SettingsStore()
        for warning in self.store.warnings:
            context.show_message(f"Settings: {warning}", 10000)
        self.menu = context.add_menu("recent", QMenu("Open &Recent", context.widget))
        self.menu.aboutToShow.connect(self.rebuild)
        self.reopen_action = QAction("Reopen Last Set at Start", context.widget)
        self.reopen_action.setCheckable(True)
        self.reopen_action.setChecked(self.store.settings.reopen_last)
        self.reopen_action.toggled.connect(self._set_reopen)
        context.register_action("reopen_last", self.reopen_action)
        context.set_opened.connect(self.remember)
        self.rebuild()

    def _save(self, work: Callable[[], object]) -> None:
        try:
            work()
        except OSError as error:  # settings are a convenience: say so, go on
            self.context.show_message(f"Could not save settings: {error}", 8000)

    def _set_reopen(self, value: bool) -> None:
        self._save(lambda: self.store.set_reopen_last(value))

    def remember(self, paths: list[str]) -> None:
        self._save(lambda: self.store.add_recent([*paths]))

    def rebuild(self) -> None:
        """Fill the submenu from the settings (newest first)."""
        self.menu.clear()
        recent = self.store.settings.recent_sets
        if not recent:
            empty = self.menu.addAction("No recent sets")
            empty.setEnabled(False)
            return
        for number, paths in enumerate(recent):
            label = describe_set(paths).replace("&", "&&")
            prefix = f"&{number + 1}  " if number < 9 else ""
            action = self.menu.addAction(prefix + label)
            action.setToolTip("\n".join(paths))
            action.triggered.connect(lambda _=False, p=paths: self.open_recent(p))
        self.menu.addSeparator()
        self.menu.addAction("Clear Recent Sets").triggered.connect(self.clear)

    def open_recent(self, paths: Sequence[str]) -> None:
        existing = [p for p in paths if Path(p).exists()]
        if not existing:
            self._save(lambda: self.store.remove_recent(tuple(paths)))
            self.context.show_message(
                "Those files are no longer there; the set was taken off the list.", 8000
            )
            return
        self.context.open_paths(existing)

    def clear(self) -> None:
        for paths in self.store.settings.recent_sets:
            self._save(partial(self.store.remove_recent, paths))
        self.rebuild()
