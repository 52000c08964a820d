"""The synopsis view's legend line: what every mark in the cells means.

The text is the program's own (no article data), so it is safe as rich text;
colours come from the active theme, so the view rebuilds it on a palette
change. Spaces inside an entry are non-breaking: a symbol never wraps away
from its word.

Public API: ``legend_html``.
"""

from __future__ import annotations

from ...engine.compare.synopsis import CellStatus
from ...engine.report.markers import CELL_MARKS, HATCH, ONLY_IN, PARTNER, REWORDED
from ..base.theme import Theme


def legend_html(theme: Theme) -> str:
    """The legend as rich text in ``theme``'s colours."""
    struck = (
        f"<span style='background:{theme.deleted_bg.name()};color:{theme.deleted_fg.name()};"
        "text-decoration:line-through'>&nbsp;struck&nbsp;</span>"
    )
    underlined = (
        f"<span style='background:{theme.inserted_bg.name()};color:{theme.inserted_fg.name()};"
        "text-decoration:underline'>&nbsp;underlined&nbsp;</span>"
    )
    added = theme.added_accent.name()
    reworded = theme.reworded_accent.name()
    dim = theme.dim_text.name()
    changed, same = CELL_MARKS[CellStatus.CHANGED], CELL_MARKS[CellStatus.SAME]
    added_mark, absent = CELL_MARKS[CellStatus.ADDED], CELL_MARKS[CellStatus.ABSENT]
    entries = [
        "<b>BASE</b> column: the version the others are compared with",
        f"{struck} base words this version cuts",
        f"{underlined} words new here",
        f"<b style='color:{reworded}'>{changed.symbol}</b> {REWORDED.word}",
        f"<b style='color:{dim}'>{same.symbol}</b> same words",
        f"<b style='color:{added}'>{ONLY_IN}</b> one version",
        f"<b style='color:{added}'>{added_mark.symbol}</b> {added_mark.word}",
        f"<b style='color:{dim}'>{HATCH} {absent.symbol}</b> {absent.word}",
        f"<b style='color:{reworded}'>{PARTNER.symbol}</b> {PARTNER.word}",
    ]
    return " &nbsp; ".join(
        entry.replace(" ", "&nbsp;").replace("<span&nbsp;", "<span ").replace("<b&nbsp;", "<b ")
        for entry in entries
    )
