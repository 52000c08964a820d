"""The PDF report keeps the hatched "this version lacks it" cells (Qt's text
engine reads no CSS gradient; ``pdf_writer`` hatches them) and its title."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

from newsdiff_gui import pdf_writer
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.report import html_report, write_report


def test_every_gap_cell_is_hatched_in_print(qtbot, seeded, tmp_path, monkeypatch) -> None:
    alignment = seeded.alignment
    html = html_report(alignment, [], for_print=True)
    gaps = html.count("class='gap'")
    assert gaps > 20  # the seeds have many passages some versions lack
    document = QTextDocument()
    document.setHtml(html)
    assert pdf_writer._hatch_gaps(document) == gaps
    hatched: list[int] = []
    real = pdf_writer._hatch_gaps
    monkeypatch.setattr(pdf_writer, "_hatch_gaps", lambda d: hatched.append(real(d)) or 0)
    out = tmp_path / "r.pdf"
    write_report(alignment, read_changes(alignment), "pdf", out, pdf_writer=pdf_writer.write_pdf)
    assert hatched == [gaps]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    title = re.search(rb"/Title \((.*?)\)|/Title <([0-9A-Fa-f]+)>", data)
    assert title is not None  # the report's title, not "newsdiff report"
