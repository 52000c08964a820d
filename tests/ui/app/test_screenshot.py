"""``newsdiff --screenshot``: a real PNG of a filled window, and exit codes on bad input.

Run as a subprocess, as users run it: the command creates its own
QApplication and event loop.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def _run(*args: str, theme: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEWSDIFF_THEME=theme)
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _colour_stats(path: Path) -> tuple[int, float]:
    """Distinct colours (sampled) and the share of pixels that are not the window background."""
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1400, 900)
    colours = set()
    background = image.pixel(image.width() - 5, image.height() // 2)
    different = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixel(x, y)
            colours.add(pixel)
            total += 1
            different += pixel != background
    return len(colours), different / total


def test_screenshot_is_a_filled_window(tmp_path, qapp) -> None:
    png = tmp_path / "shot.png"
    result = _run("--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    colours, share = _colour_stats(png)
    assert colours > 200  # text anti-aliasing, highlights, markers
    assert share > 0.05


def test_dark_screenshot_is_dark(tmp_path, qapp) -> None:
    png = tmp_path / "dark.png"
    result = _run("--screenshot", str(png), theme="dark")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    centre = image.pixelColor(image.width() // 2, image.height() - 40)
    assert centre.lightness() < 110


def test_screenshot_with_one_readable_file_exits_3(tmp_path, qapp) -> None:
    good = tmp_path / "a.txt"
    good.write_text("One version only. It says little.\n", encoding="utf-8")
    result = _run(str(good), str(tmp_path / "missing.txt"), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 3
    assert "missing.txt: no such file" in result.stderr
    assert not (tmp_path / "x.png").exists()
