"""The MinHash candidate finder: finds one story's versions, and stays bounded
when many articles share only common words."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from support.batch_pile import pile_records

from newsdiff_gui.engine.batch.candidates import MinHashCandidates
from newsdiff_gui.engine.batch.terms import article_terms


def _proposed(finder: MinHashCandidates) -> set[tuple[int, int]]:
    return {(i, j) for i, j, _ in finder.pairs()}


def _story_pairs(stories: list[str]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(stories)), 2)
        if stories[i] == stories[j]
    }


def _words(rng: random.Random, count: int) -> list[int]:
    """Made-up terms: hashed terms are 32-bit integers."""
    return [rng.getrandbits(32) for _ in range(count)]


def test_the_versions_of_each_story_of_a_small_pile_are_proposed() -> None:
    records = pile_records(stories=5, versions=4, singles=4, seed=3)
    distinct = list({r["text"]: r for r in records}.values())  # exact copies are not indexed
    finder = MinHashCandidates()
    for index, record in enumerate(distinct):
        finder.add(index, article_terms(record["text"]))
    wanted = _story_pairs([r["story"] for r in distinct])
    assert len(wanted) >= 20
    assert wanted <= _proposed(finder)


def test_articles_sharing_only_common_words_are_not_all_candidates_of_each_other() -> None:
    """Half of each article's terms are the pile's common words: every band of
    every article lands in a common word's bucket about half the time, so
    without stop buckets nearly every pair would be a candidate."""
    rng = random.Random(5)
    common = _words(rng, 60)
    finder = MinHashCandidates(keep=10_000)  # keep every candidate found
    count = 1500
    stories: list[str] = []
    story_terms = {s: _words(rng, 60) for s in range(20)}
    for index in range(count):
        own = _words(rng, 60)
        # The last 60 articles are 20 stories of three versions, after the flood.
        story = index - (count - 60)
        if story >= 0:
            kept = rng.sample(story_terms[story % 20], 50)
            terms = frozenset(common + kept + own[:10])
            stories.append(f"story{story % 20}")
        else:
            terms = frozenset(common + own)
            stories.append(f"single{index}")
        finder.add(index, terms)
    proposed = _proposed(finder)
    # Without stop buckets each would be a candidate of nearly every earlier
    # article (about 1,200 of them here); with them, of a bounded few.
    later = Counter(j for _, j in proposed if 1000 <= j < count - 60)
    assert sum(later.values()) / (count - 60 - 1000) < 100
    assert _story_pairs(stories) <= proposed


def test_a_wire_story_with_more_near_copies_than_a_bucket_holds_stays_joined() -> None:
    """300 near-copies (each with a word or two of its own) fill and stop every
    bucket they share; each later copy must still be proposed with earlier ones."""
    rng = random.Random(9)
    wire = _words(rng, 200)
    finder = MinHashCandidates()
    for index in range(300):
        finder.add(index, frozenset(wire + _words(rng, 2)))
    later = {j for _, j, agreement in finder.pairs() if agreement > 0.8}
    assert later == set(range(1, 300))


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        MinHashCandidates(bands=65)
    with pytest.raises(ValueError):
        MinHashCandidates(cap=4, latest=8)
    finder = MinHashCandidates()
    with pytest.raises(ValueError):
        finder.add(1, frozenset({1}))
