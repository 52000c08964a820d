"""Classify what changed between two versions, row by row of the pair view.

Method: the pair rows (``pairing.pair_rows``) say which sentences carry the
same content. Rows only one version has are ``added``/``omitted``. For linked
rows, each detector of ``mentions.py`` lists numbers, names, dates, quotes,
attribution and hedges on both sides with normalised keys; a key on one side
and not the other is a typed change with the spans of both. A linked row whose
words differ but whose keys all agree is ``wording`` only — the lowest
severity, where spinner synonyms land.

Public API: ``read_changes``, ``default_pairs``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..model import Alignment, Document, OpKind
from ..pairing import PairRow, RowKind, pair_rows
from . import mentions as m
from .model import Change, ChangeType, Severity, Side

# Generic verbs of saying: present in almost every attributed sentence, they
# only matter together with who is speaking.
_GENERIC_ATTRIBUTION = {"said"}


def default_pairs(alignment: Alignment) -> list[tuple[Document, Document]]:
    """Every later version against the first one given."""
    documents = alignment.documents
    return [(documents[0], other) for other in documents[1:]]


def _side(document: Document, start: int, end: int) -> Side:
    return Side(document.id, start, end, document.text[start:end])


def _row_span(sentences: Sequence) -> tuple[int, int]:
    return sentences[0].start, sentences[-1].end


def _unit_of(alignment: Alignment, row: PairRow) -> str | None:
    for sentence in (*row.left, *row.right):
        for unit in alignment.units_of(sentence.id):
            return unit.id
    return None


def _inside(mention: m.Mention, phrases: Sequence[m.Mention]) -> bool:
    return any(p.start <= mention.start and mention.end <= p.end for p in phrases)


def _unmatched(mine: list[m.Mention], theirs: list[m.Mention]) -> list[m.Mention]:
    """Mentions whose key the other side has fewer times (a multiset difference)."""
    budget = Counter(x.key for x in theirs)
    left = []
    for mention in mine:
        if budget[mention.key] > 0:
            budget[mention.key] -= 1
        else:
            left.append(mention)
    return left


class _RowReader:
    def __init__(self, alignment: Alignment, left: Document, right: Document, intact: bool) -> None:
        self.alignment, self.left, self.right, self.intact = alignment, left, right, intact
        self.found: list[
            tuple[ChangeType, Severity, Side | None, Side | None, str, str | None]
        ] = []

    def add(
        self,
        kind: ChangeType,
        severity: Severity,
        a: Side | None,
        b: Side | None,
        explanation: str,
        unit: str | None,
    ) -> None:
        self.found.append((kind, severity, a, b, explanation, unit))

    def read(self, row: PairRow) -> None:
        unit = _unit_of(self.alignment, row)
        if row.kind == RowKind.ONLY_LEFT:
            a = _side(self.left, *_row_span(row.left))
            self.add(
                ChangeType.OMITTED,
                Severity.MEDIUM,
                a,
                None,
                f"Only in {self.left.outlet}: {self.right.outlet} leaves this out.",
                unit,
            )
            return
        if row.kind == RowKind.ONLY_RIGHT:
            b = _side(self.right, *_row_span(row.right))
            self.add(
                ChangeType.ADDED,
                Severity.MEDIUM,
                None,
                b,
                f"{self.right.outlet} adds this; {self.left.outlet} does not have it.",
                unit,
            )
            return
        if row.kind != RowKind.SHARED:
            return
        a_span, b_span = _row_span(row.left), _row_span(row.right)
        before = len(self.found)
        changed = any(op.kind != OpKind.EQUAL for op in row.ops)
        if changed:
            # Sourcing first: the numbers, names and "reportedly" inside a changed
            # attribution ("two officials told the Herald") are that change, not others.
            sourcing = self._attribution(a_span, b_span, unit)
            self._numbers(a_span, b_span, unit, sourcing)
            self._dates(a_span, b_span, unit)
            self._entities(a_span, b_span, unit, sourcing)
            self._hedging(a_span, b_span, unit, sourcing)
        self._quotes(a_span, b_span, unit, changed)
        typed = any(f[0] != ChangeType.QUOTE or f[1] != Severity.INFO for f in self.found[before:])
        if changed and not typed:
            words = sum(
                len(self.right.text[op.b_start : op.b_end].split())
                for op in row.ops
                if op.kind in (OpKind.REPLACE, OpKind.INSERT)
            )
            self.add(
                ChangeType.WORDING,
                Severity.LOW,
                _side(self.left, *a_span),
                _side(self.right, *b_span),
                f"Same content in other words ({words} word(s) differ).",
                unit,
            )

    def _compare(self, finder, a_span, b_span):
        mine = self._find(finder, self.left, a_span)
        theirs = self._find(finder, self.right, b_span)
        return _unmatched(mine, theirs), _unmatched(theirs, mine), mine, theirs

    def _find(self, finder, document: Document, span: tuple[int, int]) -> list[m.Mention]:
        """Mentions in the row's content sentences only: a row spanning from a
        headline to the lead must not read the dateline between them."""
        found: list[m.Mention] = []
        for sentence in document.content_sentences:
            if span[0] <= sentence.start and sentence.end <= span[1]:
                found.extend(finder(document.text, sentence.start, sentence.end))
        return found

    def _paired(self, kind, severity, label, a_span, b_span, unit, finder, skip=()) -> None:
        gone, new, _, _ = self._compare(finder, a_span, b_span)
        gone = [x for x in gone if not _inside(x, skip)]
        new = [x for x in new if not _inside(x, skip)]
        for index in range(max(len(gone), len(new))):
            old = gone[index] if index < len(gone) else None
            fresh = new[index] if index < len(new) else None
            a = _side(self.left, old.start, old.end) if old else _side(self.left, *a_span)
            b = _side(self.right, fresh.start, fresh.end) if fresh else _side(self.right, *b_span)
            if old and fresh:
                text = f"{label} changed: {a.text} → {b.text}."
            elif old:
                text = f"{label} dropped: {a.text}."
            else:
                text = f"{label} added: {b.text}."
            self.add(kind, severity, a, b, text, unit)

    def _numbers(self, a_span, b_span, unit, sourcing) -> None:
        self._paired(
            ChangeType.NUMBER, Severity.HIGH, "Number", a_span, b_span, unit, m.numbers, sourcing
        )

    def _dates(self, a_span, b_span, unit) -> None:
        self._paired(ChangeType.DATE, Severity.MEDIUM, "Date/time", a_span, b_span, unit, m.dates)

    def _entities(self, a_span, b_span, unit, sourcing) -> None:
        gone, new, _, _ = self._compare(m.entities, a_span, b_span)
        gone = [x for x in gone if not _inside(x, sourcing)]
        new = [x for x in new if not _inside(x, sourcing)]
        a_text = self.left.text[a_span[0] : a_span[1]].lower()
        b_text = self.right.text[b_span[0] : b_span[1]].lower()

        def surface(document: Document, mention: m.Mention) -> str:
            return document.text[mention.start : mention.end].lower()

        for mention in {x.key: x for x in gone}.values():
            if surface(self.left, mention) in b_text:
                continue  # named there, just not as a capitalised name
            a = _side(self.left, mention.start, mention.end)
            self.add(
                ChangeType.ENTITY,
                Severity.MEDIUM,
                a,
                _side(self.right, *b_span),
                f"Name dropped: {a.text}.",
                unit,
            )
        for mention in {x.key: x for x in new}.values():
            if surface(self.right, mention) in a_text:
                continue
            b = _side(self.right, mention.start, mention.end)
            self.add(
                ChangeType.ENTITY,
                Severity.MEDIUM,
                _side(self.left, *a_span),
                b,
                f"Name added: {b.text}.",
                unit,
            )

    def _attribution(self, a_span, b_span, unit) -> list[m.Mention]:
        """Report changed sourcing; return the source phrases involved (both sides)."""
        _, _, mine, theirs = self._compare(m.attributions, a_span, b_span)
        keys_a = {x.key for x in mine} - _GENERIC_ATTRIBUTION
        keys_b = {x.key for x in theirs} - _GENERIC_ATTRIBUTION
        if keys_a == keys_b:
            return []
        gone = [x for x in mine if x.key in keys_a - keys_b]
        new = [x for x in theirs if x.key in keys_b - keys_a]
        a = _side(self.left, gone[0].start, gone[0].end) if gone else _side(self.left, *a_span)
        b = _side(self.right, new[0].start, new[0].end) if new else _side(self.right, *b_span)
        named = {"named source"} | {k for k in keys_a if k.startswith("told ")}
        dropped_named = bool(keys_a & named) and not keys_b & named
        before = ", ".join(sorted(keys_a)) or "no source named"
        after = ", ".join(sorted(keys_b)) or "no source named"
        severity = Severity.HIGH if dropped_named or not keys_b else Severity.MEDIUM
        what = "Named source dropped" if dropped_named else "Sourcing changed"
        self.add(ChangeType.ATTRIBUTION, severity, a, b, f"{what}: {before} → {after}.", unit)
        return [*mine, *theirs]

    def _hedging(self, a_span, b_span, unit, sourcing) -> None:
        _, _, mine, theirs = self._compare(m.hedges, a_span, b_span)
        if sourcing:  # "reportedly" replacing a source is a sourcing change
            mine = [x for x in mine if x.key != "reportedly"]
            theirs = [x for x in theirs if x.key != "reportedly"]
        level_a = min((x.level for x in mine), default=1.0)
        level_b = min((x.level for x in theirs), default=1.0)
        keys_a, keys_b = {x.key for x in mine}, {x.key for x in theirs}
        if keys_a == keys_b or abs(level_a - level_b) < 0.15:
            return
        gone = [x for x in mine if x.key not in keys_b]
        new = [x for x in theirs if x.key not in keys_a]
        a = _side(self.left, gone[0].start, gone[0].end) if gone else _side(self.left, *a_span)
        b = _side(self.right, new[0].start, new[0].end) if new else _side(self.right, *b_span)
        direction = "less certain" if level_b < level_a else "more certain"
        self.add(
            ChangeType.HEDGING,
            Severity.MEDIUM,
            a,
            b,
            f"Certainty changed ({direction}): {', '.join(sorted(keys_a)) or 'plain statement'}"
            f" → {', '.join(sorted(keys_b)) or 'plain statement'}.",
            unit,
        )

    def _quotes(self, a_span, b_span, unit, changed: bool) -> None:
        quotes_a = m.quotes(self.left.text, *a_span)
        quotes_b = m.quotes(self.right.text, *b_span)
        b_words = set(m.normalise_quote(self.right.text[b_span[0] : b_span[1]]).split())
        for quote in quotes_a:
            a = _side(self.left, quote.start, quote.end)
            words = quote.key.split()
            best, overlap = None, 0.0
            for other in quotes_b:
                shared = len(set(words) & set(other.key.split())) / max(len(set(words)), 1)
                if shared > overlap:
                    best, overlap = other, shared
            if best is not None and best.key == quote.key:
                if self.intact:
                    self.add(
                        ChangeType.QUOTE,
                        Severity.INFO,
                        a,
                        _side(self.right, best.start, best.end),
                        "Quote intact.",
                        unit,
                    )
            elif best is not None and overlap >= 0.5:
                b = _side(self.right, best.start, best.end)
                kind = "truncated" if best.key in quote.key else "altered"
                self.add(
                    ChangeType.QUOTE,
                    Severity.HIGH,
                    a,
                    b,
                    f"Quote {kind} inside its quotation marks.",
                    unit,
                )
            elif changed and sum(w in b_words for w in words) >= 0.6 * len(words):
                self.add(
                    ChangeType.QUOTE,
                    Severity.MEDIUM,
                    a,
                    _side(self.right, *b_span),
                    "Quote paraphrased or kept without quotation marks.",
                    unit,
                )


def read_changes(
    alignment: Alignment,
    pairs: Iterable[tuple[Document, Document]] | None = None,
    include_intact: bool = False,
) -> list[Change]:
    """Typed changes for each (a, b) pair of versions (default: each against the first)."""
    changes: list[Change] = []
    for left, right in pairs if pairs is not None else default_pairs(alignment):
        reader = _RowReader(alignment, left, right, include_intact)
        for row in pair_rows(alignment, left, right):
            reader.read(row)
        for kind, severity, a, b, explanation, unit in reader.found:
            changes.append(Change(f"c{len(changes)}", kind, severity, a, b, explanation, unit))
    return changes
