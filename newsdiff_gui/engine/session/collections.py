"""Collections: a folder whose subfolders are article sets, one story each.

``list_stories`` loads each story (files only, no alignment: fast) and says
how many versions and words it has, and — when the alignment cache already
holds it — the share of content every version carries. ``with_shared``
aligns one story (through the cache) to fill that share in; a view calls it
lazily, on a worker, for the rows it shows.

Public API: ``Story``, ``is_collection``, ``list_stories``, ``with_shared``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..align.cache import AlignmentCache, cached_align
from ..compare.coverage import coverage
from ..load.articles import SUPPORTED_SUFFIXES, load_article_set_lenient
from ..model import ArticleSet


@dataclass(frozen=True)
class Story:
    name: str  # the subfolder's name
    folder: Path
    versions: int  # versions that loaded
    words: int  # words in all versions
    shared: float | None  # share of units every version carries; None until aligned
    skipped: int = 0  # files that could not be read
    article_set: ArticleSet = field(default=ArticleSet(()), compare=False, repr=False)

    @property
    def comparable(self) -> bool:
        return self.versions >= 2


def _subfolders(root: Path) -> list[Path]:
    return sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name.lower(),
    )


def _has_articles(folder: Path) -> bool:
    try:
        return any(p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES for p in folder.iterdir())
    except OSError:
        return False


def is_collection(path: str | os.PathLike[str]) -> bool:
    """A folder with no articles of its own whose subfolders hold article sets.

    Why "no articles of its own": a story folder that happens to hold a
    subfolder (images, an older draft) is still one story.
    """
    root = Path(path)
    if not root.is_dir() or _has_articles(root):
        return False
    try:
        return any(_has_articles(folder) for folder in _subfolders(root))
    except OSError:
        return False


def list_stories(
    root: str | os.PathLike[str],
    cache: AlignmentCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Story]:
    """One ``Story`` per subfolder of ``root`` holding article files, by name.

    ``shared`` is filled in only from the cache (no alignment runs here).
    """
    cache = cache or AlignmentCache()
    folders = _subfolders(Path(root))
    stories = []
    for done, folder in enumerate(folders, start=1):
        report = load_article_set_lenient([folder])
        article_set = report.article_set
        if len(article_set):
            shared = None
            if len(article_set) >= 2:
                found = cache.get(article_set)
                shared = coverage(found).shared_by_all() if found is not None else None
            stories.append(
                Story(
                    folder.name,
                    folder,
                    len(article_set),
                    sum(d.word_count for d in article_set.documents),
                    shared,
                    len(report.skipped),
                    article_set,
                )
            )
        if progress is not None:
            progress(done, len(folders))
    return stories


def with_shared(story: Story, cache: AlignmentCache | None = None) -> Story:
    """``story`` with ``shared`` computed (aligns and caches if needed)."""
    if story.shared is not None or not story.comparable:
        return story
    alignment, _ = cached_align(story.article_set, cache=cache)
    return replace(story, shared=coverage(alignment).shared_by_all())
