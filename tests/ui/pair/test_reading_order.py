"""The pair view read in either version's order: moved passages marked, paragraphs
shown, site chrome hidden, typography ignored, and the reader's place kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from support.moved_story import ADDED, EARLIER, LATER, MOVED
from support.typography import typography_only

from newsdiff_gui.engine.compare.pairing import RowKind
from newsdiff_gui.engine.compare.reading import Order
from newsdiff_gui.paths import seed_files
from newsdiff_gui.ui.pair.model import PLACE_ROLE, RIGHT_TEXT_ROLE


@pytest.fixture
def story(window, tmp_path: Path):
    """The window on the invented two-version story (earlier left, later right)."""
    earlier, later = tmp_path / "earlier.txt", tmp_path / "later.txt"
    earlier.write_text(EARLIER, encoding="utf-8")
    later.write_text(LATER, encoding="utf-8")
    window.open_paths([earlier, later])
    return window


def _right_texts(view) -> list[str]:
    model = view.model
    return [model.index(n, 0).data(RIGHT_TEXT_ROLE) for n in range(model.rowCount())]


def test_right_order_reads_the_later_version_as_published(story, qtmodeltester) -> None:
    view = story.pair_view
    assert view.order is Order.LEFT
    story.view_options.order_actions[Order.RIGHT].trigger()
    assert view.order is Order.RIGHT
    texts = [t for t in _right_texts(view) if t]
    later_sentences = [s.text for s in story.alignment.documents[1].content_sentences]
    assert texts[1].startswith(MOVED)
    # Every right cell, top to bottom, in the later version's own order.
    positions = [later_sentences.index(t) for t in texts if t in later_sentences]
    assert positions == sorted(positions)
    assert view.reading_bar.buttons[Order.RIGHT].isChecked()
    qtmodeltester.check(view.model)


def test_moved_passages_carry_a_glyph_and_say_where_they_came_from(story) -> None:
    view = story.pair_view
    view.set_order(Order.RIGHT)
    model = view.model
    moved = [n for n in range(model.rowCount()) if model.index(n, 0).data(PLACE_ROLE).moved]
    assert model.row_at(moved[0]).right[0].text == MOVED
    assert len(moved) == 2
    tip = model.index(moved[0], 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "↕ Moved from ¶ 5 of A · earlier" in tip and "(¶ 2 here)" in tip
    # Moved rows are steps of next/previous change, even with the same words.
    assert set(moved) <= set(model.change_rows())
    # The overview strip has a band for them.
    view.overview.resize(16, 400)
    view.overview.refresh()
    assert any(kind == "moved" for _, _, kind in view.overview.bands())


def test_each_versions_paragraph_breaks_are_marked(story) -> None:
    view = story.pair_view
    model = view.model
    places = [model.index(n, 0).data(PLACE_ROLE) for n in range(model.rowCount())]
    rows = [model.row_at(n) for n in range(model.rowCount())]
    # Left order: the fares paragraph opens on both sides, its second sentence on neither.
    fares = next(n for n, r in enumerate(rows) if r.left and r.left[0].text.startswith("Fares"))
    assert places[fares].left_opens and places[fares].right_opens
    assert not places[fares + 1].left_opens
    # A row that opens a paragraph is taller than its text alone: room for "¶ n".
    option = QStyleOptionViewItem()
    opening = view.delegate.sizeHint(option, model.index(fares, 0)).height()
    inside = view.delegate.sizeHint(option, model.index(fares + 1, 0)).height()
    assert opening > inside


def test_site_chrome_and_lone_punctuation_are_hidden_until_asked_for(story) -> None:
    view = story.pair_view
    kinds = [view.model.row_at(n).kind for n in range(view.model.rowCount())]
    assert RowKind.BOILERPLATE not in kinds
    assert "." not in _right_texts(view)
    assert (
        "2 rows of site chrome and 1 of punctuation alone hidden" in view.reading_bar.hidden.text()
    )
    story.view_options.chrome_action.trigger()  # View ▸ Show Site Chrome
    assert story.context.options.show_chrome
    kinds = [view.model.row_at(n).kind for n in range(view.model.rowCount())]
    assert kinds.count(RowKind.BOILERPLATE) == 2
    assert "." in _right_texts(view)
    assert view.reading_bar.hidden.text() == ""


def test_a_typography_only_copy_of_a_seed_shows_no_word_change(window, tmp_path: Path) -> None:
    seed = seed_files()[0]
    copy = tmp_path / "copy.txt"
    copy.write_text(typography_only(seed.read_text(encoding="utf-8")), encoding="utf-8")
    window.open_paths([seed, copy])
    view = window.pair_view
    counts = view.counts()
    assert counts.shared > 10
    assert (counts.reworded, counts.only_left, counts.only_right) == (0, 0, 0)
    assert view.model.change_rows() == []
    assert view.reading_bar.position.text() == "No changes"
    # View ▸ Show Typography and Case Changes: the quotes and capitals are changes.
    window.view_options.typography_action.trigger()
    assert window.context.options.exact
    assert view.counts().reworded > 0


def test_swapping_keeps_the_current_row_and_reads_the_same_version(story) -> None:
    view = story.pair_view
    view.set_order(Order.RIGHT)
    added = next(n for n, t in enumerate(_right_texts(view)) if t == ADDED)
    view.select_row(added)
    story.swap_action.trigger()
    assert view.pair == (1, 0)
    assert view.order is Order.LEFT  # still the later version's order, now on the left
    row = view.model.row_at(view.current_row())
    assert row.left and row.left[0].text == ADDED


def test_the_bar_says_which_change_the_reader_is_on(story) -> None:
    view = story.pair_view
    total = len(view.model.change_rows())
    assert view.reading_bar.position.text() == f"{total} changes"
    view.next_change()
    view.next_change()
    assert view.change_position() == (2, total)
    assert view.reading_bar.position.text() == f"Change 2 of {total}"


def test_clicking_the_overview_strip_goes_to_that_row(story, qtbot) -> None:
    view = story.pair_view
    strip = view.overview
    strip.resize(16, 400)
    strip.refresh()
    last = view.model.rowCount() - 1
    assert strip.row_at(399) == last
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(8, 398))
    assert view.current_row() == last


def test_the_bars_show_link_turns_site_chrome_on_everywhere(story) -> None:
    view = story.pair_view
    assert not story.view_options.chrome_action.isChecked()
    view.reading_bar.hidden.linkActivated.emit("show")
    assert story.view_options.chrome_action.isChecked()
    assert story.context.options.show_chrome
    assert view.options.show_chrome  # the pair view follows the context's options
    assert not story.synopsis.view.table.hidden_rows() & {
        n for n, row in enumerate(story.synopsis.view.model.synopsis.rows) if row.is_chrome
    }


def test_the_changes_panel_does_not_depend_on_what_the_view_hides(story) -> None:
    """The lone '.' the later version adds is layout, not content: neither the
    pair view nor Changes (nor ``newsdiff changes``) offers it as an addition, while
    the sentence it adds is; the order read changes nothing."""

    def explained() -> list[str]:
        return sorted(f"{c.type.value}: {c.b.text if c.b else c.a.text}"
                      for c in story.changes.panel.changes)  # fmt: skip

    before = explained()
    assert "added: ." not in before
    assert f"added: {ADDED}" in before
    story.pair_view.set_order(Order.RIGHT)
    assert explained() == before
