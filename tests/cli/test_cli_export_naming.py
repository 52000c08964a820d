"""``newsdiff export -o OUT`` takes the format from OUT's extension (issue 17, item 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.locations import ROOT

from newsdiff_gui.paths import seeds_dir


def export(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", "export", str(seeds_dir()), "-o", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize(
    ("name", "magic"),
    [("r.pdf", b"%PDF"), ("r.html", b"<!DOCTYPE html>"), ("R.HTM", b"<!DOCTYPE html>")],
)
def test_the_extension_chooses_the_format(tmp_path: Path, name: str, magic: bytes) -> None:
    out = tmp_path / name
    done = export(out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(magic)


def test_a_bare_name_needs_a_format_and_gets_its_extension(tmp_path: Path) -> None:
    bare = tmp_path / "report"
    refused = export(bare)
    assert refused.returncode == 2
    assert "cannot tell the report format" in refused.stderr
    assert "Traceback" not in refused.stderr and not bare.exists()
    done = export(bare, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.csv").read_text(encoding="utf-8").startswith("id,type")


def test_a_format_that_contradicts_the_name_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    done = export(out, "--format", "html")
    assert done.returncode == 2
    assert "does not match" in done.stderr and not out.exists()
