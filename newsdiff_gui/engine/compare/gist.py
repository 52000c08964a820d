"""The gist of a unit of content: a few words a reader recognises it by.

Why: the coverage map labelled its rows "u0", "u8" — the aligner's ids,
which tell a reader nothing. A row is labelled with the opening words of
the unit's text as the first version carrying it words it (set order, so
the label is stable), cut at a word boundary to ``GIST_CHARS`` characters
with "…"; quotation marks and dateline furniture at the start are dropped,
since "“We have not seen…" reads as well without its opening quote.

Pure Python, no Qt.

Public API: ``unit_gist``, ``unit_gists``, ``GIST_CHARS``.
"""

from __future__ import annotations

import re

from ..model import Alignment, Unit

GIST_CHARS = 38
_LEADING = re.compile(r"^[\s\"'“”‘’«»„(\[—–-]+")


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def unit_gist(alignment: Alignment, unit: Unit, limit: int = GIST_CHARS) -> str:
    """A few opening words of ``unit``, as its first carrying version words them."""
    sentences = [alignment.article_set.sentence(member) for member in unit.members]
    first = min(sentences, key=lambda s: (s.doc_index, s.index))
    own = sorted((s for s in sentences if s.doc_index == first.doc_index), key=lambda s: s.index)
    text = " ".join(s.text for s in own)
    return _cut(_LEADING.sub("", text) or text, limit)


def unit_gists(alignment: Alignment, limit: int = GIST_CHARS) -> tuple[str, ...]:
    """The gist of every unit, in ``alignment.units`` order."""
    return tuple(unit_gist(alignment, unit, limit) for unit in alignment.units)
