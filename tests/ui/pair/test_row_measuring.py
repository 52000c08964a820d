"""Rows are measured on screen first and the rest while the reader reads.

Measuring a row (laying out its two cells) is the costly part of showing a
pair, so the list lays out rows it has not measured with an estimate; these
tests check that a reader never sees one: the rows on screen are measured
as soon as a pair is shown or a row is jumped to, the others follow without
being asked, and correcting estimates never moves what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView


def _on_screen(list_view) -> list[int]:
    top = list_view.indexAt(QPoint(1, 0)).row()
    bottom = list_view.indexAt(QPoint(1, list_view.viewport().height() - 1)).row()
    count = list_view.model().rowCount()
    return list(range(max(0, top), (bottom if bottom >= 0 else count - 1) + 1))


def _cut_rows(view) -> list[int]:
    """Rows laid out shorter than their taller cell's text."""
    delegate, list_view = view.delegate, view.list_view
    width = delegate.text_width()
    cut = []
    for number in range(view.model.rowCount()):
        index = view.model.index(number, 0)
        text = max(delegate.document(index, side, width).size().height() for side in (True, False))
        if list_view.visualRect(index).height() <= text:
            cut.append(number)
    return cut


def test_a_new_pair_shows_measured_rows_and_measures_the_rest_unasked(seeded, qtbot) -> None:
    view = seeded.pair_view
    view.set_pair(2, 3)
    rows = _on_screen(view.list_view)
    assert len(rows) >= 3
    assert all(view.delegate.measured(n) for n in rows)
    qtbot.waitUntil(lambda: not view.list_view.measuring(), timeout=5000)
    assert _cut_rows(view) == []


def test_jumping_to_a_far_row_measures_the_rows_around_it(seeded) -> None:
    view = seeded.pair_view
    view.set_pair(3, 4)
    last = view.model.rowCount() - 1
    view.select_row(last)
    rows = _on_screen(view.list_view)
    assert last in rows
    assert all(view.delegate.measured(n) for n in rows)


def test_correcting_estimates_keeps_the_top_row_in_place(seeded) -> None:
    view = seeded.pair_view
    list_view = view.list_view
    view.set_pair(1, 4)
    middle = view.model.index(view.model.rowCount() // 2, 0)
    list_view.scrollTo(middle, QAbstractItemView.ScrollHint.PositionAtTop)
    top = list_view.indexAt(QPoint(1, 0))
    before = list_view.visualRect(top).top()
    assert list_view.measuring()  # rows above and on screen still estimated
    list_view.finish_measuring()
    assert not list_view.measuring()
    assert list_view.visualRect(top).top() == before
    assert _cut_rows(view) == []
