"""User settings: recently opened sets, "reopen the last set at start", the
folder each kind of file dialog was last used in, and the View menu's choices.

One JSON file, ``config_dir()/settings.json``, written atomically. A file
that cannot be read is moved aside to ``.bak`` and ``SettingsStore.warnings``
says so; defaults apply until the next save. Unknown keys are kept, so an
older version of the program does not erase a newer one's settings. Every
change re-reads the file first: two stores open at once (the recent-sets menu
and a file dialog) each change only their own setting.

Public API: ``Settings``, ``SettingsStore``, ``MAX_RECENT``, ``SETTINGS_SCHEMA``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .storage import StoreWarning, config_dir, read_json, set_aside, write_json

SETTINGS_SCHEMA = "newsdiff-settings/1"
MAX_RECENT = 10  # sets kept in File → Open Recent


@dataclass(frozen=True)
class Settings:
    # Each recent set is the list of paths it was opened from, newest first.
    recent_sets: tuple[tuple[str, ...], ...] = ()
    # Open the most recent set at start instead of the bundled example.
    reopen_last: bool = False
    # The folder each kind of file dialog ("open", "export" …) was last used in.
    folders: dict[str, str] = field(default_factory=dict)
    # The View menu's choices by name ("show_chrome": True, "order": "right"):
    # the front end names and reads them; here they are only kept.
    view: dict[str, bool | str] = field(default_factory=dict)
    # Keys this version does not know, written back untouched.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def last_set(self) -> tuple[str, ...] | None:
        return self.recent_sets[0] if self.recent_sets else None


class SettingsStore:
    """Load on creation; ``update``/``add_recent`` save at once."""

    def __init__(self, base: str | os.PathLike[str] | None = None) -> None:
        self.path: Path = config_dir(base) / "settings.json"
        self.warnings: list[StoreWarning] = []
        self.settings = Settings()
        self._writable = True
        data, warning = read_json(self.path, SETTINGS_SCHEMA)
        if warning is not None:
            self.warnings.append(warning)
            self._writable = not self.path.exists()
        if data is not None and not isinstance(data.get("recent_sets", []), list):
            # Parseable but the wrong shape: set aside like an unreadable file.
            self.warnings.append(set_aside(self.path, "its 'recent_sets' is not a list"))
            self._writable = not self.path.exists()
            data = None
        if data is not None:
            self.settings = self._parse(data)

    @staticmethod
    def _parse(data: dict[str, Any]) -> Settings:
        recent = []
        for item in data.get("recent_sets", ()):
            if isinstance(item, list) and all(isinstance(p, str) for p in item) and item:
                recent.append(tuple(item))
        known = {"schema", "recent_sets", "reopen_last", "folders", "view"}
        raw_folders = data.get("folders")
        folders = {
            str(k): v
            for k, v in (raw_folders.items() if isinstance(raw_folders, dict) else ())
            if isinstance(v, str) and v
        }
        raw_view = data.get("view")
        view = {
            str(k): v
            for k, v in (raw_view.items() if isinstance(raw_view, dict) else ())
            if isinstance(v, (bool, str))
        }
        return Settings(
            tuple(recent[:MAX_RECENT]),
            bool(data.get("reopen_last", False)),
            folders,
            view,
            {k: v for k, v in data.items() if k not in known},
        )

    def _reload(self) -> None:
        """Take what another store may have saved since (a failed read keeps ours)."""
        if not self._writable:
            return
        data, _warning = read_json(self.path, SETTINGS_SCHEMA)
        if data is not None:
            self.settings = self._parse(data)

    def save(self) -> None:
        """Write atomically; an unreadable file that could not be moved is never overwritten."""
        if not self._writable:
            raise OSError(f"{self.path} could not be set aside; not saving over it")
        write_json(
            self.path,
            {
                **self.settings.extra,
                "schema": SETTINGS_SCHEMA,
                "recent_sets": [list(s) for s in self.settings.recent_sets],
                "reopen_last": self.settings.reopen_last,
                "folders": dict(self.settings.folders),
                "view": dict(self.settings.view),
            },
        )

    def add_recent(self, paths: list[str | os.PathLike[str]]) -> None:
        """Put a set first in the recent list (absolute paths, no duplicates)."""
        entry = tuple(str(Path(p).absolute()) for p in paths)
        if not entry:
            return
        self._reload()
        others = [s for s in self.settings.recent_sets if s != entry]
        self.settings = replace(self.settings, recent_sets=tuple([entry, *others][:MAX_RECENT]))
        self.save()

    def remove_recent(self, paths: tuple[str, ...]) -> None:
        """Drop a set from the list (its files are gone, or the user asked)."""
        self._reload()
        self.settings = replace(
            self.settings,
            recent_sets=tuple(s for s in self.settings.recent_sets if s != tuple(paths)),
        )
        self.save()

    def set_reopen_last(self, value: bool) -> None:
        self._reload()
        self.settings = replace(self.settings, reopen_last=value)
        self.save()

    def folder(self, kind: str) -> str | None:
        """The folder the ``kind`` dialog was last used in, if it still exists."""
        folder = self.settings.folders.get(kind)
        return folder if folder and Path(folder).is_dir() else None

    def remember_folder(self, kind: str, folder: str | os.PathLike[str]) -> None:
        """The ``kind`` dialog was just used in ``folder``: start there next time."""
        self._reload()
        folders = {**self.settings.folders, kind: str(Path(folder).absolute())}
        self.settings = replace(self.settings, folders=folders)
        self.save()

    def set_view(self, name: str, value: bool | str) -> None:
        """Keep one View menu choice (saved at once; unchanged: nothing written)."""
        self._reload()
        if self.settings.view.get(name) == value:
            return
        self.settings = replace(self.settings, view={**self.settings.view, name: value})
        self.save()
