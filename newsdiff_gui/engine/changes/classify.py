"""Classify what changed between two versions, row by row of the pair view.

Method: the pair rows (``pairing.pair_rows``) say which sentences carry the
same content. Rows only one version has are ``added``/``omitted`` — unless the
other version has the very same sentence (after normalisation: typography,
case, spelling variants) unlinked somewhere, as the aligner leaves a repeated
headline or a byline in capitals: that is no change. Linked rows are read by
``rowreader.RowReader`` for every type of change independently. A linked row
whose words differ but whose keys all agree is ``wording`` only — the lowest
severity, where spinner synonyms land; the word diff already treats spelling
variants as equal, so those give no change at all.

Severity falls with the link's confidence: a typed change read on a link the
aligner is unsure of (calibrated score below 0.7) is one step less severe,
below 0.4 it is at most ``low``, and the explanation says so. A wrong link
(two different earthquakes) must not put a "number changed" at the top.

Public API: ``read_changes``, ``default_pairs``, ``row_confidence``, ``links_by_sentence``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence

from ..compare.labels import label_names
from ..compare.normalize import canonical_text
from ..compare.pairing import PairRow, RowKind, pair_rows
from ..model import Alignment, Document, Link, OpKind
from .model import Change, ChangeType, Severity, Side
from .rowreader import RowReader
from .rowside import RowSide

# Link confidence under which a change's severity drops one step, and two.
_UNSURE = 0.7
_DOUBTFUL = 0.4
_STEP_DOWN = {
    Severity.HIGH: Severity.MEDIUM,
    Severity.MEDIUM: Severity.LOW,
    Severity.LOW: Severity.LOW,
    Severity.INFO: Severity.INFO,
}


def default_pairs(alignment: Alignment) -> list[tuple[Document, Document]]:
    """Every later version against the first one given (give the original first)."""
    documents = alignment.documents
    return [(documents[0], other) for other in documents[1:]]


# The index of the last alignment asked about: a reader switching pairs asks
# about one alignment again and again (kept by identity, never past its life).
_indexed: tuple[weakref.ref[Alignment], dict[str, list[Link]]] | None = None


def links_by_sentence(alignment: Alignment) -> dict[str, list[Link]]:
    """Each sentence's links: ``row_confidence`` reads a row's few links
    instead of every link of the set (100 versions: 5 ms a row). Built once
    per alignment (10 ms for 100 versions); do not change the answer."""
    global _indexed
    known = _indexed
    if known is not None and known[0]() is alignment:
        return known[1]
    found: dict[str, list[Link]] = {}
    for link in alignment.links:
        for end in {*link.a, *link.b}:
            found.setdefault(end, []).append(link)
    _indexed = (weakref.ref(alignment), found)
    return found


def row_confidence(
    alignment: Alignment, row: PairRow, links_of: Mapping[str, Sequence[Link]] | None = None
) -> float:
    """How sure the aligner is that the row's two sides carry the same content:
    the best link joining them, or through a third version the weaker of the
    two links of that path. ``links_of`` (``links_by_sentence``) saves going
    through every link of the set for each row."""
    left = {s.id for s in row.left}
    right = {s.id for s in row.right}
    best_direct = 0.0
    reach_left: dict[str, float] = {}
    reach_right: dict[str, float] = {}
    if links_of is None:
        links: Iterable[Link] = alignment.links
    else:  # only links touching the row count; each once
        touching = {id(k): k for s in (*left, *right) for k in links_of.get(s, ())}
        links = touching.values()
    for link in links:
        ends = set(link.a) | set(link.b)
        score = 1.0 if link.manual else link.score
        touches_left, touches_right = bool(ends & left), bool(ends & right)
        if touches_left and touches_right:
            best_direct = max(best_direct, score)
            continue
        for touches, reach in ((touches_left, reach_left), (touches_right, reach_right)):
            if touches:
                for member in ends - left - right:
                    reach[member] = max(reach.get(member, 0.0), score)
    through = [min(reach_left[x], reach_right[x]) for x in reach_left.keys() & reach_right.keys()]
    return max([best_direct, *through])


def _soften(severity: Severity, confidence: float) -> Severity:
    if confidence >= _UNSURE:
        return severity
    severity = _STEP_DOWN[severity]
    return _STEP_DOWN[severity] if confidence < _DOUBTFUL else severity


def _unit_of(alignment: Alignment, row: PairRow) -> str | None:
    for sentence in (*row.left, *row.right):
        for unit in alignment.units_of(sentence.id):
            return unit.id
    return None


def _unlinked_twins(rows: list[PairRow]) -> set[int]:
    """Rows of one side whose sentence the other side has word for word (after
    normalisation) without a link: a repeated sentence or a re-cased byline."""
    keys: dict[int, str] = {}
    for number, row in enumerate(rows):
        if row.kind == RowKind.SHARED:
            continue
        sentences = row.left or row.right
        text = " ".join(canonical_text(s.text) for s in sentences)
        keys[number] = ("a" if row.left else "b") + text
    a_side = {k[1:] for k in keys.values() if k[0] == "a"}
    b_side = {k[1:] for k in keys.values() if k[0] == "b"}
    return {n for n, k in keys.items() if k[1:] in (b_side if k[0] == "a" else a_side)}


def _read_pair(
    alignment: Alignment,
    left: Document,
    right: Document,
    intact: bool,
    given: Sequence[PairRow] | None = None,
    links_of: Mapping[str, Sequence[Link]] | None = None,
) -> list[tuple[ChangeType, Severity, Side | None, Side | None, str, str, str | None]]:
    """(type, severity, a, b, explanation, detail, unit) for one pair, in row order."""
    out: list[tuple[ChangeType, Severity, Side | None, Side | None, str, str, str | None]] = []
    rows = list(pair_rows(alignment, left, right) if given is None else given)
    twins = _unlinked_twins(rows)
    if links_of is None:
        links_of = links_by_sentence(alignment)
    names = label_names(alignment.documents)  # "C · AP 10:02": unique, unlike outlets
    left_name, right_name = names.get(left.id, left.outlet), names.get(right.id, right.outlet)
    for number, row in enumerate(rows):
        unit = _unit_of(alignment, row)
        if number in twins or row.kind == RowKind.BOILERPLATE:
            continue
        if row.kind in (RowKind.ONLY_LEFT, RowKind.ONLY_RIGHT) and not any(
            s.has_words for s in (*row.left, *row.right)
        ):
            continue  # a lone "." or "—" is layout, not content added or left out
        if row.kind == RowKind.ONLY_LEFT:
            a = RowSide(left, row.left).whole()
            text = f"Only in {left_name}: {right_name} leaves this out."
            out.append((ChangeType.OMITTED, Severity.MEDIUM, a, None, text, "", unit))
        elif row.kind == RowKind.ONLY_RIGHT:
            b = RowSide(right, row.right).whole()
            text = f"{right_name} adds this; {left_name} does not have it."
            out.append((ChangeType.ADDED, Severity.MEDIUM, None, b, text, "", unit))
        elif row.kind == RowKind.SHARED:
            reader = RowReader(RowSide(left, row.left), RowSide(right, row.right), intact)
            changed = any(op.kind != OpKind.EQUAL for op in row.ops)
            reader.read(changed)
            typed = any(f[1] != Severity.INFO for f in reader.found)
            if changed and not typed:
                changed_ops = [op for op in row.ops if op.kind != OpKind.EQUAL]
                words = max(
                    sum(len(right.text[op.b_start : op.b_end].split()) for op in changed_ops),
                    sum(len(left.text[op.a_start : op.a_end].split()) for op in changed_ops),
                )
                reader.add(
                    ChangeType.WORDING,
                    Severity.LOW,
                    reader.left.whole(),
                    reader.right.whole(),
                    f"Same content in other words ({words} word(s) differ).",
                    "",
                )
            confidence = row_confidence(alignment, row, links_of) if reader.found else 1.0
            for kind, severity, a, b, text, detail in reader.found:
                softened = _soften(severity, confidence)
                if softened != severity:
                    text += f" (Link confidence {confidence:.2f}: these may be different facts.)"
                out.append((kind, softened, a, b, text, detail, unit))
    return out


def read_changes(
    alignment: Alignment,
    pairs: Iterable[tuple[Document, Document]] | None = None,
    include_intact: bool = False,
    *,
    rows: Mapping[tuple[str, str], Sequence[PairRow]] | None = None,
) -> list[Change]:
    """Typed changes for each (a, b) pair of versions, in pair then row order.

    Args:
        alignment: the N-way alignment of the set.
        pairs: the (a, b) pairs to compare; default: each later version against
            the first one given (``default_pairs``).
        include_intact: also list quotes kept word for word (type ``quote``,
            severity ``info``, explanation "Quote intact.").
        rows: ``pair_rows(alignment, a, b)`` already computed, by
            ``(a.id, b.id)`` (the pair view has them: word diffs are the
            costly part, and a pair switch then computes them once).
    """
    changes: list[Change] = []
    known = rows or {}
    links_of = links_by_sentence(alignment)
    for left, right in pairs if pairs is not None else default_pairs(alignment):
        for kind, severity, a, b, text, detail, unit in _read_pair(
            alignment, left, right, include_intact, known.get((left.id, right.id)), links_of
        ):
            number = f"c{len(changes)}"
            documents = (left.id, right.id)
            changes.append(Change(number, kind, severity, a, b, text, unit, documents, detail))
    return changes
