"""Read a pile of articles, one at a time, from files, folders and tables.

Contract: ``read_pile(paths)`` yields ``Article`` or ``Skipped`` records in a
deterministic order and never holds more than one table batch in memory, so a
day of a hundred thousand articles streams. Nothing is ever written to an
input. A bad record (a line that is not JSON, no text, an empty or overlong
text, an id given twice) becomes a ``Skipped`` with its reason; a bad file
too. Nothing here raises for bad input.

Inputs:

* ``.jsonl`` / ``.ndjson`` — one JSON object a line: ``text`` (required),
  ``id`` (else ``file:line``), ``publisher`` (or ``outlet``), ``date`` (or
  ``scrape_time``, ``published``), ``title``; other fields are ignored.
* ``.parquet`` — a table with the same columns, read a row batch at a time.
* article files the loader reads (``.txt``, ``.md``, ``.html``, ``.docx``):
  one article each, converted and with outlet and date guessed as the app does.
* folders — every file above inside, recursively, in name order (hidden files
  and saved pages' ``_files`` folders passed over).

Public API: ``read_pile``, ``TABLE_SUFFIXES``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..load.articles import SUPPORTED_SUFFIXES, InputError, load_document
from .records import MAX_ARTICLE_CHARS, Article, Skipped

__all__ = ["TABLE_SUFFIXES", "read_pile"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
TABLE_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES
_PUBLISHER_FIELDS = ("publisher", "outlet", "source", "site")
_DATE_FIELDS = ("date", "published", "scrape_time", "time")
# Rows read from a Parquet file at once: bounded memory whatever its row groups.
_PARQUET_BATCH_ROWS = 2048


def read_pile(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Skipped]:
    """Every article of the inputs, or why one was left out, in input order."""
    seen: set[str] = set()
    for raw in paths:
        for item in _read_input(Path(raw)):
            if isinstance(item, Article):
                if item.key in seen:
                    yield Skipped(item.key, item.source, "id given twice (kept the first)")
                    continue
                seen.add(item.key)
            yield item


def _read_input(path: Path) -> Iterator[Article | Skipped]:
    if path.is_dir():
        yield from _read_folder(path)
        return
    if not path.exists():
        yield Skipped(str(path), str(path), "no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix in PARQUET_SUFFIXES:
        yield from _read_parquet(path)
    else:
        yield _read_article_file(path)


def _read_folder(folder: Path) -> Iterator[Article | Skipped]:
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Skipped(str(folder), str(folder), exc.strerror or "cannot list the folder")
        return
    for child in children:
        name = child.name
        if name.startswith((".", "~$")) or name.endswith("~"):
            continue
        if child.is_dir():
            if not name.endswith("_files"):  # a saved web page's resources
                yield from _read_folder(child)
        elif child.suffix.lower() in TABLE_SUFFIXES + SUPPORTED_SUFFIXES:
            yield from _read_input(child)


def _read_article_file(path: Path) -> Article | Skipped:
    try:
        document = load_document(path, 0)
    except InputError as error:
        return Skipped(str(path), str(path), error.reason)
    return Article(
        key=str(path),
        source=str(path),
        text=document.text,
        publisher=document.outlet,
        date=document.date,
        title=document.title,
    )


def _read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 (read-only: inputs are never modified)
    except OSError as exc:
        yield Skipped(str(path), str(path), exc.strerror or "cannot be read")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                reason = str(exc).split(":")[0] if isinstance(exc, ValueError) else "too deep"
                yield Skipped(where, where, f"not a JSON object ({reason})")
                continue
            yield article_from_record(record, where)


def _read_parquet(path: Path) -> Iterator[Article | Skipped]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
        batches = table.iter_batches(batch_size=_PARQUET_BATCH_ROWS)
        row = 0
        for batch in batches:
            for record in batch.to_pylist():
                yield article_from_record(record, f"{path}:row {row}")
                row += 1
    except OSError as exc:  # pyarrow raises ArrowInvalid (an OSError/ValueError) for bad files
        yield Skipped(str(path), str(path), f"not a readable Parquet table ({exc})")
    except ValueError as exc:
        yield Skipped(str(path), str(path), f"not a readable Parquet table ({exc})")


def _first_text(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def article_from_record(record: object, where: str) -> Article | Skipped:
    """An ``Article`` from one table row, or why the row is not one."""
    if not isinstance(record, dict):
        return Skipped(where, where, "not a JSON object")
    raw_id = record.get("id")
    key = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else where
    text = record.get("text")
    if text is None:
        return Skipped(key, where, "no text field")
    if not isinstance(text, str):
        return Skipped(key, where, f"text is not a string ({type(text).__name__})")
    if not text.strip():
        return Skipped(key, where, "empty text")
    if len(text) > MAX_ARTICLE_CHARS:
        return Skipped(
            key, where, f"text too long ({len(text):,} characters; up to {MAX_ARTICLE_CHARS:,})"
        )
    if "\x00" in text:
        return Skipped(key, where, "text holds NUL characters (binary data?)")
    return Article(
        key=key,
        source=where,
        text=text,
        publisher=_first_text(record, _PUBLISHER_FIELDS) or "",
        date=_first_text(record, _DATE_FIELDS),
        title=_first_text(record, ("title", "headline")),
    )
