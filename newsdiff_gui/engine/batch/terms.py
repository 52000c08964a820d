"""The words grouping compares: content terms of an article, hashed.

Why hashed terms: grouping keeps a little about every article of the day in
memory (its document frequencies, its candidate signature) and sends term
weights to workers; 32-bit hashes of terms keep that small and the same in
every process (``zlib.crc32`` is stable across runs, unlike ``hash``).

Terms are lower-cased words that are not stop words, and the pairs of
adjacent content words, so a shared phrase or quote ("low expectations")
counts for more than its two words apart. Numbers are kept. Standard library.

An article's *lead* — its first ``LEAD_WORDS`` content words, which in a
news report are the headline and the opening sentence, the who, what and
where — is hashed the same way (``lead_terms``): grouping checks that two
stories it would merge open on the same facts (``verify.py``).

Public API: ``article_terms``, ``term_counts``, ``lead_terms``, ``grouping_text``,
``word_term``, ``HASH_BITS``, ``LEAD_WORDS``.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter

from ..align.features import STOP_WORDS

__all__ = [
    "HASH_BITS",
    "LEAD_WORDS",
    "article_terms",
    "grouping_text",
    "lead_terms",
    "term_counts",
    "word_term",
]

# Terms are hashed into this many bits: 2**22 buckets make a collision
# between two telling words rare, and a document-frequency table of that
# size is 16 MB.
HASH_BITS = 22
_MASK = (1 << HASH_BITS) - 1
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Grouping reads an article's prose: lines of at least this many words. Menus,
# share buttons, bylines, captions' credits and script left in a scraped page
# are shorter, and they would make two pages of one site look alike.
PROSE_WORDS = 8
# ... and only the head of that prose: a story's subject is said early, and
# what follows in a scraped page is often other stories (related links,
# live-blog entries).
GROUPING_CHARS = 3000
_LINE = re.compile(r"[^\n]+")
# The lead: a headline and an opening sentence are 30 to 50 content words.
LEAD_WORDS = 40


def grouping_text(text: str) -> str:
    """The prose head of an article: what grouping compares."""
    kept: list[str] = []
    size = 0
    for line in _LINE.findall(text):
        if len(line.split()) >= PROSE_WORDS:
            kept.append(line)
            size += len(line)
            if size >= GROUPING_CHARS:
                break
    return "\n".join(kept)[:GROUPING_CHARS] if kept else text[:GROUPING_CHARS]


def _content_words(text: str) -> list[str]:
    words = []
    for raw in _WORD.findall(grouping_text(text)):
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOP_WORDS:
            words.append(word)
    return words


def _hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) & _MASK


def word_term(word: str) -> int:
    """The hashed term of one lower-cased content word (as ``article_terms`` hashes it)."""
    return _hash(word)


def term_counts(text: str) -> Counter[int]:
    """Hashed content words and adjacent content-word pairs, with counts."""
    words = _content_words(text)
    counts: Counter[int] = Counter(_hash(w) for w in words)
    counts.update(_hash(f"{a} {b}") for a, b in itertools.pairwise(words))
    return counts


def lead_terms(text: str, words: int = LEAD_WORDS) -> frozenset[int]:
    """Hashed content words and adjacent pairs of the first ``words`` content words."""
    lead = _content_words(text)[:words]
    terms = {_hash(w) for w in lead}
    terms.update(_hash(f"{a} {b}") for a, b in itertools.pairwise(lead))
    return frozenset(terms)


def article_terms(text: str) -> frozenset[int]:
    """The set of hashed terms (for signatures and document frequencies)."""
    return frozenset(term_counts(text))
