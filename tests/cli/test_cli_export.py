"""``newsdiff export`` from the command line: every format, written where asked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.locations import ROOT

from newsdiff_gui.paths import seeds_dir


def export(fmt: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdiff_gui",
            "export",
            str(seeds_dir()),
            "--format",
            fmt,
            "-o",
            str(out),
            *extra,
        ],
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


def test_pdf_holds_the_article_text(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert export("pdf", out).returncode == 0
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(
        [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Maduro" in text and "Synopsis of all versions" in text


def test_notes_base_and_corrections_reach_the_report(tmp_path: Path) -> None:
    """A note stored for the seeds (in the test's private data folder) appears
    rendered; --base marks the synopsis base; --no-notes leaves notes out."""
    from newsdiff_gui.engine.annotate.anchors import version_anchor
    from newsdiff_gui.engine.annotate.notes import NotesStore
    from newsdiff_gui.engine.load.articles import load_article_set_lenient

    article_set = load_article_set_lenient([seeds_dir()], keep_duplicates=True).article_set
    NotesStore(article_set).add_note(version_anchor(article_set.documents[1]), "Checked **<b>**")
    out = tmp_path / "report.html"
    done = export("html", out, "--base", "d1")
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<strong>&lt;b&gt;</strong>" in html and html.count("(base)") == 1
    data_out = tmp_path / "report.json"
    assert export("json", data_out).returncode == 0
    assert json.loads(data_out.read_text(encoding="utf-8"))["notes"][0]["text"] == "Checked **<b>**"
    assert export("html", out, "--no-notes").returncode == 0
    assert "Checked" not in out.read_text(encoding="utf-8")
    assert export("html", out, "--base", "nosuch").returncode == 2


def test_changes_csv_and_export_csv_are_one_format(tmp_path: Path) -> None:
    """One CSV writer: ``changes --csv`` and ``export --format csv`` give the
    same file for the same set, with the pair and the detail of each change."""
    out = tmp_path / "report.csv"
    assert export("csv", out).returncode == 0
    listed = subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", "changes", str(seeds_dir()), "--csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    exported = out.read_text(encoding="utf-8")
    assert listed.stdout == exported
    header = exported.splitlines()[0].split(",")
    assert len(header) == 15 and header[-2:] == ["documents", "detail"]
