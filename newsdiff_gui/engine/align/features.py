"""Sentence features for alignment: normalised content terms and anchors.

Why these features: versions of one story share facts but not wording. A
spinner swaps synonyms, a rewrite changes morphology ("finalised"/"final"),
a translation keeps names and numbers. So a sentence is reduced to
*terms* — lower-cased words, stop words dropped, spelled-out numbers turned
into digits, spelling variants folded ("U.S."/"US"/"United States"), cut to a
short prefix stem — and to *anchors*: numbers and multi-word capitalised names
that rarely coincide by chance.

Public API: ``SentenceFeatures``, ``sentence_features``, ``STOP_WORDS``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .numbers import words_to_numbers

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such
    than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says say told according would may
    might must shall mr mrs ms one ever still even much many well yet upon via per
    """.split()
)

# Spelling variants that name the same thing; folded before stemming.
_VARIANTS = [
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA\b|\bUnited States(?: of America)?\b"), " US "),
    (re.compile(r"\bU\.\s?K\.|\bUnited Kingdom\b|\bBritain\b"), " UK "),
    (re.compile(r"\bU\.\s?N\.|\bUnited Nations\b"), " UN "),
    (re.compile(r"\bD\.\s?C\."), " DC "),
]
# How numbers are written; only a text with a digit needs them.
_NUMBER_FORMS = [
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    (re.compile(r"\$\s?(\d+(?:\.\d+)?)\s?(?:m|mn)\b"), r"$\1 million"),
    (re.compile(r"\$\s?(\d+(?:\.\d+)?)\s?(?:bn|b)\b"), r"$\1 billion"),
    # "18th" is 18, as "eighteenth" is.
    (re.compile(r"\b(\d+)(?:st|nd|rd|th)\b"), r"\1"),
    # "40cm" is 40 cm, as "40 centimetres" elsewhere.
    (re.compile(r"\b(\d+(?:\.\d+)?)([a-z]{1,3})\b"), r"\1 \2"),
    # A share is not a count: "down 11%" must not match "eleven fires".
    (re.compile(r"(\d)\s?(?:%|per ?cent\b)"), r"\1pct"),
]
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
_NAME = re.compile(
    r"(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+(?:de|la|los|del|van|von|al|bin)?\s*[A-Z][a-z]+)+"
)
STEM_LENGTH = 5


@dataclass(frozen=True)
class SentenceFeatures:
    """What the aligner compares: a bag of terms and a set of anchors."""

    terms: frozenset[str]
    anchors: frozenset[str]
    word_count: int
    words: tuple[str, ...] = ()  # normalised content words, in order (for meaning vectors)


def is_number(term: str) -> bool:
    """Numbers, decimals and shares ("412000", "4.2", "11pct") are kept whole."""
    return term[:1].isdigit()


def stem(word: str) -> str:
    """Prefix stem: cheap, language-agnostic and tolerant of inflection and of
    derivations a rewrite or translation introduces (officials/officers → "offic")."""
    if is_number(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:STEM_LENGTH]


def nfc(text: str) -> str:
    """``text`` in Unicode's composed form, so "é" typed as one character and
    as "e" plus an accent compare equal (offsets never come from this)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def normalise_words(text: str) -> list[str]:
    """Lower-cased words with variants folded and number words as digits."""
    text = nfc(text)
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    if _DIGIT.search(text):
        for pattern, replacement in _NUMBER_FORMS:
            text = pattern.sub(replacement, text)
    words = []
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        # "U.S." is "us", but "4.2" million is not 42.
        word = word.replace("'", "") if is_number(word) else word.replace(".", "").replace("'", "")
        words.append(word)
    return words_to_numbers(words)


@lru_cache(maxsize=16384)
def _name_anchor(name: str) -> str:
    """A multi-word name as one anchor term (names recur: read each once)."""
    return " ".join(stem(w) for w in normalise_words(name))


@lru_cache(maxsize=32768)
def sentence_features(text: str) -> SentenceFeatures:
    """The terms and anchors of ``text``. Cached: the aligner, the link check
    and the recovery pass each read every sentence of a set."""
    text = nfc(text)
    words = normalise_words(text)
    terms = frozenset(
        stem(w) for w in words if (w not in STOP_WORDS and len(w) > 1) or is_number(w)
    )
    anchors = {w for w in words if not w.isalpha() and _DIGIT.search(w)}
    anchors.update(_name_anchor(name) for name in _NAME.findall(text))
    content = tuple(w for w in words if w not in STOP_WORDS)
    return SentenceFeatures(
        terms=terms, anchors=frozenset(anchors), word_count=len(words), words=content
    )
