"""``newsdiff batch INPUT... -o OUTDIR``: group a pile into stories, compare each.

Argument parsing, the progress bars (tqdm, on a terminal only) and the
closing summary; the work is ``engine.batch.run_batch`` (docs/batch.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .common import EXIT_USAGE, CommandError

# Libraries the command needs, with the package that brings each.
_NEEDS = (("numpy", "numpy"), ("scipy", "scipy"), ("datasketch", "datasketch"), ("tqdm", "tqdm"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="folders, article files, JSON Lines (.jsonl) or Parquet tables of articles",
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    parser.add_argument(
        "--format", choices=("parquet", "jsonl"), default="parquet", help="table format"
    )
    parser.add_argument(
        "--scheduler",
        default="local",
        metavar="local|synchronous|processes|ADDRESS",
        help="local process pool (default), Dask's synchronous or processes scheduler, "
        "or a Dask scheduler address such as tcp://host:8786",
    )
    parser.add_argument(
        "--workers", type=int, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument(
        "--candidates",
        choices=("minhash", "tfidf"),
        default="minhash",
        help="how candidate pairs are found (default: MinHash LSH)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="discard tables an earlier run left in OUTDIR"
    )


class _Bars:
    """tqdm bars on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None

    def start(self, phase: str, total: int | None, unit: str) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=f"{phase:<9}", unit=f" {unit}", file=sys.stderr)

    def advance(self, count: int = 1, **status: int) -> None:
        if self._bar is not None:
            if status:
                self._bar.set_postfix(status, refresh=False)
            self._bar.update(count)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _check_libraries(fmt: str, scheduler: str) -> None:
    import importlib.util

    needs = list(_NEEDS) + ([("pyarrow", "pyarrow")] if fmt == "parquet" else [])
    if scheduler != "local":
        needs.append(("dask", "newsdiff[dask]"))
    missing = [package for module, package in needs if importlib.util.find_spec(module) is None]
    if missing:
        raise CommandError(
            f"newsdiff: batch needs {', '.join(missing)} (pip install {' '.join(missing)})", 1
        )


def _clear(outdir: str) -> None:
    from ..engine.batch.tables import TABLES

    for table in TABLES:
        for suffix in (".parquet", ".jsonl"):
            path = os.path.join(outdir, table + suffix)
            if os.path.isfile(path):
                os.remove(path)
    import shutil

    from ..engine.batch.story_folders import clear_story_folders

    shutil.rmtree(os.path.join(outdir, ".parts"), ignore_errors=True)
    clear_story_folders(outdir)


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        raise CommandError("newsdiff batch: --workers must be at least 1", EXIT_USAGE)
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise CommandError(f"newsdiff: {args.output}: is not a folder", EXIT_USAGE)
    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing and len(missing) == len(args.inputs):
        raise CommandError(f"newsdiff: {missing[0]}: no such file or folder")
    _check_libraries(args.format, args.scheduler)
    if args.fresh:
        _clear(args.output)
    from ..engine.batch import BatchOptions, run_batch
    from ..engine.batch.schedulers import SchedulerUnavailable

    options = BatchOptions(
        format=args.format, scheduler=args.scheduler, workers=args.workers, finder=args.candidates
    )
    try:
        summary = run_batch(args.inputs, args.output, options, _Bars(sys.stderr.isatty()))
    except SchedulerUnavailable as error:
        raise CommandError(f"newsdiff: {error}", 1) from None
    except OSError as error:
        raise CommandError(f"newsdiff: {args.output}: {error.strerror or error}") from None
    if summary.articles == 0:
        raise CommandError(
            f"newsdiff: no article could be read ({summary.skipped} skipped; "
            f"see {os.path.join(args.output, 'skipped.' + args.format)})"
        )
    resumed = f", {summary.resumed_blocks} blocks already written" if summary.resumed_blocks else ""
    print(
        f"{summary.articles} articles ({summary.skipped} skipped) in {summary.stories} stories "
        f"written now ({summary.multi_stories} of two or more articles), {summary.links} links"
        f"{resumed}; tables in {args.output}",
        file=sys.stderr,
    )
    return 0
