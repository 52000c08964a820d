"""How sure a passage is, and how the reporter frames what a source said.

The lexicon follows what newsroom style guides tell reporters to watch: the
AP Stylebook and the Reuters Handbook of Journalism both hold "said" as the
neutral verb of attribution and warn that "claimed" casts doubt, "admitted"
and "conceded" imply a confession, and "insisted" or "maintained" suggest the
speaker is disbelieved; the same guides ask for "alleged"/"allegedly" on
unproven accusations and flag "reportedly", "could", "may", "likely",
"expected to" and "appears" as hedges a reader should see.

Each hedge carries a certainty level (``will`` 1.0 … ``unclear`` 0.3); a verb
of attribution carries its stance (``verb:doubt`` for "claimed"). Context
checks keep look-alikes out: the month "May" and the noun "will" ("the will
of the people"), "might" ("military might"), "claims" ("insurance claims"),
"as expected", "as soon as possible". Words inside a direct quotation are the
speaker's, not the reporter's framing, and are skipped.

Limits: regular expressions over English, no parser: an unusual construction
("it cannot be excluded that") is not read; a noun use the checks do not know
can still pass for a hedge.

Public API: ``hedges``, ``NEUTRAL``.
"""

from __future__ import annotations

import re

from .mentions import Mention
from .sourcing import outside_quotes

_ADVERB = r"(?:\w+ly[ \t]+)?"
# A modal is followed by its verb, or stands alone ("I might.", "he will,", "might've").
_FOLLOWS = r"(?=[ \t]+[a-z“(]|[ \t]*[.,;:!?\"”’'—–)\]])"
_BE = r"(?:is|are|was|were|be|been|appears?|appeared|seems?|seemed|looks?|looked)"

# (pattern, key, level); case-sensitive unless (?i) is given, so "May" and
# "Will" (the month, the name) are not the modal verbs.
_HEDGES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(r"\bwill\b(?![ \t]+not\b)" + _FOLLOWS), "will", 1.0),
    (re.compile(r"(?i)\b(?:is|are|was|were)[ \t]+going[ \t]+to\b"), "will", 1.0),
    (re.compile(r"\bwould\b(?![ \t]+not\b)" + _FOLLOWS), "would", 0.9),
    (
        re.compile(
            r"(?i)\b(?:certainly|definitely|undoubtedly|doubtless|surely|inevitabl[ey]|"
            r"(?:is|are|was|were)[ \t]+(?:certain|sure|bound)[ \t]+to|no[ \t]+doubt|"
            r"it[ \t]+is[ \t]+clear[ \t]+that)\b"
        ),
        "certainly",
        1.0,
    ),
    (
        re.compile(
            r"(?i)\b(?:plans?|planned|planning|intends?|intended|intending)[ \t]+to\b|"
            r"\b(?:is|are|was|were)[ \t]+" + _ADVERB + r"(?:poised|set|preparing|gearing[ \t]+up|"
            r"due|scheduled|on[ \t]+track)[ \t]+to\b|\bpoised[ \t]+to\b"
        ),
        "plans to",
        0.8,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?:(?:is|are|was|were|be)[ \t]+" + _ADVERB + r")?expected[ \t]+to|"
            r"(?:is|are|was|were|be)[ \t]+" + _ADVERB + r"expected|expects?[ \t]+to)\b"
        ),
        "expected to",
        0.7,
    ),
    (re.compile(r"\bshould\b(?![ \t]+not\b)(?=[ \t]+[a-z])"), "should", 0.7),
    (
        re.compile(r"(?i)\b(?:most[ \t]+)?(?:likely|probably|probable)\b"),
        "likely",
        0.6,
    ),
    (
        re.compile(
            r"(?i)\b(?:appears?|appeared|seems?|seemed|looks?|looked)[ \t]+"
            + _ADVERB
            + r"(?:set|poised|likely|ready|certain|sure)[ \t]+to\b"
        ),
        "appeared set to",
        0.55,
    ),
    (
        re.compile(
            r"(?i)\b(?:is|are|was|were)[ \t]+(?:widely[ \t]+)?(?:believed|thought|understood|"
            r"said|rumou?red)[ \t]+to\b"
        ),
        "believed to",
        0.55,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?:appears?|appeared|seems?|seemed)[ \t]+to|apparently|ostensibly|"
            r"it[ \t]+(?:appears|seems|appeared|seemed)[ \t]+that)\b"
        ),
        "appears to",
        0.5,
    ),
    (
        re.compile(
            r"(?i)\b(?:allegedly|alleged|allegations?[ \t]+(?:of|that)|accused[ \t]+of|"
            r"suspected(?:[ \t]+of)?|purportedly|purported|so-called|supposedly)\b"
        ),
        "allegedly",
        0.5,
    ),
    (re.compile(r"(?i)\breportedly\b"), "reportedly", 0.5),
    (
        re.compile(
            r"\b(?:could|may|might)\b(?![ \t]+not\b)" + _FOLLOWS + r"|"
            r"(?i:\b(?:possibly|potentially|perhaps|maybe|conceivably)\b)"
        ),
        "could",
        0.4,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?:it[ \t]+is|it['’]s|it[ \t]+was|is|are|was|were|seems|remains)[ \t]+"
            + _ADVERB
            + r"possible|possible[ \t]+that|a[ \t]+possible|the[ \t]+possibility|"
            r"the[ \t]+prospect[ \t]+of|(?:it[ \t]+is[ \t]+|it['’]s[ \t]+)?easy[ \t]+to[ \t]+"
            r"(?:imagine|see|envisage|picture)|one[ \t]+can[ \t]+imagine)\b"
        ),
        "possible",
        0.4,
    ),
    (
        re.compile(
            r"(?i)\b(?:did[ \t]+not|didn['’]t|would[ \t]+not|wouldn['’]t|has[ \t]+not|hasn['’]t|"
            r"have[ \t]+not|haven['’]t)[ \t]+rule[ds]?[ \t]+"
            r"(?:anything[ \t]+|something[ \t]+)?out\b"
            r"|\bnot[ \t]+(?:rule|ruled|ruling)[ \t]+out\b"
        ),
        "did not rule out",
        0.4,
    ),
    (
        re.compile(
            r"(?i)\b(?:unclear|not[ \t]+clear|uncertain|unlikely|doubtful|unconfirmed|unverified|"
            r"unable[ \t]+to[ \t]+(?:confirm|verify|establish|determine)|"
            r"not[ \t]+(?:in[ \t]+a[ \t]+position|able)[ \t]+to|"
            r"could[ \t]+not[ \t]+(?:immediately[ \t]+|independently[ \t]+)?(?:confirm|verify))\b"
        ),
        "unclear",
        0.3,
    ),
]

# Nouns that look like modal verbs: "the will of", "military might".
_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:the|his|her|their|its|our|my|your|good|ill|of|a|against|full|with|all)[ \t]+$"
)
# After these a "will" or "might" is always the noun: "military might", "strong will".
_SURELY_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:military|economic|naval|political|popular|public|free|strong|own|neither|no|"
    r"any|iron|sheer)[ \t]+$"
)
# ... and is a noun only when followed as a noun is: "the will of", "good will between".
_NOUN_AFTER = re.compile(
    r"(?i)[ \t]*(?:of|between|towards?|and|nor|or|to|for|among|in|over|[,.;:)—–-])(?:\W|$)"
)
_NOT_HEDGE_AFTER = re.compile(r"(?i)[ \t]+(?:soon|as|far|much|early|quickly|best)\b")

# Verbs of attribution by stance; "said" and its neutral kin are not compared.
_STANCES = {
    "doubt": r"claim(?:s|ed)?|alleg(?:es|ed)|purport(?:s|ed)?|professe[sd]",
    "concession": r"admit(?:s|ted)?|concede[sd]?|acknowledge[sd]?|confesse[sd]?",
    "insistence": r"insist(?:s|ed)?|maintain(?:s|ed)?|contend(?:s|ed)?|assert(?:s|ed)?|"
    r"argue[sd]?|protest(?:s|ed)|swore|swears",
    "denial": r"den(?:y|ies|ied)",
    "speculation": r"suggest(?:s|ed)?|speculate[sd]?|hint(?:s|ed)?|impl(?:y|ies|ied)",
}
NEUTRAL = "neutral"
_NEUTRAL = (
    r"said|says|say|told|tells|stated|states|added|adds|noted|notes|explained|explains|"
    r"wrote|writes|announced|announces|reported|reports|remarked|commented|observed|"
    r"responded|replied|declared|confirmed|confirms|indicated|stressed|warned|warns"
)
_VERB = re.compile(
    r"\b(?:(?P<neutral>" + _NEUTRAL + r")|" + "|".join(f"(?P<{k}>{v})" for k, v in _STANCES.items())
    + r")\b"
)  # fmt: skip
# A speech verb after its subject or before "that"/a quote; not a noun
# ("insurance claims", "the claims were").
_DETERMINER_BEFORE = re.compile(
    r"(?i)\b(?:the|his|her|their|its|these|those|such|of|new|false|any|no|a|an|many|"
    r"some|insurance|damage|benefit|['’]s)[ \t]+$"
)
# ... and not a verb with an object: "claimed responsibility", "maintained its grip".
_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:(?:the|a|an|his|her|their|its|our)[ \t]+)?(?:\w+[ \t]+)?(?:responsibility|"
    r"credit|victory|lives|life|control|ownership|asylum|benefits?|damages|title|seats?|power|"
    r"territory|land|order|contact|ties|pressure|silence|innocence|grip|lead|record|prize|"
    r"road|roads|position|stance|majority)\b",
    re.I,
)
# "claims" is the verb after its subject ("Trump claims", "and claims"), the noun
# after an adjective or before "of" ("repeated claims", "claims of censorship").
_SUBJECT_BEFORE = re.compile(r"(?:\b[A-Z][\w’'-]+|\b(?:he|she|it|who|and|also|which|that))[ \t]+$")
_NOUN_CLAIMS_AFTER = re.compile(r"[ \t]+(?:of|to|about|were|are|by|at|against|from)\b")


def _verbs(text: str, start: int, end: int) -> list[Mention]:
    found = []
    for match in _VERB.finditer(text, start, end):
        stance = match.lastgroup or NEUTRAL
        if stance == NEUTRAL:
            continue  # neutral verbs are the baseline: never a change on their own
        before = text[max(start, match.start() - 24) : match.start()]
        if _DETERMINER_BEFORE.search(before):
            continue
        if stance in ("insistence", "doubt") and _OBJECT_AFTER.match(text, match.end(), end):
            continue  # "maintains the road", "claimed responsibility"
        if match.group(0).lower() in ("claims", "alleges", "purports") and (
            not _SUBJECT_BEFORE.search(before) or _NOUN_CLAIMS_AFTER.match(text, match.end())
        ):
            continue  # "repeated claims that", "British claims of"
        found.append(Mention("hedging", f"verb:{stance}", match.start(), match.end(), 1.0))
    return found


def _sentence_start(text: str, start: int, position: int) -> bool:
    """At the start of the passage or after a sentence end, not after a title
    ("Mrs. May appeared" is a person)."""
    before = text[max(start, position - 8) : position]
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|PM|Prime Minister)\.?\s+$", before):
        return False
    return position == start or bool(re.search(r"(?:[.!?][”\"’)]*\s+|[“\"(]\s*)$", before))


def hedges(text: str, start: int, end: int) -> list[Mention]:
    """Certainty markers and stance verbs outside quotes, each with its level."""
    found = []
    for a, b in outside_quotes(text, start, end):
        for pattern, key, level in _HEDGES:
            for match in pattern.finditer(text, a, b):
                word = match.group(0).split()[0]
                modal = word in ("will", "would", "might", "may", "could", "should")
                before = text[max(a, match.start() - 16) : match.start()]
                if modal and (
                    _SURELY_NOUN_BEFORE.search(before)
                    or (_NOUN_BEFORE.search(before) and _NOUN_AFTER.match(text, match.end()))
                ):
                    continue
                if key in ("likely", "possible") and _NOT_HEDGE_AFTER.match(text, match.end()):
                    continue
                if (
                    key == "expected to"
                    and text[max(a, match.start() - 3) : match.start()] == "as "
                ):
                    continue
                found.append(Mention("hedging", key, match.start(), match.end(), level))
        # "May" opening a sentence before a verb is the modal ("May the talks fail…").
        for match in re.finditer(r"\bMay(?=[ \t]+[a-z]+\b)", text[a:b]):
            position = a + match.start()
            if _sentence_start(text, start, position):
                found.append(Mention("hedging", "could", position, position + 3, 0.4))
        found.extend(_verbs(text, a, b))
    # A hedge inside a longer one ("likely" in "appeared likely to") is that one.
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end and mention.key != kept[-1].key:
            continue
        kept.append(mention)
    return kept
