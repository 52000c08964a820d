"""Eight copies of one wire story: every view names each version differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from newsdiff_gui.ui.sets.versions_model import LETTER_ROLE
from tools.demo_sets import write_set

EXPECTED = [
    f"{letter} · AP {clock}"
    for letter, clock in zip(
        "ABCDEFGH", ("05:40", "06:25", "07:10", "08:05", "09:30", "11:15", "13:50", "16:20"),
        strict=True,
    )
]  # fmt: skip


@pytest.fixture
def wire(window, tmp_path: Path):
    """The window on eight AP copies with one headline, eight times of day."""
    paths = write_set("wire", tmp_path / "wire")
    window.open_paths([str(tmp_path / "wire")])
    assert len(window.alignment.documents) == len(paths) == 8
    return window


def test_pickers_name_every_copy_differently(wire) -> None:
    header = wire.pair_view.header
    for side in (header.left, header.right):
        texts = [side.combo.itemText(n) for n in range(side.combo.count())]
        assert [t.split(" — ")[0] for t in texts] == EXPECTED
        tip = side.combo.itemData(3, Qt.ItemDataRole.ToolTipRole)
        assert "wire-4.txt" in tip and "2025-03-04T08:05" in tip  # the full identity, on hover
    versions = wire.sidebar.versions
    names = [
        f"{versions.index(n, 0).data(LETTER_ROLE)} · {versions.index(n, 0).data()}"
        for n in range(8)
    ]
    assert names == EXPECTED


def test_synopsis_and_coverage_headers_name_every_copy_differently(wire) -> None:
    synopsis = wire.synopsis.view
    headers = [
        synopsis.model.headerData(c, Qt.Orientation.Horizontal).split("\n")[0] for c in range(8)
    ]
    assert [h.removesuffix(" · BASE") for h in headers] == EXPECTED
    assert synopsis.compact_box.isChecked()  # eight versions: compact columns
    assert [synopsis.base_combo.itemText(n).split(" (")[0] for n in range(8)] == EXPECTED
    coverage = wire.coverage.view.model
    across = [coverage.headerData(c, Qt.Orientation.Horizontal).split("\n")[0] for c in range(8)]
    assert across == EXPECTED


def test_changes_say_which_copy_adds_what(wire) -> None:
    wire.pair_view.set_pair(0, 7)
    summary = wire.changes.panel.summary.text()
    assert summary.startswith("A · AP 05:40 → H · AP 16:20")
    added = [c.explanation for c in wire.changes.panel.changes if c.type.value == "added"]
    assert added and all("H · AP 16:20 adds this; A · AP 05:40" in text for text in added)


def test_coverage_rows_are_labelled_with_the_gist_of_their_content(wire) -> None:
    model = wire.coverage.view.model
    down = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert "Police said about 120 homes in the…" in down
    assert any(label.startswith("We have not seen water this high") for label in down)
    assert not any(label.startswith("u") and label[1:].isdigit() for label in down)
    assert all(len(label) <= 38 for label in down)
    tip = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "carried by 8 of 8 versions" in tip


def test_hiding_columns_hides_the_rows_they_alone_carried(wire) -> None:
    view = wire.synopsis.view
    table = view.table
    model = view.model
    rows = model.synopsis.rows
    chrome = {n for n, row in enumerate(rows) if row.is_chrome}
    assert chrome  # copy D's photo credit and lone full stop
    assert table.hidden_rows() == chrome  # site chrome only: every row is some shown version's
    for column in range(2, 8):
        view.set_column_shown(column, False)
    hidden = table.hidden_rows()
    for row in range(model.rowCount()):
        carried = any(rows[row].cells[c] is not None for c in (0, 1))
        assert (row in hidden) == (not carried or row in chrome)
    assert len(hidden) > len(chrome)
    assert f"{len(rows) - len(hidden)} of {len(rows)} rows" in view.summary.text()
    view.carried_box.setChecked(False)
    assert table.hidden_rows() == chrome
    wire.view_options.chrome_action.trigger()  # View ▸ Show Site Chrome
    assert not table.hidden_rows()


def test_the_stories_panel_explains_shared(window) -> None:
    from newsdiff_gui.ui.sets.stories_model import SHARED, SHARED_MEANS

    stories = window.stories
    assert stories.note.text() == SHARED_MEANS
    assert stories.note.isVisibleTo(stories.dock)
    assert "every one of its versions carries" in SHARED_MEANS
    tip = stories.model.headerData(SHARED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == SHARED_MEANS
