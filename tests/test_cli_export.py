"""``newsdiff export`` from the command line: every format, written where asked."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def export(fmt: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", "export", "seeds", "--format", fmt, "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("fmt", ["html", "json", "csv", "tei"])
def test_text_formats(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    done = export(fmt, out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Maduro" in text
    if fmt == "tei":
        ET.fromstring(text.split("\n", 1)[1])


def test_pdf(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    done = export("pdf", out)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 2
