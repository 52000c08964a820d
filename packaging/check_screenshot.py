"""Check that a ``newsdiff --screenshot`` PNG shows a real window, not a blank one.

Usage: ``python packaging/check_screenshot.py FILE.png`` (exit 0 = good).

Why these checks: a broken bundle (missing platform or font plugin) still
writes a PNG, but a blank, tiny or one-colour one. We want the screenshot
size, a few KB of real content and many distinct colours (text, highlights).
Uses the PNG decoder in Qt, which the build environment already has.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MIN_BYTES = 20_000
MIN_SIZE = (800, 600)
MIN_COLOURS = 64
MIN_NON_BACKGROUND = 0.05  # share of sampled pixels that differ from the most common colour


def check(path: Path) -> list[str]:
    """Problems found in the image (empty list = looks like a rendered window)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])  # image decoding needs plugins
    problems = []
    if not path.is_file():
        return [f"{path.name} was not written"]
    if path.stat().st_size < MIN_BYTES:
        problems.append(f"only {path.stat().st_size} bytes")
    image = QImage(str(path))
    if image.isNull():
        return [*problems, "not a readable PNG"]
    if image.width() < MIN_SIZE[0] or image.height() < MIN_SIZE[1]:
        problems.append(f"only {image.width()}x{image.height()} pixels")
    counts: dict[int, int] = {}
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    background = max(counts.values())
    if len(counts) < MIN_COLOURS:
        problems.append(f"only {len(counts)} colours")
    if 1 - background / total < MIN_NON_BACKGROUND:
        problems.append("almost all one colour")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check_screenshot.py FILE.png", file=sys.stderr)
        return 2
    problems = check(Path(sys.argv[1]))
    if problems:
        print(f"check_screenshot: {sys.argv[1]}: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"check_screenshot: {sys.argv[1]}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
