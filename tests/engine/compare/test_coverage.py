"""Coverage: cell states per rule, sort orders, per-version counts."""

from __future__ import annotations

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.coverage import CellState, SortOrder, coverage
from newsdiff_gui.engine.load.articles import documents_from_texts

SAME = "The council approved the budget on Monday after a long debate."
LONG = (
    "The mayor praised the plan for new schools, a harbour bus line and a library "
    "that will open in the old post office next spring."
)
SHORT = "The mayor praised the plan for new schools."
ONLY = "Farmers protested outside the town hall against the new levy on diesel."


def _coverage():
    a = f"{SAME} {LONG}"
    b = f"{SAME.replace('on Monday', 'on Monday evening')} {SHORT}"
    c = f"{SAME} {ONLY}"
    return coverage(align(documents_from_texts([("a.txt", a), ("b.txt", b), ("c.txt", c)])))


def _row(cov, text: str) -> int:
    return next(r for r in range(cov.rows) if any(text in t for t in cov.grid.texts[r]))


def test_cell_states() -> None:
    cov = _coverage()
    same = _row(cov, "long debate")
    assert cov.cell(same, 0) == CellState.VERBATIM  # identical to c's
    assert cov.cell(same, 2) == CellState.VERBATIM
    assert cov.cell(same, 1) in (CellState.REWORDED, CellState.PARTIAL)
    mayor = _row(cov, "The mayor praised")
    assert cov.cell(mayor, 1) == CellState.PARTIAL  # a third of a's words
    assert cov.cell(mayor, 2) == CellState.ABSENT
    only = _row(cov, "Farmers")
    assert [cov.cell(only, c) for c in range(3)] == [
        CellState.ABSENT,
        CellState.ABSENT,
        CellState.ONLY,
    ]


def test_counts_per_version() -> None:
    cov = _coverage()
    counts = cov.all_counts()
    assert counts[2].unique == 1 and counts[2].shared == 1 and counts[2].missing == 1
    assert counts[0].unique == 0 and counts[0].shared == 2 and counts[0].missing == 0
    assert counts[0].carried == 2
    assert cov.shared_by_all() == 1 / 3


def test_lone_punctuation_is_not_content_a_version_alone_has() -> None:
    """A stray "." on its own line (a scraped page's leftover) is hidden from
    the map, so it must not count as "1 only here" in the version's counts."""
    a = f"{SAME}\n\n{LONG}"
    b = f"{SAME}\n\n.\n\n{LONG}"
    cov = coverage(align(documents_from_texts([("a.txt", a), ("b.txt", b)])))
    stray = [r for r in range(cov.rows) if cov.grid.texts[r][1].strip() == "."]
    assert stray and all(cov.grid.chrome[r] for r in stray)
    assert cov.counts(1).unique == 0
    assert cov.counts(1).shared == cov.counts(0).shared == 2


def test_sort_orders() -> None:
    cov = _coverage()
    spread = [
        sum(c != CellState.ABSENT for c in cov.grid.cells[r]) for r in cov.order(SortOrder.SPREAD)
    ]
    assert spread == sorted(spread, reverse=True)
    by_c = cov.order(SortOrder.VERSION, column=2)
    carried = [r for r in by_c if cov.cell(r, 2) != CellState.ABSENT]
    assert by_c[: len(carried)] == carried  # what c carries first, in c's order
    assert "long debate" in cov.grid.texts[by_c[0]][2]
    assert sorted(cov.order()) == list(range(cov.rows))
