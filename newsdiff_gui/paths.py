"""Where bundled files live: a source checkout, an installed wheel or a
PyInstaller bundle. Kept here so no other module guesses per-OS prefixes."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)
    found = [Path(bundle) / name] if bundle else []
    found += [_PACKAGE_DIR.parent / name, _PACKAGE_DIR / "_data" / name]
    return found


def bundled_dir(name: str) -> Path:
    """Folder ``name`` (``seeds`` or ``resources``) shipped with the program."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found")


def seed_files() -> list[Path]:
    """The example article set opened when no files are given."""
    return sorted(bundled_dir("seeds").glob("*.txt"))
