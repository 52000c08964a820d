"""Where the files shipped inside the package live: the example seeds, the
desktop resources (icon, .desktop entry, AppStream metainfo) and the example
exercise.

All of them are package data under ``newsdiff_gui/data`` and are found
through ``importlib.resources``, so a source checkout, an installed wheel and
a PyInstaller bundle (which collects the package's data files) behave alike.
The user's own folders (notes, settings, cache, logs) are in
``engine.store.storage``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_dir(name: str) -> Path:
    """Folder ``name`` (``seeds``, ``resources`` or ``exercises``) shipped with the program."""
    folder = Path(str(resources.files("newsdiff_gui") / "data" / name))
    if not folder.is_dir():
        raise FileNotFoundError(f"bundled folder {name!r} not found (a broken installation?)")
    return folder


def seeds_dir() -> Path:
    """The example article set's folder."""
    return bundled_dir("seeds")


def seed_files() -> list[Path]:
    """The example article set opened when no files are given."""
    return sorted(seeds_dir().glob("*.txt"))
