"""The bundled font of newsdiff's marks (✋ ⓘ ✎ ★ ◆ ◐ …), made available to Qt.

Why: the marks that stand beside colour (``engine.report.markers``) are
characters, and a machine without a font that has them draws an empty box
where ``✋ linked by hand`` or ``ⓘ info`` should be. ``NewsdiffMarks.ttf``
(drawn in code by ``tools/build_marks_font.py``, shipped as package data)
holds every mark; registered with Qt's font database, it is the font Qt
falls back to for a character the reader's fonts lack, in every widget, the
rich-text panels and the PDF report. Fonts that have the character still
draw it: the bundled one only fills the holes.

Used by ``ui`` (at window start) and by ``pdf_writer`` (headless), so it
sits beside them and imports Qt only when called.

Public API: ``MARKS_FONT_FILE``, ``marks_font_path``, ``install_marks_font``.
"""

from __future__ import annotations

from pathlib import Path

from .paths import bundled_dir

MARKS_FONT_FILE = "NewsdiffMarks.ttf"
_installed: list[str] = []  # the family, once registered (Qt keeps it for the process)


def marks_font_path() -> Path | None:
    """The bundled font file, or ``None`` in a broken installation."""
    try:
        path = bundled_dir("resources") / "fonts" / MARKS_FONT_FILE
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def install_marks_font() -> str | None:
    """Register the marks font with Qt (once; a Qt GUI application must exist).

    Returns its family name, or ``None`` when it could not be loaded: the
    marks then fall back to the system's fonts, as before, never an error.
    """
    if _installed:
        return _installed[0]
    from PySide6.QtGui import QFontDatabase

    path = marks_font_path()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    _installed.append(families[0])
    return families[0]
