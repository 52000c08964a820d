"""Who says it and how sure: attribution and hedging mentions in a passage.

Keys name the *kind* of source, not its spelling, so that rewordings of the
same sourcing agree ("four officials told Reuters" / "4 U.S. officers informed
Reuters": ``officials`` + ``told reuters``; "according to officials" /
"officials said": ``officials``) and real changes differ ("reportedly",
"a source said", a named speaker made anonymous, a source dropped). A named
speaker's key carries the name ("named keller"), so "Mayor Anna Keller said"
and "Keller said" agree and a different speaker does not.

Hedges carry a certainty level (will = 1.0 … unclear = 0.3). Words inside
a direct quotation are the speaker's, not the reporter's framing, and are
skipped by both finders.

Public API: ``attributions``, ``hedges``, ``speakers``, ``outside_quotes``.
"""

from __future__ import annotations

import re

from .mentions import _QUOTE, Mention, entities

_VERB = (
    r"(?:said|says|say|told|tells|added|adds|stated|states|mentioned|acknowledged|confirmed|"
    r"wrote|writes|announced|explained|warned|insisted|claimed|argued|noted|contended|contends|"
    r"maintained|maintains|asserted|suggested|indicated|hinted|denied|denies|stressed)"
)
# A speaker comes before these verbs, never after them: "told Reuters" names the
# outlet that heard it, not a speaker.
_TO_WHOM = r"(?:told|tells|informed)"
# After a name: "Keller said", "Keller also said", "Pete Hegseth, the defence
# secretary, said". Used with match(pos): no "^".
_VERB_AFTER_NAME = re.compile(
    r"(?:,[^,.;:“”\"]{1,80},)?[ \t]*(?:(?:also|later|has|had|then|previously)[ \t]+)?"
    + _VERB
    + r"\b"
)
# Before a name: "said Jens Olsen", "told reporters Keller" is rare; "said" suffices.
_VERB_BEFORE_NAME = re.compile(
    r"(?:(?<!\w)(?!" + _TO_WHOM + r"\b)" + _VERB + r",?|according to)[ \t]+$", re.I
)
# An inverted speaker ends its clause: "said Jens Olsen." / "said Olsen, the …",
# unlike "said Trump is prepared to …", where Trump is the subject of what was said.
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:)]|$)")
# The appositive after an inverted speaker: "said Jens Olsen, the harbour master in X".
_APPOSITIVE = re.compile(r",[ \t]+(?:the|a|an|his|her|their|its)\b[^,.;:“”\"]{1,80}")

# Generic kinds of source. Order matters only for overlapping spans.
_SOURCES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\breportedly\b", re.I), "reportedly"),
    (re.compile(r"\b(?:told|informed|tells)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*\.?\s?)+)"), "told {0}"),
    (
        re.compile(
            r"(?<![\w’'])(?:(?:\w+|U\.S\.)\s+){0,3}?(?:official|officer|spokesm[ae]n|spokesperson|"
            r"spokeswoman|spokespeople|aide|authorities|diplomat|ministry|representative)s?\b",
            re.I,
        ),
        "officials",
    ),
    (re.compile(r"\b(?:police|prosecutors?|investigators)\b", re.I), "police"),
    (
        re.compile(r"\b(?:court |leaked |internal )?(?:documents?|filings?|records)\b", re.I),
        "documents",
    ),
    (
        re.compile(
            r"\b(?:according to|citing)\s+(?:\w+\s+)?reports?\b|\b(?:media|news|press) reports\b",
            re.I,
        ),
        "reports",
    ),
    # With the count before them: "two sources", "three people familiar with …".
    (re.compile(r"\b(?:[\w,]+\s+)?sources?\b", re.I), "sources"),
    (
        re.compile(
            r"\b(?:[\w,]+\s+)?(?:people|persons?|someone) (?:familiar|briefed|close)\b", re.I
        ),
        "sources",
    ),
    (re.compile(r"\bfamiliar with\b", re.I), "familiar with"),
    (re.compile(r"\b(?:anonymity|anonymously|not authori[sz]ed to speak)\b", re.I), "anonymous"),
    # The whole phrase, so a name inside it ("seen by the Gazzetta") is the source's.
    (re.compile(r"\baccording to\b[^,.;:“”\"]*", re.I), "said"),
    (re.compile(r"\bciting\b", re.I), "said"),
    (re.compile(r"\b" + _VERB + r"\b", re.I), "said"),
]
# Keys that only matter together with who speaks ("said" is in nearly every
# attributed sentence); the classifier ignores them when comparing.
GENERIC = frozenset({"said"})

# Hedging: how sure the sentence is. Higher is more certain.
_HEDGES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(r"\b(?:will|is going to|are going to)\b(?!\s+not)", re.I), "will", 1.0),
    (re.compile(r"\b(?:certainly|definitely|doubtless|undoubtedly)\b", re.I), "certainly", 1.0),
    (re.compile(r"\b(?:plans? to|is planning to|intends? to)\b", re.I), "plans to", 0.8),
    (
        re.compile(r"\b(?:is|are)(?: \w+ly)? (?:poised|set|preparing|gearing up) to\b", re.I),
        "poised to",
        0.8,
    ),
    (re.compile(r"\b(?:(?:is|are|was|were) )?expected to\b", re.I), "expected to", 0.7),
    (re.compile(r"\b(?:likely|probably)\b", re.I), "likely", 0.6),
    (
        re.compile(r"\b(?:could|may|might|would possibly|potentially|possibly)\b", re.I),
        "could",
        0.4,
    ),
    (
        re.compile(
            r"\b(?:did not|didn’t|didn't|would not|has not|have not) rule[ds]? "
            r"(?:anything |something )?out\b|\bnot (?:rule|ruled) out\b",
            re.I,
        ),
        "did not rule out",
        0.4,
    ),
    (re.compile(r"\breportedly\b", re.I), "reportedly", 0.5),
    (
        re.compile(
            r"\b(?:unclear|not clear|uncertain|unable to (?:confirm|verify|establish|determine)|"
            r"not (?:in a position|able) to|could not (?:immediately )?(?:confirm|verify))\b",
            re.I,
        ),
        "unclear",
        0.3,
    ),
]


def outside_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of the passage outside direct quotes."""
    pieces, cursor = [], start
    for match in _QUOTE.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if b > a]


def _outside(pieces: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in pieces)


def speakers(text: str, start: int, end: int) -> list[Mention]:
    """Named people or bodies who speak in the passage, with keys "named <name>".

    The span covers the name and, for an inverted speaker ("said Jens Olsen,
    the harbour master in Cuxhaven"), the appositive describing them: the
    place named there belongs to the source, not to the story.
    """
    pieces = outside_quotes(text, start, end)
    found = []
    for name in entities(text, start, end, keep_initial=True):
        if not _outside(pieces, name.start, name.end):
            continue
        after = _VERB_AFTER_NAME.match(text, name.end, end)
        before = _VERB_BEFORE_NAME.search(text[max(start, name.start - 16) : name.start])
        before = before if _CLAUSE_END.match(text, name.end, end) else None
        if not after and not before:
            continue
        stop = name.end
        if before:
            appositive = _APPOSITIVE.match(text, name.end, end)
            stop = appositive.end() if appositive else stop
        found.append(Mention("attribution", f"named {name.key}", name.start, stop))
    for piece_start, piece_end in pieces:
        for match in _DESCRIBED_SPEAKER.finditer(text, piece_start, piece_end):
            if _VERB_AFTER_NAME.match(text, match.end(), end):
                found.append(Mention("attribution", DESCRIBED, match.start(), match.end()))
    return found


# "The Venezuelan president has contended": a named person by description.
_DESCRIBED_SPEAKER = re.compile(
    r"\b[Tt]he (?:[A-Z][\w’'-]+ )?(?:president|leader|minister|premier|chancellor|mayor|"
    r"governor|secretary|prime minister)\b"
)
DESCRIBED = "named (described)"


def _label(key: str, match: re.Match[str]) -> str:
    if "{0}" not in key:
        return key
    outlet = match.group(1).strip().rstrip(".,;:").lower()
    return key.format(outlet)


def attributions(text: str, start: int, end: int) -> list[Mention]:
    """Source mentions outside quotes, named speakers first."""
    found = speakers(text, start, end)
    for a, b in outside_quotes(text, start, end):
        for pattern, key in _SOURCES:
            for match in pattern.finditer(text, a, b):
                mention_end = match.end()
                if "{0}" in key:  # "told Reuters." ends at the name, not the full stop
                    mention_end = match.start(1) + len(match.group(1).rstrip().rstrip(".,;:"))
                found.append(Mention("attribution", _label(key, match), match.start(), mention_end))
    return found


def hedges(text: str, start: int, end: int) -> list[Mention]:
    """Certainty markers outside quotes, each with its level."""
    found = []
    for a, b in outside_quotes(text, start, end):
        for pattern, key, level in _HEDGES:
            for match in pattern.finditer(text, a, b):
                found.append(Mention("hedging", key, match.start(), match.end(), level))
    return found
