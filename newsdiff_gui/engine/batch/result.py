"""Read a finished ``newsdiff batch`` result folder back: its stories, their articles, their texts.

Why a reader in the engine: the app lists a day's stories from the tables
and opens one story's versions; a notebook or another tool wants the same
records without Qt. ``read_batch_result(folder)`` reads the ``stories`` and
``articles`` tables (Parquet or JSON Lines, whichever the run wrote; the
newer if both) and finds each story's folder of texts
(``story_folders``: ``OUTDIR/stories/<id>/``), which is an ordinary article
set: open it as any folder. ``story_texts(story)`` reads those texts back,
one per article (an identical copy gets its first copy's text).

Contract: a folder that is not a result, or a partial or damaged one, raises
``BatchResultError`` whose message is one line a reader can act on ("a batch
run into this folder has not finished: run it again to complete it"); it
never raises anything else for bad content. Nothing in the folder is written.

Memory: every story and article row is held (a day of 100,000 articles is
tens of megabytes); the links table, the largest, is not read, nor any text
until ``story_texts`` asks for one story's.

Public API: ``BatchResult``, ``BatchStory``, ``BatchArticle``,
``BatchResultError``, ``is_batch_result``, ``read_batch_result``,
``story_texts``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .story_folders import STORIES_FOLDER, STORY_MANIFEST, story_folder
from .tables import FORMATS

__all__ = [
    "BatchArticle",
    "BatchResult",
    "BatchResultError",
    "BatchStory",
    "is_batch_result",
    "read_batch_result",
    "story_texts",
]

_SUFFIX = {"parquet": ".parquet", "jsonl": ".jsonl"}
_PARTS = ".parts"
# The columns read, and the ones a table must have to be understood.
_STORY_COLUMNS = (
    "id",
    "size",
    "distinct_texts",
    "outlets",
    "title",
    "first_date",
    "original_share",
    "median_churn",
    "links",
    "note",
)
_STORY_NEEDED = ("id", "size", "outlets")
_ARTICLE_COLUMNS = (
    "id",
    "path",
    "story",
    "publisher",
    "date",
    "title",
    "words",
    "shared_share",
    "source",
    "churn",
    "traits",
)
_ARTICLE_NEEDED = ("id", "story")


class BatchResultError(Exception):
    """The folder is not a readable batch result; ``str()`` is one line saying why."""


@dataclass(frozen=True)
class BatchArticle:
    """One row of the ``articles`` table (docs/batch.md says what each means)."""

    id: str
    path: str  # where the batch read it: a file, ``pile.jsonl:12``, ``day.parquet:row 4``
    story: str
    publisher: str = ""
    date: str | None = None
    title: str | None = None
    words: int = 0
    shared_share: float | None = None
    source: str | None = None
    churn: float | None = None
    traits: str | None = None


@dataclass(frozen=True)
class BatchStory:
    """One row of the ``stories`` table, its articles, and where its texts are."""

    id: str
    size: int
    outlets: tuple[str, ...]
    title: str
    articles: tuple[BatchArticle, ...] = ()
    distinct_texts: int = 0
    first_date: str | None = None
    original_share: float | None = None
    median_churn: float | None = None  # the "churn %" of its median article
    links: int = 0
    note: str | None = None  # why it was not compared
    folder: Path | None = None  # its texts as an article set; None: one article, or none written

    @property
    def comparable(self) -> bool:
        """Two or more distinct texts on disk: something to open and compare."""
        return self.folder is not None and self.distinct_texts >= 2


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    format: str  # "parquet" or "jsonl"
    stories: tuple[BatchStory, ...]  # largest first
    articles: int
    skipped: int  # inputs the batch left out (its ``skipped`` table)
    warnings: tuple[str, ...] = ()  # what is odd but not fatal, one line each

    @property
    def without_texts(self) -> int:
        """Stories of several articles whose folder of texts is missing."""
        return sum(1 for s in self.stories if s.size > 1 and s.folder is None)


def _table(folder: Path, name: str, fmt: str) -> Path:
    return folder / f"{name}{_SUFFIX[fmt]}"


def _format_of(folder: Path) -> str | None:
    """The format of the newest ``stories`` table in ``folder``, if any."""
    found = []
    for fmt in FORMATS:
        path = _table(folder, "stories", fmt)
        if path.is_file():
            found.append((path.stat().st_mtime, fmt))
    return max(found)[1] if found else None


def is_batch_result(path: str | os.PathLike[str]) -> bool:
    """A folder holding a ``stories`` table (what ``newsdiff batch`` writes last)."""
    folder = Path(path)
    try:
        return folder.is_dir() and _format_of(folder) is not None
    except OSError:
        return False


def _rows(
    path: Path, fmt: str, wanted: Sequence[str], needed: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """Rows of one table: the values of the ``wanted`` columns in that order
    (None for a column the table lacks). Tuples, not dicts: a day has 100,000."""
    if fmt == "jsonl":
        yield from _jsonl_rows(path, wanted, needed)
    else:
        yield from _parquet_rows(path, wanted, needed)


def _missing(path: Path, present: Sequence[str], needed: Sequence[str]) -> None:
    absent = [name for name in needed if name not in present]
    if absent:
        raise BatchResultError(
            f"{path.name} lacks the column{'s' * (len(absent) > 1)} {', '.join(absent)}"
        )


def _jsonl_rows(
    path: Path, wanted: Sequence[str], needed: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as error:
        raise BatchResultError(f"{path.name} cannot be read ({error.strerror or error})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    raise BatchResultError(f"{path.name} line {number} is not JSON") from None
                if not isinstance(record, dict):
                    raise BatchResultError(f"{path.name} line {number} is not a table row")
                _missing(path, list(record), needed)
                yield tuple(record.get(name) for name in wanted)
        except UnicodeDecodeError:
            raise BatchResultError(f"{path.name} is not UTF-8 text") from None


def _parquet_rows(
    path: Path, wanted: Sequence[str], needed: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchResultError(
            "reading Parquet tables needs pyarrow (pip install pyarrow)"
        ) from None
    try:
        table = pq.ParquetFile(path)
        present = table.schema_arrow.names
        _missing(path, present, needed)
        columns = [name for name in wanted if name in present]
        for batch in table.iter_batches(columns=columns):
            values = [
                batch.column(name).to_pylist() if name in columns else [None] * batch.num_rows
                for name in wanted
            ]
            yield from zip(*values, strict=True)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is both
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise BatchResultError(f"{path.name} is not a readable Parquet table ({reason})") from None


def _count(path: Path, fmt: str) -> int:
    if not path.is_file():
        return 0
    return sum(1 for _ in _rows(path, fmt, ("id",), ()))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _whole(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _article(row: tuple[Any, ...]) -> BatchArticle:
    key, path, story, publisher, date, title, words, shared, source, churn, traits = row
    return BatchArticle(
        id=str(key),
        path=_text(path) or str(key),
        story=str(story),
        publisher=_text(publisher) or "",
        date=_text(date),
        title=_text(title),
        words=_whole(words),
        shared_share=_number(shared),
        source=_text(source),
        churn=_number(churn),
        traits=_text(traits),
    )


def _folders(root: Path) -> set[str]:
    """Names of the story folders a result holds (one listing, not a look-up a story).

    A folder is complete once its chunk's ``stories`` part is written, which is
    what put the story in the final table."""
    try:
        with os.scandir(root / STORIES_FOLDER) as entries:
            return {entry.name for entry in entries if entry.is_dir()}
    except OSError:
        return set()


def read_batch_result(folder: str | os.PathLike[str]) -> BatchResult:
    """The stories of a ``newsdiff batch`` result, largest first, with their articles.

    Raises ``BatchResultError`` (one line) for a folder that is not a result,
    a run that has not finished, or a damaged table.
    """
    root = Path(folder)
    if not root.is_dir():
        raise BatchResultError(f"{root.name or root}: is not a folder")
    fmt = _format_of(root)
    unfinished = (root / _PARTS).is_dir()
    if fmt is None:
        if unfinished:
            raise BatchResultError(
                "the batch run into this folder has not finished: run the same newsdiff batch "
                "command again to complete it"
            )
        raise BatchResultError(
            "this folder holds no batch result (no stories table; make one with "
            "newsdiff batch INPUT -o FOLDER)"
        )
    articles_path = _table(root, "articles", fmt)
    if not articles_path.is_file():
        raise BatchResultError(f"this batch result has a stories table but no {articles_path.name}")
    warnings = []
    if unfinished:
        warnings.append(
            "a later batch run into this folder has not finished; showing the earlier tables"
        )
    members: dict[str, list[BatchArticle]] = {}
    count = 0
    for row in _rows(articles_path, fmt, _ARTICLE_COLUMNS, _ARTICLE_NEEDED):
        article = _article(row)
        members.setdefault(article.story, []).append(article)
        count += 1
    stories = []
    folders = _folders(root)
    for row in _rows(_table(root, "stories", fmt), fmt, _STORY_COLUMNS, _STORY_NEEDED):
        key, size, distinct, outlets, title, first_date, original, churn, links, note = row
        story = str(key)
        own = tuple(members.pop(story, ()))
        if isinstance(outlets, str):  # a hand-made table: one outlet, or a joined list
            outlets = [outlets]
        size = _whole(size) or len(own)
        stories.append(
            BatchStory(
                id=story,
                size=size,
                outlets=tuple(str(o) for o in outlets or () if o),
                title=_text(title) or (own[0].title if own and own[0].title else story),
                articles=own,
                distinct_texts=_whole(distinct) or len({a.id for a in own}),
                first_date=_text(first_date),
                original_share=_number(original),
                median_churn=_number(churn),
                links=_whole(links),
                note=_text(note),
                folder=story_folder(root, story) if size > 1 and story in folders else None,
            )
        )
    if members:
        orphans = sum(len(a) for a in members.values())
        warnings.append(f"{orphans} article(s) name a story the stories table does not have")
    if not stories:
        raise BatchResultError("this batch result holds no story (its stories table is empty)")
    missing = sum(1 for s in stories if s.size > 1 and s.folder is None)
    if missing:
        warnings.append(
            f"{missing} of the stories have no folder of texts (a result of an older newsdiff "
            "batch?): run newsdiff batch again with --fresh to write them"
        )
    stories.sort(key=lambda s: (-s.size, s.title.lower(), s.id))
    return BatchResult(
        folder=root,
        format=fmt,
        stories=tuple(stories),
        articles=count,
        skipped=_count(_table(root, "skipped", fmt), fmt),
        warnings=tuple(warnings),
    )


def story_texts(story: BatchStory) -> list[tuple[str, str]]:
    """``(article id, text)`` of each article of ``story`` with a text on disk,
    in the folder's order (copies after their first text).

    Raises ``BatchResultError`` when the story has no folder or it is damaged.
    """
    if story.folder is None:
        raise BatchResultError(f"story {story.id} has no folder of texts")
    manifest = story.folder / STORY_MANIFEST
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
        texts = []
        for entry in entries:
            text = (story.folder / entry["file"]).read_bytes().decode("utf-8")
            for key in [entry["id"], *entry.get("copies", ())]:
                texts.append((str(key), text))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BatchResultError(f"the texts of story {story.id} cannot be read ({error})") from None
    return texts
