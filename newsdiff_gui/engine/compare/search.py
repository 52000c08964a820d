"""Find text across all versions of a set.

Case-insensitive by default; optionally whole words only or a regular
expression. A bad expression raises ``SearchError`` with a message fit for
the user (``re.error`` text and position). Hits are ``(document id, start,
end)`` offsets into ``Document.text`` plus the sentence they fall in, so a
view can highlight and jump. Empty matches (``a*``, ``^``) are skipped: they
highlight nothing. At most ``MAX_HITS`` are returned, so a pattern like
``.`` on 50 long versions cannot flood a view; ``truncated`` says so.

Public API: ``Hit``, ``SearchResult``, ``SearchError``, ``search``, ``MAX_HITS``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import ArticleSet, Document

MAX_HITS = 10_000


class SearchError(ValueError):
    """The query cannot be searched for (a bad regular expression)."""


@dataclass(frozen=True)
class Hit:
    document: str  # document id
    start: int
    end: int
    sentence: str | None  # id of the sentence holding ``start``, None between sentences


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    counts: dict[str, int]  # document id -> hits, every document listed
    truncated: bool = False

    @property
    def total(self) -> int:
        return len(self.hits)


def compile_query(
    query: str, *, whole_word: bool = False, regex: bool = False, case_sensitive: bool = False
) -> re.Pattern[str]:
    """The pattern ``search`` uses; raises ``SearchError`` for a bad regex."""
    body = query if regex else re.escape(query)
    if whole_word:
        # \b fails next to punctuation ("U.S."): look for non-word neighbours instead.
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.compile(body, flags)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise SearchError(f"not a valid regular expression: {exc.msg}{where}") from exc


def _sentence_at(document: Document, starts: list[int], offset: int) -> str | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < document.sentences[index].end:
        return document.sentences[index].id
    return None


def search(
    article_set: ArticleSet,
    query: str,
    *,
    whole_word: bool = False,
    regex: bool = False,
    case_sensitive: bool = False,
) -> SearchResult:
    """Every match of ``query`` in every version, in document then text order."""
    counts = {d.id: 0 for d in article_set.documents}
    if not query:
        return SearchResult(query, (), counts)
    pattern = compile_query(
        query, whole_word=whole_word, regex=regex, case_sensitive=case_sensitive
    )
    hits: list[Hit] = []
    for document in article_set.documents:
        starts = [s.start for s in document.sentences]
        for match in pattern.finditer(document.text):
            if match.end() == match.start():
                continue
            if len(hits) >= MAX_HITS:
                return SearchResult(query, tuple(hits), counts, truncated=True)
            sentence = _sentence_at(document, starts, match.start())
            hits.append(Hit(document.id, match.start(), match.end(), sentence))
            counts[document.id] += 1
    return SearchResult(query, tuple(hits), counts)
