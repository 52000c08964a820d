"""Negation flips: "did not expect progress" → "expected progress".

Why its own finder: a dropped or added "not" turns a sentence into its
opposite while changing one short word, so a word diff shows it as the
smallest of edits. Method: each negation cue (not, n't, never, no, no longer,
cannot) is tied to the word it
negates, its *head*: the next word that is not an auxiliary or a filler
adverb ("did not *expect*", "can't *compel*", "no *evidence*"). A head negated
more often on one side than the other, while the other side still has that
word (by a crude stem: "expected" = "expect"), is a flip. A negated clause
dropped whole is not a flip (the other side lacks the word), nor is a
rewording that keeps the sense ("did not attend" → "was absent").

Words inside quotations count too: a flipped quote is both an altered quote
and a negation flip.

Limits: English, no parser: double negation, "neither … nor", "nobody",
"without", negative verbs ("failed to", "denied") and affixes ("unlikely")
are not read here (the hedging finder reads "unlikely"); a head is one
content word within a few words of the cue, function words skipped.

Public API: ``Negation``, ``negations``, ``stem``, ``word_stems``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..align.features import STOP_WORDS

_CUE = re.compile(
    r"(?i)\b(?:(?P<nt>\w+n['’]t)|(?P<cannot>cannot)|(?P<plain>not|never|no[ \t]+longer|no)"
    r"(?![\w'’-]))"
)
# Not a negation of what follows: "not only … but", "no doubt" is a hedge idiom.
_NOT_NEGATING = re.compile(
    r"(?i)[ \t]+(?:only|just|least|to[ \t]+mention|even[ \t]+close|that[ \t]+\w+|but|"
    r"more|less|sooner|matter|doubt|longer[ \t]+than|surprise)\b"
)
_SKIP = frozenset(
    """be been being is are was were am have has had do does did will would can could shall
    should may might must to a an the any yet even also always ever immediately directly
    necessarily really just only quite entirely fully publicly so too very much all
    further formally officially clearly explicitly specifically personally""".split()
)
_SPEECH = frozenset({"said", "say", "says", "told"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Negation:
    """A cue and the word it negates: ``head`` is that word's stem."""

    head: str
    start: int  # the cue's start
    end: int  # the head's end


def stem(word: str) -> str:
    """A crude stem, enough to tell "expect", "expected" and "expects" apart
    from other words: lower case, common endings off, doubled consonant single."""
    word = word.lower().replace("’", "'")
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word.rstrip("e") if len(word) > 3 else word


def negations(text: str, start: int, end: int) -> list[Negation]:
    """Negation cues in ``text[start:end]``, each with its head."""
    found = []
    for match in _CUE.finditer(text, start, end):
        if match.group("nt") and not re.search(r"(?i)n['’]t$", match.group("nt")):
            continue
        if _NOT_NEGATING.match(text, match.end()):
            continue
        head = None
        for word in _WORD.finditer(text, match.end(), min(end, match.end() + 40)):
            between = text[match.end() : word.start()]
            if re.search(r"[.;:!?,“”\"()]", between):
                break  # the clause ended before a head came
            lowered = word.group(0).lower()
            adverb = lowered.endswith("ly") and len(lowered) > 6 and not lowered.endswith("ply")
            if lowered in _SKIP or adverb:
                continue
            if lowered in STOP_WORDS and lowered not in _SPEECH:
                continue  # "not under indictment", "never to the summit"
            head = word
            break
        if head is None:
            continue
        found.append(Negation(stem(head.group(0)), match.start(), head.end()))
    return found


def word_stems(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Every word's stem and span: where the other side still has the head."""
    return [(stem(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
