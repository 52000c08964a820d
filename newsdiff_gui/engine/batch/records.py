"""Records the batch stages pass on: an article of the pile and a skipped one.

Why plain frozen records of strings: a story's articles travel to worker
processes or a Dask cluster, so they must pickle small and mean the same
everywhere. Standard library only.

Public API: ``Article``, ``Skipped``, ``MAX_ARTICLE_CHARS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.articles import MAX_TEXT_CHARS

# An article longer than this is refused, as the loader refuses a file: the
# aligner's time grows faster than linearly with a document's length.
MAX_ARTICLE_CHARS = MAX_TEXT_CHARS


@dataclass(frozen=True)
class Article:
    """One article of the pile, as read.

    ``key`` is the article's identity in the output: the ``id`` a table gave,
    else the file's path as given. ``source`` says where it was read from
    (``file.jsonl:12`` for line 12, ``table.parquet:row 40``, or the path).
    """

    key: str
    source: str
    text: str
    publisher: str = ""
    date: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        if not self.key:
            raise ValueError("an article needs a key")


@dataclass(frozen=True)
class Skipped:
    """An input left out, with the reason in words (the ``skipped`` table)."""

    key: str
    source: str
    reason: str
