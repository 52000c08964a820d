"""The session recipe: load, align through the cache, apply the stored corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff_gui.engine.align.cache import AlignmentCache
from newsdiff_gui.engine.annotate.corrections import link_correction
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.session.open_set import (
    TooFewVersions,
    open_article_set,
    open_set,
    with_corrections,
)

A = "The council met on Monday.\n\nThe vote was 7 to 2.\n\nResidents cheered outside.\n"
B = "The council met on Monday.\n\nThe vote was 7 to 2.\n\nA new park opens in May.\n"


def _files(folder: Path) -> list[str]:
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    return [str(folder / "a.txt"), str(folder / "b.txt")]


def _manual(alignment) -> list[tuple[str, ...]]:
    return [(*k.a, *k.b) for k in alignment.links if k.manual]


def test_stored_link_reaches_the_alignment_and_raw_stays_the_aligners(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    cache = AlignmentCache(tmp_path / "cache")
    first = open_set(paths, cache=cache, notes_folder=tmp_path / "notes")
    assert not first.from_cache and first.corrections == [] and first.warnings == ()
    assert _manual(first.alignment) == []
    store = first.notes
    assert store is not None
    store.add_correction(link_correction(first.article_set, "d0:s2", "d1:s2"))
    # The live store: re-applying gives the link at once ...
    assert _manual(first.recorrected().alignment) == [("d0:s2", "d1:s2")]
    # ... and a fresh open (a cache hit) reads it back; the raw alignment has no link.
    again = open_set(paths, cache=cache, notes_folder=tmp_path / "notes")
    assert again.from_cache
    assert _manual(again.alignment) == [("d0:s2", "d1:s2")]
    assert _manual(again.raw) == []
    unread = open_set(paths, cache=cache, notes_folder=tmp_path / "notes", corrected=False)
    assert unread.notes is None and unread.alignment is unread.raw


def test_too_few_versions_stops_before_aligning(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with pytest.raises(TooFewVersions) as stopped:
        open_set([paths[0], str(tmp_path / "missing.txt")], cache=AlignmentCache(tmp_path))
    assert len(stopped.value.report.article_set) == 1
    assert len(stopped.value.report.skipped) == 1
    assert not list((tmp_path / "alignments").glob("*.json"))


def test_uncached_open_writes_no_cache_entry(tmp_path: Path) -> None:
    opened = open_set(_files(tmp_path), corrected=False, cache=AlignmentCache(tmp_path))
    cache = AlignmentCache(tmp_path / "elsewhere")
    again = open_article_set(opened.article_set, cached=False, cache=cache, corrected=False)
    assert not again.from_cache and not cache.folder.exists()


def test_unreadable_notes_open_the_set_with_a_warning(tmp_path: Path) -> None:
    opened = open_set(_files(tmp_path), corrected=False, cache=AlignmentCache(tmp_path))
    folder = tmp_path / "notes"
    path = NotesStore(opened.article_set, folder).path
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    reopened = with_corrections(opened.raw, notes_folder=folder)
    assert reopened.alignment is reopened.raw
    assert len(reopened.warnings) == 1
