"""File → Export Report…: the typed name decides the format, a bare name gets
an extension, the dialog starts where the last export went (issue 17, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

HTML, PDF, CSV = (
    "HTML report (*.html *.htm)",
    "PDF report (*.pdf)",
    "CSV: one row per change (*.csv)",
)


def _answer(monkeypatch, path: Path, label: str) -> list[str]:
    """The dialog answers ``path`` with filter ``label``; returns where it started."""
    started: list[str] = []

    def dialog(_parent, _caption, start, _filters, *rest, **kw):
        started.append(start)
        return str(path), label

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return started


@pytest.mark.parametrize(
    ("label", "typed", "written", "magic"),
    [
        (HTML, "report.pdf", "report.pdf", b"%PDF"),  # HTML selected, .pdf typed: a PDF
        (PDF, "report2", "report2.pdf", b"%PDF"),  # no extension: the selected type's
        (PDF, "page.html", "page.html", b"<!DOCTYPE html>"),
        (CSV, "data", "data.csv", b"id,type,severity"),
    ],
)
def test_the_typed_name_decides_the_format(
    seeded, tmp_path, monkeypatch, label, typed, written, magic
) -> None:
    _answer(monkeypatch, tmp_path / typed, label)
    assert seeded.exporting.export() == tmp_path / written
    assert (tmp_path / written).read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [written]  # nothing else written
    kind = "PDF" if magic == b"%PDF" else "HTML" if b"html" in magic else "CSV"
    assert seeded.statusBar().currentMessage() == f"{kind} report saved to {tmp_path / written}"


def test_the_dialog_starts_in_the_last_export_folder(seeded, tmp_path, monkeypatch) -> None:
    first = tmp_path / "reports" / "one.html"
    first.parent.mkdir()
    started = _answer(monkeypatch, first, HTML)
    seeded.exporting.export()
    _answer_again = _answer(monkeypatch, tmp_path / "reports" / "two.html", HTML)
    seeded.exporting.export()
    assert Path(started[0]).parent != first.parent  # nothing remembered yet
    assert Path(_answer_again[0]) == first.parent / "newsdiff-report.html"


def test_the_report_has_a_title(seeded, tmp_path, monkeypatch) -> None:
    _answer(monkeypatch, tmp_path / "r.html", HTML)
    seeded.exporting.export()
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    # The seeds' one whole headline, the versions and the day.
    assert "<h1>U.S. prepares new phase of operations against Maduro government</h1>" in html
    assert "5 versions (A · Reuters, B · Realist" in html and "report of " in html
