"""Direct quotations: where they are and what words they hold.

Why words, not characters: curly and straight marks, a comma moved inside
the closing mark or a capital letter are not an altered quote; a changed,
added or dropped word is. Straight double quotes pair up in order.
"""

from __future__ import annotations

import re

from ..features import normalise_words
from .model import Mention

_QUOTE = re.compile(r"“([^”“]{2,}?)”|\"([^\"]{2,}?)\"")


def quotes(text: str, start: int, end: int) -> list[Mention]:
    """Quoted passages (marks included); the key is the quoted words, normalised."""
    found = []
    for match in _QUOTE.finditer(text, start, end):
        words = normalise_words(match.group(1) or match.group(2) or "")
        if words:
            found.append(Mention(match.start(), match.end(), " ".join(words)))
    return found


def inside(position: int, spans: list[Mention]) -> bool:
    return any(q.start <= position < q.end for q in spans)


def contains(outer: str, inner: str) -> bool:
    """Whether the word sequence ``inner`` occurs, whole words, inside ``outer``."""
    return f" {inner} " in f" {outer} "


def overlap(a: str, b: str) -> float:
    """Share of the shorter quote's words that the other quote also has."""
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))
