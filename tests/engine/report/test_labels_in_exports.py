"""Exports name versions by their labels where outlets and headlines repeat."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from support.wire_copies import write_wire_copies

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes.profile import profile_versions
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.report.tei import tei_report
from newsdiff_gui.engine.report.title import report_title

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def test_tei_witnesses_and_the_report_title_tell_wire_copies_apart(tmp_path: Path) -> None:
    alignment = align(load_article_set(write_wire_copies(tmp_path)))
    assert {d.outlet for d in alignment.documents} == {"AP"}
    root = ET.fromstring(tei_report(alignment).split("\n", 1)[1])
    witnesses = root.findall(".//tei:listWit/tei:witness", NS)
    texts = [w.text or "" for w in witnesses]
    assert [t.split(" — ")[0] for t in texts] == ["A · AP ap-1", "B · AP ap-2", "C · AP ap-3"]
    assert all("Storm closes the coast road" in t and ".txt" in t for t in texts)  # identity
    assert [w.get("n") for w in witnesses] == ["A", "B", "C"]
    subtitle = report_title(alignment, made=date(2025, 11, 24)).subtitle
    assert subtitle.startswith("3 versions (A · AP ap-1, B · AP ap-2, C · AP ap-3)")


def test_a_likely_source_is_named_by_label_in_its_evidence(tmp_path: Path) -> None:
    alignment = align(load_article_set(write_wire_copies(tmp_path)))
    sourced = [p for p in profile_versions(alignment) if p.likely_source.document]
    assert sourced
    for profile in sourced:
        evidence = profile.likely_source.evidence[0]
        assert evidence.startswith(("A · AP ap-1 carries", "B · AP ap-2 carries"))
