"""One side of a row as the change reader sees it: its document, its own
content sentences, and what each finder finds in them (cached per sentence).

Kept apart from ``rowreader`` so the finders' helpers (``framing``) can take a
side without importing the reader that calls them.

Public API: ``RowSide``, ``Finder``, ``in_sentences``, ``read_cached``, ``shift``,
``plain_name``, ``lower_case_words``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from ..model import Document, Sentence
from . import mentions as m
from .model import Side

Finder = Callable[[str, int, int], list[m.Mention]]

T = TypeVar("T")


def in_sentences(side: RowSide, finder: Callable[[str, int, int], list[T]]) -> list[T]:
    """What ``finder`` finds in each of the side's sentences, read from the
    sentence alone (so the result depends on its text only, and is cached:
    the same version is read once per pair it is in)."""
    found: list[T] = []
    for sentence in side.sentences:
        found.extend(shift(x, sentence.start) for x in read_cached(finder, sentence.text))
    return found


@lru_cache(maxsize=1 << 14)
def read_cached(finder: Callable[[str, int, int], list[T]], text: str) -> tuple[T, ...]:
    return tuple(finder(text, 0, len(text)))


def shift(found: T, offset: int) -> T:
    """A mention (or a (stem, start, end) triple) moved to document offsets."""
    if isinstance(found, tuple):
        return (found[0], found[1] + offset, found[2] + offset)  # type: ignore[return-value]
    moved: Any = found
    return replace(moved, start=moved.start + offset, end=moved.end + offset)  # type: ignore[no-any-return]


_CAPITALISED = re.compile(r"[A-Z][\w'’\-]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]*")


@lru_cache(maxsize=64)
def lower_case_words(text: str) -> frozenset[str]:
    """Every word ``text`` writes in lower case (possessive endings off)."""
    return frozenset(_bare(w) for w in set(_LOWER_WORD.findall(text)))


def plain_name(surface: str) -> str:
    """A name as lower-cased text writes it, without a possessive ending
    ("Hofeller's" -> "hofeller")."""
    lowered = surface.lower()
    return lowered[:-2] if lowered.endswith(("'s", "’s")) else lowered


def _bare(word: str) -> str:
    """A word folded for "does the page write it in lower case": possessive
    and common endings off ("Arrives" meets "arrived"; "Warner" is not "warned")."""
    word = plain_name(word)
    for ending in ("ing", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _stressed(surface: str, lower: frozenset[str]) -> bool:
    """A word in capitals the page also writes in lower case: stress, not an acronym."""
    return len(surface) >= 4 and surface.isalpha() and surface.isupper() and _bare(surface) in lower


@lru_cache(maxsize=1 << 14)
def _titled(sentence: str, page: str) -> bool:
    """``_in_title_case`` against the page's lower-case words, remembered: a
    version's sentences are read once per pair it is in."""
    return _in_title_case(sentence, lower_case_words(page))


def _in_title_case(sentence: str, lower: frozenset[str]) -> bool:
    """A headline in title case, not a sentence with names in it: past the
    first word, two or more capitalised words of four letters or more that
    the page writes in lower case elsewhere ("Arrives", "Meeting"), a quarter
    of its words at least."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", sentence)[1:]
    common = [w for w in words if w[0].isupper() and len(w) > 3 and _bare(w) in lower]
    return len(common) >= 2 and 4 * len(common) >= len(words)


class RowSide:
    """One side of a row: its document and content sentences."""

    def __init__(self, document: Document, sentences: Sequence[Sentence]) -> None:
        self.document = document
        self.sentences = [s for s in sentences if not s.is_boilerplate]
        self.span = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
        self._cache: dict[Callable[..., Any], list[Any]] = {}
        self._names: list[m.Mention] | None = None

    def whole(self) -> Side:
        return self.at(*self.span)

    def at(self, start: int, end: int) -> Side:
        return Side(self.document.id, start, end, self.document.text[start:end])

    def find(self, finder: Finder) -> list[m.Mention]:
        """Mentions in the row's own sentences: a row whose sentences are not
        adjacent must not read the sentence between them."""
        if finder not in self._cache:
            self._cache[finder] = in_sentences(self, finder)
        return list(self._cache[finder])

    def beside(self, finder: Finder) -> list[m.Mention]:
        """Mentions in the content sentences just before and just after the row
        in the same paragraph: a quote's speaker is often named in the sentence
        next to it ("… in the room," Warner said. "Putin is a trained KGB agent.")."""
        if not self.sentences:
            return []
        ordered = self.document.sentences
        first, last = self.sentences[0].index, self.sentences[-1].index
        found: list[m.Mention] = []
        for index, edge in ((first - 1, first), (last + 1, last)):
            if not 0 <= index < len(ordered):
                continue
            sentence = ordered[index]
            if sentence.is_boilerplate or sentence.paragraph != ordered[edge].paragraph:
                continue
            found.extend(shift(x, sentence.start) for x in read_cached(finder, sentence.text))
        return found

    def names(self) -> list[m.Mention]:
        """Names in the row's sentences, without words in capitals for emphasis.
        In a sentence set in title case (a headline: "Trump Arrives in Helsinki
        for Meeting With Putin") capitals say nothing, so the words the page also
        writes in lower case are left out ("Arrives", "Meeting") and the runs of
        the others count. Read once per row side."""
        if self._names is None:
            self._names = self._read_names()
        return list(self._names)

    def _read_names(self) -> list[m.Mention]:
        lower = lower_case_words(self.document.text)
        text = self.document.text
        # A word in capitals for emphasis ("has NEVER been worse") is no name
        # when the page writes it in lower case too; an acronym is not written so.
        found = [x for x in self.find(m.entities) if not _stressed(text[x.start : x.end], lower)]
        titled = [s for s in self.sentences if _titled(s.text, text)]
        if not titled:
            return found
        out: list[m.Mention] = []
        for mention in found:
            if not any(s.start <= mention.start < s.end for s in titled):
                out.append(mention)
                continue
            # Runs of the words the page never writes in lower case stay
            # together ("Mark Warner"); the others part them.
            runs: list[list[int]] = []
            for word in _CAPITALISED.finditer(text, mention.start, mention.end):
                if _bare(word.group(0)) in lower:
                    runs.append([])
                elif runs and runs[-1]:
                    runs[-1][1] = word.end()
                else:
                    runs.append([word.start(), word.end()])
            for run in runs:
                if run:
                    out.extend(m.names_anywhere(text, run[0], run[1]))
        return out

    def date_spans(self) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in self.find(m.dates)]

    def surface(self, mention: m.Mention) -> str:
        return " ".join(self.document.text[mention.start : mention.end].split())

    def lower_text(self) -> str:
        return " ".join(self.document.text[s.start : s.end] for s in self.sentences).lower()
