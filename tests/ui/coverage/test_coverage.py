"""The coverage map: states with symbols, counts per version, tooltips as text, jumps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.coverage import CellState, coverage_grid
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.ui.coverage.model import COUNTS_ROLE, SENTENCE_ROLE


def test_cell_states_on_a_small_set() -> None:
    same = "The council approved the budget on Monday after a long debate."
    a = f"{same} The mayor praised the plan for new schools and a harbour bus line."
    b = f"{same} Only this version reports a protest outside the town hall by farmers."
    grid = coverage_grid(align(documents_from_texts([("a.txt", a), ("b.txt", b)])))
    rows = {grid.texts[r][0] or grid.texts[r][1]: grid.cells[r] for r in range(len(grid.units))}
    assert rows[same] == (CellState.VERBATIM, CellState.VERBATIM)
    assert any(cells == (CellState.ABSENT, CellState.ONLY) for cells in rows.values())
    assert grid.counts(1)[0] == 1  # one piece only b has


def test_map_fills_with_every_unit_and_version(seeded, qtmodeltester) -> None:
    model = seeded.coverage.view.model
    qtmodeltester.check(model)
    assert model.columnCount() == 5
    assert model.rowCount() == len(seeded.alignment.units)
    assert "only" in model.headerData(4, Qt.Orientation.Horizontal)


def test_tooltip_escapes_article_markup(window, tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("A reader typed <script>alert(1)</script> into the form on Monday.\n", "utf-8")
    b.write_text("Officials said the form was fixed on Tuesday after complaints.\n", "utf-8")
    window.open_paths([a, b])
    model = window.coverage.view.model
    tips = [
        model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
        for c in range(2)
    ]
    assert any("&lt;script&gt;" in t for t in tips)
    assert not any("<script>" in t for t in tips)


def test_clicking_a_cell_selects_that_sentence_in_the_pair_view(seeded) -> None:
    view = seeded.coverage.view
    model = view.model
    for line in range(model.rowCount()):
        sentence_id = model.index(line, 2).data(SENTENCE_ROLE)  # the third version
        if sentence_id:
            break
    view._clicked(line, 2)
    assert 2 in seeded.pair_view.pair
    row = seeded.pair_view.model.row_at(seeded.pair_view.current_row())
    assert sentence_id in {s.id for s in (*row.left, *row.right)}


def test_a_cell_can_be_shown_in_the_synopsis(seeded) -> None:
    view = seeded.coverage.view
    index = next(
        view.model.index(r, 2)
        for r in range(view.model.rowCount())
        if view.model.index(r, 2).data(SENTENCE_ROLE)
    )
    sentence = index.data(SENTENCE_ROLE)
    view.synopsis_chosen.emit(sentence)
    assert seeded.tabs.currentWidget() is seeded.synopsis.view
    row, column = seeded.synopsis.view.current_cell()
    assert column == 2 and row == seeded.synopsis.view.model.row_of_sentence(sentence) >= 0


def test_a_narrow_column_cuts_its_label_and_shows_compact_counts(seeded) -> None:
    """A long version label was clipped at both ends ("ia Associated Pres");
    now each line fits its column, the label cut with "…", the counts in
    their compact form when the long one does not fit."""
    from PySide6.QtGui import QFontMetrics

    view = seeded.coverage.view
    header = view.table.horizontalHeader()
    model = view.model
    width = 90
    metrics = QFontMetrics(header.font())
    for section in range(model.columnCount()):
        lines = header.fitted_text(section, width).split("\n")
        assert all(metrics.horizontalAdvance(line) <= width for line in lines)
        only, shared, missing = model.headerData(section, Qt.Orientation.Horizontal, COUNTS_ROLE)
        assert lines[-1] == f"{only} · {shared} · {missing}"
    wide = header.fitted_text(0, 2000)
    assert wide == model.headerData(0, Qt.Orientation.Horizontal)
