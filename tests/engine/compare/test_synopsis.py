"""Synopsis: every unit once, the base reads in order, cells diffed against the base."""

from __future__ import annotations

import time

import pytest
from support.synthetic import synthetic_set

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.synopsis import CellStatus, synopsis
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import OpKind

A = (
    "The council approved the budget on Monday after a long debate. "
    "The mayor praised the plan for new schools. "
    "Turnout at the meeting was low."
)
B = (
    "The council approved the budget on Monday after a long debate. "
    "The mayor warmly praised the plan for three new schools. "
    "Farmers protested outside the town hall against the new levy."
)
C = (
    "Farmers protested outside the town hall against the new levy. "
    "The council approved the budget on Monday after a long debate."
)


@pytest.fixture(scope="module")
def small():
    return align(documents_from_texts([("a.txt", A), ("b.txt", B), ("c.txt", C)]))


def test_every_unit_is_one_row_and_cells_hold_that_versions_members(small) -> None:
    view = synopsis(small, 0)
    assert sorted(r.unit.id for r in view.rows) == sorted(u.id for u in small.units)
    for row in view.rows:
        for column, cell in enumerate(row.cells):
            expected = {m for m in row.unit.members if m.startswith(f"d{column}:")}
            assert {s.id for s in cell or ()} == expected


@pytest.mark.parametrize("base", [0, 1, 2])
def test_the_base_version_reads_top_to_bottom(small, base: int) -> None:
    view = synopsis(small, base)
    order = [row.cells[base][0].index for row in view.rows if row.cells[base]]
    assert order == sorted(order)


def test_statuses_and_only_in(small) -> None:
    view = synopsis(small, 0)
    by_text = {row.text(0) or row.text(1) or row.text(2): n for n, row in enumerate(view.rows)}
    same = by_text["The council approved the budget on Monday after a long debate."]
    assert [view.status(same, c) for c in range(3)] == [
        CellStatus.BASE,
        CellStatus.SAME,
        CellStatus.SAME,
    ]
    praised = by_text["The mayor praised the plan for new schools."]
    assert view.status(praised, 1) == CellStatus.CHANGED
    assert view.status(praised, 2) == CellStatus.ABSENT
    inserted = [
        small.documents[1].text[op.b_start : op.b_end].strip()
        for op in view.ops(praised, 1)
        if op.kind in (OpKind.INSERT, OpKind.REPLACE)
    ]
    assert "warmly" in inserted and any("three" in t for t in inserted)
    turnout = by_text["Turnout at the meeting was low."]
    assert view.rows[turnout].only_in == 0
    farmers = next(n for n, r in enumerate(view.rows) if "Farmers" in r.text(1))
    assert view.status(farmers, 1) == CellStatus.ADDED
    assert view.rows[farmers].only_in is None and view.rows[farmers].spread == 2


def test_new_base_is_a_cheap_recompute(small) -> None:
    view = synopsis(small, 0)
    other = view.with_base(2)
    assert other.base == 2
    first = other.rows[0]
    assert first.cells[2] is not None and first.cells[2][0].index == 0


def test_fifty_versions_are_fast() -> None:
    versions = synthetic_set(50, words=400, seed=3, drop=0.15, insert=0.1, spin=0.2)
    alignment = align(documents_from_texts([(v.name, v.text) for v in versions]))
    started = time.perf_counter()
    view = synopsis(alignment, 7)
    built = time.perf_counter() - started
    assert len(view.rows) == len(alignment.units)
    assert built < 0.25, built
    started = time.perf_counter()
    for row in range(min(30, len(view.rows))):  # a screenful of diffs
        for column in range(50):
            view.status(row, column)
    assert time.perf_counter() - started < 3.0
