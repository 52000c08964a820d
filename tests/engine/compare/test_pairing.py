"""Pair rows: every sentence of both versions exactly once, in the left version's order."""

from __future__ import annotations

import itertools

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.pairing import RowKind, count_rows, pair_rows
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Alignment, OpKind
from newsdiff_gui.paths import seed_files


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align(load_article_set(seed_files()))


def test_every_sentence_once_and_in_order(seeds: Alignment) -> None:
    for left, right in itertools.permutations(seeds.documents, 2):
        rows = pair_rows(seeds, left, right)
        lefts = [s.index for row in rows for s in row.left]
        rights = [s.index for row in rows for s in row.right]
        assert sorted(lefts) == list(range(len(left.sentences)))
        assert sorted(rights) == list(range(len(right.sentences)))
        # Rows follow the left version; a row that groups non-adjacent sentences
        # (one right sentence fusing two left ones) sits at its first one.
        firsts = [row.left[0].index for row in rows if row.left]
        assert firsts == sorted(firsts), "left side out of document order"


def test_row_kinds_match_their_cells(seeds: Alignment) -> None:
    left, right = seeds.documents[0], seeds.documents[2]
    for row in pair_rows(seeds, left, right):
        if row.kind == RowKind.SHARED:
            assert row.left and row.right and row.ops
        elif row.kind == RowKind.ONLY_LEFT:
            assert row.left and not row.right and not row.left[0].is_boilerplate
        elif row.kind == RowKind.ONLY_RIGHT:
            assert row.right and not row.left
        else:
            assert (row.left or row.right)[0].is_boilerplate


def test_counts_add_up(seeds: Alignment) -> None:
    left, right = seeds.documents[1], seeds.documents[2]
    rows = pair_rows(seeds, left, right)
    counts = count_rows(rows)
    assert counts.shared == sum(r.kind == RowKind.SHARED for r in rows)
    assert counts.reworded <= counts.shared
    assert counts.only_left + counts.only_right > 0


def test_word_diff_spans_index_the_documents(seeds: Alignment) -> None:
    left, right = seeds.documents[0], seeds.documents[2]
    for row in pair_rows(seeds, left, right):
        for op in row.ops:
            if op.kind != OpKind.INSERT:
                assert row.left[0].start <= op.a_start <= op.a_end <= row.left[-1].end
            if op.kind != OpKind.DELETE:
                assert row.right[0].start <= op.b_start <= op.b_end <= row.right[-1].end


def test_a_row_of_distant_sentences_diffs_only_those_sentences(seeds: Alignment) -> None:
    """A manual link (or a fused sentence) can put the first and the last
    sentence of a version in one row; the text between them is not in the row
    and must not be diffed (it made such a row cost a 5,000-character diff)."""
    from newsdiff_gui.engine.annotate.corrections import apply_corrections, link_correction

    left, right = seeds.documents[0], seeds.documents[1]
    content = left.content_sentences
    first, last = content[0], content[-1]
    partner = next(
        row.right[0]
        for row in pair_rows(seeds, left, right)
        if row.kind == RowKind.SHARED and first in row.left
    )
    corrected = apply_corrections(seeds, [link_correction(seeds.article_set, last.id, partner.id)])
    (row,) = [r for r in pair_rows(corrected, left, right) if first in r.left]
    assert last in row.left
    between = [
        s for s in left.sentences if first.index < s.index < last.index and s not in row.left
    ]
    assert between
    for op in row.ops:
        for sentence in between:
            assert op.a_end <= sentence.start or op.a_start >= sentence.end, (
                "diffed a hidden sentence"
            )
    covered = "".join(
        left.text[op.a_start : op.a_end] for op in row.ops if op.kind != OpKind.INSERT
    )
    assert first.text in covered and last.text in covered


def test_unshared_spans_are_the_only_left_rows(seeds: Alignment) -> None:
    from newsdiff_gui.engine.compare.pairing import unshared_spans

    for mine, other in ((0, 1), (3, 4), (4, 0)):
        left, right = seeds.documents[mine], seeds.documents[other]
        expected = [
            (s.start, s.end)
            for row in pair_rows(seeds, left, right)
            if row.kind == RowKind.ONLY_LEFT
            for s in row.left
        ]
        assert sorted(unshared_spans(seeds, mine, other)) == sorted(expected)
