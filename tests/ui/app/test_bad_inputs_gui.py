"""Every bad input of issue 8 in the GUI: the skipped-files dialog names the
file and the reason, and the other versions still load and align."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _make(kind: str, folder: Path, seeds: list[Path]) -> Path:
    path = folder / f"bad-{kind}.txt"
    if kind == "missing":
        return folder / "missing.txt"
    if kind == "empty":
        path.write_text("   \n\n", encoding="utf-8")
    elif kind == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.7\n" + bytes(200))
    elif kind == "zip":
        path.write_bytes(b"PK\x03\x04" + bytes(200))
    elif kind == "undecodable":
        path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    elif kind == "duplicate":
        path.write_bytes(seeds[0].read_bytes())
    elif kind == "empty-folder":
        path = folder / "nothing-here"
        path.mkdir()
        (path / "notes.bin").write_bytes(b"\x00\x01")
    elif kind == "symlink-loop":
        path = folder / "loop.txt"
        os.symlink(path, path)
    return path


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("missing", "no such file"),
        ("empty", "empty"),
        ("png", "PNG"),
        ("pdf", "PDF"),
        ("zip", "ZIP"),
        ("undecodable", ""),
        ("duplicate", "duplicate"),
        ("empty-folder", ""),
        ("symlink-loop", ""),
    ],
)
def test_bad_input_is_listed_and_the_rest_loads(window, seeds, skipped, tmp_path, kind, reason):
    bad = _make(kind, tmp_path, seeds)
    window.open_paths([seeds[0], seeds[1], bad])
    assert window.alignment is not None and len(window.alignment.documents) == 2
    assert skipped.calls, f"no skipped-files report for {kind}"
    reported, loaded = skipped.calls[-1]
    assert loaded == 2
    paths = [str(getattr(e, "path", "")) for e in reported]
    assert any(bad.name in p for p in paths), paths
    reasons = " ".join(str(getattr(e, "reason", "")) for e in reported)
    assert reason.lower() in reasons.lower()
