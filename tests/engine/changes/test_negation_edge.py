"""A negation cue glued to a word on one side is no flip (found by the fuzz test)."""

from __future__ import annotations

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import ChangeType, read_changes
from newsdiff_gui.engine.load.articles import documents_from_texts


def test_a_cue_inside_a_word_reads_without_a_negation_change() -> None:
    # "cannotTheThe" holds the cue "cannot" before "TheThe"; the other side never
    # says "thethe" plainly, so there is no word to flip (this raised ValueError).
    alignment = align(documents_from_texts([("a.txt", "cannot"), ("b.txt", "cannotTheThe")]))
    changes = read_changes(alignment)
    assert all(change.type != ChangeType.NEGATION for change in changes)
