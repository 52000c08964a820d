"""Reading a pair in either version's order: every sentence once, moves found, chrome hidden."""

from __future__ import annotations

import itertools

import pytest
from support.moved_story import ADDED, DROPPED, EARLIER, LATER, MOVED

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.pairing import PairRow, RowKind
from newsdiff_gui.engine.compare.reading import Order, moved_rows, read_pair
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.engine.model import Alignment, Sentence
from newsdiff_gui.paths import seed_files


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align(load_article_set(seed_files()))


@pytest.fixture(scope="module")
def story() -> Alignment:
    return align(documents_from_texts([("earlier.txt", EARLIER), ("later.txt", LATER)]))


def _own(row: PairRow, order: Order) -> tuple[Sentence, ...]:
    return row.left if order is Order.LEFT else row.right


@pytest.mark.parametrize("order", list(Order))
def test_every_sentence_once_and_the_chosen_side_in_order(seeds: Alignment, order: Order) -> None:
    for left, right in itertools.permutations(seeds.documents, 2):
        reading = read_pair(seeds, left, right, order=order, show_chrome=True)
        assert reading.hidden_chrome == reading.hidden_punctuation == 0
        lefts = sorted(s.index for row in reading.rows for s in row.left)
        rights = sorted(s.index for row in reading.rows for s in row.right)
        assert lefts == list(range(len(left.sentences)))
        assert rights == list(range(len(right.sentences)))
        firsts = [_own(row, order)[0].index for row in reading.rows if _own(row, order)]
        assert firsts == sorted(firsts), f"{order.value} side out of its own order"


def test_moves_do_not_depend_on_the_order_chosen(seeds: Alignment) -> None:
    for left, right in itertools.permutations(seeds.documents, 2):
        moved = []
        for order in Order:
            reading = read_pair(seeds, left, right, order=order)
            pairs = zip(reading.rows, reading.places, strict=True)
            moved.append({(row.left[0].id, row.right[0].id) for row, place in pairs if place.moved})
        assert moved[0] == moved[1]


def test_the_update_reads_in_its_own_order_with_the_moved_paragraph_marked(
    story: Alignment,
) -> None:
    earlier, later = story.documents
    reading = read_pair(story, earlier, later, order=Order.RIGHT)
    texts = [(row.right or row.left)[0].text for row in reading.rows]
    # The later version opens (after its headline) with the union's paragraph.
    assert texts[1] == MOVED
    moved = [row.right[0].text for row, place in zip(reading.rows, reading.places, strict=True)
             if place.moved]  # fmt: skip
    assert moved[0] == MOVED and len(moved) == 2  # the paragraph's two sentences, nothing else
    place = reading.places[1]
    assert (place.left_paragraph, place.right_paragraph) == (5, 2)  # moved from ¶ 5 to ¶ 2
    assert place.left_opens and place.right_opens
    assert not reading.places[2].right_opens  # the paragraph's second sentence
    # What only one version has stays beside what it followed there.
    added = texts.index(ADDED)
    dropped = texts.index(DROPPED)
    assert dropped == added - 1
    # Left order: the same rows, the union's paragraph last of the shared ones.
    by_left = read_pair(story, earlier, later, order=Order.LEFT)
    assert len(by_left.rows) == len(reading.rows)
    assert [r.left[0].text for r in by_left.rows if r.kind == RowKind.SHARED][-2] == MOVED


def test_chrome_and_lone_punctuation_are_hidden_unless_asked_for(story: Alignment) -> None:
    earlier, later = story.documents
    hidden = read_pair(story, earlier, later)
    shown = read_pair(story, earlier, later, show_chrome=True)
    assert (hidden.hidden_chrome, hidden.hidden_punctuation) == (2, 1)
    assert len(shown.rows) == len(hidden.rows) + 3
    assert not any(row.kind == RowKind.BOILERPLATE for row in hidden.rows)
    assert any(row.right and row.right[0].text == "." for row in shown.rows)


def test_typography_and_case_are_changes_only_when_asked_for() -> None:
    plain = (
        'The mayor said "we will rebuild the bridge..." on Friday.\n\n'
        "Officials of THE HARBOUR BOARD agreed to pay for it.\n"
    )
    curly = (
        "The mayor said “we will rebuild the bridge…” on Friday.\n\n"
        "Officials of the Harbour Board agreed to pay for it.\n"
    )
    alignment = align(documents_from_texts([("a.txt", plain), ("b.txt", curly)]))
    left, right = alignment.documents
    loose = read_pair(alignment, left, right, show_chrome=True)
    exact = read_pair(alignment, left, right, show_chrome=True, exact=True)
    assert [row.kind for row in loose.rows] == [RowKind.SHARED, RowKind.SHARED]
    assert not any(row.is_change for row in loose.rows)
    assert all(row.is_change for row in exact.rows)  # the quotes, and the capitals


def test_a_row_order_swapped_wholesale_is_not_all_moved(seeds: Alignment) -> None:
    """Moves are the few rows outside the longest run in common, never most rows."""
    for left, right in itertools.permutations(seeds.documents, 2):
        reading = read_pair(seeds, left, right)
        shared = [r for r in reading.rows if r.kind == RowKind.SHARED]
        assert len(moved_rows(list(reading.rows))) <= len(shared) // 2
