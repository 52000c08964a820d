"""Read one linked row of the pair view for every kind of change, independently.

A row holds the sentences of two versions that carry the same content. Each
finder (quotes, negation, sourcing, numbers, dates, names, hedging) lists its
mentions on both sides with normalised keys; a key on one side only is a typed
change with the spans of both sides. Every finder reads the whole row, so one
sentence can yield several typed changes (a dropped name *and* "appeared set
to" → "will"). Precedence only keeps one edit from being reported twice:
spans a change explains are *claimed* (a quote given to another speaker is a
``quote`` change, not also two names; numbers and names inside changed
sourcing belong to the ``attribution`` change; a hedge inside a negation flip
belongs to the ``negation`` change).

Public API: ``RowSide``, ``RowReader``, ``Found``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..align.features import STOP_WORDS
from ..compare.dates import DateMention, compatible, conflict
from . import framing
from . import mentions as m
from . import negation as neg
from . import sourcing as src
from .model import ChangeType, Severity, Side
from .rowside import Finder, RowSide, in_sentences, plain_name, read_cached, shift

Found = tuple[ChangeType, Severity, Side, Side, str, str]


def span_of(mentions: Sequence[m.Mention]) -> tuple[int, int]:
    return min(x.start for x in mentions), max(x.end for x in mentions)


def inside(mention: m.Mention, phrases: Iterable[m.Mention]) -> bool:
    return any(p.start <= mention.start and mention.end <= p.end for p in phrases)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


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


_ROLE_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*[ \t]+)*(?:[a-z]+[ \t]+)?$")


def _with_role(side: RowSide, speaker: m.Mention) -> m.Mention:
    """A speaker with the role words before the name ("Nordkai chief Jan Ekberg")."""
    before = side.document.text[max(0, speaker.start - 40) : speaker.start]
    role = _ROLE_BEFORE.search(before)
    start = speaker.start - (len(role.group(0)) if role else 0)
    return replace(speaker, start=start)


def _descriptor(text: str, mention: m.Mention) -> bool:
    """A name used as an adjective of a common noun after "the"."""
    before = text[max(0, mention.start - 4) : mention.start].lower()
    return before.endswith("the ") and bool(_DESCRIBED.match(text, mention.end))


def _negated_there_too(text: str, cue: neg.Negation, other: list[neg.Negation]) -> bool:
    """Does the other side negate what this cue's clause goes on to name? "no
    further Russian *interference*" ties "no" to "Russian", but the other
    side's "don't *interfere*" negates the same thing: no flip."""
    clause = re.split(
        r"[.;:!?,“”\"()]|\b(?:and|but|or|while|because)\b", text[cue.end : cue.end + 60], maxsplit=1
    )[0]
    words = {w.lower()[:6] for w in re.findall(r"[A-Za-z]{4,}", clause)[:3]}
    return any(n.head[:6] in words for n in other)


def _ended(text: str) -> str:
    """``text`` closed by one full stop ("Names added: Texas, U.S." not "U.S..")."""
    return text if text.endswith(".") else text + "."


class RowReader:
    """Reads one linked row; ``found`` collects the changes in reading order."""

    def __init__(self, left: RowSide, right: RowSide, intact: bool) -> None:
        self.left, self.right, self.intact = left, right, intact
        self.found: list[Found] = []
        # Spans already explained by a change, per side (offsets are per document).
        self.claimed_a: list[m.Mention] = []
        self.claimed_b: list[m.Mention] = []
        # Negation cues a flip explains: hedges inside them ("did not rule out") are that flip.
        self.negated_a: list[m.Mention] = []
        self.negated_b: list[m.Mention] = []

    def add(
        self, kind: ChangeType, severity: Severity, a: Side, b: Side, text: str, detail: str
    ) -> None:
        self.found.append((kind, severity, a, b, text, detail))

    def read(self, changed: bool) -> None:
        speakers = self._quotes(changed)
        if not changed:
            return
        self._negation()
        framing.attribution(self, speakers)
        self._numbers()
        self._dates()
        self._entities()
        framing.hedging(self)

    # -- quotes -----------------------------------------------------------
    def _speaker(self, side: RowSide, quote: m.Mention) -> m.Mention | None:
        """The named speaker of a quote: in its sentence, nearest to it."""
        for sentence in side.sentences:
            if sentence.start <= quote.start < sentence.end:
                names = [shift(x, sentence.start) for x in read_cached(src.speakers, sentence.text)]
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
                    self.claimed_a.append(_with_role(left, was))
                    self.claimed_b.append(_with_role(right, now))
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

    # -- negation ---------------------------------------------------------
    def _negation(self) -> None:
        """A word negated on one side and stated plainly on the other. The
        plain side must say the word un-negated more often than the negated
        side does, so a negated clause dropped next to a plain one is no flip."""
        sides = (self.left, self.right)
        cues = [in_sentences(side, neg.negations) for side in sides]
        stems = [in_sentences(side, neg.word_stems) for side in sides]
        negated = [Counter(n.head for n in found) for found in cues]
        said = [Counter(x[0] for x in found) for found in stems]
        for head in sorted(set(negated[0]) | set(negated[1])):
            if negated[0][head] == negated[1][head]:
                continue
            no = 0 if negated[0][head] > negated[1][head] else 1
            yes = 1 - no
            if said[yes][head] <= negated[yes][head]:
                continue  # the other side never says it plainly (a cue glued to a word)
            if said[yes][head] - negated[yes][head] <= said[no][head] - negated[no][head]:
                continue
            cue = next(n for n in cues[no] if n.head == head)
            if _negated_there_too(sides[no].document.text, cue, cues[yes]):
                continue
            offset = cue.start - sides[no].span[0]
            spot = min(
                (x for x in stems[yes] if x[0] == head),
                key=lambda x: abs(x[1] - sides[yes].span[0] - offset),
            )
            negative = sides[no].at(cue.start, cue.end)
            plain = sides[yes].at(spot[1], spot[2])
            if no == 0:
                a, b, what = negative, plain, "dropped"
            else:
                a, b, what = plain, negative, "added"
            negated_spans = self.negated_a if no == 0 else self.negated_b
            negated_spans.append(m.Mention("negation", head, cue.start, cue.end))
            self.add(
                ChangeType.NEGATION,
                Severity.HIGH,
                a,
                b,
                f"Negation {what}: “{a.text}” → “{b.text}”.",
                f"negation {what}",
            )

    # -- numbers, dates, names --------------------------------------------
    def compare(
        self,
        finder: Finder,
        found: tuple[list[m.Mention], list[m.Mention]] | None = None,
    ) -> tuple[list[m.Mention], list[m.Mention]]:
        """Unmatched mentions on each side, outside claimed spans. A value
        repeated on one side ("two officials … the two countries") is not a
        change when the other side has it too and nothing on that side is new.
        ``found``: each side's mentions when not simply ``finder``'s."""
        every_a, every_b = found or (self.left.find(finder), self.right.find(finder))
        mine = [x for x in every_a if not inside(x, self.claimed_a)]
        theirs = [x for x in every_b if not inside(x, self.claimed_b)]
        gone, new = _unmatched(mine, theirs), _unmatched(theirs, mine)
        # Claimed spans count here: "Two" kept inside a changed attribution
        # ("Two officials said") is not a number the other side dropped.
        keys_a, keys_b = {x.key for x in every_a}, {x.key for x in every_b}
        if not new:
            gone = [x for x in gone if x.key not in keys_b]
        if not gone:
            new = [x for x in new if x.key not in keys_a]
        return gone, new

    def _numbers(self) -> None:
        gone, new = self.compare(m.numbers)
        left, right = self.left, self.right
        for index in range(max(len(gone), len(new))):
            old = gone[index] if index < len(gone) else None
            fresh = new[index] if index < len(new) else None
            a = left.at(old.start, old.end) if old else left.whole()
            b = right.at(fresh.start, fresh.end) if fresh else right.whole()
            if old and fresh:
                text, detail = f"Number changed: {a.text} → {b.text}.", "changed"
            elif old:
                text, detail = f"Number dropped: {a.text}.", "dropped"
            else:
                text, detail = f"Number added: {b.text}.", "added"
            self.add(ChangeType.NUMBER, Severity.HIGH, a, b, text, detail)

    def _dates(self) -> None:
        """Dates compared as values: a changed year, day, weekday, time or
        relative date is one change with both values; a date the other side
        gives with more or fewer fields ("Monday" / "Monday, July 16") is none."""
        gone, new = self.compare(m.dates)
        every_a, every_b = self.left.find(m.dates), self.right.find(m.dates)

        def as_date(x: m.Mention) -> DateMention:
            return DateMention(x.start, x.end, x.key, x.detail)

        left, right = self.left, self.right
        pairs: list[tuple[m.Mention | None, m.Mention | None]] = []
        waiting = list(new)
        alone = []
        for old in gone:
            # The replacement: a date of the same kind whose values differ.
            rivals = [y for y in waiting if conflict(as_date(old), as_date(y))]
            rivals.sort(key=lambda y: (y.detail != old.detail, -len(as_date(y).fields())))
            if rivals:
                waiting.remove(rivals[0])
                pairs.append((old, rivals[0]))
            else:
                alone.append(old)
        # A date the other side gives with more or fewer fields is the same date.
        pairs += [
            (x, None) for x in alone if not any(compatible(as_date(x), as_date(y)) for y in every_b)
        ]
        pairs += [
            (None, y)
            for y in waiting
            if not any(compatible(as_date(y), as_date(x)) for x in every_a)
        ]
        for was, fresh in pairs:
            a = left.at(was.start, was.end) if was else left.whole()
            b = right.at(fresh.start, fresh.end) if fresh else right.whole()
            if was and fresh:
                text, detail = f"Date changed: {a.text} → {b.text}.", "changed"
                severity = (
                    Severity.HIGH if was.detail in ("year", "date", "month") else Severity.MEDIUM
                )
            elif was:
                text, detail, severity = f"Date dropped: {a.text}.", "dropped", Severity.MEDIUM
            else:
                text, detail, severity = f"Date added: {b.text}.", "added", Severity.MEDIUM
            self.add(ChangeType.DATE, severity, a, b, text, detail)

    def _entities(self) -> None:
        gone, new = self.compare(m.entities, (self.left.names(), self.right.names()))
        left, right = self.left, self.right
        # A month, a weekday or a time zone is a date, not a name.
        gone = [x for x in gone if not _overlaps(x.start, x.end, left.date_spans())]
        new = [x for x in new if not _overlaps(x.start, x.end, right.date_spans())]
        # Same name in another spelling: "UAW" / "United Auto Workers", "NY" / "New York".
        names_a = {x.key for x in left.names()} | {x.alias for x in gone if x.alias}
        names_b = {x.key for x in right.names()} | {x.alias for x in new if x.alias}
        gone = [x for x in gone if not (x.alias and x.alias in names_b)]
        new = [x for x in new if not (x.alias and x.alias in names_a)]
        a_text, b_text = left.lower_text(), right.lower_text()
        # "Hofeller's" gone while "Hofeller" opens a sentence of the other side.
        gone = [x for x in gone if plain_name(left.surface(x)) not in b_text]
        new = [x for x in new if plain_name(right.surface(x)) not in a_text]
        # "Republican of Nebraska" here, "R-Neb." there.
        gone = [x for x in gone if not m.state_abbreviation_in(left.surface(x), b_text)]
        new = [x for x in new if not m.state_abbreviation_in(right.surface(x), a_text)]
        gone = list({x.key: x for x in gone}.values())
        new = list({x.key: x for x in new}.values())
        # "the Latin American country" for "Venezuela": a description, not a new name.
        described_a = [x for x in gone if _descriptor(left.document.text, x)]
        described_b = [x for x in new if _descriptor(right.document.text, x)]
        gone = [x for x in gone if x not in described_a][len(described_b) :]
        new = [x for x in new if x not in described_b][len(described_a) :]
        # One name for another is a change; with several gone and several new,
        # which replaced which is a guess ("ACLU → Justice Department"), so they
        # are listed as dropped and added instead.
        paired = 1 if len(gone) == len(new) == 1 else 0
        for old, fresh in zip(gone[:paired], new[:paired], strict=True):
            a, b = left.at(old.start, old.end), right.at(fresh.start, fresh.end)
            text = _ended(f"Name changed: {a.text} → {b.text}")
            self.add(ChangeType.ENTITY, Severity.MEDIUM, a, b, text, "changed")
        # Several names gone with one clause are one change, not one per name.
        if gone[paired:]:
            rest = sorted(gone[paired:], key=lambda x: x.start)
            names = ", ".join(left.surface(x) for x in rest)
            label = "Names dropped" if len(rest) > 1 else "Name dropped"
            a = left.at(*span_of(rest))
            self.add(
                ChangeType.ENTITY,
                Severity.MEDIUM,
                a,
                right.whole(),
                _ended(f"{label}: {names}"),
                "dropped",
            )
        if new[paired:]:
            rest = sorted(new[paired:], key=lambda x: x.start)
            names = ", ".join(right.surface(x) for x in rest)
            label = "Names added" if len(rest) > 1 else "Name added"
            b = right.at(*span_of(rest))
            self.add(
                ChangeType.ENTITY,
                Severity.MEDIUM,
                left.whole(),
                b,
                _ended(f"{label}: {names}"),
                "added",
            )
