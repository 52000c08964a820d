"""Possible partners in the pair view, as a reader meets and answers them.

The bridge story (``support.suggestions``) with the stand-in link model that
doubts only the pair whose death tolls conflict (12 against 14): its two
toll sentences are lone rows, each offered the other as a possible partner.
User folders are fresh per test (tests/conftest.py), so a second window on
the same files is "the app after a restart".
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

from newsdiff_gui.engine.changes import ChangeType
from newsdiff_gui.engine.compare.pairing import RowKind
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.pair.delegate import cell_rects
from newsdiff_gui.ui.pair.model import PARTNER_ROLE, PARTNER_TEXT_ROLE


@pytest.fixture
def bridge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    use_toll_doubting_model(monkeypatch)
    return write_bridge_story(tmp_path / "bridge")


def _open(qtbot, paths: list[Path]) -> MainWindow:
    win = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.open_paths(paths)
    win.activateWindow()  # window shortcuts (Ctrl+L, Ctrl+D) need the active window
    win.pair_view.list_view.setFocus()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def _row_of(win: MainWindow, fragment: str) -> int:
    model = win.pair_view.model
    for number in range(model.rowCount()):
        row = model.row_at(number)
        if any(fragment in s.text for s in (*row.left, *row.right)):
            return number
    raise AssertionError(f"no row holds {fragment!r}")


def _offers(win: MainWindow) -> dict[int, str]:
    model = win.pair_view.model
    texts = {n: model.index(n, 0).data(PARTNER_TEXT_ROLE) for n in range(model.rowCount())}
    return {n: t for n, t in texts.items() if t}


def _number_changes(win: MainWindow) -> list:
    return [c for c in win.changes.panel.changes if c.type == ChangeType.NUMBER]


def _click(qtbot, win: MainWindow, number: int, button: str) -> None:
    """Click the Link or Dismiss button painted in row ``number``'s offer."""
    view = win.pair_view.list_view
    index = win.pair_view.model.index(number, 0)
    view.scrollTo(index)
    left, _gutter, right = cell_rects(view.visualRect(index))
    gap = right if win.pair_view.model.row_at(number).kind == RowKind.ONLY_LEFT else left
    geometry = view.itemDelegate().offer.geometry(gap, index.data(PARTNER_TEXT_ROLE))
    target = geometry.link if button == "link" else geometry.dismiss
    assert win.pair_actions.partners.button_at(target.center()) == (number, button)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target.center())


def test_each_toll_row_offers_the_other_and_no_other_row_offers_anything(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    model = win.pair_view.model
    wire, daily = _row_of(win, TOLL_WIRE), _row_of(win, TOLL_DAILY)
    assert model.row_at(wire).kind == RowKind.ONLY_LEFT
    assert model.row_at(daily).kind == RowKind.ONLY_RIGHT
    offers = _offers(win)
    assert set(offers) == {wire, daily}
    right_name = win.alignment.documents[1].outlet
    assert offers[wire] == (
        f"maybe the same as {right_name} ¶3: «At least 14 people were killed when the span…», {DOUBT:.2f}"
    )
    assert f"«At least 12 people were killed when the span…», {DOUBT:.2f}" in offers[daily]
    # The partner is the one the engine suggests, and the tooltip says what to do.
    partner = model.index(wire, 0).data(PARTNER_ROLE)
    assert partner.score == DOUBT and TOLL_DAILY in partner.theirs[0].text
    assert "Link (Ctrl+L) or Dismiss" in model.index(wire, 0).data(Qt.ItemDataRole.ToolTipRole)
    # The row grew to show the whole offer under the gap label.
    view = win.pair_view.list_view
    rect = view.visualRect(model.index(wire, 0))
    _left, _gutter, gap = cell_rects(rect)
    offer = view.itemDelegate().offer.geometry(gap, offers[wire])
    assert rect.contains(offer.frame)


def test_link_button_makes_one_shared_row_and_the_changes_panel_reads_it(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    assert _number_changes(win) == []  # no typed change across a suggestion
    rows_before = win.pair_view.model.rowCount()
    _click(qtbot, win, _row_of(win, TOLL_WIRE), "link")
    model = win.pair_view.model
    shared = _row_of(win, TOLL_WIRE)
    assert shared == _row_of(win, TOLL_DAILY)  # one row now
    assert model.row_at(shared).kind == RowKind.SHARED
    assert model.rowCount() == rows_before - 1
    assert _offers(win) == {}
    (manual,) = [link for link in win.alignment.links if link.manual]
    assert {s.id for s in (*model.row_at(shared).left, *model.row_at(shared).right)} == {
        *manual.a,
        *manual.b,
    }
    (number,) = _number_changes(win)
    assert "12" in number.a.text and "14" in number.b.text


def test_ctrl_l_on_the_row_confirms_its_partner(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    win.pair_view.select_row(_row_of(win, TOLL_DAILY))
    qtbot.keyClick(win.pair_view.list_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.pair_actions.pending_link is None  # confirmed, not marked for linking
    assert win.pair_view.model.row_at(_row_of(win, TOLL_WIRE)).kind == RowKind.SHARED
    assert len(_number_changes(win)) == 1


def test_ctrl_l_on_a_row_without_partner_still_marks_it(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    lone = _row_of(win, "closed for repairs")
    win.pair_view.select_row(lone)
    qtbot.keyClick(win.pair_view.list_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.pair_actions.pending_link == win.pair_view.model.row_at(lone).left[0].id


def test_dismiss_hides_the_offer_for_this_set_and_can_be_undone(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    _click(qtbot, win, _row_of(win, TOLL_DAILY), "dismiss")
    model = win.pair_view.model
    assert _offers(win) == {}
    # Nothing else changed: both sentences are still lone, no change is read across them.
    assert model.row_at(_row_of(win, TOLL_WIRE)).kind == RowKind.ONLY_LEFT
    assert model.row_at(_row_of(win, TOLL_DAILY)).kind == RowKind.ONLY_RIGHT
    assert _number_changes(win) == []
    assert "Not partners" in win.notes.html()
    win.close()

    again = _open(qtbot, list(reversed(bridge)))  # a restart, the files in another order
    assert _offers(again) == {}
    (dismissal,) = again.annotations.corrections
    again.annotations.remove_correction(dismissal)
    assert len(_offers(again)) == 2


def test_ctrl_d_dismisses_and_the_menu_offers_both_answers(qtbot, bridge) -> None:
    win = _open(qtbot, bridge)
    wire = _row_of(win, TOLL_WIRE)
    texts = [a.text() for a in win.pair_actions.build_menu(wire).actions() if a.text()]
    name = win.alignment.documents[1].outlet
    assert f"Link with Its Possible Partner ({name} ¶3, {DOUBT:.2f})" in texts
    assert "Dismiss the Possible Partner: Not the Same" in texts
    plain = _row_of(win, "closed for repairs")
    texts = [a.text() for a in win.pair_actions.build_menu(plain).actions()]
    assert not any("Possible Partner" in t for t in texts)
    win.pair_view.select_row(wire)
    qtbot.keyClick(win.pair_view.list_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _offers(win) == {}


def test_on_the_seeds_every_suggestion_of_the_pair_is_offered(qtbot, seeds) -> None:
    """With the bundled model: each suggestion between the two versions on
    screen is offered on both of its lone rows, and nowhere else."""
    win = _open(qtbot, seeds)
    alignment = win.alignment
    model = win.pair_view.model
    left, right = (alignment.documents[n].id for n in win.pair_view.pair)
    expected = set()
    for suggestion in alignment.suggestions:
        docs = {suggestion.a[0].split(":")[0], suggestion.b[0].split(":")[0]}
        if docs == {left, right}:
            expected |= {_row_of_id(win, i) for i in (*suggestion.a, *suggestion.b)}
    assert set(_offers(win)) == expected
    assert all(model.row_at(n).kind != RowKind.SHARED for n in expected)


def _row_of_id(win: MainWindow, sentence_id: str) -> int:
    model = win.pair_view.model
    for number in range(model.rowCount()):
        row = model.row_at(number)
        if sentence_id in {s.id for s in (*row.left, *row.right)}:
            return number
    raise AssertionError(sentence_id)
