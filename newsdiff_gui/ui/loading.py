"""Load the files a user chose, skipping the unreadable ones instead of stopping.

Why not ``engine.load.load_article_set``: it raises on the first bad file,
which is right for the CLI (one line, exit 3) but wrong for a reader who
dropped ten files on the window and wants the nine good ones. This module has
no Qt import so it can run on a worker thread and be tested headless.

Public API: ``LoadResult``, ``load_versions``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..engine.load import InputError, load_article_set_lenient
from ..engine.model import ArticleSet


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
