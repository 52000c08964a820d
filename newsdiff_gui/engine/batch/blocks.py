"""The unit of parallel work: a block of possibly related articles.

A ``BlockTask`` carries everything its stories need — the articles, their
hashed terms with counts, the pile-wide inverse document frequencies of those
terms, the articles' days and their leads —
so ``process_block`` is a pure function that runs unchanged in this process,
a process pool, Dask, Ray or Spark: it splits the block into stories
(``verify.stories_in_block``) and compares each (``compare.compare_story``).
``process_chunk`` does that for a list of blocks, so the many one-article
blocks of a day travel together rather than one task each.

Public API: ``BlockTask``, ``process_block``, ``process_chunk``, ``block_id``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .compare import MAX_COMPARE, StoryRows, compare_story, story_id
from .records import Article
from .verify import GroupingConfig, Terms, stories_in_block

__all__ = ["BlockTask", "block_id", "process_block", "process_chunk"]


def block_id(keys: Sequence[str]) -> str:
    """A block's id from its articles' keys (stable across runs: resuming uses it)."""
    digest = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8", "surrogatepass"))
    return "b" + digest.hexdigest()[:12]


@dataclass(frozen=True)
class BlockTask:
    """A block: its articles in input order, their terms, the terms' IDF and
    the articles' days (``verify.day_number``; empty: dates not used)."""

    id: str
    articles: tuple[Article, ...]
    terms: tuple[Terms, ...] = ()
    idf: Mapping[int, float] = field(default_factory=dict)
    days: tuple[int | None, ...] = ()
    leads: tuple[Terms, ...] = ()
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    max_compare: int = MAX_COMPARE

    def __post_init__(self) -> None:
        if len(self.articles) > 1 and len(self.terms) != len(self.articles):
            raise ValueError("a block of several articles needs the terms of each")


def process_block(task: BlockTask) -> StoryRows:
    """Split the block into stories and compare each: the rows of its tables."""
    if len(task.articles) == 1:
        groups = [[0]]
    else:
        groups = stories_in_block(
            task.terms, task.idf, task.grouping, task.days or None, task.leads or None
        )
    rows = StoryRows()
    for group in groups:
        members = [task.articles[i] for i in group]
        story = story_id([a.key for a in members])
        result = compare_story(story, task.id, members, task.max_compare)
        rows.articles.extend(result.articles)
        rows.stories.extend(result.stories)
        rows.links.extend(result.links)
    return rows


def process_chunk(tasks: Sequence[BlockTask]) -> StoryRows:
    """``process_block`` over several blocks, rows concatenated in block order."""
    rows = StoryRows()
    for task in tasks:
        result = process_block(task)
        rows.articles.extend(result.articles)
        rows.stories.extend(result.stories)
        rows.links.extend(result.links)
    return rows
