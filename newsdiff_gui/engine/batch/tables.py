"""The output tables, written in parts as stories finish, merged at the end.

Layout of OUTDIR (``--format parquet``; ``jsonl`` gives ``.jsonl`` files):

* ``articles.parquet`` — one row per article read (``ARTICLE_COLUMNS``);
* ``stories.parquet`` — one row per story (``STORY_COLUMNS``);
* ``links.parquet`` — one row per alignment link (``LINK_COLUMNS``);
* ``skipped.parquet`` — inputs left out, with the reason (``SKIPPED_COLUMNS``).

While a run goes on, each finished chunk of blocks is written to
``OUTDIR/.parts/<table>/part-NNNNNN.<ext>``, every file atomically, the
``stories`` part last: a chunk whose ``stories`` part exists is complete, and
its blocks are skipped when the run is started again (resuming). At the end
the parts are merged, with any earlier final table, into the final files
(atomically, streaming one part at a time), and the parts are removed.

Public API: ``TableWriter``, ``FORMATS`` and the column lists.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..store.atomic import write_bytes_atomic

__all__ = [
    "ARTICLE_COLUMNS",
    "FORMATS",
    "LINK_COLUMNS",
    "SKIPPED_COLUMNS",
    "STORY_COLUMNS",
    "TableWriter",
]

FORMATS = ("parquet", "jsonl")
STR, INT, FLOAT, STRINGS = "string", "int", "float", "strings"
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", STR),
    ("path", STR),
    ("story", STR),
    ("publisher", STR),
    ("date", STR),
    ("title", STR),
    ("words", INT),
    ("shared_share", FLOAT),
    ("source", STR),
    ("source_publisher", STR),
    ("source_confidence", FLOAT),
    ("churn", FLOAT),
    ("changes", STR),
    ("traits", STR),
)
STORY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", STR),
    ("block", STR),
    ("size", INT),
    ("distinct_texts", INT),
    ("outlets", STRINGS),
    ("title", STR),
    ("first_date", STR),
    ("original_share", FLOAT),
    ("median_churn", FLOAT),
    ("links", INT),
    ("note", STR),
)
LINK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("story", STR),
    ("article_a", STR),
    ("article_b", STR),
    ("sentence_a", STR),
    ("sentence_b", STR),
    ("relation", STR),
    ("score", FLOAT),
)
SKIPPED_COLUMNS: tuple[tuple[str, str], ...] = (("id", STR), ("path", STR), ("reason", STR))
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "stories": STORY_COLUMNS,
    "links": LINK_COLUMNS,
    "skipped": SKIPPED_COLUMNS,
}
# Written last within a chunk: its presence says the chunk is complete.
_COMPLETES_CHUNK = "stories"
_PARTS = ".parts"


def _schema(columns: Sequence[tuple[str, str]]) -> Any:
    import pyarrow as pa

    types = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), STRINGS: pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in columns])


class TableWriter:
    """Writes the tables of one output folder in one format."""

    def __init__(self, folder: str | os.PathLike[str], fmt: str = "parquet") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.folder = Path(folder)
        self.format = fmt
        self.suffix = ".parquet" if fmt == "parquet" else ".jsonl"
        self._parts = self.folder / _PARTS

    def final_path(self, table: str) -> Path:
        return self.folder / f"{table}{self.suffix}"

    # ------------------------------------------------------------ encoding

    def _encode(self, table: str, rows: Sequence[dict[str, Any]]) -> bytes:
        columns = TABLES[table]
        if self.format == "jsonl":
            lines = (
                json.dumps({name: row.get(name) for name, _ in columns}, ensure_ascii=False)
                for row in rows
            )
            return "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _schema(columns)
        data = {name: [row.get(name) for row in rows] for name, _ in columns}
        buffer = io.BytesIO()
        pq.write_table(pa.table(data, schema=schema), buffer, compression="zstd")
        return buffer.getvalue()

    # ------------------------------------------------------------ parts

    def _part(self, table: str, number: int) -> Path:
        return self._parts / table / f"part-{number:06d}{self.suffix}"

    def _part_numbers(self, table: str) -> list[int]:
        folder = self._parts / table
        if not folder.is_dir():
            return []
        numbers = []
        for path in folder.glob(f"part-*{self.suffix}"):
            with contextlib.suppress(ValueError):
                numbers.append(int(path.name[5:11]))
        return sorted(numbers)

    def write_chunk(self, number: int, tables: dict[str, Sequence[dict[str, Any]]]) -> None:
        """Write one chunk's rows as parts; the ``stories`` part last."""
        order = [t for t in tables if t != _COMPLETES_CHUNK] + [_COMPLETES_CHUNK]
        for table in order:
            rows = tables.get(table, ())
            if rows or table == _COMPLETES_CHUNK:
                write_bytes_atomic(self._part(table, number), self._encode(table, rows))

    def clear_incomplete(self) -> int:
        """Remove parts of chunks a stopped run left without their ``stories``
        part; return the next free chunk number."""
        complete = set(self._part_numbers(_COMPLETES_CHUNK))
        for table in TABLES:
            for number in self._part_numbers(table):
                if number not in complete:
                    self._part(table, number).unlink()
        return max(complete, default=-1) + 1

    def done_blocks(self) -> set[str]:
        """Blocks already written, in parts or in a final ``stories`` table."""
        done: set[str] = set()
        sources = [self._part(_COMPLETES_CHUNK, n) for n in self._part_numbers(_COMPLETES_CHUNK)]
        final = self.final_path(_COMPLETES_CHUNK)
        if final.is_file():
            sources.insert(0, final)
        for path in sources:
            for row in self._read_rows(path, ("block",)):
                done.add(row["block"])
        return done

    def _read_rows(self, path: Path, columns: Sequence[str]) -> Iterator[dict[str, Any]]:
        if self.format == "jsonl":
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        record = json.loads(line)
                        yield {name: record.get(name) for name in columns}
            return
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(columns=list(columns)):
            yield from batch.to_pylist()

    # ------------------------------------------------------------ final

    def write_table(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Write a whole table at once (the ``skipped`` table, known after reading)."""
        write_bytes_atomic(self.final_path(table), self._encode(table, rows))

    def merge(self) -> None:
        """Final tables = earlier final table + every part, in order; parts removed."""
        for table in ("articles", "links", "stories"):
            parts = [self._part(table, n) for n in self._part_numbers(table)]
            final = self.final_path(table)
            sources = ([final] if final.is_file() else []) + parts
            if not parts and final.is_file():
                continue
            self._concatenate(table, sources, final)
        shutil.rmtree(self._parts, ignore_errors=True)

    def _concatenate(self, table: str, sources: Sequence[Path], target: Path) -> None:
        temp = target.with_name(f".{target.name}.merging")
        try:
            if self.format == "jsonl":
                with open(temp, "wb") as out:
                    for source in sources:
                        with open(source, "rb") as handle:
                            shutil.copyfileobj(handle, out)
                    out.flush()
                    os.fsync(out.fileno())
            else:
                import pyarrow.parquet as pq

                schema = _schema(TABLES[table])
                with pq.ParquetWriter(temp, schema, compression="zstd") as writer:
                    for source in sources:
                        for batch in pq.ParquetFile(source).iter_batches():
                            writer.write_batch(batch)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise
