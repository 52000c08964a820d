"""One side of a row as the change reader sees it: its document, its own
content sentences, and what each finder finds in them (cached per sentence).

Kept apart from ``rowreader`` so the finders' helpers (``framing``) can take a
side without importing the reader that calls them.

Public API: ``RowSide``, ``Finder``, ``in_sentences``, ``read_cached``, ``shift``.
"""

from __future__ import annotations

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


class RowSide:
    """One side of a row: its document and content sentences."""

    def __init__(self, document: Document, sentences: Sequence[Sentence]) -> None:
        self.document = document
        self.sentences = [s for s in sentences if not s.is_boilerplate]
        self.span = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
        self._cache: dict[Callable[..., Any], list[Any]] = {}

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

    def date_spans(self) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in self.find(m.dates)]

    def surface(self, mention: m.Mention) -> str:
        return " ".join(self.document.text[mention.start : mention.end].split())

    def lower_text(self) -> str:
        return " ".join(self.document.text[s.start : s.end] for s in self.sentences).lower()
