"""The synopsis tab: versions as columns, units as rows, diffs against a chosen base.

What a reader sees is tested through the model's roles and the delegate's
laid-out documents (the formats of the text as painted), on the seeds opened
inline in the main window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from support.hostile import HOSTILE
from support.hostile import HOSTILE_B as BASE_B

from newsdiff_gui.engine.compare.labels import version_labels
from newsdiff_gui.engine.compare.pieces import PieceKind
from newsdiff_gui.engine.compare.synopsis import CellStatus, synopsis
from newsdiff_gui.ui.synopsis.delegate import PAD_Y, fragments
from newsdiff_gui.ui.synopsis.model import ONLY_IN_ROLE, PIECES_ROLE, SENTENCES_ROLE, STATUS_ROLE

# The second version adds a paragraph only it has (a one-member row).
HOSTILE_B = BASE_B + (
    "\nA farmers' protest <b>blocked</b> the square outside the town hall for hours.\n"
)


@pytest.fixture
def view(seeded):
    view = seeded.synopsis.view
    seeded.tabs.setCurrentIndex(seeded.tabs.indexOf(view))
    view.table.finish_measuring()
    return view


def _cells(view, status: CellStatus) -> list[tuple[int, int]]:
    model = view.model
    return [
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.status(r, c) == status
    ]


def _document(view, row: int, column: int):
    """The laid-out text of a cell, as the delegate paints it."""
    table = view.table
    width = table.delegate.text_width(table.columnWidth(column))
    return table.delegate.document(row, column, width)


def test_columns_are_versions_and_rows_are_units(seeded, view, qtmodeltester) -> None:
    model = view.model
    qtmodeltester.check(model)
    alignment = seeded.alignment
    assert seeded.tabs.tabText(seeded.tabs.indexOf(view)) == "Synopsis"
    assert model.columnCount() == len(alignment.documents) == 5
    assert model.rowCount() == len(alignment.units)
    for column, document in enumerate(alignment.documents):
        assert document.outlet in model.headerData(column, Qt.Orientation.Horizontal)
    assert "BASE" in model.headerData(0, Qt.Orientation.Horizontal)
    # Every sentence of every unit is in exactly one cell of its row.
    shown = [
        s
        for r in range(model.rowCount())
        for c in range(5)
        for s in model.index(r, c).data(SENTENCES_ROLE)
    ]
    assert sorted(shown) == sorted(m for u in alignment.units for m in u.members)
    assert "5 of 5 versions shown" in view.summary.text()


def test_base_change_recomputes_statuses(seeded, view) -> None:
    model = view.model
    assert model.base == 0
    assert {model.status(r, 0) for r in range(model.rowCount())} <= {
        CellStatus.BASE,
        CellStatus.ABSENT,
    }
    view.set_base(2)  # the combo, as a reader would choose
    assert model.base == 2 and view.base_combo.currentIndex() == 2
    expected = synopsis(seeded.alignment, 2)
    for r in range(model.rowCount()):
        for c in range(5):
            assert model.index(r, c).data(STATUS_ROLE) == expected.status(r, c)
    assert {model.status(r, 2) for r in range(model.rowCount())} <= {
        CellStatus.BASE,
        CellStatus.ABSENT,
    }
    assert "BASE" in model.headerData(2, Qt.Orientation.Horizontal)
    assert "BASE" not in model.headerData(0, Qt.Orientation.Horizontal)


def test_hidden_column_disappears_and_reappears(view) -> None:
    table = view.table
    view.set_column_shown(3, False)
    assert table.isColumnHidden(3) and 3 not in table.shown_columns()
    assert "4 of 5 versions shown" in view.summary.text()
    view.set_base(1)  # arrangement survives a new base
    assert table.isColumnHidden(3)
    view.set_column_shown(3, True)
    assert not table.isColumnHidden(3) and 3 in table.shown_columns()
    assert table.columnWidth(3) > 0


def test_columns_menu_toggles_columns(view) -> None:
    view._fill_columns_menu()
    version_actions = [a for a in view.columns_menu.actions() if a.isCheckable()]
    assert len(version_actions) == 5 and all(a.isChecked() for a in version_actions)
    version_actions[4].setChecked(False)
    assert view.table.isColumnHidden(4)
    view._show_only(None)
    assert not view.table.isColumnHidden(4)


def test_reordering_columns_by_dragging_the_header(view) -> None:
    header = view.table.horizontalHeader()
    assert header.sectionsMovable()
    header.moveSection(header.visualIndex(4), 0)
    assert view.table.shown_columns()[0] == 4
    assert view.model.index(0, 4).data(Qt.ItemDataRole.DisplayRole)  # data follows the column
    view.set_base(3)
    assert view.table.shown_columns()[0] == 4  # kept across a new base


def test_single_member_row_says_which_version_alone_carries_it(seeded, view) -> None:
    model = view.model
    rows = [r for r in range(model.rowCount()) if model.synopsis.rows[r].only_in is not None]
    assert rows
    row = rows[0]
    column = model.synopsis.rows[row].only_in
    outlet = version_labels(seeded.alignment.documents)[column].short  # "C · …": unique
    assert model.index(row, column).data(ONLY_IN_ROLE) == outlet
    tooltip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Only in {outlet}" in tooltip
    assert _document(view, row, column).toPlainText().startswith(f"★ ONLY IN {outlet}")
    others = [c for c in range(5) if c != column]
    assert all(model.status(row, c) == CellStatus.ABSENT for c in others)
    assert all(model.index(row, c).data() == "—" for c in others)


def test_changed_cell_shows_struck_and_underlined_words(view) -> None:
    model = view.model
    for row, column in _cells(view, CellStatus.CHANGED):
        kinds = {p.kind for p in model.index(row, column).data(PIECES_ROLE)}
        assert PieceKind.DELETED in kinds or PieceKind.INSERTED in kinds
    changed = next(
        (r, c)
        for r, c in _cells(view, CellStatus.CHANGED)
        if {PieceKind.DELETED, PieceKind.INSERTED}
        <= {p.kind for p in model.index(r, c).data(PIECES_ROLE)}
    )
    pieces = model.index(*changed).data(PIECES_ROLE)
    runs = fragments(_document(view, *changed))
    struck = {text for text, fmt in runs if fmt.fontStrikeOut()}
    underlined = {text for text, fmt in runs if fmt.fontUnderline()}
    assert {p.text for p in pieces if p.kind == PieceKind.DELETED} <= struck
    assert {p.text for p in pieces if p.kind == PieceKind.INSERTED} <= underlined
    # The struck words are the base's; the rest is this version's own text.
    own = "".join(p.text for p in pieces if p.kind != PieceKind.DELETED)
    assert "".join(own.split()) == "".join(model.index(*changed).data().split())
    base_row_text = model.index(changed[0], model.base).data()
    for text in struck:
        assert text.split()[0] in base_row_text
    assert "reworded" in model.index(*changed).data(Qt.ItemDataRole.ToolTipRole)


def test_base_column_is_plain_and_same_cells_unmarked(view) -> None:
    model = view.model
    row, column = _cells(view, CellStatus.BASE)[0]
    assert {p.kind for p in model.index(row, column).data(PIECES_ROLE)} == {PieceKind.PLAIN}
    runs = fragments(_document(view, row, column))
    assert not any(fmt.fontStrikeOut() or fmt.fontUnderline() for _, fmt in runs)


def test_rows_are_tall_enough_for_wrapped_text_and_follow_resizes(view) -> None:
    table = view.table
    model = view.model

    def fits() -> bool:
        for r in range(model.rowCount()):
            for c in table.shown_columns():
                if model.status(r, c) == CellStatus.ABSENT:
                    continue
                needed = _document(view, r, c).size().height() + 2 * PAD_Y
                if table.rowHeight(r) < needed:
                    return False
        return True

    assert fits()
    tallest = max(range(model.rowCount()), key=table.rowHeight)
    before = table.rowHeight(tallest)
    for column in table.shown_columns():
        table.setColumnWidth(column, table.columnWidth(column) * 2 // 3)
    table.finish_measuring()
    assert fits() and table.rowHeight(tallest) > before


def test_markup_in_articles_is_shown_as_text(window, tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(HOSTILE_B, encoding="utf-8")
    window.open_paths([a, b])
    view = window.synopsis.view
    model = view.model
    view.table.finish_measuring()
    shown = []
    for r in range(model.rowCount()):
        for c in range(2):
            index = model.index(r, c)
            tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
            assert "<script>" not in tooltip and "<b>" not in tooltip
            if model.status(r, c) == CellStatus.ABSENT:
                continue
            document = _document(view, r, c)
            shown.append(document.toPlainText())
            assert "<script>" not in document.toHtml().replace("&lt;script&gt;", "")
            assert "<b>" not in document.toHtml().replace("&lt;b&gt;", "")
    text = " ".join(shown)
    assert "<script>alert(1)</script>" in text
    assert "<b>resigns</b>" in text and "quits</b>" in text  # "resigns" struck before "quits"
    assert any("<b>quits</b>" in model.index(r, 1).data() for r in range(model.rowCount()))
    assert "<b>blocked</b>" in text  # a row only one version has
    for c in range(2):
        header_tip = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert "<b>" not in header_tip and "<script>" not in header_tip


def _select_changed(view) -> tuple[int, int]:
    row, column = next(
        (r, c)
        for r, c in _cells(view, CellStatus.CHANGED)
        if view.model.sentence_ids(r, view.model.base)
    )
    view.select_cell(row, column)
    view.table.setFocus()
    return row, column


@pytest.fixture
def lone_view(seeded, qtbot):
    """A synopsis view of the seeds outside the window: its signals reach no store."""
    from newsdiff_gui.ui.synopsis.view import SynopsisView

    view = SynopsisView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.set_alignment(seeded.alignment)
    view.table.finish_measuring()
    return view


def test_link_unlink_and_note_signals_carry_the_ids(lone_view, qtbot) -> None:
    view = lone_view
    model = view.model
    row, column = _select_changed(view)
    own = model.sentence_ids(row, column)[0]
    base = model.sentence_ids(row, model.base)[0]

    with qtbot.waitSignal(view.unlink_requested, timeout=1000) as unlink:
        qtbot.keyClick(view.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert unlink.args == [own, base]

    offered: list[list[tuple[str, str]]] = []

    def choose(_parent, choices, current):
        offered.append(choices)
        assert 0 <= current < len(choices)
        return choices[-1][0]

    view.choose_base_sentence = choose
    with qtbot.waitSignal(view.link_requested, timeout=1000) as link:
        qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    base_document = model.synopsis.documents[model.base]
    assert [sid for sid, _ in offered[0]] == [s.id for s in base_document.content_sentences]
    assert link.args == [own, offered[0][-1][0]]

    with qtbot.waitSignal(view.note_requested, timeout=1000) as note:
        qtbot.keyClick(
            view.table,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert note.args == [own]

    # Cancelling the list emits nothing; the base column cannot be linked to itself.
    view.choose_base_sentence = lambda *_: None
    with qtbot.assertNotEmitted(view.link_requested):
        view.link_current()
    view.select_cell(row, model.base)
    with qtbot.assertNotEmitted(view.unlink_requested):
        view.unlink_current()
    assert not view.link_action.isEnabled() and view.note_action.isEnabled()


def test_click_emits_the_sentence_and_double_click_opens_the_pair(seeded, view, qtbot) -> None:
    model = view.model
    row, column = _select_changed(view)
    own = model.sentence_ids(row, column)[0]
    table = view.table
    table.scrollTo(model.index(row, column), QAbstractItemView.ScrollHint.PositionAtCenter)
    point = table.visualRect(model.index(row, column)).center()
    with qtbot.waitSignal(view.sentence_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [own]
    with qtbot.waitSignal(view.pair_requested, timeout=1000) as requested:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert requested.args == [model.base, column, own]
    pair_view = seeded.pair_view
    assert seeded.tabs.currentIndex() == seeded.tabs.indexOf(pair_view.parentWidget())
    assert pair_view.pair == (model.base, column)
    current = pair_view.model.row_at(pair_view.current_row())
    assert own in {s.id for s in current.right}


def test_dark_palette_reaches_the_cells(seeded, view, qapp) -> None:
    from newsdiff_gui.ui.base.theme import dark_palette

    seeded.setPalette(dark_palette())
    qapp.processEvents()
    assert view.table.delegate.theme.dark
    assert "#" in view.legend.text()


def test_a_correction_keeps_the_reader_on_the_same_sentence(seeded, view, qtbot) -> None:
    """The window stores the unlink and re-aligns; the synopsis follows the sentence."""
    model = view.model
    row, column = _select_changed(view)
    own = model.sentence_ids(row, column)[0]
    unlinked = model.sentence_ids(row, model.base)[0]
    before = model.synopsis
    qtbot.keyClick(view.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert model.synopsis is not before  # rebuilt from the corrected alignment
    row, column = view.current_cell()
    assert own in model.sentence_ids(row, column)
    assert unlinked not in model.synopsis.rows[row].unit.members


def test_show_in_pair_view_from_the_keyboard(seeded, view, qtbot) -> None:
    row, column = _select_changed(view)
    own = view.model.sentence_ids(row, column)[0]
    with qtbot.waitSignal(view.pair_requested, timeout=1000) as requested:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert requested.args == [view.model.base, column, own]


def test_nothing_to_compare_empties_the_synopsis(seeded, view, seeds, qtbot) -> None:
    assert view.model.rowCount() > 0
    with qtbot.waitSignal(seeded.load_failed, timeout=5000):
        seeded.open_paths([seeds[0], "missing.txt"])
    assert view.model.rowCount() == 0 and view.model.columnCount() == 0
    assert "Open two or more versions" in view.summary.text()


def test_a_hidden_column_no_longer_sets_row_heights(view) -> None:
    table = view.table
    model = view.model
    heights = {
        c: [table.delegate.cell_height(r, c, table.columnWidth(c)) for r in range(model.rowCount())]
        for c in range(5)
    }
    tallest = max(range(5), key=lambda c: sum(heights[c]))
    view.set_column_shown(tallest, False)
    table.finish_measuring()
    shown = table.shown_columns()
    for r in range(model.rowCount()):
        if all(model.status(r, c) == CellStatus.ABSENT for c in shown):
            assert table.isRowHidden(r)  # no shown version carries it: hidden
            continue
        expected = max(table.delegate.cell_height(r, c, table.columnWidth(c)) for c in shown)
        assert table.rowHeight(r) == expected


def test_next_and_previous_change_step_through_synopsis_rows(seeded) -> None:
    """N / P (and F7) on the Synopsis tab walk the rows where a shown version
    differs from the base, and select the first differing cell."""
    from newsdiff_gui.engine.compare.synopsis import CellStatus

    view = seeded.synopsis.view
    seeded.tabs.setCurrentWidget(view)
    model = view.model
    seeded.next_action.trigger()
    row, column = view.current_cell()
    assert row >= 0
    assert model.status(row, column) in (CellStatus.CHANGED, CellStatus.ADDED, CellStatus.BASE)
    seen = [row]
    while seeded._step_change(1):
        seen.append(view.current_cell()[0])
    assert seen == sorted(seen) and len(seen) > 5
    last = seen[-1]
    seeded.previous_action.trigger()
    assert view.current_cell()[0] == seen[-2] != last
    assert seeded.pair_view.current_row() == -1  # the pair view was not moved


def test_a_narrow_column_cuts_its_label_with_an_ellipsis(view) -> None:
    """Qt clipped a long two-line label at the column's edge; the header cuts
    each line to the column with "…" instead."""
    from PySide6.QtGui import QFontMetrics

    header = view.table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for section in range(view.table.model().columnCount()):
        text = header.fitted_text(section, 100)
        assert all(metrics.horizontalAdvance(line) <= 100 for line in text.split("\n"))
        full = view.table.model().headerData(section, Qt.Orientation.Horizontal)
        assert header.fitted_text(section, 3000) == full
    assert any("…" in header.fitted_text(s, 100) for s in range(view.table.model().columnCount()))
