"""File → Export Report… writes the chosen format for the pair on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog


@pytest.mark.parametrize(
    ("label", "name", "needle"),
    [
        ("HTML report (*.html)", "r.html", b"<!DOCTYPE html>"),
        ("PDF report (*.pdf)", "r.pdf", b"%PDF"),
        ("CSV: one row per change (*.csv)", "r.csv", b"id,type,severity"),
        ("TEI P5 collation (*.xml)", "r.xml", b"<?xml"),
    ],
)
def test_export_writes_the_chosen_format(seeded, tmp_path, monkeypatch, label, name, needle):
    target = tmp_path / name
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), label))
    )
    seeded.exporting.export()
    assert target.read_bytes().startswith(needle)
    assert "Report saved" in seeded.statusBar().currentMessage()


def test_export_is_in_the_file_menu(seeded) -> None:
    titles = [a.text() for a in seeded.menuBar().actions()[0].menu().actions()]
    assert "&Export Report…" in titles
