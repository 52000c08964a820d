"""A row's link confidence read from its own links equals the one read from all links."""

from __future__ import annotations

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes.classify import links_by_sentence, row_confidence
from newsdiff_gui.engine.compare.pairing import RowKind, pair_rows
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files


def test_confidence_from_the_rows_links_equals_the_scan_of_every_link() -> None:
    alignment = align(load_article_set(seed_files()))
    index = links_by_sentence(alignment)
    assert links_by_sentence(alignment) is index  # built once per alignment
    documents = alignment.documents
    checked = 0
    for left in range(len(documents)):
        for right in range(len(documents)):
            if left == right:
                continue
            for row in pair_rows(alignment, documents[left], documents[right]):
                if row.kind != RowKind.SHARED:
                    continue
                assert row_confidence(alignment, row, index) == row_confidence(alignment, row)
                checked += 1
    assert checked > 50
