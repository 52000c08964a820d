"""Boilerplate decided for the whole set, not one page at a time.

Why: segmentation labels chrome (bylines, timestamps, "Close", credits,
related-story lines) from one page's own evidence, so the same line could be
chrome in one version and content in another, and then showed as *omitted*
from the version that dropped it. And scraped pages repeat their lead (a
teaser, the article, a "more on this story" box): a repeat is not new content,
but it split identical leads of two copies into different units.

Two rules, applied once every document of the set is segmented:

1. A line labelled boilerplate in one version is boilerplate, with the same
   label, wherever the set carries it (compared after folding case, spacing,
   quote marks and digits: a re-formatted timestamp is still a timestamp).
2. A content sentence of at least ``REPEAT_MIN_WORDS`` words that its own page
   already had earlier (same folding) is labelled ``repeat``.

Sentences keep their spans; only labels change, so offsets and the JSON
contract stay as they were.

Public API: ``article_set``, ``harmonise_boilerplate``, ``REPEAT``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ..model import ArticleSet, Document

REPEAT = "repeat"
# Shorter repeats ("Yes.", "He declined.") can be real content said twice.
REPEAT_MIN_WORDS = 6

# Labels a line earns by what it is, which hold wherever it appears. Not the
# positional guesses ("embed caption fragment": a short unpunctuated line in
# the body), which a page's own headline repeated lower down can earn too, nor
# a repeat, which is one page's own.
_SPREADING = frozenset(
    (
        "site chrome",
        "byline",
        "date line",
        "dateline",
        "photo credit",
        "credit",
        "contact",
        "script",
        "markdown image",
        "link only",
    )
)

_FOLD = re.compile(r"[\W\d_]+")


def _key(text: str) -> str:
    """Text with case, spacing, punctuation, quote marks, digits and a byline's
    leading "By" folded away ("By ANNA KELLER" and "Anna Keller" are one line)."""
    key = _FOLD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return key[3:] if key.startswith("by ") else key


def harmonise_boilerplate(documents: Sequence[Document]) -> tuple[Document, ...]:
    """``documents`` with the two set-wide rules applied (unchanged ones are the same objects)."""
    chrome: dict[str, str] = {}
    for document in documents:
        for sentence in document.sentences:
            key = _key(sentence.text)
            if sentence.boilerplate in _SPREADING and key:
                chrome.setdefault(key, sentence.boilerplate)
    result = []
    for document in documents:
        seen: set[str] = set()
        sentences = []
        changed = False
        for sentence in document.sentences:
            key = _key(sentence.text)
            label = sentence.boilerplate
            if label is None and key in chrome:
                label = chrome[key]
            elif label is None and key in seen and len(key.split()) >= REPEAT_MIN_WORDS:
                label = REPEAT
            if label is None:
                seen.add(key)
            if label != sentence.boilerplate:
                sentence = replace(sentence, boilerplate=label)
                changed = True
            sentences.append(sentence)
        result.append(replace(document, sentences=tuple(sentences)) if changed else document)
    return tuple(result)


def article_set(documents: Sequence[Document]) -> ArticleSet:
    """The set of ``documents`` with boilerplate decided for the whole set:
    every loader and every front end builds sets through this."""
    return ArticleSet(harmonise_boilerplate(documents))
