"""A batch run end to end: read the pile, group it, compare every story, write.

Steps, and what each keeps in memory:

1. **Read** (``read_pile``), one article at a time. Each article's text goes
   to a spill file in ``OUTDIR/.work`` (so the day is never held in memory),
   its terms update the pile's document frequencies (a fixed 16 MB table of
   hashed terms) and the candidate finder (a MinHash signature of 64 values,
   or a sparse row). Exact copies of an earlier text are noted and not indexed
   again: they follow their first copy.
2. **Group**: candidate pairs join articles into blocks (union–find). Per
   article only its key, its place in the spill file and its block are kept.
3. **Compare**: blocks are read back from the spill one at a time, packed
   into chunks and sent to the scheduler; each chunk's rows are written as it
   comes back (``tables.TableWriter``), after the texts of its stories
   (``story_folders``: ``OUTDIR/stories/<id>/``, read back from the spill by
   key, so the app can open a story later). Blocks already written by an
   earlier run into the same folder are skipped (resuming).
4. **Merge** the parts into the final tables; remove the spill.

Progress goes to a ``Progress`` sink (the CLI draws bars; tests pass none).

Public API: ``BatchOptions``, ``BatchSummary``, ``Progress``, ``run_batch``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .blocks import BlockTask, block_id
from .candidates import make_finder
from .compare import MAX_COMPARE, StoryRows
from .inputs import read_pile
from .records import Article, Skipped
from .schedulers import run_chunks
from .story_folders import StoryFolderWriter
from .tables import TableWriter
from .terms import HASH_BITS, article_terms, lead_terms
from .verify import GroupingConfig, day_number, pile_idf

__all__ = ["BatchOptions", "BatchSummary", "Progress", "run_batch"]

_WORK = ".work"


class Progress(Protocol):
    """Where a run reports how far it is (the CLI draws tqdm bars)."""

    def start(self, phase: str, total: int | None, unit: str) -> None: ...

    def advance(self, count: int = 1, **status: int) -> None: ...

    def finish(self) -> None: ...


class _Silent:
    def start(self, phase: str, total: int | None, unit: str) -> None:
        pass

    def advance(self, count: int = 1, **status: int) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass(frozen=True)
class BatchOptions:
    """How to run: output format, scheduler and grouping settings."""

    format: str = "parquet"
    scheduler: str = "local"
    workers: int | None = None
    finder: str = "minhash"
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    max_compare: int = MAX_COMPARE
    # A chunk (one task) gathers blocks until it holds this many articles.
    chunk_articles: int = 48


@dataclass
class BatchSummary:
    articles: int = 0
    skipped: int = 0
    stories: int = 0
    multi_stories: int = 0
    blocks: int = 0
    resumed_blocks: int = 0
    links: int = 0


class _UnionFind:
    def __init__(self) -> None:
        self.parent = array("q")
        self.size = array("q")

    def add(self) -> None:
        self.parent.append(len(self.parent))
        self.size.append(1)

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int, limit: int | None = None) -> None:
        """Join the groups of ``a`` and ``b``, unless the result would exceed ``limit``."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        joined = self.size[root_a] + self.size[root_b]
        if limit is not None and joined > limit:
            return
        # The smaller index is the root: blocks come out in input order.
        root, other = min(root_a, root_b), max(root_a, root_b)
        self.parent[other] = root
        self.size[root] = joined


@dataclass
class _Pile:
    """What reading keeps per article: its key and its place in the spill."""

    keys: list[str] = field(default_factory=list)
    offsets: array[int] = field(default_factory=lambda: array("q"))
    groups: _UnionFind = field(default_factory=_UnionFind)
    skipped: list[Skipped] = field(default_factory=list)
    distinct: int = 0
    frequencies: Any = None


def _spill_line(article: Article) -> bytes:
    record = {
        "k": article.key,
        "s": article.source,
        "t": article.text,
        "p": article.publisher,
        "d": article.date,
        "h": article.title,
    }
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def _read(paths: Sequence[str], spill: Path, options: BatchOptions, progress: Progress) -> _Pile:
    import numpy as np

    pile = _Pile(frequencies=np.zeros(1 << HASH_BITS, dtype=np.int32))
    finder = make_finder(options.finder)
    indexed: list[int] = []  # finder position -> article index
    first_of_text: dict[bytes, int] = {}
    progress.start("reading", None, "articles")
    with open(spill, "wb") as out:
        for item in read_pile(paths):
            if isinstance(item, Skipped):
                pile.skipped.append(item)
                progress.advance(0, skipped=len(pile.skipped))
                continue
            index = len(pile.keys)
            pile.keys.append(item.key)
            pile.offsets.append(out.tell())
            pile.groups.add()
            out.write(_spill_line(item))
            digest = hashlib.blake2b(item.text.encode("utf-8", "surrogatepass"), digest_size=12)
            twin = first_of_text.setdefault(digest.digest(), index)
            if twin != index:
                pile.groups.union(twin, index)
            else:
                terms = article_terms(item.text)
                if terms:
                    pile.frequencies[np.fromiter(terms, dtype=np.int64, count=len(terms))] += 1
                finder.add(len(indexed), terms)
                indexed.append(index)
                pile.distinct += 1
            progress.advance(1, skipped=len(pile.skipped))
    progress.finish()
    progress.start("grouping", None, "pairs")
    floor = options.grouping.candidate_floor
    kept = array("d")
    pairs = array("q")
    for count, (i, j, similarity) in enumerate(finder.pairs(), start=1):
        if similarity >= floor:
            kept.append(similarity)
            pairs.extend((indexed[i], indexed[j]))
        if count % 10_000 == 0:
            progress.advance(10_000)
    # Strongest pairs first, and no block beyond max_block articles: weak pairs
    # must not chain a day's coverage into one block (one task, no parallelism).
    # Ties in pair order (a stable sort); NumPy's sort holds 8 bytes a pair,
    # where sorting with Python tuples as keys held about 120.
    order = np.argsort(-np.frombuffer(kept, dtype=np.float64), kind="stable")
    for n in order:
        pile.groups.union(pairs[2 * n], pairs[2 * n + 1], options.grouping.max_block)
    progress.finish()
    return pile


def _spilled(handle: BinaryIO, offset: int) -> Article:
    """The article whose spill line starts at ``offset``."""
    handle.seek(offset)
    record = json.loads(handle.readline())
    return Article(record["k"], record["s"], record["t"], record["p"], record["d"], record["h"])


def _blocks(pile: _Pile) -> list[list[int]]:
    members: dict[int, list[int]] = {}
    for index in range(len(pile.keys)):
        members.setdefault(pile.groups.find(index), []).append(index)
    return list(members.values())  # ordered by first member: input order


def _tasks(
    blocks: Sequence[Sequence[int]],
    pile: _Pile,
    spill: Path,
    options: BatchOptions,
) -> Iterator[BlockTask]:
    """Block tasks, read back from the spill file one block at a time."""
    documents = max(pile.distinct, 1)
    with open(spill, "rb") as handle:
        for block in blocks:
            articles = []
            for index in block:
                handle.seek(pile.offsets[index])
                record = json.loads(handle.readline())
                articles.append(
                    Article(
                        record["k"], record["s"], record["t"], record["p"], record["d"], record["h"]
                    )
                )
            terms: list[tuple[int, ...]] = []
            leads: list[tuple[int, ...]] = []
            idf: dict[int, float] = {}
            if len(articles) > 1:
                for article in articles:
                    found = tuple(sorted(article_terms(article.text)))
                    terms.append(found)
                    if options.grouping.lead_at > 0.0:  # the lead check is on
                        leads.append(tuple(sorted(lead_terms(article.text))))
                    for term in found:
                        if term not in idf:
                            idf[term] = pile_idf(int(pile.frequencies[term]), documents)
            yield BlockTask(
                id=block_id([a.key for a in articles]),
                articles=tuple(articles),
                terms=tuple(terms),
                idf=idf,
                days=tuple(day_number(a.date) for a in articles),
                leads=tuple(leads),
                grouping=options.grouping,
                max_compare=options.max_compare,
            )


def _chunks(tasks: Iterator[BlockTask], size: int) -> Iterator[list[BlockTask]]:
    chunk: list[BlockTask] = []
    held = 0
    for task in tasks:
        chunk.append(task)
        held += len(task.articles)
        if held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def run_batch(
    paths: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Group and compare the pile in ``paths``; write the tables to ``outdir``."""
    options = options or BatchOptions()
    progress = progress or _Silent()
    writer = TableWriter(outdir, options.format)
    folder = Path(outdir)
    work = folder / _WORK
    work.mkdir(parents=True, exist_ok=True)
    spill = work / "articles.jsonl"
    summary = BatchSummary()
    pile = _read([str(p) for p in paths], spill, options, progress)
    summary.articles, summary.skipped = len(pile.keys), len(pile.skipped)
    writer.write_table(
        "skipped", [{"id": s.key, "path": s.source, "reason": s.reason} for s in pile.skipped]
    )
    blocks = _blocks(pile)
    summary.blocks = len(blocks)
    next_chunk = writer.clear_incomplete()
    done = writer.done_blocks()
    if done:
        remaining = [b for b in blocks if block_id([pile.keys[i] for i in b]) not in done]
        summary.resumed_blocks = len(blocks) - len(remaining)
        blocks = remaining
    progress.start("comparing", sum(len(b) for b in blocks), "articles")
    # The texts of finished stories go to their folders, read back from the spill.
    position = {key: index for index, key in enumerate(pile.keys)}
    folders = StoryFolderWriter(folder)
    texts = open(spill, "rb")  # noqa: SIM115 (closed below, with the folder writer)

    def write(number: int, rows: StoryRows) -> None:
        folders.write(
            rows.stories, rows.articles, lambda key: _spilled(texts, pile.offsets[position[key]])
        )
        writer.write_chunk(
            next_chunk + number,
            {"articles": rows.articles, "links": rows.links, "stories": rows.stories},
        )
        summary.stories += len(rows.stories)
        summary.multi_stories += sum(1 for s in rows.stories if s["size"] > 1)
        summary.links += len(rows.links)
        progress.advance(len(rows.articles), stories=summary.stories)

    tasks = _tasks(blocks, pile, spill, options)
    try:
        run_chunks(
            _chunks(tasks, options.chunk_articles), options.scheduler, write, options.workers
        )
    finally:
        folders.close()
        texts.close()
    progress.finish()
    writer.merge()
    shutil.rmtree(work, ignore_errors=True)
    return summary


def group_pile(
    paths: Sequence[str | os.PathLike[str]],
    workdir: str | os.PathLike[str],
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> list[list[str]]:
    """Only the grouping of ``run_batch``: the stories as lists of article keys.

    For measuring grouping quality (tools/batch_grouping_quality.py) and the
    driver's speed (its phases go to ``progress``) without paying for the
    comparison. ``workdir`` holds the spill file meanwhile.
    """
    from .verify import stories_in_block

    options = options or BatchOptions()
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    spill = work / "grouping-spill.jsonl"
    try:
        pile = _read([str(p) for p in paths], spill, options, progress or _Silent())
        stories: list[list[str]] = []
        for task in _tasks(_blocks(pile), pile, spill, options):
            keys = [a.key for a in task.articles]
            if len(keys) == 1:
                stories.append(keys)
                continue
            for group in stories_in_block(
                task.terms, task.idf, task.grouping, task.days or None, task.leads or None
            ):
                stories.append([keys[i] for i in group])
        return stories
    finally:
        spill.unlink(missing_ok=True)
