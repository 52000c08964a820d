"""One self-contained HTML report: versions, legend, the pair table with word
highlights, the change list, a synopsis of all versions against a base
version, and the user's notes (Markdown rendered with raw HTML off).

Why inline CSS and no script: the file must open anywhere, be mailed or
archived as it is, and print legibly in grey — so deleted words are struck
through and inserted ones underlined, not only coloured. Every article string
passes through ``html.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from ..annotate.notes import Note, render_note_html
from ..changes import Change
from ..compare.labels import label_names
from ..compare.pairing import PairRow, RowKind, pair_rows
from ..compare.pieces import Piece, PieceKind, cell_pieces, side_pieces
from ..compare.synopsis import Synopsis, synopsis
from ..model import Alignment, Document
from .markers import BOILERPLATE_MEANS, PAIR_LEGEND, STRUCK_MEANS, UNDERLINED_MEANS, row_marker
from .title import report_title

_BODY = 'body{{font-family:Georgia,"DejaVu Serif",serif;{size};color:#1d1d1d;background:#fff}}'
_SCREEN_BODY = "font-size:11pt;line-height:1.5;margin:2em"
_CSS = """
h1,h2{font-family:Helvetica,Arial,sans-serif}
table{border-collapse:collapse;width:100%;margin:1em 0}
td,th{border:1px solid #bbb;padding:.4em .6em;vertical-align:top}
th{background:#eee;font-family:Helvetica,Arial,sans-serif;text-align:left}
del{background:#fbd5d5;color:#7a1111;text-decoration:line-through}
ins{background:#d3f2d7;color:#0e5a1e;text-decoration:underline}
.mark{font-family:Helvetica,Arial,sans-serif;text-align:center;white-space:nowrap;width:6em}
.unit{font-family:Helvetica,Arial,sans-serif;font-size:9pt}
.gap{background:repeating-linear-gradient(45deg,#fff,#fff 6px,#eee 6px,#eee 12px)}
.boiler{color:#777;font-style:italic}
.label{font-family:Helvetica,Arial,sans-serif;font-size:8pt;font-weight:bold;color:#777}
.sev-high{font-weight:bold}
.note{border-left:3px solid #888;padding-left:.8em}
.subtitle{font-family:Helvetica,Arial,sans-serif;color:#555;margin-top:-.5em}
@media print{del{background:none}ins{background:none}}
"""


# The PDF: small type, tight lines and cells, headings close to their tables.
# Qt's text engine reads px and % for line-height, and no @media rules.
# (Qt keeps the first rule it reads for body, so the print body is its own rule.)
_PRINT_BODY = "font-size:8pt;line-height:115%;margin:0"
_PRINT_CSS = (
    "h1{font-size:14pt;margin:0 0 2px 0}h2{font-size:10.5pt;margin:8px 0 2px 0}"
    ".subtitle{margin:0 0 4px 0}p{margin:2px 0}li{margin:0}ul,ol{margin:2px 0}"
    "table{margin:3px 0}td,th{padding:1px 3px}.unit{font-size:6.5pt}.label{font-size:6pt}"
    ".mark{width:4em}"
)
# Qt's text engine (the PDF) reads none of the CSS gradients: a gap cell also
# carries this grey as its bgcolor, which browsers paint under the hatch and
# ``newsdiff_gui.pdf_writer`` replaces with a hatch pattern.
PRINT_GAP_COLOUR = "#f0f0f0"
_GAP_CELL = f"<td class='gap' bgcolor='{PRINT_GAP_COLOUR}'></td>"


_MARKUP = {
    PieceKind.PLAIN: ("", ""),
    PieceKind.DELETED: ("<del>", "</del>"),
    PieceKind.INSERTED: ("<ins>", "</ins>"),
    PieceKind.LABEL: ("<span class='label'>", "</span>"),
    PieceKind.BOILERPLATE: ("<span class='boiler'>", "</span>"),
}


def _marked(pieces: Iterable[Piece]) -> str:
    """Pieces as HTML: deleted words struck, inserted ones underlined, all text escaped."""
    parts = []
    for piece in pieces:
        opening, closing = _MARKUP[piece.kind]
        parts.append(f"{opening}{escape(piece.text)}{closing}")
    return "".join(parts)


def _pair_table(alignment: Alignment, left: Document, right: Document) -> str:
    names = label_names(alignment.documents)
    rows = [
        f"<tr><th width='45%'>{escape(names[left.id])}<br><small>{escape(left.name)}</small></th>"
        f"<th class='mark' width='10%'></th>"
        f"<th width='45%'>{escape(names[right.id])}<br><small>{escape(right.name)}</small></th>"
        "</tr>"
    ]
    for row in pair_rows(alignment, left, right):
        rows.append(_pair_row(left, right, row))
    return "<table>" + "".join(rows) + "</table>"


def _side(row: PairRow, document: Document, left: bool) -> str:
    """One cell of a pair row: the pair view's own pieces, or a hatched gap."""
    if not (row.left if left else row.right):
        return _GAP_CELL if row.kind != RowKind.BOILERPLATE else "<td></td>"
    return f"<td>{_marked(side_pieces(row, document, left))}</td>"


def _pair_row(left: Document, right: Document, row: PairRow) -> str:
    return (
        f"<tr>{_side(row, left, True)}<td class='mark'>{escape(str(row_marker(row)))}</td>"
        f"{_side(row, right, False)}</tr>"
    )


def _synopsis_cell(view: Synopsis, row: int, column: int) -> str:
    """A cell's text with its differences from the base cell inline: base words
    it lacks struck through, its own new words underlined (as the synopsis view)."""
    if view.rows[row].cells[column] is None:
        return _GAP_CELL
    return f"<td>{_marked(cell_pieces(view, row, column, view.status(row, column)))}</td>"


def _synopsis(alignment: Alignment, base: int) -> str:
    view = synopsis(alignment, base)
    documents = alignment.documents
    names = label_names(documents)
    # Width attributes, not CSS: Qt's rich text (the PDF) honours only these,
    # and without them the label column takes the room the text needs.
    share = 94 // max(1, len(documents))
    head = "".join(
        f"<th width='{share}%'>{escape(names[d.id])}{' (base)' if n == base else ''}<br>"
        f"<small>{escape(d.name)}</small></th>"
        for n, d in enumerate(documents)
    )
    rows = [f"<tr><th width='6%'>unit</th>{head}</tr>"]
    for number, row in enumerate(view.rows):
        cells = "".join(_synopsis_cell(view, number, c) for c in range(len(documents)))
        only = row.only_in
        if only is not None:
            label = f"only in {escape(names[documents[only].id])}"
        else:
            label = row.unit.relation.value if row.unit.relation else ""
        rows.append(
            f"<tr><td class='unit'>{escape(row.unit.id)}<br><small>{label}</small></td>{cells}</tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _notes(notes: list[tuple[str, Note]]) -> str:
    if not notes:
        return ""
    items = "".join(
        f"<li><p><small>On {escape(label)}</small></p>"
        f"<div class='note'>{render_note_html(note.text)}</div></li>"
        for label, note in notes
    )
    return f"<h2>Notes</h2><ul>{items}</ul>"


def _changes(alignment: Alignment, changes: list[Change]) -> str:
    names = label_names(alignment.documents)
    items = []
    for change in changes:
        sides = []
        for label, side in (("a", change.a), ("b", change.b)):
            if side:
                sides.append(
                    f"<br><small>{label} · {escape(names[side.document])} "
                    f"{side.start}–{side.end}:</small> {escape(side.text)}"
                )
        items.append(
            f"<li class='sev-{change.severity.value}'>[{change.type.value}, "
            f"{change.severity.value}] {escape(change.explanation)}{''.join(sides)}</li>"
        )
    return "<ol>" + "".join(items) + "</ol>" if items else "<p>No changes.</p>"


def html_report(
    alignment: Alignment,
    changes: list[Change],
    pair: tuple[Document, Document] | None = None,
    title: str | None = None,
    *,
    base: int = 0,
    notes: list[tuple[str, Note]] | None = None,
    for_print: bool = False,
    made: date | None = None,
) -> str:
    """The whole report as one HTML string.

    Args:
        pair: the two versions of the pair table (default: the first two).
        title: the heading; by default the story, its versions and the date
            the report was ``made`` (today unless given), see ``report_title``.
        base: the synopsis column the other versions are compared against.
        notes: ``(label, note)`` pairs, e.g. ``NotesStore.described_notes``;
            note Markdown is rendered with raw HTML off, labels escaped.
        for_print: smaller type and no page margin of its own, for the PDF
            (Qt's text engine ignores ``@media print``; the page has margins).
    """
    documents = alignment.documents
    names = label_names(documents)  # "C · AP 07:10": unique where outlets repeat
    left, right = pair or (documents[0], documents[1])
    versions = "".join(
        f"<li><b>{escape(names[d.id])}</b> — {escape(d.title)} <small>({escape(d.outlet)}, "
        f"{escape(d.date + ', ') if d.date else ''}{escape(d.name)}, "
        f"{d.word_count} words)</small></li>"
        for d in documents
    )
    entries = [f"{mark}: {means}" if means else str(mark) for mark, means in PAIR_LEGEND]
    entries += [
        f"<del>struck</del> {STRUCK_MEANS}",
        f"<ins>underlined</ins> {UNDERLINED_MEANS}",
        f"<span class='boiler'>boilerplate</span>: {BOILERPLATE_MEANS}",
    ]
    legend = f"<p class='legend'>Legend: {' &nbsp;·&nbsp; '.join(entries)}</p>"
    synopsis_legend = (
        f"<p class='legend'>Each version against the base, "
        f"{escape(names[documents[base].id])}: <del>struck</del> words of the base it lacks, "
        "<ins>underlined</ins> words it has instead or in addition; a hatched cell: "
        "the version lacks that content.</p>"
    )
    if title is None:
        named = report_title(alignment, made)
        heading, subtitle, page_title = named.headline, named.subtitle, named.text
    else:
        heading, subtitle, page_title = title, "", title
    subtitle_html = f"<p class='subtitle'>{escape(subtitle)}</p>" if subtitle else ""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(page_title)}</title>"
        f"<style>{_BODY.format(size=_PRINT_BODY if for_print else _SCREEN_BODY)}"
        f"{_CSS}{_PRINT_CSS if for_print else ''}</style>"
        "</head><body>"
        f"<h1>{escape(heading)}</h1>{subtitle_html}<h2>Versions</h2><ul>{versions}</ul>"
        f"<h2>{escape(names[left.id])} compared with {escape(names[right.id])}</h2>{legend}"
        f"{_pair_table(alignment, left, right)}"
        f"<h2>Changes</h2>{_changes(alignment, changes)}"
        f"<h2>Synopsis of all versions</h2>{synopsis_legend}{_synopsis(alignment, base)}"
        f"{_notes(notes or [])}"
        "</body></html>\n"
    )
