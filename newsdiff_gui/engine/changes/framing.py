"""Who says it and how sure: the attribution and hedging changes of a row.

Attribution compares the kinds of source on each side (``sourcing.py``): a
named person, organisation or outlet, officials, police, documents, sources,
"reportedly". A named source counts as kept when the other side still names
it in any form ("Lindqvist" for "Chief executive Maria Lindqvist said"), and
its replacement is explained by what the source was and became: a named
person → a role ("a company executive"), an organisation → "officials", an
outlet → "it was reported", a described source → "reportedly" (vaguer).

Hedging compares certainty markers and stance verbs (``hedges.py``) that are
on one side only: the least certain of those on each side (a side with none
is a plain statement, 1.0) must differ by 0.15 or more; a stance verb swapped
("said" → "claimed") is a change of its own.

Public API: ``attribution``, ``hedging``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Protocol

from . import hedges as hd
from . import mentions as m
from . import sourcing as src
from .model import ChangeType, Severity, Side

if TYPE_CHECKING:
    from .rowside import RowSide


class RowReader(Protocol):
    """What the framing checks need of the reader that calls them."""

    left: RowSide
    right: RowSide
    claimed_a: list[m.Mention]
    claimed_b: list[m.Mention]
    negated_a: list[m.Mention]
    negated_b: list[m.Mention]

    def add(
        self, kind: ChangeType, severity: Severity, a: Side, b: Side, text: str, detail: str
    ) -> None: ...


# Sourcing that names nobody: "reportedly", "according to reports", "sources".
_VAGUE = frozenset({"reportedly", "reports", "sources", "anonymous", "familiar with"})
_ROLE = frozenset({"officials", "sources", "familiar with", "anonymous", src.DESCRIBED_SOURCE})


def _inside(mention: m.Mention, phrases: list[m.Mention]) -> bool:
    return any(p.start <= mention.start and mention.end <= p.end for p in phrases)


def _near(mention: m.Mention, speakers: list[m.Mention], gap: int = 24) -> bool:
    """A role word just before a speaker ("prosecutor Marco Bianchi")."""
    return any(0 <= p.start - mention.end <= gap for p in speakers)


def _with_verbs(found: list[m.Mention], generic: list[m.Mention]) -> list[m.Mention]:
    """A dropped source with its verb ("police said"), so the span covers both."""
    return found + [g for g in generic if any(abs(g.start - x.end) <= 2 for x in found)]


def _span(mentions: list[m.Mention]) -> tuple[int, int]:
    return min(x.start for x in mentions), max(x.end for x in mentions)


def _sources(side: RowSide, found: list[m.Mention]) -> str:
    """The source phrases of one side, for the explanation."""
    phrases = [side.surface(x) for x in found if x.key not in src.GENERIC]
    return "; ".join(dict.fromkeys(phrases)) or "no source given"


def _named_elsewhere(side: RowSide, key: str) -> bool:
    """The side still names this source, in any form ("Lindqvist's memo"; "Trump
    tweeted." opening a sentence too), or names it in the sentence right beside
    the row, where a split quote keeps its speaker."""
    name = key.removeprefix("named ")
    mentions = side.find(m.names_anywhere) + side.beside(m.names_anywhere)
    return any(x.key == name or x.alias == name for x in mentions)


def _still_named(other: RowSide, own: RowSide, key: str, found: list[m.Mention]) -> bool:
    """The other side still names this source: in any form, or an organisation
    by its kind ("the Transport Ministry" → "the ministry")."""
    if not key.startswith("named "):
        return False
    if _named_elsewhere(other, key):
        return True
    text = other.lower_text()
    for mention in found:
        if mention.key == key and mention.detail == "organisation":
            kind = own.surface(mention).split()[-1].lower()
            if f"the {kind}" in text:
                return True
    return False


def _what(gone: list[m.Mention], keys_b: set[str]) -> tuple[str, Severity, str]:
    """The explanation's head, severity and detail for a dropped named source."""
    kinds = {x.detail for x in gone if x.key.startswith("named ")}
    if "outlet" in kinds and keys_b & {"reports", "reportedly"}:
        return "Named outlet replaced by “it was reported”", Severity.HIGH, "outlet → reported"
    if "organisation" in kinds and "officials" in keys_b:
        return (
            "Named organisation replaced by unnamed officials",
            Severity.HIGH,
            "organisation → officials",
        )
    if "person" in kinds and keys_b & _ROLE:
        return "Named source replaced by a description", Severity.HIGH, "named → role"
    return "Named source dropped", Severity.HIGH, "named source dropped"


def attribution(reader: RowReader, explained: set[str]) -> None:
    """Report changed sourcing; its spans are claimed for later finders."""
    left, right = reader.left, reader.right

    def free(x: m.Mention, claimed: list[m.Mention]) -> bool:
        return not _inside(x, claimed) and not _near(x, claimed)

    mine = [x for x in left.find(src.attributions) if free(x, reader.claimed_a)]
    theirs = [x for x in right.find(src.attributions) if free(x, reader.claimed_b)]
    keys_a = {x.key for x in mine} - src.GENERIC - explained
    keys_b = {x.key for x in theirs} - src.GENERIC - explained
    # Names inside unchanged sourcing ("U.S. officials" → "officials") are
    # the source's description, not the story's names.
    reader.claimed_a += [x for x in mine if x.key not in src.GENERIC]
    reader.claimed_b += [x for x in theirs if x.key not in src.GENERIC]
    # "The Venezuelan president said" for "Maduro said": the same speaker described.
    if src.DESCRIBED in keys_a ^ keys_b:
        named_a = {k for k in keys_a if k.startswith("named ")}
        named_b = {k for k in keys_b if k.startswith("named ")}
        keys_a, keys_b = keys_a - named_a - named_b, keys_b - named_a - named_b
        keys_a, keys_b = keys_a - {src.DESCRIBED}, keys_b - {src.DESCRIBED}
    # A named source only one side has as a speaker, which the other side still
    # names in another form ("Lindqvist's memo", "Voss, the director, told"), is kept.
    # An organisation the other side calls by its kind ("the Transport Ministry"
    # → "the ministry") is the same source, described.
    kept_a = {k for k in keys_a - keys_b if _still_named(right, left, k, mine)}
    kept_b = {k for k in keys_b - keys_a if _still_named(left, right, k, theirs)}
    keys_a, keys_b = keys_a - kept_a, keys_b - kept_b
    if keys_a == keys_b:
        return
    gone = [x for x in mine if x.key in keys_a - keys_b]
    new = [x for x in theirs if x.key in keys_b - keys_a]
    # The source phrase as a whole ("two officials told the Herald") is the change.
    reader.claimed_a += mine
    reader.claimed_b += theirs
    verbs_a = [x for x in mine if x.key in src.GENERIC]
    verbs_b = [x for x in theirs if x.key in src.GENERIC]
    a = left.at(*_span(_with_verbs(gone, verbs_a))) if gone else left.whole()
    b = right.at(*_span(_with_verbs(new, verbs_b))) if new else right.whole()
    if any(k.startswith("named ") for k in keys_a - keys_b):
        what, severity, detail = _what(gone, keys_b)
    elif not keys_b:
        what, severity, detail = "Source dropped", Severity.HIGH, "source dropped"
    elif keys_b <= _VAGUE and not keys_a <= _VAGUE:
        what, severity, detail = "Sourcing made vaguer", Severity.HIGH, "vaguer"
    else:
        what, severity, detail = "Sourcing changed", Severity.MEDIUM, "changed"
    before = _sources(left, mine)
    after = _sources(right, theirs)
    reader.add(ChangeType.ATTRIBUTION, severity, a, b, f"{what}: {before} → {after}.", detail)


def _free_hedges(side: RowSide, claimed: list[m.Mention]) -> list[m.Mention]:
    return [x for x in side.find(hd.hedges) if not _inside(x, claimed)]


def _unmatched(mine: list[m.Mention], theirs: list[m.Mention]) -> list[m.Mention]:
    budget = Counter(x.key for x in theirs)
    left = []
    for mention in mine:
        if budget[mention.key] > 0:
            budget[mention.key] -= 1
        else:
            left.append(mention)
    return left


_STANCE_WORDS = {
    "verb:doubt": "casts doubt on what was said",
    "verb:concession": "presents it as a confession",
    "verb:insistence": "presents the speaker as disbelieved",
    "verb:denial": "presents it as a denial",
    "verb:speculation": "presents it as speculation",
}


def hedging(reader: RowReader) -> None:
    """Certainty markers and stance verbs on one side only."""
    left, right = reader.left, reader.right
    mine = _free_hedges(left, reader.claimed_a + reader.negated_a)
    theirs = _free_hedges(right, reader.claimed_b + reader.negated_b)
    verbs_a = [x for x in mine if x.key.startswith("verb:")]
    verbs_b = [x for x in theirs if x.key.startswith("verb:")]
    gone_verbs, new_verbs = _unmatched(verbs_a, verbs_b), _unmatched(verbs_b, verbs_a)
    if gone_verbs or new_verbs:
        a = left.at(*_span(gone_verbs)) if gone_verbs else left.whole()
        b = right.at(*_span(new_verbs)) if new_verbs else right.whole()
        was = ", ".join(left.surface(x) for x in gone_verbs) or "said"
        now = ", ".join(right.surface(x) for x in new_verbs) or "said"
        why = _STANCE_WORDS.get(new_verbs[0].key if new_verbs else "", "is neutral again")
        reader.add(
            ChangeType.HEDGING,
            Severity.MEDIUM,
            a,
            b,
            f"Attribution verb changed: {was} → {now} ({why}).",
            "verb",
        )
    plain_a = [x for x in mine if not x.key.startswith("verb:")]
    plain_b = [x for x in theirs if not x.key.startswith("verb:")]
    gone, new = _unmatched(plain_a, plain_b), _unmatched(plain_b, plain_a)
    if not gone and not new:
        return
    level_a = min((x.level for x in gone), default=1.0)
    level_b = min((x.level for x in new), default=1.0)
    if abs(level_a - level_b) < 0.15:
        return
    a = left.at(*_span(gone)) if gone else left.whole()
    b = right.at(*_span(new)) if new else right.whole()
    direction = "less certain" if level_b < level_a else "more certain"
    before = ", ".join(dict.fromkeys(left.surface(x) for x in gone)) or "plain statement"
    after = ", ".join(dict.fromkeys(right.surface(x) for x in new)) or "plain statement"
    reader.add(
        ChangeType.HEDGING,
        Severity.MEDIUM,
        a,
        b,
        f"Certainty changed ({direction}): {before} → {after}.",
        direction,
    )
