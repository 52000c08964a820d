"""Issue 19 items 4 and 7: notes and corrections survive concurrent writers,
failed writes and corrupt-but-parseable files (notes, settings, cache).

Two processes share one set's notes file the way two windows do: each keeps
its store open and adds records as fast as it can. Every record of both
must be on disk afterwards. A write that fails (full disk) must not leave the
note in memory, so retrying saves it once.
"""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from newsdiff_gui.engine.align.cache import AlignmentCache, cached_align
from newsdiff_gui.engine.annotate.anchors import version_anchor
from newsdiff_gui.engine.annotate.corrections import link_correction
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.store import atomic
from newsdiff_gui.engine.store.settings import SettingsStore
from newsdiff_gui.paths import seed_files

SEEDS = seed_files()
NOTES_EACH = 150


def _pairs(article_set, worker: int) -> list[tuple[str, str]]:
    """Sentence pairs across versions that only this worker corrects."""
    pairs = []
    documents = article_set.documents
    for a in range(len(documents)):
        for b in range(a + 1, len(documents)):
            for sentence in documents[a].sentences[worker::2]:
                partner = documents[b].sentences[sentence.index % len(documents[b].sentences)]
                pairs.append((sentence.id, partner.id))
    return pairs


def _writer(base: str, worker: int, start: multiprocessing.synchronize.Barrier) -> None:
    article_set = load_article_set(SEEDS)
    store = NotesStore(article_set, base)  # opened once and kept, as a window does
    pairs = _pairs(article_set, worker)
    start.wait()
    for number in range(max(NOTES_EACH, len(pairs))):
        if number < NOTES_EACH:
            document = article_set.documents[number % len(article_set.documents)]
            store.add_note(version_anchor(document), f"worker {worker} note {number}")
        if number < len(pairs):
            store.add_correction(link_correction(article_set, *pairs[number]))


def test_two_processes_adding_notes_and_corrections_lose_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    workers = [
        context.Process(target=_writer, args=(str(tmp_path), worker, start)) for worker in (0, 1)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(300)
        assert process.exitcode == 0
    article_set = load_article_set(SEEDS)
    store = NotesStore(article_set, tmp_path)
    assert store.warnings == []
    texts = {n.text for n in store.notes}
    expected = {f"worker {w} note {n}" for w in (0, 1) for n in range(NOTES_EACH)}
    assert texts == expected and len(store.notes) == 2 * NOTES_EACH
    pairs = _pairs(article_set, 0) + _pairs(article_set, 1)
    assert len(pairs) >= 200
    found = {frozenset((c.a, c.b)) for c in store.corrections}
    wanted = {frozenset((c.a, c.b)) for c in (link_correction(article_set, a, b) for a, b in pairs)}
    assert found == wanted
    assert not list(store.path.parent.glob(".*.tmp"))


def test_a_store_merges_what_another_window_saved_and_says_so(tmp_path: Path) -> None:
    article_set = load_article_set(SEEDS[:2])
    first, second = NotesStore(article_set, tmp_path), NotesStore(article_set, tmp_path)
    anchor = version_anchor(article_set.documents[0])
    kept = first.add_note(anchor, "from the first window")
    assert first.take_notices() == []
    second.add_note(anchor, "from the second window")
    assert any("changed in another window" in n for n in second.take_notices())
    assert {n.text for n in second.notes} == {"from the first window", "from the second window"}
    first.remove_note(kept.id)
    with pytest.raises(KeyError):
        second.edit_note(kept.id, "edited after it was deleted elsewhere")
    assert [n.text for n in NotesStore(article_set, tmp_path).notes] == ["from the second window"]


def test_retrying_after_a_failed_write_saves_the_note_once(tmp_path: Path, monkeypatch) -> None:
    article_set = load_article_set(SEEDS[:2])
    store = NotesStore(article_set, tmp_path)
    anchor = version_anchor(article_set.documents[0])

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        store.add_note(anchor, "the note")
    assert store.notes == []
    monkeypatch.undo()
    store.add_note(anchor, "the note")
    assert [n.text for n in NotesStore(article_set, tmp_path).notes] == ["the note"]


def test_stale_temporary_files_are_cleaned_when_a_store_opens(tmp_path: Path) -> None:
    article_set = load_article_set(SEEDS[:2])
    store = NotesStore(article_set, tmp_path)
    store.add_note(version_anchor(article_set.documents[0]), "kept")
    for number in range(6):  # what six killed saves leave
        (store.path.parent / f".{store.path.name}.{number}abc.tmp").write_text("{half")
    other = store.path.parent / ".someone-else.json.1.tmp"
    other.write_text("not ours")
    reopened = NotesStore(article_set, tmp_path)
    assert [n.text for n in reopened.notes] == ["kept"]
    assert sorted(p.name for p in store.path.parent.iterdir()) == sorted(
        [store.path.name, other.name]
    )


# ---------------------------------------------------------------- item 7

_NOTES_SHAPES = {
    "notes is a number": '{"schema": "newsdiff-notes/1", "notes": 5}',
    "corrections is text": '{"schema": "newsdiff-notes/1", "corrections": "x"}',
    "nested 100k deep": '{"schema": "newsdiff-notes/1", "notes": '
    + "[" * 100_000
    + "]" * 100_000
    + "}",
    "a list": "[]",
}


@pytest.mark.parametrize("content", _NOTES_SHAPES.values(), ids=_NOTES_SHAPES.keys())
def test_a_notes_file_of_the_wrong_shape_is_set_aside_once(tmp_path: Path, content: str) -> None:
    article_set = load_article_set(SEEDS[:2])
    path = NotesStore(article_set, tmp_path).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, "utf-8")
    store = NotesStore(article_set, tmp_path)
    assert store.notes == [] and len(store.warnings) == 1
    assert "could not be read" in store.warnings[0] and ".bak" in store.warnings[0]
    assert not path.exists()
    assert [p.read_text("utf-8") for p in path.parent.glob("*.bak")] == [content]
    store.add_note(version_anchor(article_set.documents[0]), "works again")
    again = NotesStore(article_set, tmp_path)
    assert again.warnings == [] and [n.text for n in again.notes] == ["works again"]


@pytest.mark.parametrize("content", ["[]", "5", '{"units": 5}', "[" * 100_000 + "]" * 100_000])
def test_a_cache_entry_of_the_wrong_shape_is_deleted_and_recomputed(
    tmp_path: Path, content: str
) -> None:
    article_set = load_article_set(SEEDS[:2])
    cache = AlignmentCache(tmp_path)
    alignment, hit = cached_align(article_set, cache=cache)
    entry = cache.path_for(article_set)
    entry.write_text(content, "utf-8")
    again, hit = cached_align(article_set, cache=cache)
    assert not hit and again.units == alignment.units
    assert json.loads(entry.read_text("utf-8"))["schema"]  # rewritten whole
    assert cached_align(article_set, cache=cache)[1]


def test_settings_of_the_wrong_shape_are_set_aside(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text('{"schema": "newsdiff-settings/1", "recent_sets": 5}', "utf-8")
    broken = SettingsStore(tmp_path)
    assert broken.settings.recent_sets == () and "could not be read" in broken.warnings[0]
    broken.add_recent([tmp_path / "a.txt"])
    assert SettingsStore(tmp_path).settings.recent_sets
