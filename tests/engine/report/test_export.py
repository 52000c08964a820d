"""Reports with the issue-6 additions: synopsis against a base, notes, escaping."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.annotate.anchors import sentence_anchor, version_anchor
from newsdiff_gui.engine.annotate.corrections import link_correction
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.report import changes_csv, html_report, json_report, tei_report

HOSTILE = (
    "The council met on Monday. A resident wrote <script>alert(1)</script> on the "
    "<b>notice board</b>, officials said. The vote was 7 to 2."
)
PLAIN = (
    "The council met on Monday. A resident wrote on the notice board, officials said. "
    "The vote was 7 to 3."
)


@pytest.fixture()
def hostile(tmp_path: Path):
    article_set = documents_from_texts([("a.txt", PLAIN), ("b.txt", HOSTILE)])
    alignment = align(article_set)
    store = NotesStore(article_set, tmp_path)
    store.add_note(sentence_anchor(article_set, "d1:s1"), "Quote **<script>x()</script>** here")
    store.add_note(version_anchor(article_set.documents[0]), "The *plain* copy.")
    store.add_correction(link_correction(article_set, "d0:s0", "d1:s2"))
    return alignment, read_changes(alignment), store


def test_html_escapes_article_text_and_notes_in_every_section(hostile) -> None:
    alignment, changes, store = hostile
    for base in (0, 1):
        html = html_report(alignment, changes, base=base, notes=store.described_notes(alignment))
        assert "<script>" not in html and "<b>notice" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;" in html
        assert "<h2>Notes</h2>" in html and "<em>plain</em>" in html
        assert "&lt;script&gt;x()&lt;/script&gt;" in html  # raw HTML off in notes
        assert "(base)" in html
    synopsis_part = html_report(alignment, changes, base=0).split("Synopsis of all versions")[1]
    assert "<ins>" in synopsis_part and "<del>" in synopsis_part  # 7 to 2 vs 7 to 3


def test_tei_escaped_and_well_formed(hostile) -> None:
    alignment, _, _ = hostile
    text = tei_report(alignment)
    assert "&lt;script&gt;" in text
    root = ET.fromstring(text.split("\n", 1)[1])
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    witnesses = root.findall(".//tei:listWit/tei:witness", ns)
    ids = {w.get("{http://www.w3.org/XML/1998/namespace}id") for w in witnesses}
    assert len(ids) == 2
    for rdg in root.findall(".//tei:app/tei:rdg", ns):
        assert rdg.get("wit")[1:] in ids


def test_json_and_csv_round_trip_with_notes_and_corrections(hostile) -> None:
    alignment, changes, store = hostile
    data = json.loads(
        json_report(alignment, changes, store.described_notes(alignment), store.corrections)
    )
    assert data["schema"] == "newsdiff-alignment/1"
    assert [n["text"] for n in data["notes"]] == [n.text for n in store.notes]
    assert data["notes"][0]["on"].startswith("sentence in")
    assert data["corrections"][0]["action"] == "link"
    rows = list(csv.DictReader(io.StringIO(changes_csv(changes))))
    assert len(rows) == len(changes)
    assert {r["a_text"] for r in rows} >= {c.a.text for c in changes if c.a}
