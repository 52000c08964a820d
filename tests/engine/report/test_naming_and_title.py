"""Report file names and titles: the format a name asks for, the title a report gets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.report import html_report
from newsdiff_gui.engine.report.naming import format_for_path, path_for_format
from newsdiff_gui.engine.report.title import report_title


@pytest.mark.parametrize(
    ("typed", "chosen", "written", "fmt"),
    [
        ("report.pdf", "html", "report.pdf", "pdf"),  # the name wins over the filter
        ("report2", "pdf", "report2.pdf", "pdf"),  # a missing extension is added
        ("r.HTM", "pdf", "r.HTM", "html"),
        ("table.csv", "json", "table.csv", "csv"),
        ("tei.xml", "html", "tei.xml", "tei"),
        ("notes.v2", "json", "notes.v2.json", "json"),  # an unknown one is kept
    ],
)
def test_path_for_format(typed: str, chosen: str, written: str, fmt: str) -> None:
    assert path_for_format(Path("out") / typed, chosen) == (Path("out") / written, fmt)


def test_format_for_path_and_unknown_formats() -> None:
    assert format_for_path("a/b.Pdf") == "pdf"
    assert format_for_path("a/b") is None
    with pytest.raises(ValueError):
        path_for_format("x", "docx")


def _alignment(titles: list[str], dates: list[str | None] | None = None):
    texts = []
    for number, title in enumerate(titles):
        texts.append(
            (f"v{number}.txt", f"{title}\n\nThe council met on Monday. The vote was 7 to {number}.")
        )
    return align(documents_from_texts(texts))


def test_the_title_names_story_versions_and_day() -> None:
    alignment = _alignment(
        [
            "WASHINGTON, Nov 22 (Reuters) – The council is poised to vote on a…",
            "Council votes on the budget",
            "Council votes on the budget, finally",
        ]
    )
    title = report_title(alignment, made=date(2025, 11, 24))
    assert title.headline == "Council votes on the budget"  # whole, not a cut-off dateline
    assert title.subtitle.startswith("3 versions (")
    assert title.subtitle.endswith("report of 24 November 2025")
    html = html_report(alignment, [], made=date(2025, 11, 24))
    assert "<h1>Council votes on the budget</h1>" in html
    assert f"<title>{title.text}</title>" in html
    assert html_report(alignment, [], title="Mine").count("Mine") == 2  # a given title stays


def test_the_title_is_escaped() -> None:
    alignment = _alignment(["<b>Council</b> & co", "Council & co"])
    html = html_report(alignment, [])
    assert "<b>Council" not in html and "&lt;b&gt;Council&lt;/b&gt; &amp; co" in html
