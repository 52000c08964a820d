"""The application's identity for Qt: app id and window icon.

Why a helper: the icon ships as one SVG in ``resources/icons`` (rasters are
rendered at packaging time), and where ``resources/`` lives differs between
a source tree, a wheel and a PyInstaller bundle; ``paths.bundled_dir`` knows,
so nothing here guesses. ``APP_ID`` must equal the ``.desktop`` file's name so
Wayland compositors and docks match the window to its launcher and icon.

Public API: ``APP_ID``, ``app_icon``.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ...paths import bundled_dir

APP_ID = "io.github.newsdiff.Newsdiff"


def app_icon() -> QIcon:
    """The newsdiff icon; an empty ``QIcon`` (Qt's default) if the file is missing.

    A missing icon is cosmetic, so it never stops the program from starting.
    The SVG needs Qt's ``iconengines/qsvgicon`` plugin, which the bundle keeps.
    """
    try:
        svg = bundled_dir("resources") / "icons" / f"{APP_ID}.svg"
    except FileNotFoundError:
        return QIcon()
    return QIcon(str(svg)) if svg.is_file() else QIcon()
