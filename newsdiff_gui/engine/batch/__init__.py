"""Batch: a day's pile of articles grouped into stories, each story compared.

``newsdiff batch`` reads thousands to hundreds of thousands of articles
(folders, files, JSON Lines, Parquet), groups them into stories — copies of
one wire story, and different outlets' reports of one event — and compares
every story with the engine (alignment, changes, profiles), writing the
``articles``, ``stories``, ``links`` and ``skipped`` tables (docs/batch.md).

Modules, in the order a run uses them: ``inputs`` (reading), ``terms`` and
``candidates`` (who could be one story), ``verify`` (who is), ``compare``
(one story through the engine), ``blocks`` (the pure per-block function every
scheduler runs), ``schedulers`` (process pool, Dask), ``tables`` (writing),
``run`` (the whole run). Heavy libraries (numpy, scipy, datasketch,
scikit-learn, pyarrow, dask) are imported only when used.

Public API: ``run_batch``, ``BatchOptions``, ``BatchSummary``,
``process_block``, ``BlockTask``, ``compare_story``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .blocks import BlockTask, process_block
    from .compare import compare_story
    from .run import BatchOptions, BatchSummary, run_batch

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "BlockTask",
    "compare_story",
    "process_block",
    "run_batch",
]

# Where each public name lives. Imported on first use (PEP 562): the app reads
# batch results (``result``, ``story_folders``) at start-up, and importing the
# run machinery with them (the aligner, the changes reader, process pools)
# cost it about 50 ms before its window could show.
_HOMES = {
    "BatchOptions": "run",
    "BatchSummary": "run",
    "run_batch": "run",
    "BlockTask": "blocks",
    "process_block": "blocks",
    "compare_story": "compare",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
