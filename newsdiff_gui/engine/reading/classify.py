"""Typed changes between versions: ``read_changes(alignment, pairs=None)``.

Why per linked row: the aligner already decided which sentences carry the
same content, so a number, name, date, quote, source or hedge that differs
inside a linked row is a change of that fact, not a different sentence.
Order matters: an altered quote and a changed attribution claim the numbers,
names and hedges inside them (one edit, one change); a row with word
differences and nothing else is ``wording`` (lowest severity). Equivalent
spellings compare equal through normalised keys, so they are never reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..features import normalise_words
from ..model import Alignment, Document, OpKind, Sentence
from ..pairing import PairRow, RowKind, pair_rows
from . import attribution as attr
from .entities import entities, present_in
from .model import Change, ChangeType, Mention, Severity, Side
from .numbers import _MONTHS, dates, numbers
from .quotes import contains, overlap, quotes

T, S = ChangeType, Severity


def default_pairs(alignment: Alignment) -> list[tuple[str, str]]:
    """Each version against its likely source, or against the first version."""
    from .profile import likely_sources

    docs = alignment.documents
    if len(docs) < 2:
        return []
    guesses = likely_sources(alignment)
    pairs: list[tuple[str, str]] = []
    for doc in docs:
        source = guesses[doc.id].source or (docs[0].id if doc is not docs[0] else None)
        if source and (source, doc.id) not in pairs and (doc.id, source) not in pairs:
            pairs.append((source, doc.id))
    return pairs


def fold_words(text: str) -> list[str]:
    """Words with spelling variants folded, for "is this only a respelling?"."""
    return [_MONTHS.get(w, w) for w in normalise_words(text)]


def _extra(mine: list[Mention], theirs: list[Mention]) -> list[Mention]:
    """Mentions whose key occurs more often here than on the other side."""
    surplus = Counter(m.key for m in mine) - Counter(m.key for m in theirs)
    out = []
    for mention in reversed(mine):
        if surplus[mention.key] > 0:
            surplus[mention.key] -= 1
            out.append(mention)
    return out[::-1]


def _spans(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """The row's sentence spans (a row may skip sentences that belong elsewhere)."""
    return [(s.start, s.end) for s in sentences]


def _collect(find, text: str, spans: list[tuple[int, int]], *extra) -> list[Mention]:
    """Run a mention finder over each sentence span of a row."""
    return [m for start, end in spans for m in find(text, start, end, *extra)]


def _joined(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(text[start:end] for start, end in spans)


def _outside(mentions: list[Mention], claimed: list[tuple[int, int]]) -> list[Mention]:
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in claimed)]


class _PairReader:
    """Reads the rows of one (a, b) pair into changes."""

    def __init__(self, alignment: Alignment, a: Document, b: Document, intact: bool) -> None:
        self.alignment, self.a, self.b, self.intact = alignment, a, b, intact
        self.changes: list[Change] = []

    def side(self, doc: Document, start: int, end: int) -> Side:
        return Side(doc.id, start, end, doc.text[start:end])

    def add(self, kind, severity, a, b, explanation, unit) -> None:
        sa = self.side(self.a, a.start, a.end) if isinstance(a, Mention) else a
        sb = self.side(self.b, b.start, b.end) if isinstance(b, Mention) else b
        self.changes.append(Change("", kind, severity, sa, sb, explanation, unit))

    def unit_of(self, row: PairRow) -> str | None:
        rights = {s.id for s in row.right}
        for sentence in row.left or row.right:
            for unit in self.alignment.units_of(sentence.id):
                if not row.left or not rights or rights & set(unit.members):
                    return unit.id
        return None

    def read(self, row: PairRow) -> None:
        unit = self.unit_of(row)
        if row.kind == RowKind.ONLY_LEFT:
            s = row.left[0]
            side = self.side(self.a, s.start, s.end)
            self.add(T.OMITTED, S.MEDIUM, side, None, f"Not in {self.b.name}.", unit)
        elif row.kind == RowKind.ONLY_RIGHT:
            s = row.right[0]
            side = self.side(self.b, s.start, s.end)
            self.add(T.ADDED, S.MEDIUM, None, side, f"Only in {self.b.name}.", unit)
        elif row.kind == RowKind.SHARED:
            self.shared(row, unit)

    def shared(self, row: PairRow, unit: str | None) -> None:
        ta, tb = self.a.text, self.b.text
        pa, pb = _spans(row.left), _spans(row.right)
        self.row_a, self.row_b = pa, pb
        before = len(self.changes)
        qa, qb = _collect(quotes, ta, pa), _collect(quotes, tb, pb)
        claimed_a, claimed_b = self.quotes(qa, qb, unit)
        if _joined(ta, pa) == _joined(tb, pb):
            return
        sa = _collect(attr.attributions, ta, pa, qa)
        sb = _collect(attr.attributions, tb, pb, qb)
        ea, eb = _extra(sa, sb), _extra(sb, sa)
        self.attribution(ea, eb, unit)
        claimed_a += [(m.start, m.end) for m in ea]
        claimed_b += [(m.start, m.end) for m in eb]
        da, db = _collect(dates, ta, pa), _collect(dates, tb, pb)
        self.paired(T.DATE, "Date/time", _outside(da, claimed_a), _outside(db, claimed_b), unit)
        na = _outside(_collect(numbers, ta, pa, da), claimed_a)
        nb = _outside(_collect(numbers, tb, pb, db), claimed_b)
        self.paired(T.NUMBER, "Number", na, nb, unit, S.HIGH)
        self.entities(unit, claimed_a, claimed_b)
        ha = _outside(_collect(attr.hedges, ta, pa, qa), claimed_a)
        hb = _outside(_collect(attr.hedges, tb, pb, qb), claimed_b)
        self.hedging(ha, hb, unit)
        if all(c.severity == S.INFO for c in self.changes[before:]):
            self.wording(row, unit)

    def quotes(self, qa, qb, unit):
        """Compare direct quotes; return the spans of altered ones (they claim
        the numbers and names inside them)."""
        claimed_a: list[tuple[int, int]] = []
        claimed_b: list[tuple[int, int]] = []
        used: set[int] = set()
        for q in qa:
            match = max(qb, key=lambda o: overlap(q.key, o.key), default=None)
            if match is None or overlap(q.key, match.key) < 0.5:
                words = set(fold_words(_joined(self.b.text, self.row_b)))
                kept = sum(w in words for w in q.key.split()) / max(1, len(q.key.split()))
                side_b = self.side(self.b, *self.row_b[0])
                if kept >= 0.6:
                    text = "Quote kept without quotation marks (paraphrased or unmarked)."
                    self.add(T.QUOTE, S.MEDIUM, q, side_b, text, unit)
                else:
                    self.add(T.QUOTE, S.MEDIUM, q, None, "Quote dropped from this passage.", unit)
                claimed_a.append((q.start, q.end))
                continue
            used.add(qb.index(match))
            if match.key == q.key:
                if self.intact:
                    self.add(T.QUOTE, S.INFO, q, match, "Quote intact.", unit)
            elif contains(q.key, match.key):
                self.add(T.QUOTE, S.MEDIUM, q, match, "Quote truncated.", unit)
            else:
                self.add(T.QUOTE, S.HIGH, q, match, "Quote altered: words inside the quotation marks differ.", unit)  # fmt: skip  # noqa: E501
                claimed_a.append((q.start, q.end))
                claimed_b.append((match.start, match.end))
        for index, q in enumerate(qb):
            if index in used:
                continue
            parent = next((p for p in qa if contains(p.key, q.key)), None)
            if parent is not None:
                self.add(T.QUOTE, S.MEDIUM, parent, q, "Quote truncated.", unit)
            else:
                words = set(fold_words(_joined(self.a.text, self.row_a)))
                kept = sum(w in words for w in q.key.split()) / max(1, len(q.key.split()))
                if kept < 0.6:
                    self.add(T.QUOTE, S.MEDIUM, None, q, "Quote added.", unit)
                else:
                    side_a = self.side(self.a, *self.row_a[0])
                    text = "Words put inside quotation marks that the source did not quote."
                    self.add(T.QUOTE, S.MEDIUM, side_a, q, text, unit)
            claimed_b.append((q.start, q.end))
        return claimed_a, claimed_b

    def attribution(self, ea: list[Mention], eb: list[Mention], unit: str | None) -> None:
        for i in range(max(len(ea), len(eb))):
            ma = ea[i] if i < len(ea) else None
            mb = eb[i] if i < len(eb) else None
            ka, kb = (ma.key if ma else None), (mb.key if mb else None)
            if mb is None:
                text, sev = "Source dropped.", S.HIGH
            elif ma is None:
                text, sev = "Source added.", S.MEDIUM
            elif kb == "hearsay":
                text, sev = "Sourcing weakened to hearsay (“reportedly”).", S.HIGH
            elif ka and ka.startswith("named") and kb == "anonymous":
                text, sev = "Named source made anonymous.", S.HIGH
            elif kb and kb.startswith("named") and ka != kb:
                text, sev = "Source changed to a named source.", S.MEDIUM
            else:
                text, sev = "Source changed.", S.MEDIUM
            self.add(T.ATTRIBUTION, sev, ma, mb, text, unit)

    def paired(self, kind, label, ma, mb, unit, severity=S.MEDIUM) -> None:
        ea, eb = _extra(ma, mb), _extra(mb, ma)
        ta, tb = self.a.text, self.b.text
        for i in range(max(len(ea), len(eb))):
            x = ea[i] if i < len(ea) else None
            y = eb[i] if i < len(eb) else None
            if x and y:
                text = f"{label} changed: {ta[x.start : x.end]} → {tb[y.start : y.end]}."
            elif x:
                text = f"{label} dropped: {ta[x.start : x.end]}."
            else:
                text = f"{label} added: {tb[y.start : y.end]}."  # type: ignore[union-attr]
            self.add(kind, severity, x, y, text, unit)

    def entities(self, unit, claimed_a, claimed_b) -> None:
        ta, tb, pa, pb = self.a.text, self.b.text, self.row_a, self.row_b
        words_a = set(normalise_words(_joined(ta, pa)))
        words_b = set(normalise_words(_joined(tb, pb)))
        lost = [m for m in _outside(_collect(entities, ta, pa), claimed_a) if not present_in(m.key, words_b)]  # fmt: skip  # noqa: E501
        new = [m for m in _outside(_collect(entities, tb, pb), claimed_b) if not present_in(m.key, words_a)]  # fmt: skip  # noqa: E501
        lost = list({m.key: m for m in reversed(lost)}.values())[::-1]
        new = list({m.key: m for m in reversed(new)}.values())[::-1]
        if len(lost) == 1 and len(new) == 1:
            text = f"Name changed: {ta[lost[0].start : lost[0].end]} → {tb[new[0].start : new[0].end]}."  # fmt: skip  # noqa: E501
            self.add(T.ENTITY, S.MEDIUM, lost[0], new[0], text, unit)
            return
        for m in lost:
            self.add(T.ENTITY, S.MEDIUM, m, None, f"Name dropped: {ta[m.start : m.end]}.", unit)
        for m in new:
            self.add(T.ENTITY, S.MEDIUM, None, m, f"Name added: {tb[m.start : m.end]}.", unit)

    def hedging(self, ha: list[Mention], hb: list[Mention], unit: str | None) -> None:
        la = min((m.level for m in ha), default=1.0)
        lb = min((m.level for m in hb), default=1.0)
        if abs(la - lb) < 0.2:
            return
        ma = min(ha, key=lambda m: m.level) if ha else None
        mb = min(hb, key=lambda m: m.level) if hb else None
        wa = self.a.text[ma.start : ma.end] if ma else "a plain statement"
        wb = self.b.text[mb.start : mb.end] if mb else "a plain statement"
        trend = "less certain" if lb < la else "more certain"
        self.add(T.HEDGING, S.MEDIUM, ma, mb, f"Certainty changed ({trend}): {wa} → {wb}.", unit)

    def wording(self, row: PairRow, unit: str | None) -> None:
        ta, tb = self.a.text, self.b.text
        inside_a = lambda op: any(s <= op.a_start and op.a_end <= e + 1 for s, e in self.row_a)  # noqa: E731
        ops = [
            op
            for op in row.ops
            if op.kind != OpKind.EQUAL
            and (op.a_start == op.a_end or inside_a(op))
            and fold_words(ta[op.a_start : op.a_end]) != fold_words(tb[op.b_start : op.b_end])
        ]
        if not ops:
            return
        a_side = self.side(self.a, ops[0].a_start, max(op.a_end for op in ops))
        b_side = self.side(self.b, ops[0].b_start, max(op.b_end for op in ops))
        swaps = [
            f"{ta[op.a_start : op.a_end].strip()} → {tb[op.b_start : op.b_end].strip()}"
            for op in ops
            if op.kind == OpKind.REPLACE
        ][:3]
        text = f"Reworded ({len(ops)} edits" + (f": {'; '.join(swaps)}" if swaps else "") + ")."
        self.add(T.WORDING, S.LOW, a_side, b_side, text, unit)


def read_changes(
    alignment: Alignment,
    pairs: Sequence[tuple[str, str]] | None = None,
    include_intact: bool = False,
) -> list[Change]:
    """Typed changes for each ``(a_id, b_id)`` pair (default: ``default_pairs``).

    ``a`` is the source side. ``include_intact`` adds info-level "Quote intact."
    records for quotes kept word for word.
    """
    by_id = {d.id: d for d in alignment.documents}
    changes: list[Change] = []
    for a_id, b_id in default_pairs(alignment) if pairs is None else pairs:
        reader = _PairReader(alignment, by_id[a_id], by_id[b_id], include_intact)
        for row in pair_rows(alignment, by_id[a_id], by_id[b_id]):
            reader.read(row)
        changes.extend(reader.changes)
    return [
        Change(f"c{i}", c.type, c.severity, c.a, c.b, c.explanation, c.unit)
        for i, c in enumerate(changes)
    ]
