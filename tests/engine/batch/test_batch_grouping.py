"""Grouping: versions of one story together, different stories apart, no chaining."""

from __future__ import annotations

import itertools
from dataclasses import replace
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


def _reports(first_term: int, page: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Six long reports of one story (a shared core and much of their own words),
    each carrying a quarter of the short ``page``: the page's cosine to each is
    below the join level (a long article's own words swamp it) while the story,
    on average, carries a quarter of its words."""
    core = tuple(range(first_term, first_term + 60))
    reports = []
    for k in range(6):
        own = tuple(range(first_term + 1000 + 700 * k, first_term + 1600 + 700 * k))
        carried = tuple(page[(5 * k + n) % len(page)] for n in range(10))
        reports.append(core + own + carried)
    return reports


def _weights(terms: list[tuple[int, ...]]) -> dict[int, float]:
    return {t: 2.0 for article in terms for t in article}


PAGE = tuple(range(500_000, 500_040))


# A join level at which linkage alone leaves the short page out (its reports
# share little with it one by one): the attach step is what these tests try.
_STRICT = GroupingConfig(join_at=0.08, lead_at=0.0)


def test_a_short_page_joins_the_story_that_carries_its_words() -> None:
    other_page = tuple(range(600_000, 600_040))
    terms = [*_reports(0, PAGE), PAGE, *_reports(100_000, other_page)]
    idf = _weights(terms)
    linkage_only = stories_in_block(terms, idf, replace(_STRICT, attach_at=0.0))
    assert [6] in linkage_only  # average linkage leaves the page alone
    groups = stories_in_block(terms, idf, _STRICT)
    assert list(range(7)) in groups
    assert list(range(7, 13)) in groups


def test_a_short_page_of_another_event_stays_apart() -> None:
    """The same page dated a month after the story is another happening; and a
    page two stories carry alike is given to neither."""
    other_page = tuple(range(600_000, 600_040))
    terms = [*_reports(0, PAGE), PAGE, *_reports(100_000, other_page)]
    idf = _weights(terms)
    days = [100] * 6 + [130] + [100] * 6
    assert [6] in stories_in_block(terms, idf, _STRICT, days)
    assert list(range(6)) in stories_in_block(terms, idf, _STRICT, days)
    terms = [*_reports(0, PAGE), PAGE, *_reports(100_000, PAGE)]
    groups = stories_in_block(terms, _weights(terms), _STRICT)
    assert [6] in groups
    assert list(range(6)) in groups and list(range(7, 13)) in groups
