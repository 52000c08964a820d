"""The marks newsdiff shows for the same facts everywhere: a symbol and its word.

Colour is never the only cue (DESIGN.md): every row, cell and change carries
a symbol, and a legend names it. Written once here so the pair view's gutter,
the synopsis corners and legend, the coverage grid, the changes panel and
the HTML/PDF report cannot drift apart. Colours are the views' business
(themes); the report has its own print styles.

Public API: ``Mark``, the row marks (``OMITTED`` ``ADDED`` ``REWORDED``
``SAME`` ``BOILERPLATE`` ``MOVED``) and ``row_marker``; the synopsis marks
``CELL_MARKS``, ``ONLY_IN``, ``NOT_IN_BASE``, ``HATCH``; ``COVERAGE_MARKS``;
``CHANGE_GLYPHS``, ``CHANGE_WORDS``, ``GUTTER_CHANGE_TYPES``, ``SEVERITY_MARKS``; the reader's own
``NOTE``, ``MANUAL``, ``PENDING_LINK``, ``PARTNER``; the legend phrases ``PAIR_LEGEND``,
``STRUCK_MEANS``, ``UNDERLINED_MEANS``, ``BOILERPLATE_MEANS``.
"""

from __future__ import annotations

from typing import NamedTuple

from ..changes import ChangeType, Severity
from ..compare.coverage import CellState
from ..compare.pairing import PairRow, RowKind
from ..compare.synopsis import CellStatus


class Mark(NamedTuple):
    symbol: str
    word: str

    def __str__(self) -> str:
        return f"{self.symbol} {self.word}".strip()


# -- rows of the pair view (and of the report's pair table) -------------------------
OMITTED = Mark("−", "omitted")  # U+2212 minus: only the left version has it
ADDED = Mark("+", "added")  # only the right version has it
REWORDED = Mark("≈", "reworded")
SAME = Mark("=", "same")
BOILERPLATE = Mark("·", "boilerplate")
MOVED = Mark("↕", "moved")  # shared content the two versions tell in a different order


def row_marker(row: PairRow) -> Mark:
    """Symbol and word of a pair row (the gutter's non-colour cue)."""
    if row.kind == RowKind.ONLY_LEFT:
        return OMITTED
    if row.kind == RowKind.ONLY_RIGHT:
        return ADDED
    if row.kind == RowKind.BOILERPLATE:
        return BOILERPLATE
    return REWORDED if row.is_change else SAME


# What each mark means, for the legends of the pair view and the report.
PAIR_LEGEND = (
    (OMITTED, "only the left has it"),
    (ADDED, "only the right has it"),
    (REWORDED, ""),
)
STRUCK_MEANS = "words cut on the left"
UNDERLINED_MEANS = "words new on the right"
BOILERPLATE_MEANS = "credits, datelines"

# -- synopsis cells, against the base column ---------------------------------------
CELL_MARKS = {
    CellStatus.BASE: Mark("", "base"),
    CellStatus.SAME: Mark("=", "same words as the base"),
    CellStatus.CHANGED: Mark("≈", "reworded against the base"),
    CellStatus.ADDED: Mark("+", "not in the base"),
    CellStatus.ABSENT: Mark("—", "not in this version"),
}
ONLY_IN = Mark("★", "only in")  # no other version carries the row
NOT_IN_BASE = Mark("+", "not in base")
HATCH = "▨"  # the legend's picture of a hatched (absent) cell

# -- the coverage grid -----------------------------------------------------------
COVERAGE_MARKS = {
    CellState.VERBATIM: Mark("■", "verbatim"),
    CellState.REWORDED: Mark("◆", "reworded"),
    CellState.PARTIAL: Mark("◐", "partial"),
    CellState.ONLY: Mark(ONLY_IN.symbol, "only here"),
    CellState.ABSENT: Mark("·", "absent"),
}

# -- typed changes ------------------------------------------------------------------
CHANGE_GLYPHS = {
    ChangeType.NUMBER: "№",
    ChangeType.QUOTE: "“”",
    ChangeType.ATTRIBUTION: "@",
    ChangeType.HEDGING: "~",
    ChangeType.NEGATION: "¬",
    ChangeType.ENTITY: "Aa",
    ChangeType.DATE: "◷",
    ChangeType.ADDED: ADDED.symbol,
    ChangeType.OMITTED: OMITTED.symbol,
    ChangeType.WORDING: REWORDED.symbol,
}
CHANGE_WORDS = {
    ChangeType.NUMBER: "numbers",
    ChangeType.QUOTE: "quotes",
    ChangeType.ATTRIBUTION: "sourcing",
    ChangeType.HEDGING: "hedging",
    ChangeType.NEGATION: "negation",
    ChangeType.ENTITY: "names",
    ChangeType.DATE: "dates",
    ChangeType.ADDED: "added",
    ChangeType.OMITTED: "omitted",
    ChangeType.WORDING: "wording",
}
# Types worth a glyph in the pair view's gutter (added/omitted/wording have a row mark).
GUTTER_CHANGE_TYPES = (
    ChangeType.NUMBER,
    ChangeType.QUOTE,
    ChangeType.ATTRIBUTION,
    ChangeType.HEDGING,
    ChangeType.NEGATION,
    ChangeType.ENTITY,
    ChangeType.DATE,
)
SEVERITY_MARKS = {
    Severity.HIGH: "▲▲",
    Severity.MEDIUM: "▲",
    Severity.LOW: "·",
    Severity.INFO: "ⓘ",
}

# -- the reader's own marks ----------------------------------------------------------
NOTE = Mark("✎", "note")
MANUAL = Mark("✋", "linked by hand")
PENDING_LINK = Mark("⇢", "link")  # a sentence marked, waiting for its partner
# A partner the aligner suggests but doubts (below the confident level): the reader decides.
PARTNER = Mark("≈?", "possible partner")
