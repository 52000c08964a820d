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
