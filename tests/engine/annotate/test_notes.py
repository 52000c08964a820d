"""Notes, manual corrections and settings: kept across restarts, never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.annotate.anchors import sentence_anchor, unit_anchor, version_anchor
from newsdiff_gui.engine.annotate.corrections import (
    apply_corrections,
    link_correction,
    unlink_correction,
    unresolved_corrections,
)
from newsdiff_gui.engine.annotate.notes import NotesError, NotesStore, render_note_html
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.store import atomic
from newsdiff_gui.engine.store.settings import MAX_RECENT, SettingsStore
from newsdiff_gui.paths import seeds_dir

A = (
    "The council approved the budget on Monday after a long debate. "
    "The mayor praised the plan for new schools. Turnout was low."
)
B = (
    "The council approved the budget on Monday after a long debate. "
    "Schools will get a new roof, the mayor said proudly. Farmers protested."
)


def _set(*names: str):
    texts = {"a.txt": A, "b.txt": B}
    return documents_from_texts([(n, texts[n.split("/")[-1]]) for n in names])


def test_notes_survive_a_restart_and_another_file_order(tmp_path: Path) -> None:
    article_set = _set("a.txt", "b.txt")
    alignment = align(article_set)
    store = NotesStore(article_set, tmp_path)
    on_sentence = store.add_note(sentence_anchor(article_set, "d1:s1"), "Check the *roof*.")
    store.add_note(version_anchor(article_set.documents[0]), "Wire copy.")
    store.add_note(unit_anchor(alignment, alignment.units_of("d0:s0")[0].id), "Lead.")
    store.edit_note(on_sentence.id, "Check the **roof**.")

    reopened_set = _set("x/b.txt", "y/a.txt")  # other folders, other order
    reopened = NotesStore(reopened_set, tmp_path)
    assert reopened.warnings == []
    assert [n.text for n in reopened.notes] == ["Check the **roof**.", "Wire copy.", "Lead."]
    again = align(reopened_set)
    assert [n.text for n in reopened.notes_on(again, "d0:s1")] == ["Check the **roof**."]
    assert [n.text for n in reopened.notes_on(again, "d1")] == ["Wire copy."]
    lead_unit = again.units_of("d1:s0")[0].id
    assert [n.text for n in reopened.notes_on(again, lead_unit)] == ["Lead."]
    labels = [label for label, _ in reopened.described_notes(again)]
    assert labels[0].startswith("sentence in") and "roof" in labels[0]
    reopened.remove_note(on_sentence.id)
    assert len(NotesStore(reopened_set, tmp_path).notes) == 2


def test_data_dir_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSDIFF_DATA_DIR", str(tmp_path / "env"))
    store = NotesStore(_set("a.txt", "b.txt"))
    store.add_note(version_anchor(store.article_set.documents[1]), "x")
    assert store.path.is_file() and (tmp_path / "env") in store.path.parents


def test_corrupt_notes_are_moved_aside_and_reported(tmp_path: Path) -> None:
    article_set = _set("a.txt", "b.txt")
    path = NotesStore(article_set, tmp_path).path
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        path.write_text("{not json", encoding="utf-8")
        store = NotesStore(article_set, tmp_path)
        assert store.notes == [] and len(store.warnings) == 1
        assert "could not be read" in store.warnings[0]
        assert not path.exists()
    backups = sorted(path.parent.glob(path.name + "*.bak"))
    assert len(backups) == 2  # the second one has a timestamp, the first is kept
    assert all(b.read_text(encoding="utf-8") == "{not json" for b in backups)
    store.add_note(version_anchor(article_set.documents[0]), "fresh")
    assert NotesStore(article_set, tmp_path).notes[0].text == "fresh"


def test_store_refuses_to_overwrite_a_file_it_could_not_move(tmp_path: Path, monkeypatch) -> None:
    article_set = _set("a.txt", "b.txt")
    path = NotesStore(article_set, tmp_path).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[]", encoding="utf-8")

    def refuse(*_args, **_kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr("newsdiff_gui.engine.store.storage.os.replace", refuse)
    store = NotesStore(article_set, tmp_path)
    assert "could not be read" in store.warnings[0] and "nothing will be saved" in store.warnings[0]
    with pytest.raises(NotesError):
        store.add_note(version_anchor(article_set.documents[0]), "x")
    assert path.read_text(encoding="utf-8") == "[]"


def test_interrupted_write_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    article_set = _set("a.txt", "b.txt")
    store = NotesStore(article_set, tmp_path)
    store.add_note(version_anchor(article_set.documents[0]), "kept")
    before = store.path.read_bytes()

    def crash(*_args, **_kwargs):
        raise OSError("disk pulled out")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError, match="disk pulled out"):
        store.add_note(version_anchor(article_set.documents[1]), "lost")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == [store.path.name]  # no temp left
    assert [n.text for n in NotesStore(article_set, tmp_path).notes] == ["kept"]


def test_markdown_renders_without_raw_html() -> None:
    html = render_note_html("**bold** <script>alert(1)</script> <b>x</b> [a](javascript:alert(1))")
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert 'href="javascript' not in html


def test_link_and_unlink_corrections(tmp_path: Path) -> None:
    article_set = _set("a.txt", "b.txt")
    alignment = align(article_set)
    assert not set(alignment.units_of("d0:s2")[0].members) & {"d1:s2"}

    linked = apply_corrections(alignment, [link_correction(article_set, "d0:s2", "d1:s2")])
    unit = linked.units_of("d0:s2")[0]
    assert "d1:s2" in unit.members and unit.relation is not None
    assert any(link.manual and {*link.a, *link.b} == {"d0:s2", "d1:s2"} for link in linked.links)
    assert len({u.id for u in linked.units}) == len(linked.units)
    members = sorted(m for u in linked.units for m in u.members)
    assert members == sorted(m for u in alignment.units for m in u.members)

    unlinked = apply_corrections(alignment, [unlink_correction(article_set, "d0:s0", "d1:s0")])
    assert "d1:s0" not in unlinked.units_of("d0:s0")[0].members
    assert not any({"d0:s0", "d1:s0"} <= {*x.a, *x.b} for x in unlinked.links)
    assert len({u.id for u in unlinked.units}) == len(unlinked.units)

    # Both stored, they survive a restart and a fresh alignment of the files in another order.
    store = NotesStore(article_set, tmp_path)
    store.add_correction(link_correction(article_set, "d0:s2", "d1:s2"))
    store.add_correction(unlink_correction(article_set, "d0:s0", "d1:s0"))
    reopened_set = _set("b.txt", "a.txt")
    reopened = NotesStore(reopened_set, tmp_path)
    assert len(reopened.corrections) == 2
    again = apply_corrections(align(reopened_set), reopened.corrections)
    assert "d0:s2" in again.units_of("d1:s2")[0].members
    assert "d0:s0" not in again.units_of("d1:s0")[0].members
    assert unresolved_corrections(reopened_set, reopened.corrections) == []
    # A later opposite correction on the same pair replaces the earlier one.
    reopened.add_correction(unlink_correction(reopened_set, "d1:s2", "d0:s2"))
    assert len(reopened.corrections) == 2


def test_settings_recent_sets_and_reopen_last(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.settings.last_set is None and not store.settings.reopen_last
    for number in range(MAX_RECENT + 2):
        store.add_recent([tmp_path / f"set{number}" / "a.txt"])
    store.add_recent([tmp_path / "set3" / "a.txt"])
    store.set_reopen_last(True)
    again = SettingsStore(tmp_path)
    assert again.settings.reopen_last
    assert len(again.settings.recent_sets) == MAX_RECENT
    assert again.settings.last_set == (str(tmp_path / "set3" / "a.txt"),)
    again.path.write_text('{"schema": "newsdiff-settings/1", "future": 1}', encoding="utf-8")
    future = SettingsStore(tmp_path)
    future.set_reopen_last(False)
    assert '"future": 1' in future.path.read_text(encoding="utf-8")
    future.path.write_bytes(b"\xff\xfe garbage")
    broken = SettingsStore(tmp_path)
    assert broken.warnings and broken.settings.recent_sets == ()
    assert os.path.exists(str(broken.path) + ".bak")


_SAVER = """
import sys
from pathlib import Path
from newsdiff_gui.engine.annotate.anchors import version_anchor
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.annotate.notes import NotesStore

article_set = load_article_set([Path(p) for p in sys.argv[2:]])
store = NotesStore(article_set, sys.argv[1])
print("ready", flush=True)
number = len(store.notes)
while True:  # save for ever, with ever longer notes, until killed
    number += 1
    store.add_note(version_anchor(article_set.documents[0]), "note %d " % number + "x" * 20000)
"""


def test_killing_the_app_mid_save_leaves_a_whole_notes_file(tmp_path: Path) -> None:
    """SIGKILL a process that does nothing but save notes, at several moments:
    each time the notes file reads back whole, with every note saved before."""
    import signal
    import subprocess
    import sys
    import time

    from newsdiff_gui.engine.load.articles import load_article_set

    seeds = sorted(seeds_dir().glob("*.txt"))[:2]
    data = tmp_path / "data"
    counts = []
    for delay in (0.05, 0.13, 0.21, 0.34):
        process = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(data), *map(str, seeds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        process.stdout.close()
        store = NotesStore(load_article_set(seeds), data)
        assert store.warnings == [], "the file is never half-written"
        # Opening the store deletes what the killed save left (issue 19 item 4).
        assert not list(store.path.parent.glob(".*.tmp"))
        counts.append(len(store.notes))
        texts = [n.text.split(" x")[0] for n in store.notes]
        assert texts == [f"note {n + 1}" for n in range(len(texts))]  # none lost in between
    assert counts == sorted(counts) and counts[-1] > counts[0]
