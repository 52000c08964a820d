"""Who says it and how sure: attribution and hedging mentions in a passage.

Keys name the *kind* of source, not its spelling, so that rewordings of the
same sourcing agree ("four officials told Reuters" / "4 U.S. officers informed
Reuters": ``officials`` + ``told reuters``; "according to officials" /
"officials said": ``officials``) and real changes differ ("reportedly",
"a source said", a named speaker made anonymous, a source dropped). A named
speaker's key carries the name ("named keller"), so "Mayor Anna Keller said"
and "Keller said" agree and a different speaker does not.

A named speaker is also told apart as a person, an organisation or an outlet
(``Mention.detail``), so that "Maria Lindqvist said" → "a company executive
said", "the Foreign Ministry said" → "officials said" and "The Times reported"
→ "It was reported" are explained as what they are. A source noun counts only
as a source: next to a verb of attribution ("police said", "according to
police"), so "to police the border" or "arrested by police" is no source.
Words inside a direct quotation are the speaker's, not the reporter's
framing, and are skipped. Hedging is in ``hedges.py``.

Public API: ``attributions``, ``speakers``, ``outside_quotes``, ``source_class``.
"""

from __future__ import annotations

import re

from .mentions import _QUOTE, Mention, entities

_VERB = (
    r"(?:said|says|say|told|tells|added|adds|stated|states|mentioned|acknowledged|confirmed|"
    r"wrote|writes|announced|explained|warned|insisted|claimed|argued|noted|contended|contends|"
    r"maintained|maintains|asserted|suggested|indicated|hinted|denied|denies|stressed|"
    r"reported|reports|reporting|admitted|admits|conceded|concedes|alleged|alleges)"
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
    (
        re.compile(
            r"\b(?:it|this|that)[ \t]+(?:was|has[ \t]+been|had[ \t]+been|is|were)[ \t]+"
            r"(?:widely[ \t]+)?(?:reported|claimed|said)\b",
            re.I,
        ),
        "reports",
    ),
    (re.compile(r"\b(?:told|informed|tells)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*\.?\s?)+)"), "told {0}"),
    (
        re.compile(
            r"(?<![\w’'])(?:(?:\w+|U\.S\.)\s+){0,3}?(?:official|officer|spokesm[ae]n|spokesperson|"
            r"spokeswoman|spokespeople|aide|authorities|diplomat|ministry|representative|"
            r"executive|lawmaker|adviser|advisor|insider|staffer|negotiator|employee)s?\b",
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
# "according to the groups that sued the agency": a source described, not named.
DESCRIBED_SOURCE = "described source"
# Source nouns that are only a source next to a verb of attribution.
_NEEDS_CUE = frozenset({"officials", "police", "documents", "sources"})
_CUE_AFTER = re.compile(
    r"(?:[ \t]*,[^,.;:“”\"]{1,60},)?(?:[ \t]+(?!(?:and|but|or|while|who|which)\b)[\w’'-]+){0,6}?"
    r"[ \t]+(?:also[ \t]+|later[ \t]+|have[ \t]+|has[ \t]+|had[ \t]+|then[ \t]+)?" + _VERB + r"\b"
)
_CUE_BEFORE = re.compile(
    r"(?:\b(?:said|says|say|according[ \t]+to|citing|cited|quoting|quoted|by|from|"
    r"stated|added|warned|confirmed)[ \t]+(?:the[ \t]+|local[ \t]+|two[ \t]+|several[ \t]+)?)$",
    re.I,
)
# "to police the border", "will police": the verb, not the force.
_VERB_USE = re.compile(
    r"\b(?:to|will|would|can|could|should|must|may|might|cannot|helps?|helped)[ \t]+$", re.I
)


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
        if _AFFILIATION.search(text[max(start, name.start - 24) : name.start]):
            continue  # "John Thune, Republican of South Dakota, …, warned": the state
        after = _VERB_AFTER_NAME.match(text, name.end, end)
        before = _VERB_BEFORE_NAME.search(text[max(start, name.start - 16) : name.start])
        before = before if _CLAUSE_END.match(text, name.end, end) else None
        if not after and not before:
            continue
        stop = name.end
        if before:
            appositive = _APPOSITIVE.match(text, name.end, end)
            stop = appositive.end() if appositive else stop
        verb = after.group(0) if after else ""
        kind = source_class(
            text[name.start : name.end], verb, text[max(start, name.start - 5) : name.start]
        )
        found.append(Mention("attribution", f"named {name.key}", name.start, stop, detail=kind))
    for piece_start, piece_end in pieces:
        for match in _DESCRIBED_SPEAKER.finditer(text, piece_start, piece_end):
            if _VERB_AFTER_NAME.match(text, match.end(), end):
                found.append(Mention("attribution", DESCRIBED, match.start(), match.end()))
    return found


# "The Venezuelan president has contended": a named person by description.
# A politician's party and state between their name and the verb: the state
# is no speaker ("Republican of South Dakota", "R-S.D.", "(D-Va.)").
_AFFILIATION = re.compile(
    r"(?:\b(?:Republican|Democrat|Independent)\s+(?:from|of)\s+|\b[RDI][-–]\s*)$"
)
_DESCRIBED_SPEAKER = re.compile(
    r"\b[Tt]he (?:[A-Z][\w’'-]+ )?(?:president|leader|minister|premier|chancellor|mayor|"
    r"governor|secretary|prime minister)\b"
)
DESCRIBED = "named (described)"


_OUTLETS = frozenset(
    """reuters ap afp bloomberg cnn bbc nbc cbs abc npr msnbc politico axios tass interfax
    xinhua kyodo yonhap dpa efe ansa itar-tass ria novosti sputnik rt""".split()
)
_OUTLET_WORDS = re.compile(
    r"(?:Times|Post|Journal|News|Herald|Gazette|Gazzetta|Tribune|Telegraph|Guardian|Globe|"
    r"Daily|Press|Magazine|Monitor|Chronicle|Observer|Independent|Agency|Television|TV|Radio|"
    r"Newspaper|Wire|Review|Examiner|Inquirer|Mail|Express|Mirror|Sun|Standard|Economist)\b"
)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:Ministry|Department|Office|Agency|Commission|Council|Committee|Party|Union|Inc|"
    r"Corp|Corporation|Group|Company|Bank|University|Institute|Association|Court|Police|Army|"
    r"Navy|Kremlin|White House|Pentagon|Government|Administration|Senate|Congress|Parliament|"
    r"Foundation|Service|Bureau|Authority|Board|Federation|League|Organi[sz]ation|Center|"
    r"Centre|Campaign|Coalition|Alliance|Network|Club|Airlines?|Motors|Spotify|NATO|FBI|CIA|"
    r"EU|UN|OPEC|IMF)\b"
)


def source_class(name: str, verb: str = "", before: str = "") -> str:
    """ "outlet", "organisation" or "person" for a named source, from its name
    ("The Times", "Foreign Ministry", "FBI") and verb ("X reported")."""
    words = name.replace("’", "'").split()
    if name.lower() in _OUTLETS or name.lower().removeprefix("the ") in _OUTLETS:
        return "outlet"
    if _OUTLET_WORDS.search(name.split()[-1] if words else name) and (
        len(words) > 1 or "reported" in verb
    ):
        return "outlet"
    if _ORGANISATION_WORDS.search(name) or (name.isupper() and len(name) <= 6):
        return "organisation"
    if before.lower().endswith("the "):
        return "organisation"  # "the Kremlin said"
    if "reported" in verb:
        return "outlet"
    return "person"


def _cued(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """A source noun next to a verb of attribution, not the verb "police"."""
    before = text[max(start, match.start() - 40) : match.start()]
    if _VERB_USE.search(before):
        return False
    return bool(_CUE_AFTER.match(text, match.end(), end) or _CUE_BEFORE.search(before))


_PRONOUNS = frozenset("him her them it us me you".split())


def _label(key: str, match: re.Match[str]) -> str:
    if "{0}" not in key:
        return key
    outlet = match.group(1).strip().rstrip(".,;:").lower()
    return key.format(outlet)


def attributions(text: str, start: int, end: int) -> list[Mention]:
    """Source mentions outside quotes, named speakers first."""
    found = speakers(text, start, end)
    phrases = []
    for a, b in outside_quotes(text, start, end):
        for pattern, key in _SOURCES:
            for match in pattern.finditer(text, a, b):
                if key in _NEEDS_CUE and not _cued(text, match, a, b):
                    continue
                mention_end = match.end()
                if "{0}" in key:  # "told Reuters." ends at the name, not the full stop
                    mention_end = match.start(1) + len(match.group(1).rstrip().rstrip(".,;:"))
                mention = Mention("attribution", _label(key, match), match.start(), mention_end)
                if match.group(0).lower().startswith("according to"):
                    phrases.append(mention)
                else:
                    found.append(mention)
    # "according to X": X's own mention says who; with none, X is described, not named.
    for phrase in phrases:
        inner = any(
            phrase.start <= x.start and x.end <= phrase.end and x.key not in GENERIC for x in found
        )
        words = text[phrase.start : phrase.end].lower().split()[2:]
        pronoun = len(words) == 1 and words[0] in _PRONOUNS  # "according to him": named before
        key = "said" if inner or pronoun or not words else DESCRIBED_SOURCE
        found.append(Mention("attribution", key, phrase.start, phrase.end))
    return found
