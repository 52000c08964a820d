"""Meaning vectors in grouping: one event told in other words joins, other events do not."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from newsdiff_gui.engine.align.vectors import VectorTable
from newsdiff_gui.engine.batch.terms import article_terms
from newsdiff_gui.engine.batch.verify import (
    GroupingConfig,
    meaning_matrix,
    pile_idf,
    similarity_matrix,
    stories_in_block,
)

pytestmark = pytest.mark.skipif(VectorTable.load() is None, reason="no word vectors shipped")

# Two reports of one march in different words (they share only "Helsinki" and
# "visit"), then six reports of other happenings, for the pile's IDF.
TEXTS = [
    "Thousands of protesters marched through central Helsinki on Sunday, chanting slogans "
    "and waving banners against the president's visit and demanding free speech.",
    "Huge crowds of demonstrators paraded along downtown streets in Helsinki, shouting "
    "opposition to the leader's visit and calling for liberty of expression.",
    "The central bank raised interest rates by half a point on Tuesday to curb rising "
    "inflation, and economists expect further increases this year.",
    "Shares tumbled on Wall Street as investors worried that higher borrowing costs would "
    "slow growth and hurt company profits.",
    "Firefighters battled a wildfire that spread across dry hills overnight, forcing "
    "hundreds of families to leave their homes.",
    "The football club signed a young striker from Brazil for a record fee, its manager "
    "said at a news conference on Friday.",
    "Scientists reported that a new vaccine protected most volunteers in a trial, raising "
    "hopes of controlling the disease.",
    "Heavy rain flooded roads and railway lines in the north, and forecasters warned of "
    "more storms later in the week.",
]


def _pile() -> tuple[list[tuple[int, ...]], dict[int, float]]:
    terms = [tuple(sorted(article_terms(text))) for text in TEXTS]
    frequency = Counter(term for found in terms for term in found)
    return terms, {term: pile_idf(df, len(terms)) for term, df in frequency.items()}


def test_one_event_in_other_words_is_closer_in_meaning_than_other_events() -> None:
    terms, idf = _pile()
    meaning = meaning_matrix(terms, idf)
    config = GroupingConfig()
    assert meaning is not None
    assert meaning[0, 1] > config.meaning_from
    others = [meaning[i, j] for i in range(len(TEXTS)) for j in range(i) if (i, j) != (1, 0)]
    assert max(others) < config.meaning_from


def test_meaning_joins_a_pair_the_words_alone_leave_apart() -> None:
    terms, idf = _pile()
    # A join level these two texts' words alone do not reach (they share 0.06
    # of their weight): what meaning adds is what this test is about.
    config = GroupingConfig(join_at=0.08)
    assert similarity_matrix(terms, idf)[0, 1] < config.join_at
    words_only = stories_in_block(terms, idf, replace(config, meaning_weight=0.0))
    assert [0] in words_only and [1] in words_only
    groups = stories_in_block(terms, idf, config)
    assert [0, 1] in groups
    assert all(len(group) == 1 for group in groups if group != [0, 1])


def test_meaning_matrix_is_pure_and_symmetric() -> None:
    terms, idf = _pile()
    first = meaning_matrix(terms, idf)
    again = meaning_matrix(list(reversed(terms)), idf)
    assert first is not None and again is not None
    assert (abs(first - first.T) < 1e-9).all()
    n = len(terms)
    assert abs(first[0, 1] - again[n - 1, n - 2]) < 1e-9


def test_meaning_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        GroupingConfig(meaning_weight=-0.1)
    with pytest.raises(ValueError):
        GroupingConfig(meaning_from=1.0)
