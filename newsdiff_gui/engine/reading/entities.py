"""Named entities (people, places, organisations) as capitalised word sequences.

Why no NER model: the engine must stay small and fast, and news prose marks
names by capitals. A single capitalised word that opens a sentence is not
taken (it may be any word), a sequence of two or more is. Titles ("Mr",
"President") are stripped so "Mr Maduro", "President Nicolas Maduro" and
"Maduro" all end in the same last token, which is how names are matched;
``present_in`` also folds "U.S."/"US"/"United States" and "Venezuela"/"Venezuelan".
"""

from __future__ import annotations

import re

from ..features import normalise_words
from .model import Mention

_TOKEN = re.compile(r"[A-Z][\w’'\-]*(?:\.[A-Z]\.?)*|(?:de|la|los|del|van|von|al|bin|of)\b")
_CONNECTORS = {"de", "la", "los", "del", "van", "von", "al", "bin", "of"}
TITLES = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary", "senator",
    "sen", "rep", "gov", "governor", "general", "gen", "defence", "defense", "foreign",
    "interior", "finance", "chief", "vice", "deputy", "former", "sir", "lord", "judge",
}  # fmt: skip
_NOT_NAMES = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at",
    "this", "that", "these", "those", "his", "her", "their", "its", "as", "for", "if",
    "while", "after", "before", "since", "asked", "despite", "however", "when", "what",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
}  # fmt: skip
_OPENERS = "“\"‘'(—–-"


def _sentence_starts(text: str, start: int, end: int) -> set[int]:
    """Offsets where a sentence (or a quotation) begins inside the span."""
    starts = {start}
    for match in re.finditer(r"(?:[.!?:]['’”\"]?\s+|\n\s*|[“\"]\s*)", text[start:end]):
        starts.add(start + match.end())
    return starts


def entities(text: str, start: int, end: int) -> list[Mention]:
    """Names in ``text[start:end]``; the key is the folded last token."""
    starts = _sentence_starts(text, start, end)
    runs: list[list[re.Match[str]]] = []
    for match in _TOKEN.finditer(text, start, end):
        if match.start() > start and (text[match.start() - 1].isalnum()):
            continue
        previous = runs[-1][-1] if runs else None
        gap = text[previous.end() : match.start()] if previous else ""
        if previous and gap in (" ", "") and match.start() not in starts:
            runs[-1].append(match)
        else:
            runs.append([match])
    found = []
    for run in runs:
        while run and run[-1].group().lower() in _CONNECTORS:
            run.pop()
        while run and run[0].group().lower().strip("’'") in _NOT_NAMES | _CONNECTORS:
            run.pop(0)
        at_start = bool(run) and run[0].start() in starts
        titled = False
        while run and run[0].group().lower().rstrip(".") in TITLES:
            run.pop(0)
            titled = True  # "Mr Maduro" opening a sentence is still a name
        if not run or (len(run) == 1 and at_start and not titled):
            continue
        words = normalise_words(text[run[0].start() : run[-1].end()])
        words = [w for w in words if w not in TITLES]
        if not words:
            continue
        m_end = run[-1].end()
        if text[m_end - 2 : m_end] in ("’s", "'s"):
            m_end -= 2
        compound = re.search(r"-[a-z]+$", text[run[-1].start() : m_end])
        if compound:  # "Venezuela-related" names Venezuela
            m_end -= len(compound.group())
            words = normalise_words(text[run[0].start() : m_end]) or words
        found.append(Mention(run[0].start(), m_end, words[-1]))
    return found


def present_in(key: str, words: set[str]) -> bool:
    """Whether a name whose key is ``key`` is mentioned among normalised ``words``."""
    if key in words:
        return True
    if len(key) < 5:
        return False
    stem = key[: max(5, len(key) - 2)]
    return any(w.startswith(stem) for w in words if len(w) >= 5)
