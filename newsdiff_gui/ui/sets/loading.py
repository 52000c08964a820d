"""Load the files a user chose, skipping the unreadable ones instead of stopping.

Why not ``engine.load.load_article_set``: it raises on the first bad file,
which is right for the CLI (one line, exit 3) but wrong for a reader who
dropped ten files on the window and wants the nine good ones. This module has
no Qt import so it can run on a worker thread and be tested headless.

Public API: ``load_and_align``.
"""

from __future__ import annotations

from collections.abc import Callable

from ...engine.session.open_set import TooFewVersions, open_set
from ..base.session import OpenedSet


def load_and_align(
    paths: list[str],
) -> Callable[[Callable[[], bool], Callable[[str, int, int], None]], OpenedSet]:
    """Work for the window's runner: load what loads and, when there are two or
    more, open the set as every command does (``engine.session.open_set``:
    the cached alignment, notes and manual corrections); ``report(label,
    done, total)`` follows reading and aligning."""

    def work(
        should_cancel: Callable[[], bool], report: Callable[[str, int, int], None]
    ) -> OpenedSet:
        try:
            # Through the on-disk cache: reopening a set, or switching back to a
            # story of a collection, is instant; a changed file is a new key.
            opened = open_set(paths, should_cancel=should_cancel, progress=report)
        except TooFewVersions as too_few:
            return OpenedSet(too_few.report.article_set, too_few.report.skipped, None)
        return OpenedSet(opened.article_set, opened.loaded.skipped, opened)

    return work
