"""Grouping: versions of one story together, different stories apart, no chaining."""

from __future__ import annotations

import itertools
from pathlib import Path

from support.batch_pile import pile_records, write_jsonl

from newsdiff_gui.engine.batch.run import BatchOptions, group_pile
from newsdiff_gui.engine.batch.verify import GroupingConfig, similarity_matrix, stories_in_block


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {pair for g in groups for pair in itertools.combinations(sorted(g), 2)}


def _truth(records: list[dict]) -> list[list[str]]:
    by_story: dict[str, list[str]] = {}
    for record in records:
        by_story.setdefault(record["story"], []).append(record["id"])
    return list(by_story.values())


def test_synthetic_pile_is_grouped_into_its_stories(tmp_path: Path) -> None:
    for finder in ("minhash", "tfidf"):
        records = pile_records(stories=5, versions=4, singles=4, seed=3)
        pile = write_jsonl(tmp_path / "pile.jsonl", records)
        found = group_pile([pile], tmp_path / "work", BatchOptions(finder=finder))
        assert _pairs(found) == _pairs(_truth(records)), finder
        assert sorted(k for g in found for k in g) == sorted(r["id"] for r in records)


def test_grouping_does_not_depend_on_input_order(tmp_path: Path) -> None:
    records = pile_records(stories=3, versions=3, singles=2, seed=5)
    first = group_pile([write_jsonl(tmp_path / "a.jsonl", records)], tmp_path / "w")
    second = group_pile([write_jsonl(tmp_path / "b.jsonl", records[::-1])], tmp_path / "w")
    assert _pairs(first) == _pairs(second)


def test_an_article_bridging_two_stories_does_not_chain_them() -> None:
    """A live blog carrying a paragraph of each of two stories is similar enough
    to both to join either (single linkage would chain the two stories through
    it); average linkage keeps the stories apart."""
    story_a = list(range(0, 40))
    story_b = list(range(100, 140))
    own = list(range(200, 260))
    terms = [
        tuple(story_a[:36]),
        tuple(story_a[2:38]),
        tuple(story_a[4:40]),
        tuple(own + story_a[:8] + story_b[:8]),  # the live blog
        tuple(story_b[:36]),
        tuple(story_b[3:39]),
        tuple(story_b[4:40]),
    ]
    idf = {t: 2.0 for t in story_a + story_b + own}
    config = GroupingConfig()
    similarity = similarity_matrix(terms, idf)
    assert similarity[3, 0] >= config.join_at and similarity[3, 4] >= config.join_at
    groups = {frozenset(g) for g in stories_in_block(terms, idf, config)}
    assert frozenset({0, 1, 2}) <= max(groups, key=lambda g: 0 in g)
    assert not any({0, 4} <= g for g in groups)
    assert any({4, 5, 6} <= g for g in groups)
