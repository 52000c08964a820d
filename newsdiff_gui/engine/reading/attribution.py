"""Who says so, and how sure: attribution and hedging lexicons.

Attribution: a speech verb ("said", "told", "according to", "citing", and the
spinner's "informed"/"mentioned"), or hearsay ("reportedly", "is said to").
Each is keyed by its source: ``named:<last name>``, ``anonymous`` (officials,
sources, a spokesperson), ``pronoun`` or ``hearsay``, so "four U.S. officials
told Reuters" and "4 U.S. officers informed Reuters" agree while "reportedly"
or a dropped name does not. The span covers the source phrase and the verb,
so numbers and names inside a changed attribution belong to that change.

Hedging: each phrase has a certainty level (``will`` 1.0 … ``did not rule
out`` 0.3). Phrases inside quotation marks are the speaker's and not counted.
"""

from __future__ import annotations

import re

from .entities import entities
from .model import Mention
from .quotes import inside

_VERBS = (
    r"said|says|say|told|tells|added|stated|confirmed|announced|informed|mentioned"
    r"|indicated|explained|insisted|claimed|acknowledged|disclosed"
)
_SPEECH = re.compile(rf"\b(?:{_VERBS})\b|\b(?i:according) to\b|\bciting\b|\bcited\b")
_HEARSAY = re.compile(
    r"\breportedly\b|\b(?:is|are|was|were) said to\b|\breports? (?:say|said|suggest(?:s|ed)?)\b"
    r"|\ballegedly\b"
)
SOURCE_NOUNS = re.compile(
    r"\b(?:officials?|officers?|sources?|people|persons?|spokes(?:person|man|woman)"
    r"|representatives?|diplomats?|aides?|insiders?|advisers?|advisors?|analysts?"
    r"|ministry|agency|report|statement)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
# A full stop ends a clause only after a lower-case word: "U.S. officials" goes on.
_CLAUSE_END = re.compile(r"[,;:!?“”\"()—–]|(?<=[a-z0-9])\.(?=\s|$)")
HEDGES: list[tuple[str, float]] = [
    (r"\bwill\b|\bwon[’']t\b|\bdoubtless\b|\bcertainly\b|\bdefinitely\b", 1.0),
    (r"\bset to\b|\bis to\b|\bare to\b", 0.9),
    (r"\bpoised to\b|\bplans? to\b|\bplanning to\b|\bpreparing to\b|\bgearing up to\b", 0.85),
    (r"\bexpected to\b", 0.75),
    (r"\blikely\b|\bprobably\b", 0.7),
    (r"\breportedly\b|\ballegedly\b", 0.5),
    (r"\bcould\b|\bmay\b|\bconsidering\b|\bweighing\b", 0.4),
    (r"\bmight\b|\bpossibly\b|\bpotentially\b|\bperhaps\b", 0.35),
    (r"\b(?:did|does|do|would|will|won[’']t|not) (?:not )?rule\b[^.]{0,20}?\bout\b", 0.3),
    (r"\bnot ruling out\b|\bunclear\b|\bnot clear\b|\bunconfirmed\b", 0.3),
]
_HEDGE = [(re.compile(p), level) for p, level in HEDGES]


def _source_key(text: str, start: int, end: int) -> str:
    """Classify the source phrase ``text[start:end]``."""
    phrase = text[start:end].strip()
    if _PRONOUN.match(phrase):
        return "pronoun"
    names = entities(text, start, end)
    nouns = list(SOURCE_NOUNS.finditer(text, start, end))
    noun = nouns[-1] if nouns else None
    if names and (noun is None or names[-1].start > noun.start()):
        return f"named:{names[-1].key}"
    return "anonymous" if noun is not None else "unspecified"


def _phrase_before(text: str, start: int, limit: int) -> int:
    """Start of the clause (at most 7 words) that ends at ``limit``."""
    cut = max(start, limit - 80)
    stop = max((m.end() for m in _CLAUSE_END.finditer(text, cut, limit)), default=cut)
    words = list(re.finditer(r"\S+", text[stop:limit]))[-7:]
    return stop + words[0].start() if words else limit


def _phrase_after(text: str, position: int, end: int, longest: int = 7) -> int:
    """End of the clause that starts at ``position``, or ``position`` when the
    clause is longer than ``longest`` words (then it is what was said, not who)."""
    match = _CLAUSE_END.search(text, position, end)
    stop = match.start() if match else end
    words = list(re.finditer(r"\S+", text[position:stop]))
    if not words or len(words) > longest:
        return position
    return position + words[-1].end()


def attributions(text: str, start: int, end: int, quoted: list[Mention]) -> list[Mention]:
    """Attributions outside quotations, each keyed by its kind of source."""
    found = []
    for match in _HEARSAY.finditer(text, start, end):
        if not inside(match.start(), quoted):
            found.append(Mention(match.start(), match.end(), "hearsay"))
    for match in _SPEECH.finditer(text, start, end):
        if inside(match.start(), quoted) or any(f.start <= match.start() < f.end for f in found):
            continue
        word = match.group()
        after_end = _phrase_after(text, match.end(), end)
        before_start = _phrase_before(text, start, match.start())
        if word.lower() in ("according to", "citing", "cited"):
            key = _source_key(text, match.end(), after_end)
            span = (match.start(), after_end)
        else:
            key = _source_key(text, before_start, match.start())
            span = (before_start, match.end())
            if key == "unspecified":  # "…, said the official" / "said Pete Hegseth"
                after_end = _phrase_after(text, match.end(), end, longest=5)
                key = _source_key(text, match.end(), after_end)
                span = (match.start(), after_end)
            elif word in ("told", "tells", "informed"):  # "told Reuters" is part of it
                span = (before_start, after_end)
        if key != "unspecified":  # a bare "added" names no source to compare
            found.append(Mention(span[0], span[1], key))
    return sorted(found, key=lambda m: m.start)


def hedges(text: str, start: int, end: int, quoted: list[Mention]) -> list[Mention]:
    """Certainty phrases outside quotations, with their level (1.0 = asserted)."""
    found = []
    for pattern, level in _HEDGE:
        for match in pattern.finditer(text, start, end):
            if not inside(match.start(), quoted):
                found.append(Mention(match.start(), match.end(), match.group().lower(), level))
    # A "will not rule out" is the hedge, not the "will" inside it.
    found = [
        m
        for m in found
        if not any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in found
        )
    ]
    return sorted(found, key=lambda m: m.start)
