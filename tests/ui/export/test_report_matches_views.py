"""The HTML report prints what the app shows: row for row, cell for cell.

Both read the engine's ``compare.pieces``; before that the report cut a row
from the start of its first sentence to the end of its last and printed the
sentences of other rows in between (12 row sides on the seeds).
"""

from __future__ import annotations

import itertools

import pytest
from support.html_tables import table_texts

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.pairing import pair_rows
from newsdiff_gui.engine.compare.pieces import plain_text
from newsdiff_gui.engine.compare.synopsis import synopsis
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Alignment
from newsdiff_gui.engine.report import html_report
from newsdiff_gui.paths import seed_files
from newsdiff_gui.ui.pair.model import LEFT_TEXT_ROLE, RIGHT_TEXT_ROLE, PairRowsModel
from newsdiff_gui.ui.synopsis.model import PIECES_ROLE, SynopsisModel, build_cells


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align(load_article_set(seed_files()))


def test_report_pair_rows_read_as_the_pair_view(qapp, seeds: Alignment) -> None:
    """Every row of every ordered pair of the seeds: the report's two cells
    hold exactly the text of the pair view's two cells."""
    model = PairRowsModel()
    compared = 0
    for left, right in itertools.permutations(seeds.documents, 2):
        rows = pair_rows(seeds, left, right)
        model.set_rows(rows, left, right)
        pair_table = table_texts(html_report(seeds, [], (left, right)))[0][1:]  # after the header
        assert len(pair_table) == len(rows)
        for number, (left_cell, _mark, right_cell) in enumerate(pair_table):
            index = model.index(number, 0)
            assert left_cell == model.data(index, LEFT_TEXT_ROLE), (left.id, right.id, number)
            assert right_cell == model.data(index, RIGHT_TEXT_ROLE), (left.id, right.id, number)
            compared += 2
    assert compared == 2 * sum(
        len(pair_rows(seeds, a, b)) for a, b in itertools.permutations(seeds.documents, 2)
    )


@pytest.mark.parametrize("base", [0, 2])
def test_report_synopsis_reads_as_the_synopsis_view(qapp, seeds: Alignment, base: int) -> None:
    """Every cell of the report's synopsis holds the synopsis view's text."""
    view = synopsis(seeds, base)
    model = SynopsisModel()
    model.set_cells(build_cells(view))
    table = table_texts(html_report(seeds, [], base=base))[-1][1:]  # after the header
    assert len(table) == model.rowCount() == len(view.rows)
    for row, cells in enumerate(table):
        for column, text in enumerate(cells[1:]):  # the first cell is the unit label
            pieces = model.data(model.index(row, column), PIECES_ROLE)
            assert text == plain_text(pieces), (row, column)
