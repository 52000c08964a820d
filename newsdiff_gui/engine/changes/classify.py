"""Classify what changed between two versions, row by row of the pair view.

Method: the pair rows (``pairing.pair_rows``) say which sentences carry the
same content. Rows only one version has are ``added``/``omitted``. For linked
rows, the finders of ``mentions.py`` and ``sourcing.py`` list quotes, sources,
numbers, dates, names and hedges in the row's own sentences on both sides,
each with a normalised key; a key on one side and not the other is a typed
change with the spans of both. Precedence, so that one edit is one change:
a quote given to another speaker is a ``quote`` change (not attribution, not
a name); numbers, names and "reportedly" inside changed sourcing belong to the
``attribution`` change. A linked row whose words differ but whose keys all
agree is ``wording`` only — the lowest severity, where spinner synonyms land.

Public API: ``read_changes``, ``default_pairs``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..features import STOP_WORDS
from ..model import Alignment, Document, OpKind, Sentence
from ..pairing import PairRow, RowKind, pair_rows
from . import mentions as m
from . import sourcing as src
from .model import Change, ChangeType, Severity, Side

# Sourcing that names nobody: "reportedly", "according to reports", "sources".
_VAGUE = frozenset({"reportedly", "reports", "sources", "anonymous", "familiar with"})
Finder = Callable[[str, int, int], list[m.Mention]]
Found = tuple[ChangeType, Severity, Side | None, Side | None, str, str]


def default_pairs(alignment: Alignment) -> list[tuple[Document, Document]]:
    """Every later version against the first one given (give the original first)."""
    documents = alignment.documents
    return [(documents[0], other) for other in documents[1:]]


def _side(document: Document, start: int, end: int) -> Side:
    return Side(document.id, start, end, document.text[start:end])


def _span(mentions: Sequence[m.Mention]) -> tuple[int, int]:
    return min(x.start for x in mentions), max(x.end for x in mentions)


def _inside(mention: m.Mention, phrases: Iterable[m.Mention]) -> bool:
    return any(p.start <= mention.start and mention.end <= p.end for p in phrases)


def _near(mention: m.Mention, speakers: Iterable[m.Mention], gap: int = 24) -> bool:
    """A role word just before a speaker ("prosecutor Marco Bianchi")."""
    return any(0 <= p.start - mention.end <= gap for p in speakers)


def _with_verbs(found: list[m.Mention], generic: list[m.Mention]) -> list[m.Mention]:
    """A dropped source with its verb ("police said"), so the span covers both."""
    return found + [g for g in generic if any(abs(g.start - x.end) <= 2 for x in found)]


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


_DESCRIBED = re.compile(
    r"[ \t]+(?:country|nation|state|leader|president|government|capital|city|region|side)\b"
)


def _descriptor(text: str, mention: m.Mention) -> bool:
    """A name used as an adjective of a common noun after "the"."""
    before = text[max(0, mention.start - 4) : mention.start].lower()
    return before.endswith("the ") and bool(_DESCRIBED.match(text, mention.end))


class _Side:
    """One side of a row: its document and content sentences."""

    def __init__(self, document: Document, sentences: Sequence[Sentence]) -> None:
        self.document = document
        self.sentences = [s for s in sentences if not s.is_boilerplate]
        self.span = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)

    def whole(self) -> Side:
        return _side(self.document, *self.span)

    def at(self, start: int, end: int) -> Side:
        return _side(self.document, start, end)

    def find(self, finder: Finder) -> list[m.Mention]:
        """Mentions in the row's own sentences: a row whose sentences are not
        adjacent must not read the sentence between them."""
        found: list[m.Mention] = []
        for sentence in self.sentences:
            found.extend(finder(self.document.text, sentence.start, sentence.end))
        return found

    def surface(self, mention: m.Mention) -> str:
        return " ".join(self.document.text[mention.start : mention.end].split())

    def lower_text(self) -> str:
        return " ".join(self.document.text[s.start : s.end] for s in self.sentences).lower()


def _sources(side: _Side, found: list[m.Mention]) -> str:
    """The source phrases of one side, for the explanation."""
    phrases = [side.surface(x) for x in found if x.key not in src.GENERIC]
    return "; ".join(dict.fromkeys(phrases)) or "no source given"


class _RowReader:
    """Reads one linked row; ``found`` collects the changes in reading order."""

    def __init__(self, left: _Side, right: _Side, intact: bool) -> None:
        self.left, self.right, self.intact = left, right, intact
        self.found: list[Found] = []
        # Spans already explained by a change, per side (offsets are per document).
        self.claimed_a: list[m.Mention] = []
        self.claimed_b: list[m.Mention] = []

    def add(
        self, kind: ChangeType, severity: Severity, a: Side, b: Side, text: str, detail: str
    ) -> None:
        self.found.append((kind, severity, a, b, text, detail))

    def read(self, changed: bool) -> None:
        speakers = self._quotes(changed)
        if not changed:
            return
        self._attribution(speakers)
        self._paired(ChangeType.NUMBER, Severity.HIGH, "Number", m.numbers)
        self._paired(ChangeType.DATE, Severity.MEDIUM, "Date/time", m.dates)
        self._entities()
        self._hedging()

    # -- quotes -----------------------------------------------------------
    def _speaker(self, side: _Side, quote: m.Mention) -> m.Mention | None:
        """The named speaker of a quote: in its sentence, nearest to it."""
        for sentence in side.sentences:
            if sentence.start <= quote.start < sentence.end:
                names = src.speakers(side.document.text, sentence.start, sentence.end)
                return min(names, key=lambda n: abs(n.start - quote.end), default=None)
        return None

    def _quotes(self, changed: bool) -> set[str]:
        """Report quotes kept, altered, truncated, paraphrased, dropped or given
        to another speaker; return the speaker keys such a change explains."""
        left, right = self.left, self.right
        quotes_b = right.find(m.quotes)
        b_words = set(m.normalise_quote(right.lower_text()).split())
        explained: set[str] = set()
        quotes_a = left.find(m.quotes)
        for quote in quotes_a:
            a = left.at(quote.start, quote.end)
            words = quote.key.split()
            content = set(words) - STOP_WORDS or set(words)
            if not content:
                continue  # only emoji or symbols inside the marks: no words to compare
            best, overlap = None, 0.0
            for other in quotes_b:
                shared = len(content & set(other.key.split())) / len(content)
                if shared > overlap:
                    best, overlap = other, shared
            if (
                best is not None
                and 0 < overlap < 0.5
                and (overlap >= 0.2 or len(quotes_a) == len(quotes_b))
            ):
                # The row quotes the passage too, in words swapped by a spinner or
                # a translator ("doubtlessly hazardous state of affairs"): altered,
                # not dropped.
                overlap = 0.5
            if best is not None and overlap >= 0.5:
                b = right.at(best.start, best.end)
                was, now = self._speaker(left, quote), self._speaker(right, best)
                if was and now and was.key != now.key:
                    explained |= {was.key, now.key}
                    self.claimed_a.append(was)
                    self.claimed_b.append(now)
                    self.add(
                        ChangeType.QUOTE,
                        Severity.HIGH,
                        left.at(was.start, was.end),
                        right.at(now.start, now.end),
                        f"Quote given to a different speaker: {left.surface(was)} → "
                        f"{right.surface(now)}.",
                        "speaker",
                    )
                if best.key == quote.key:
                    if self.intact:
                        self.add(ChangeType.QUOTE, Severity.INFO, a, b, "Quote intact.", "intact")
                    continue
                shorter = best.key in quote.key
                detail = "truncated" if shorter else "extended" if quote.key in best.key else ""
                detail = detail or "altered"
                self.add(
                    ChangeType.QUOTE,
                    Severity.HIGH,
                    a,
                    b,
                    f"Quote {detail} inside its quotation marks.",
                    detail,
                )
            elif changed and sum(w in b_words for w in words) >= 0.6 * len(words):
                self.add(
                    ChangeType.QUOTE,
                    Severity.MEDIUM,
                    a,
                    right.whole(),
                    "Quote paraphrased or kept without quotation marks.",
                    "paraphrased",
                )
            elif changed:
                self.add(
                    ChangeType.QUOTE,
                    Severity.MEDIUM,
                    a,
                    right.whole(),
                    "Quote dropped from this passage.",
                    "dropped",
                )
        return explained

    # -- sourcing ---------------------------------------------------------
    def _attribution(self, explained: set[str]) -> None:
        """Report changed sourcing; its spans are claimed for later finders."""
        left, right = self.left, self.right

        def free(x: m.Mention, claimed: list[m.Mention]) -> bool:
            return not _inside(x, claimed) and not _near(x, claimed)

        mine = [x for x in left.find(src.attributions) if free(x, self.claimed_a)]
        theirs = [x for x in right.find(src.attributions) if free(x, self.claimed_b)]
        keys_a = {x.key for x in mine} - src.GENERIC - explained
        keys_b = {x.key for x in theirs} - src.GENERIC - explained
        # Names inside unchanged sourcing ("U.S. officials" → "officials") are
        # the source's description, not the story's names.
        self.claimed_a += [x for x in mine if x.key not in src.GENERIC]
        self.claimed_b += [x for x in theirs if x.key not in src.GENERIC]
        # "The Venezuelan president said" for "Maduro said": the same speaker described.
        if src.DESCRIBED in keys_a ^ keys_b:
            named_a = {k for k in keys_a if k.startswith("named ")}
            named_b = {k for k in keys_b if k.startswith("named ")}
            keys_a, keys_b = keys_a - named_a - named_b, keys_b - named_a - named_b
            keys_a, keys_b = keys_a - {src.DESCRIBED}, keys_b - {src.DESCRIBED}
        if keys_a == keys_b:
            return
        gone = [x for x in mine if x.key in keys_a - keys_b]
        new = [x for x in theirs if x.key in keys_b - keys_a]
        # The source phrase as a whole ("two officials told the Herald") is the change.
        self.claimed_a += mine
        self.claimed_b += theirs
        verbs_a = [x for x in mine if x.key in src.GENERIC]
        verbs_b = [x for x in theirs if x.key in src.GENERIC]
        a = left.at(*_span(_with_verbs(gone, verbs_a))) if gone else left.whole()
        b = right.at(*_span(_with_verbs(new, verbs_b))) if new else right.whole()
        named = any(k.startswith("named ") for k in keys_a - keys_b)
        if named:
            what, severity, detail = "Named source dropped", Severity.HIGH, "named source dropped"
        elif not keys_b:
            what, severity, detail = "Source dropped", Severity.HIGH, "source dropped"
        elif keys_b <= _VAGUE and not keys_a <= _VAGUE:
            what, severity, detail = "Sourcing made vaguer", Severity.HIGH, "vaguer"
        else:
            what, severity, detail = "Sourcing changed", Severity.MEDIUM, "changed"
        before = _sources(left, mine)
        after = _sources(right, theirs)
        self.add(ChangeType.ATTRIBUTION, severity, a, b, f"{what}: {before} → {after}.", detail)

    # -- numbers, dates, names --------------------------------------------
    def _compare(self, finder: Finder) -> tuple[list[m.Mention], list[m.Mention]]:
        """Unmatched mentions on each side, outside claimed spans. A value
        repeated on one side ("two officials … the two countries") is not a
        change when the other side has it too and nothing on that side is new."""
        every_a, every_b = self.left.find(finder), self.right.find(finder)
        mine = [x for x in every_a if not _inside(x, self.claimed_a)]
        theirs = [x for x in every_b if not _inside(x, self.claimed_b)]
        gone, new = _unmatched(mine, theirs), _unmatched(theirs, mine)
        # Claimed spans count here: "Two" kept inside a changed attribution
        # ("Two officials said") is not a number the other side dropped.
        keys_a, keys_b = {x.key for x in every_a}, {x.key for x in every_b}
        if not new:
            gone = [x for x in gone if x.key not in keys_b]
        if not gone:
            new = [x for x in new if x.key not in keys_a]
        return gone, new

    def _paired(self, kind: ChangeType, severity: Severity, label: str, finder: Finder) -> None:
        gone, new = self._compare(finder)
        left, right = self.left, self.right
        for index in range(max(len(gone), len(new))):
            old = gone[index] if index < len(gone) else None
            fresh = new[index] if index < len(new) else None
            a = left.at(old.start, old.end) if old else left.whole()
            b = right.at(fresh.start, fresh.end) if fresh else right.whole()
            if old and fresh:
                text, detail = f"{label} changed: {a.text} → {b.text}.", "changed"
            elif old:
                text, detail = f"{label} dropped: {a.text}.", "dropped"
            else:
                text, detail = f"{label} added: {b.text}.", "added"
            self.add(kind, severity, a, b, text, detail)

    def _entities(self) -> None:
        gone, new = self._compare(m.entities)
        left, right = self.left, self.right
        # Same name in another spelling: "UAW" / "United Auto Workers", "NY" / "New York".
        names_a = {x.key for x in left.find(m.entities)} | {x.alias for x in gone if x.alias}
        names_b = {x.key for x in right.find(m.entities)} | {x.alias for x in new if x.alias}
        gone = [x for x in gone if not (x.alias and x.alias in names_b)]
        new = [x for x in new if not (x.alias and x.alias in names_a)]
        a_text, b_text = left.lower_text(), right.lower_text()
        gone = [x for x in gone if left.surface(x).lower() not in b_text]
        new = [x for x in new if right.surface(x).lower() not in a_text]
        gone = list({x.key: x for x in gone}.values())
        new = list({x.key: x for x in new}.values())
        # "the Latin American country" for "Venezuela": a description, not a new name.
        described_a = [x for x in gone if _descriptor(left.document.text, x)]
        described_b = [x for x in new if _descriptor(right.document.text, x)]
        gone = [x for x in gone if x not in described_a][len(described_b) :]
        new = [x for x in new if x not in described_b][len(described_a) :]
        for old, fresh in zip(gone, new, strict=False):
            a, b = left.at(old.start, old.end), right.at(fresh.start, fresh.end)
            text = f"Name changed: {a.text} → {b.text}."
            self.add(ChangeType.ENTITY, Severity.MEDIUM, a, b, text, "changed")
        # Several names gone with one clause are one change, not one per name.
        paired = min(len(gone), len(new))
        if gone[paired:]:
            rest = sorted(gone[paired:], key=lambda x: x.start)
            names = ", ".join(left.surface(x) for x in rest)
            label = "Names dropped" if len(rest) > 1 else "Name dropped"
            a = left.at(*_span(rest))
            self.add(
                ChangeType.ENTITY,
                Severity.MEDIUM,
                a,
                right.whole(),
                f"{label}: {names}.",
                "dropped",
            )
        if new[paired:]:
            rest = sorted(new[paired:], key=lambda x: x.start)
            names = ", ".join(right.surface(x) for x in rest)
            label = "Names added" if len(rest) > 1 else "Name added"
            b = right.at(*_span(rest))
            self.add(
                ChangeType.ENTITY, Severity.MEDIUM, left.whole(), b, f"{label}: {names}.", "added"
            )

    # -- hedging ----------------------------------------------------------
    def _hedging(self) -> None:
        mine = [x for x in self.left.find(src.hedges) if not _inside(x, self.claimed_a)]
        theirs = [x for x in self.right.find(src.hedges) if not _inside(x, self.claimed_b)]
        level_a = min((x.level for x in mine), default=1.0)
        level_b = min((x.level for x in theirs), default=1.0)
        keys_a, keys_b = {x.key for x in mine}, {x.key for x in theirs}
        if keys_a == keys_b or abs(level_a - level_b) < 0.15:
            return
        gone = [x for x in mine if x.key not in keys_b]
        new = [x for x in theirs if x.key not in keys_a]
        a = self.left.at(*_span(gone)) if gone else self.left.whole()
        b = self.right.at(*_span(new)) if new else self.right.whole()
        direction = "less certain" if level_b < level_a else "more certain"
        self.add(
            ChangeType.HEDGING,
            Severity.MEDIUM,
            a,
            b,
            f"Certainty changed ({direction}): {', '.join(sorted(keys_a)) or 'plain statement'}"
            f" → {', '.join(sorted(keys_b)) or 'plain statement'}.",
            direction,
        )


def _unit_of(alignment: Alignment, row: PairRow) -> str | None:
    for sentence in (*row.left, *row.right):
        for unit in alignment.units_of(sentence.id):
            return unit.id
    return None


def _read_pair(alignment: Alignment, left: Document, right: Document, intact: bool) -> list:
    """(type, severity, a, b, explanation, detail, unit) for one pair, in row order."""
    out = []
    for row in pair_rows(alignment, left, right):
        unit = _unit_of(alignment, row)
        if row.kind == RowKind.ONLY_LEFT:
            a = _Side(left, row.left).whole()
            text = f"Only in {left.outlet}: {right.outlet} leaves this out."
            out.append((ChangeType.OMITTED, Severity.MEDIUM, a, None, text, "", unit))
        elif row.kind == RowKind.ONLY_RIGHT:
            b = _Side(right, row.right).whole()
            text = f"{right.outlet} adds this; {left.outlet} does not have it."
            out.append((ChangeType.ADDED, Severity.MEDIUM, None, b, text, "", unit))
        elif row.kind == RowKind.SHARED:
            reader = _RowReader(_Side(left, row.left), _Side(right, row.right), intact)
            changed = any(op.kind != OpKind.EQUAL for op in row.ops)
            reader.read(changed)
            typed = any(f[1] != Severity.INFO for f in reader.found)
            if changed and not typed:
                words = sum(
                    len(right.text[op.b_start : op.b_end].split())
                    for op in row.ops
                    if op.kind in (OpKind.REPLACE, OpKind.INSERT)
                )
                reader.add(
                    ChangeType.WORDING,
                    Severity.LOW,
                    reader.left.whole(),
                    reader.right.whole(),
                    f"Same content in other words ({words} word(s) differ).",
                    "",
                )
            out.extend((*found, unit) for found in reader.found)
    return out


def read_changes(
    alignment: Alignment,
    pairs: Iterable[tuple[Document, Document]] | None = None,
    include_intact: bool = False,
) -> list[Change]:
    """Typed changes for each (a, b) pair of versions, in pair then row order.

    Args:
        alignment: the N-way alignment of the set.
        pairs: the (a, b) pairs to compare; default: each later version against
            the first one given (``default_pairs``).
        include_intact: also list quotes kept word for word (type ``quote``,
            severity ``info``, explanation "Quote intact.").
    """
    changes: list[Change] = []
    for left, right in pairs if pairs is not None else default_pairs(alignment):
        for kind, severity, a, b, text, detail, unit in _read_pair(
            alignment, left, right, include_intact
        ):
            number = f"c{len(changes)}"
            documents = (left.id, right.id)
            changes.append(Change(number, kind, severity, a, b, text, unit, documents, detail))
    return changes
