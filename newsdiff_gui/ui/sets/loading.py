"""Load the files a user chose, skipping the unreadable ones instead of stopping.

Why not ``engine.load.load_article_set``: it raises on the first bad file,
which is right for the CLI (one line, exit 3) but wrong for a reader who
dropped ten files on the window and wants the nine good ones. This module has
no Qt import so it can run on a worker thread and be tested headless.

Public API: ``LoadResult``, ``load_versions``, ``load_and_align``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...engine.load.articles import InputError, load_article_set_lenient
from ...engine.model import ArticleSet
from ...engine.session.open_set import TooFewVersions, open_set
from ..base.session import OpenedSet


@dataclass(frozen=True)
class LoadResult:
    """The versions that loaded, and why each other file was skipped."""

    article_set: ArticleSet
    skipped: tuple[InputError, ...]


def load_versions(
    paths: Sequence[str | os.PathLike[str]],
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Expand folders and manifests, load every file that reads as an article,
    keep the rest (missing, binary, duplicate, …) as errors with reasons.

    Documents are numbered by the order they loaded in, so ids stay ``d0…dN``
    without holes even when files in between were skipped. ``progress(done,
    total)`` follows the files (a worker passes it on to the progress bar).
    """
    report = load_article_set_lenient(paths, progress=progress)
    return LoadResult(report.article_set, report.skipped)


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
