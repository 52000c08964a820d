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
    assert "report saved to" in seeded.statusBar().currentMessage()


def test_export_is_in_the_file_menu(seeded) -> None:
    titles = [a.text() for a in seeded.menuBar().actions()[0].menu().actions()]
    assert "&Export Report…" in titles


def test_export_carries_notes_corrections_and_the_synopsis_base(seeded, tmp_path, monkeypatch):
    """The report is what the window shows: the reader's notes (rendered, raw
    HTML off), the manual unlink applied, the synopsis against its base."""
    import json

    from newsdiff_gui.engine.annotate.anchors import version_anchor
    from newsdiff_gui.engine.compare.pairing import RowKind

    seeded.annotations.add_note(
        version_anchor(seeded.alignment.documents[1]), "Condensed *rewrite* <b>x</b>"
    )
    model = seeded.pair_view.model
    shared = next(n for n in range(model.rowCount()) if model.row_at(n).kind == RowKind.SHARED)
    row = model.row_at(shared)
    seeded.annotations.unlink([(a.id, b.id) for a in row.left for b in row.right])
    target = tmp_path / "r.html"
    label = "HTML report (*.html)"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), label))
    )
    seeded.exporting.export()
    html = target.read_text(encoding="utf-8")
    assert "Condensed <em>rewrite</em> &lt;b&gt;x&lt;/b&gt;" in html
    target = tmp_path / "r.json"
    label = "JSON: alignment and changes (*.json)"
    seeded.exporting.export()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["notes"][0]["text"].startswith("Condensed")
    assert {c["action"] for c in data["corrections"]} == {"unlink"}
    pair = {row.left[0].id, row.right[0].id}
    assert not any(pair <= set(unit["members"]) for unit in data["units"])
