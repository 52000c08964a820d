"""Load the files a user chose, skipping the unreadable ones instead of stopping.

Why not ``engine.load.load_article_set``: it raises on the first bad file,
which is right for the CLI (one line, exit 3) but wrong for a reader who
dropped ten files on the window and wants the nine good ones. This module has
no Qt import so it can run on a worker thread and be tested headless.

Public API: ``LoadResult``, ``load_versions``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..engine.load import InputError, expand_inputs, load_document
from ..engine.model import ArticleSet, Document


@dataclass(frozen=True)
class LoadResult:
    """The versions that loaded, and why each other file was skipped."""

    article_set: ArticleSet
    skipped: tuple[InputError, ...]


def load_versions(paths: Sequence[str | os.PathLike[str]]) -> LoadResult:
    """Expand folders, load every file that reads as an article, keep the rest as errors.

    Documents are numbered by the order they loaded in, so ids stay ``d0…dN``
    without holes even when files in between were skipped.
    """
    skipped: list[InputError] = []
    files = []
    for path in paths:
        try:
            files.extend(expand_inputs([path]))
        except InputError as error:
            skipped.append(error)
    documents: list[Document] = []
    for file in files:
        try:
            documents.append(load_document(file, len(documents)))
        except InputError as error:
            skipped.append(error)
    return LoadResult(ArticleSet(tuple(documents)), tuple(skipped))
