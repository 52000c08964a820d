"""The changes dock and the versions' profiles, as a reader uses them."""

from __future__ import annotations

from newsdiff_gui.engine.changes import ChangeType
from newsdiff_gui.ui.pair.model import CHANGE_TAGS_ROLE


def test_changes_of_the_pair_on_screen_are_listed_with_counts(seeded) -> None:
    panel = seeded.changes.panel
    assert panel.changes, "no changes read for the seeds' first pair"
    assert panel.summary.text().startswith("A · Reuters → B · Realist")
    kinds = {c.type for c in panel.changes}
    assert {ChangeType.NUMBER, ChangeType.ATTRIBUTION, ChangeType.OMITTED} <= kinds
    assert "numbers" in panel.chips[ChangeType.NUMBER].text()


def test_filter_chip_hides_a_type(seeded) -> None:
    panel = seeded.changes.panel
    assert any(c.type == ChangeType.NUMBER for c in panel.visible_changes())
    panel.chips[ChangeType.NUMBER].setChecked(False)
    assert not any(c.type == ChangeType.NUMBER for c in panel.visible_changes())


def test_clicking_a_change_selects_its_row_in_the_pair_view(seeded, qtbot) -> None:
    panel = seeded.changes.panel
    from newsdiff_gui.ui.changes.panel import CHANGE_ROLE

    item = panel.list.item(0)
    change = item.data(CHANGE_ROLE)
    panel.list.itemClicked.emit(item)
    row = seeded.pair_view.current_row()
    assert row >= 0
    shown = seeded.pair_view.model.row_at(row)
    sentences = {s.id.split(":")[0] for s in (*shown.left, *shown.right)}
    side = change.a or change.b
    assert side.document in sentences


def test_gutter_carries_glyphs_for_typed_changes(seeded) -> None:
    model = seeded.pair_view.model
    tags = [model.index(n, 0).data(CHANGE_TAGS_ROLE) for n in range(model.rowCount())]
    assert any("№" in t for t in tags if t)


def test_versions_tab_shows_traits_and_sources(seeded) -> None:
    text = seeded.changes.profiles.text()
    assert "spun copy" in text
    assert "condensed rewrite or summary" in text
    assert "none in this set" in text


def test_swapping_reads_the_new_pair(seeded) -> None:
    seeded.pair_view.set_pair(1, 2)
    assert seeded.changes.panel.summary.text().startswith("B · Realist → ")
