"""The one recipe for "the alignment of these files", as the reader sees it.

Load the files (leniently: unreadable ones are listed, not fatal), align them
through the on-disk cache (``align.cache``), read the reader's notes store for
the set and apply its manual corrections. Every front end goes through here —
each command (``align``, ``changes``, ``diff``, ``profile``, ``export``; ``eval``
without corrections, as it scores the aligner) and the GUI's open, paste and
relabel paths — so after a reader links two sentences by hand, ``newsdiff
changes``, ``newsdiff export`` and the window agree on the same files.

Why the raw alignment is kept beside the corrected one: corrections are
re-applied to it after each new link or unlink (``OpenSet.recorrected``), and
a correction removed brings the aligner's own decision back.

A notes store that cannot be read is never fatal: the set opens without
corrections and ``warnings`` says why (the front end shows it). Pure Python.

Public API: ``OpenSet``, ``TooFewVersions``, ``TooManyVersions``, ``open_set``,
``open_article_set``, ``with_corrections``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..align.aligner import align
from ..align.cache import AlignmentCache, cached_align
from ..annotate.corrections import Correction, apply_corrections
from ..annotate.notes import Note, NotesStore
from ..load.articles import LoadReport, load_article_set_lenient
from ..model import Alignment, ArticleSet

# ``progress(stage, done, total)``: stage is "Reading" or "Aligning".
Progress = Callable[[str, int, int], None]
Folder = str | os.PathLike[str]


@dataclass(frozen=True)
class OpenSet:
    """An article set opened for reading.

    ``notes`` is the live store (``None`` when it could not be read, or when
    corrections were not asked for): adding a note or a correction saves it
    at once; ``recorrected()`` then gives the alignment with the store's
    current corrections.
    """

    loaded: LoadReport  # the set, and the files left out with why
    raw: Alignment  # the aligner's own alignment (from the cache when it has it)
    alignment: Alignment  # ``raw`` with the manual corrections applied
    notes: NotesStore | None
    warnings: tuple[str, ...] = ()  # about the notes store, for the reader
    from_cache: bool = False

    @property
    def article_set(self) -> ArticleSet:
        return self.raw.article_set

    @property
    def corrections(self) -> list[Correction]:
        return list(self.notes.corrections) if self.notes is not None else []

    def described_notes(self) -> list[tuple[str, Note]]:
        """Each note with a label of what it is on, against the corrected alignment."""
        return self.notes.described_notes(self.alignment) if self.notes is not None else []

    def recorrected(self) -> OpenSet:
        """The same set with the store's corrections as they are now."""
        return replace(self, alignment=_corrected(self.raw, self.notes))


class TooFewVersions(ValueError):
    """Fewer versions loaded than a comparison needs; ``report`` says why."""

    def __init__(self, report: LoadReport, minimum: int) -> None:
        super().__init__(f"{len(report.article_set)} version(s) loaded, {minimum} needed")
        self.report = report
        self.minimum = minimum


class TooManyVersions(ValueError):
    """More versions loaded than the caller compares (``newsdiff diff`` takes
    two; a folder for one of them holds more); ``report`` says what loaded."""

    def __init__(self, report: LoadReport, most: int) -> None:
        super().__init__(f"{len(report.article_set)} versions loaded, at most {most} wanted")
        self.report = report
        self.most = most


def _corrected(raw: Alignment, store: NotesStore | None) -> Alignment:
    return apply_corrections(raw, store.corrections) if store is not None else raw


def with_corrections(
    raw: Alignment,
    *,
    loaded: LoadReport | None = None,
    corrected: bool = True,
    notes_folder: Folder | None = None,
    from_cache: bool = False,
) -> OpenSet:
    """The last step of the recipe, for an alignment already made: read the
    notes store of its set and apply the stored corrections.

    ``corrected=False`` leaves the store unread and the alignment raw (what
    scoring the aligner needs). ``notes_folder`` replaces the user data
    folder (tests, portable use).
    """
    loaded = loaded or LoadReport(raw.article_set, ())
    if not corrected:
        return OpenSet(loaded, raw, raw, None, (), from_cache)
    try:
        # Read afresh each time: every change is saved at once, so the file is the truth.
        store = NotesStore(raw.article_set, notes_folder)
    except OSError as error:
        warning = f"Your notes for this set could not be read: {error}"
        return OpenSet(loaded, raw, raw, None, (warning,), from_cache)
    warnings = tuple(str(w) for w in store.warnings)
    return OpenSet(loaded, raw, _corrected(raw, store), store, warnings, from_cache)


def open_article_set(
    article_set: ArticleSet,
    *,
    loaded: LoadReport | None = None,
    corrected: bool = True,
    cache: AlignmentCache | None = None,
    cached: bool = True,
    notes_folder: Folder | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> OpenSet:
    """Align a loaded set through the cache, then ``with_corrections``.

    ``cached=False`` neither reads nor writes the cache: a cache entry holds
    the texts, and a version pasted from the clipboard is promised to stay
    in memory. Raises ``CancelledError`` (``align.aligner``) when
    ``should_cancel`` says so.
    """
    aligning = (lambda done, total: progress("Aligning", done, total)) if progress else None
    if cached:
        raw, hit = cached_align(
            article_set, should_cancel=should_cancel, progress=aligning, cache=cache
        )
    else:
        raw, hit = align(article_set, should_cancel=should_cancel, progress=aligning), False
    return with_corrections(
        raw, loaded=loaded, corrected=corrected, notes_folder=notes_folder, from_cache=hit
    )


def open_set(
    paths: Sequence[Folder],
    *,
    keep_duplicates: bool = False,
    minimum: int = 2,
    most: int | None = None,
    corrected: bool = True,
    cache: AlignmentCache | None = None,
    notes_folder: Folder | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> OpenSet:
    """Load ``paths`` (files, folders, manifests) leniently and open the set.

    Raises ``TooFewVersions`` when fewer than ``minimum`` versions load, and
    ``TooManyVersions`` when more than ``most`` do (both before aligning
    anything); ``keep_duplicates`` keeps a file whose text
    equals an earlier one's (an untouched copy is a fair question for
    ``changes``). Other arguments as ``open_article_set``.
    """
    report = load_article_set_lenient(
        paths,
        progress=(lambda done, total: progress("Reading", done, total)) if progress else None,
        keep_duplicates=keep_duplicates,
    )
    if len(report.article_set) < minimum:
        raise TooFewVersions(report, minimum)
    if most is not None and len(report.article_set) > most:
        raise TooManyVersions(report, most)
    return open_article_set(
        report.article_set,
        loaded=report,
        corrected=corrected,
        cache=cache,
        notes_folder=notes_folder,
        should_cancel=should_cancel,
        progress=progress,
    )
