"""Every mark newsdiff shows has a glyph on any machine: the bundled font
covers them all, and once the window has registered it Qt falls back to it
for a mark the system fonts lack (issue 17, item 8: ✋ and ⓘ were empty boxes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont

from newsdiff_gui.engine.report import markers
from newsdiff_gui.marks_font import install_marks_font, marks_font_path

# Marks the window draws besides those in engine.report.markers (toolbar, exercise list).
UI_MARKS = "▲▼⇄✓◐✗"
PLAIN = set("+=·@~¬“”—–- ") | {chr(c) for c in range(0x20, 0x7F)}


def _all_marks() -> set[str]:
    found: set[str] = set(UI_MARKS)
    for name, value in vars(markers).items():
        if name.startswith("_"):
            continue
        texts: list[str] = []
        if isinstance(value, markers.Mark):
            texts.append(value.symbol)
        elif isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                texts.append(item.symbol if isinstance(item, markers.Mark) else str(item))
        found.update("".join(texts))
    return {c for c in found if c not in PLAIN and not c.isalnum()}


def test_the_bundled_font_has_every_mark(qapp) -> None:
    path = marks_font_path()
    assert path is not None
    raw = QRawFont(str(path), 12)
    assert raw.isValid()
    marks = _all_marks()
    assert {"✋", "ⓘ", "✎", "★", "▨"} <= marks  # the table is read, not empty
    assert "↕" in marks  # moved passages (the pair view's reading order)
    missing = sorted(c for c in marks if not raw.supportsCharacter(ord(c)))
    assert missing == [], f"marks without a glyph in the bundled font: {missing}"


def _ink(text: str) -> QImage:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont()
    font.setPointSize(20)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 30, text)
    painter.end()
    return image


def test_a_window_font_falls_back_to_the_marks(qapp) -> None:
    assert install_marks_font() == "Newsdiff Marks"
    tofu = _ink("\ue000")  # a private-use character no font has: Qt's empty box
    for mark in ("✋", "ⓘ"):
        assert _ink(mark) != tofu, f"{mark} still draws as an empty box"
