"""Possible partners: where the views offer a suggestion, and what the reader's answer does.

The story is ``support.suggestions``'s bridge collapse, aligned with a
stand-in link model that doubts only the pair whose numbers conflict (the
death toll, 12 against 14): that pair is the set's one suggestion.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.suggestions import (
    DAILY,
    DOUBT,
    TOLL_DAILY,
    TOLL_WIRE,
    WIRE,
    use_toll_doubting_model,
)

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.annotate.corrections import (
    apply_corrections,
    dismiss_correction,
    link_correction,
    unlink_correction,
)
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.changes import ChangeType, read_changes
from newsdiff_gui.engine.compare.pairing import RowKind, pair_rows
from newsdiff_gui.engine.compare.suggestions import cell_partners, pair_partners
from newsdiff_gui.engine.compare.synopsis import synopsis
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Alignment


@pytest.fixture
def bridge(monkeypatch: pytest.MonkeyPatch) -> Alignment:
    use_toll_doubting_model(monkeypatch)
    return align(documents_from_texts([("wire.txt", WIRE), ("daily.txt", DAILY)]))


def _id(alignment: Alignment, doc: int, fragment: str) -> str:
    return next(s.id for s in alignment.documents[doc].sentences if fragment in s.text)


def _toll(alignment: Alignment) -> tuple[str, str]:
    return _id(alignment, 0, TOLL_WIRE), _id(alignment, 1, TOLL_DAILY)


def test_the_doubted_toll_pair_is_the_one_suggestion_and_no_link(bridge: Alignment) -> None:
    wire, daily = _toll(bridge)
    (suggestion,) = bridge.suggestions
    assert (suggestion.a, suggestion.b, suggestion.score) == ((wire,), (daily,), DOUBT)
    assert not any(daily in unit.members for unit in bridge.units_of(wire))


def test_each_lone_toll_row_offers_the_other_as_its_partner(bridge: Alignment) -> None:
    wire, daily = _toll(bridge)
    rows = pair_rows(bridge, *bridge.documents)
    partners = pair_partners(bridge, rows, 0, 1)
    lone = {n for n, r in enumerate(rows) if r.kind in (RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT)}
    assert set(partners) < lone  # only lone rows, and not every lone row
    by_sentence = {(*rows[n].left, *rows[n].right)[0].id: p for n, p in partners.items()}
    assert set(by_sentence) == {wire, daily}
    (of_wire,) = by_sentence[wire]
    assert of_wire.mine == (wire,) and [s.id for s in of_wire.theirs] == [daily]
    assert of_wire.other == 1 and of_wire.score == DOUBT
    assert of_wire.sentence_pairs() == [(wire, daily)]
    # The toll is the second paragraph after the headline: ¶3, as a reader counts.
    assert of_wire.describe("Daily") == (
        f"maybe the same as Daily ¶3: «At least 14 people were killed when the span…», {DOUBT:.2f}"
    )
    (of_daily,) = by_sentence[daily]
    assert of_daily.other == 0 and [s.id for s in of_daily.theirs] == [wire]


def test_partners_follow_the_rows_whatever_their_order(bridge: Alignment) -> None:
    """Rows are found by the sentences they hold: another reading order (the
    pair view's is being reworked) moves the offer with its row."""
    rows = pair_rows(bridge, *bridge.documents)
    forward = pair_partners(bridge, rows, 0, 1)
    backward = pair_partners(bridge, rows[::-1], 0, 1)
    last = len(rows) - 1
    assert {last - n: p for n, p in backward.items()} == forward
    # Swapped sides: the same sentences, each still offered its partner.
    swapped = pair_rows(bridge, bridge.documents[1], bridge.documents[0])
    offers = pair_partners(bridge, swapped, 1, 0)
    assert {(*swapped[n].left, *swapped[n].right)[0].id for n in offers} == set(_toll(bridge))


def test_a_lone_row_facing_another_version_is_offered_nothing(monkeypatch) -> None:
    """The partner must be in the version on the other side: a third version
    without the toll leaves the wire's toll alone, with nothing to offer."""
    use_toll_doubting_model(monkeypatch)
    radio = "Portvale bridge\n\nRescue divers worked through the night to reach cars.\n"
    three = align(documents_from_texts([("w.txt", WIRE), ("d.txt", DAILY), ("r.txt", radio)]))
    wire = _id(three, 0, TOLL_WIRE)
    assert any(wire in s.a + s.b for s in three.suggestions)
    rows = pair_rows(three, three.documents[0], three.documents[2])
    assert any(r.kind == RowKind.ONLY_LEFT and r.left[0].id == wire for r in rows)
    assert pair_partners(three, rows, 0, 2) == {}


def test_synopsis_cells_offer_the_partner_where_the_row_lacks_its_version(
    bridge: Alignment,
) -> None:
    wire, daily = _toll(bridge)
    view = synopsis(bridge, 0)
    offers = cell_partners(view)
    assert len(offers) == 2
    for (row, column), (partner,) in offers.items():
        cell = view.rows[row].cells[column]
        assert cell is not None and cell[0].id in (wire, daily)
        assert view.rows[row].cells[partner.other] is None  # the partner's version is missing


def test_linking_a_suggestion_makes_one_unit_and_withdraws_the_offer(bridge: Alignment) -> None:
    wire, daily = _toll(bridge)
    linked = apply_corrections(bridge, [link_correction(bridge.article_set, wire, daily)])
    assert any(daily in unit.members for unit in linked.units_of(wire))
    assert linked.suggestions == ()
    rows = pair_rows(linked, *linked.documents)
    assert pair_partners(linked, rows, 0, 1) == {}


def test_dismissing_withdraws_the_offer_and_changes_nothing_else(bridge: Alignment) -> None:
    wire, daily = _toll(bridge)
    dismissed = apply_corrections(bridge, [dismiss_correction(bridge.article_set, daily, wire)])
    assert dismissed.suggestions == ()
    assert dismissed.units == bridge.units and dismissed.links == bridge.links


def test_unlinking_after_a_link_does_not_offer_the_pair_again(bridge: Alignment) -> None:
    wire, daily = _toll(bridge)
    article_set = bridge.article_set
    undone = apply_corrections(
        bridge,
        [link_correction(article_set, wire, daily), unlink_correction(article_set, wire, daily)],
    )
    assert not any(daily in unit.members for unit in undone.units_of(wire))
    assert undone.suggestions == ()


def test_a_correction_elsewhere_keeps_the_suggestions(bridge: Alignment) -> None:
    """Corrections rebuild the alignment; the suggestions must travel with it."""
    repairs = _id(bridge, 0, "closed for repairs")
    engineers = _id(bridge, 1, "Engineers from the capital")
    fixed = apply_corrections(bridge, [link_correction(bridge.article_set, repairs, engineers)])
    assert fixed.suggestions == bridge.suggestions


def test_a_later_link_replaces_a_dismissal_in_the_store(bridge: Alignment, tmp_path: Path) -> None:
    wire, daily = _toll(bridge)
    store = NotesStore(bridge.article_set, tmp_path)
    store.add_correction(dismiss_correction(bridge.article_set, wire, daily))
    assert apply_corrections(bridge, store.corrections).suggestions == ()
    store.add_correction(link_correction(bridge.article_set, wire, daily))
    assert len(store.corrections) == 1
    again = NotesStore(bridge.article_set, tmp_path)  # a restart
    linked = apply_corrections(bridge, again.corrections)
    assert any(daily in unit.members for unit in linked.units_of(wire))


def test_the_change_reader_reads_links_not_suggestions(bridge: Alignment) -> None:
    """Across a suggestion there is no typed change, only added and omitted
    content; once the reader links the pair, the toll's number change is read."""
    wire, daily = _toll(bridge)
    sentence = bridge.article_set.sentence
    documents = tuple(bridge.documents)

    def across(changes) -> list:
        return [
            c
            for c in changes
            if c.a is not None
            and c.b is not None
            and c.a.start < sentence(wire).end
            and sentence(wire).start < c.a.end
            and c.b.start < sentence(daily).end
            and sentence(daily).start < c.b.end
        ]

    before = read_changes(bridge, [documents], True)
    assert across(before) == []
    kinds = {(c.type, (c.a or c.b).start) for c in before}  # type: ignore[union-attr]
    assert (ChangeType.OMITTED, sentence(wire).start) in kinds
    assert (ChangeType.ADDED, sentence(daily).start) in kinds
    linked = apply_corrections(bridge, [link_correction(bridge.article_set, wire, daily)])
    after = across(read_changes(linked, [documents], True))
    assert ChangeType.NUMBER in {c.type for c in after}
