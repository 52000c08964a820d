"""File dialogs that start in the folder the reader last used for that kind of file.

Why: every dialog used to open in the program's working folder, so a reader
exporting five reports navigated to the same folder five times. Each kind
of dialog (``"open"`` articles, ``"export"`` reports, ``"exercise"``,
``"hand-in"`` …) remembers its own last folder in the user settings
(``engine.store.settings``); a folder that is gone is forgotten quietly.
Settings that cannot be saved never stop a dialog.

Public API: ``open_file_names``, ``open_file_name``, ``save_file_name``,
``existing_directory``, ``start_folder``, ``remember``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...engine.store.settings import SettingsStore


def start_folder(kind: str) -> str:
    """The folder the ``kind`` dialog was last used in, or "" (Qt's default)."""
    try:
        return SettingsStore().folder(kind) or ""
    except OSError:
        return ""


def remember(kind: str, path: str | os.PathLike[str], is_folder: bool = False) -> None:
    """Remember ``path``'s folder (``path`` itself when ``is_folder``) for ``kind``."""
    folder = Path(path) if is_folder else Path(path).parent
    # A setting not saved is not worth an error box over a file that was.
    with contextlib.suppress(OSError):
        SettingsStore().remember_folder(kind, folder)


def _in_start(kind: str, name: str) -> str:
    folder = start_folder(kind)
    if not name:
        return folder
    return str(Path(folder) / name) if folder else name


def open_file_names(parent: QWidget, kind: str, caption: str, filters: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, caption, start_folder(kind), filters)
    if files:
        remember(kind, files[0])
    return list(files)


def open_file_name(parent: QWidget, kind: str, caption: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, start_folder(kind), filters)
    if path:
        remember(kind, path)
    return str(path)


def save_file_name(
    parent: QWidget, kind: str, caption: str, name: str, filters: str
) -> tuple[str, str]:
    """(path, chosen filter) of a save dialog suggesting ``name`` in the last folder."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, _in_start(kind, name), filters)
    if path:
        remember(kind, path)
    return str(path), str(chosen)


def existing_directory(parent: QWidget, kind: str, caption: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, caption, start_folder(kind))
    if folder:
        remember(kind, folder, is_folder=True)
    return str(folder)
