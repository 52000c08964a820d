"""Alignments cached on disk, so reopening a set or switching back is instant.

Key: sha256 of the aligner's own identity (the source of the modules that
decide the alignment and its data files, plus the alignment schema and any
non-default ``AlignConfig``) and of each document's text in the order given.
Why both: an engine change must invalidate every entry, and a changed file
must invalidate its set's entry. Document order is part of the key because
document and unit ids follow it. Entries hold the JSON contract
(``contract.alignment_to_dict``); a loaded entry is checked against the
article set (texts and sentence spans) and rebuilt with
``contract.alignment_from_dict`` — anything that does not fit is a miss,
never an error. The cache is disposable: unreadable entries are deleted.
The bundled example's entry also ships with the package (``BUNDLED_ENTRY``),
so even its very first start draws at once.

Public API: ``AlignmentCache``, ``cached_align``, ``aligner_key``, ``entry_key``,
``BUNDLED_ENTRY``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..contract import SCHEMA, alignment_from_dict, alignment_to_dict
from ..model import Alignment, ArticleSet
from ..store.storage import cache_dir, content_hash, write_json
from .aligner import align
from .records import AlignConfig

# Modules whose code decides the alignment (segmentation is checked per entry).
_ALIGNER_MODULES = (
    "aligner",
    "records",
    "final_passes",
    "placement",
    "verify",
    "recovery",
    "logistic",
    "clauses",
    "features",
    "numbers",
    "similarity",
    "vectors",
)
# The bundled example's alignment, shipped in newsdiff_gui/data (written by
# ``python -m tools.build_seed_alignment``; a test keeps it in step with the aligner).
BUNDLED_ENTRY = "seeds-alignment.json"
# Entries kept; the least recently used go first.
MAX_ENTRIES = 200


@functools.lru_cache(maxsize=1)
def aligner_key() -> str:
    """A digest that changes whenever the aligner's code or data changes."""
    digest = hashlib.sha256(SCHEMA.encode())
    here = Path(__file__).resolve().parent
    files = [here / f"{name}.py" for name in _ALIGNER_MODULES]
    files += sorted((here / "data").glob("*.npz")) + sorted((here / "data").glob("*.json"))
    # Segmentation and set-wide boilerplate decide which sentences the aligner sees.
    files += [here.parent / "segment" / f"{name}.py" for name in ("sentences", "chrome", "setwide")]
    for path in files:
        try:
            digest.update(path.name.encode() + path.read_bytes())
        except OSError:  # a frozen build ships bytecode only: identify the build instead
            digest.update(f"{path.name}:{_build_identity()}".encode())
    return digest.hexdigest()


def _build_identity() -> str:
    """The version and, in a frozen build, the executable's size and time: two
    builds of one version (development builds, a fixed release) must not read
    each other's entries, or a rebuilt app shows the old build's alignments."""
    from ... import __version__

    identity = __version__
    if getattr(sys, "frozen", False):
        with contextlib.suppress(OSError):
            stat = os.stat(sys.executable)
            identity += f":{stat.st_size}:{stat.st_mtime_ns}"
    return identity


def entry_key(article_set: ArticleSet, config: AlignConfig | None) -> str:
    digest = hashlib.sha256(aligner_key().encode())
    if config is not None and config != AlignConfig():
        digest.update(repr(config).encode())
    for document in article_set.documents:
        digest.update(content_hash(document.text).encode())
    return digest.hexdigest()


class AlignmentCache:
    """Alignments by content key, under ``cache_dir()/alignments``."""

    def __init__(self, base: str | os.PathLike[str] | None = None) -> None:
        self.folder = cache_dir(base) / "alignments"

    def path_for(self, article_set: ArticleSet, config: AlignConfig | None = None) -> Path:
        return self.folder / f"{entry_key(article_set, config)}.json"

    def get(self, article_set: ArticleSet, config: AlignConfig | None = None) -> Alignment | None:
        """The cached alignment of this exact set, or ``None``."""
        path = self.path_for(article_set, config)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"a cache entry is a JSON object, not {type(data).__name__}")
            alignment = alignment_from_dict(data, article_set)
        except FileNotFoundError:
            return self._bundled(article_set, config, path)
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            RecursionError,
        ):
            # Disposable: an entry of any wrong shape (or nested too deep to
            # parse) is deleted and recomputed, never an error on every open.
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used
        return alignment

    def _bundled(
        self, article_set: ArticleSet, config: AlignConfig | None, path: Path
    ) -> Alignment | None:
        """The alignment shipped with the package for this exact set (the bundled
        example, so that its very first start needs no alignment), or ``None``.

        Only an entry made by this very aligner counts (same key); it is then
        copied into the user's cache like any other entry."""
        try:
            shipped = json.loads(
                (resources.files("newsdiff_gui.data") / BUNDLED_ENTRY).read_text(encoding="utf-8")
            )
            if shipped.get("key") != path.stem:
                return None
            alignment = alignment_from_dict(shipped["alignment"], article_set)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        self.put(alignment, config)
        return alignment

    def put(self, alignment: Alignment, config: AlignConfig | None = None) -> None:
        """Store ``alignment``; a cache that cannot be written is not an error."""
        try:
            write_json(self.path_for(alignment.article_set, config), alignment_to_dict(alignment))
            self._prune()
        except OSError:
            pass

    def clear(self) -> None:
        for path in self.folder.glob("*.json"):
            path.unlink(missing_ok=True)

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for path in entries[: max(0, len(entries) - MAX_ENTRIES)]:
            path.unlink(missing_ok=True)


def cached_align(
    article_set: ArticleSet,
    config: AlignConfig | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: AlignmentCache | None = None,
) -> tuple[Alignment, bool]:
    """``align`` through the cache: ``(alignment, True)`` on a hit.

    Same arguments as ``align.align`` (progress is not called on a hit: there
    is nothing to wait for).
    """
    cache = cache or AlignmentCache()
    found = cache.get(article_set, config)
    if found is not None:
        return found, True
    alignment = align(article_set, config, should_cancel=should_cancel, progress=progress)
    cache.put(alignment, config)
    return alignment, False
