"""Reports: escaped article text, well-formed TEI, round-tripping CSV/JSON, a real PDF."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from support.html_tables import table_texts

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.compare.pairing import RowKind, pair_rows
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.engine.report import (
    changes_csv,
    html_report,
    json_report,
    tei_report,
    write_report,
)
from newsdiff_gui.paths import seed_files

HOSTILE = (
    "The council met on Monday. A resident wrote <script>alert(1)</script> on the "
    "<b>notice board</b>, officials said. The vote was 7 to 2."
)
PLAIN = (
    "The council met on Monday. A resident wrote on the notice board, officials said. "
    "The vote was 7 to 3."
)


@pytest.fixture(scope="module")
def hostile():
    alignment = align(documents_from_texts([("a.txt", HOSTILE), ("b.txt", PLAIN)]))
    return alignment, read_changes(alignment)


def test_html_escapes_article_text(hostile) -> None:
    alignment, changes = hostile
    html = html_report(alignment, changes)
    assert "<script>" not in html and "<b>notice" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;" in html


def test_tei_is_well_formed_escaped_and_has_one_app_per_unit(hostile) -> None:
    alignment, _ = hostile
    root = ET.fromstring(tei_report(alignment).split("\n", 1)[1])
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    assert len(root.findall(".//tei:app", ns)) == len(alignment.units)
    assert len(root.findall(".//tei:witness", ns)) == 2
    texts = " ".join(r.text or "" for r in root.findall(".//tei:rdg", ns))
    assert "<script>alert(1)</script>" in texts  # as text, parsed back from escaped XML


def test_csv_and_json_round_trip(hostile) -> None:
    alignment, changes = hostile
    rows = list(csv.DictReader(io.StringIO(changes_csv(changes))))
    assert [r["type"] for r in rows] == [c.type.value for c in changes]
    assert any(r["type"] == "number" for r in rows)
    data = json.loads(json_report(alignment, changes))
    assert data["schema"] == "newsdiff-alignment/1"
    assert len(data["changes"]) == len(changes)


def test_seed_html_report_has_every_section() -> None:
    alignment = align(load_article_set(seed_files()))
    html = html_report(alignment, read_changes(alignment))
    for heading in ("Versions", "compared with", "Changes", "Synopsis of all versions"):
        assert heading in html


def test_a_row_of_distant_sentences_prints_only_its_own() -> None:
    """A row holding a version's sentences 2 and 5 prints those two, not 3
    and 4 between them (they have rows of their own). On the seeds d0 ~ d1
    has three such row sides; the old report printed 612 characters for one
    where the row holds 312."""
    alignment = align(load_article_set(seed_files()))
    left, right = alignment.documents[:2]
    rows = pair_rows(alignment, left, right)
    table = table_texts(html_report(alignment, [], (left, right)))[0][1:]
    gapped = 0
    for row, (left_cell, _mark, right_cell) in zip(rows, table, strict=True):
        for sentences, cell in ((row.left, left_cell), (row.right, right_cell)):
            own = " ".join(" ".join(s.text for s in sentences).split())
            if row.kind != RowKind.BOILERPLATE:
                assert cell == own
            indices = [s.index for s in sentences]
            gapped += (
                indices != list(range(indices[0], indices[0] + len(indices))) if indices else 0
            )
    assert gapped == 3


def test_write_report_dispatches_by_format_and_needs_a_pdf_writer(hostile, tmp_path) -> None:
    alignment, changes = hostile
    write_report(alignment, changes, "tei", tmp_path / "r.xml")
    assert (tmp_path / "r.xml").read_text(encoding="utf-8") == tei_report(alignment)
    with pytest.raises(ValueError, match="pdf_writer"):
        write_report(alignment, changes, "pdf", tmp_path / "r.pdf")
    written: list[tuple[str, bool]] = []
    write_report(
        alignment,
        changes,
        "pdf",
        tmp_path / "r.pdf",
        pdf_writer=lambda html, path, landscape=False: written.append((html, landscape)),
    )
    ((html, landscape),) = written
    assert html.startswith("<!DOCTYPE html>") and not landscape  # two versions: portrait
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(alignment, changes, "docx", tmp_path / "r.docx")
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.docx").exists()
