"""What opening (or re-aligning) a set of versions hands to the window.

Qt-free so the work that produces it runs on a worker thread and is tested
headless; it lives in ``ui.base`` because both the window (which shows it) and
the features that re-align a set (pasting a version, relabelling one) build it.

Public API: ``OpenedSet``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...engine.load.articles import InputError
from ...engine.model import Alignment, ArticleSet
from ...engine.session.open_set import OpenSet


@dataclass(frozen=True)
class OpenedSet:
    """The versions that loaded, why each other file was skipped, and the set
    as the engine's recipe opened it (``None`` when fewer than two versions
    could be read): raw alignment, notes, corrections, corrected alignment."""

    article_set: ArticleSet
    skipped: tuple[InputError, ...]
    opened: OpenSet | None

    @property
    def alignment(self) -> Alignment | None:
        """The engine's alignment before the reader's corrections."""
        return self.opened.raw if self.opened is not None else None
