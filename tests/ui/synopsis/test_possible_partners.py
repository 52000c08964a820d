"""Possible partners in the synopsis: a ≈? mark, a tooltip that names the
partner, and Link / Dismiss in the cell's context menu.

The bridge story of ``support.suggestions`` with the stand-in link model that
doubts only the death-toll pair (12 against 14): each toll sentence sits in a
row the other version lacks, marked as the other's possible partner.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from support.suggestions import (
    DOUBT,
    TOLL_DAILY,
    TOLL_WIRE,
    use_toll_doubting_model,
    write_bridge_story,
)

from newsdiff_gui.engine.compare.pairing import RowKind
from newsdiff_gui.engine.report.markers import PARTNER
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.pair.model import PARTNER_TEXT_ROLE
from newsdiff_gui.ui.synopsis.model import PARTNER_ROLE


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    use_toll_doubting_model(monkeypatch)
    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.open_paths(write_bridge_story(tmp_path / "bridge"))
    view = window.synopsis.view
    window.tabs.setCurrentIndex(window.tabs.indexOf(view))
    view.table.finish_measuring()
    return window


def _cell_of(win: MainWindow, fragment: str) -> tuple[int, int]:
    model = win.synopsis.view.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if fragment in model.index(row, column).data(Qt.ItemDataRole.DisplayRole):
                return row, column
    raise AssertionError(fragment)


def _marked(win: MainWindow) -> set[tuple[int, int]]:
    model = win.synopsis.view.model
    return {
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data(PARTNER_ROLE) is not None
    }


def test_the_toll_cells_are_marked_and_the_tooltip_names_the_partner(win) -> None:
    view = win.synopsis.view
    wire, daily = _cell_of(win, TOLL_WIRE), _cell_of(win, TOLL_DAILY)
    assert _marked(win) == {wire, daily}
    assert wire[0] != daily[0]  # two rows: each version lacks the other's toll
    tip = view.model.index(*wire).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{PARTNER.symbol} Possible partner: maybe the same as" in tip
    assert f"«At least 14 people were killed when the span…», {DOUBT:.2f}" in tip
    assert PARTNER.word.replace(" ", "&nbsp;") in view.legend.text()
    assert not view.table.grab().isNull()  # the ≈? mark is painted without error


def test_context_menu_link_joins_the_two_rows_as_a_manual_link(win) -> None:
    view = win.synopsis.view
    rows_before = view.model.rowCount()
    menu = view.cell_menu(*_cell_of(win, TOLL_DAILY))
    (link,) = [a for a in menu.actions() if a.text().startswith("Link with Possible Partner")]
    assert link.text().endswith(f"¶3, {DOUBT:.2f})")
    link.trigger()
    row, column = _cell_of(win, TOLL_WIRE)
    assert _cell_of(win, TOLL_DAILY)[0] == row  # one row now
    assert view.model.rowCount() == rows_before - 1
    assert view.model.manual(row, column) and _marked(win) == set()
    # The pair view agrees: one shared row, nothing offered any more.
    pair = win.pair_view.model
    shared = [n for n in range(pair.rowCount()) if pair.row_at(n).kind == RowKind.SHARED]
    assert any(TOLL_WIRE in pair.row_at(n).left[0].text for n in shared)
    assert not any(pair.index(n, 0).data(PARTNER_TEXT_ROLE) for n in range(pair.rowCount()))


def test_ctrl_d_dismisses_in_the_synopsis_and_the_pair_view(win, qtbot) -> None:
    view = win.synopsis.view
    view.select_cell(*_cell_of(win, TOLL_WIRE))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _marked(win) == set()
    assert _cell_of(win, TOLL_WIRE)[0] != _cell_of(win, TOLL_DAILY)[0]  # still apart
    pair = win.pair_view.model
    assert not any(pair.index(n, 0).data(PARTNER_TEXT_ROLE) for n in range(pair.rowCount()))
    menu = view.cell_menu(*_cell_of(win, TOLL_WIRE))
    assert not any("Possible Partner" in a.text() for a in menu.actions())


def test_link_with_base_offers_the_suggested_partner_first(win, qtbot) -> None:
    view = win.synopsis.view
    asked: list[str] = []

    def choose(_parent, choices, current):
        asked.append(choices[current][0])
        return None  # the reader cancels

    view.choose_base_sentence = choose
    view.select_cell(*_cell_of(win, TOLL_DAILY))  # base is the wire (column 0)
    view.link_current()
    (offered,) = asked
    assert TOLL_WIRE in win.alignment.article_set.sentence(offered).text
