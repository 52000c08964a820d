"""One story through the engine: article, story and link rows."""

from __future__ import annotations

from support.synthetic import synthetic_set

from newsdiff_gui.engine.batch.blocks import BlockTask, process_block
from newsdiff_gui.engine.batch.compare import compare_story, story_id
from newsdiff_gui.engine.batch.records import Article


def _story() -> list[Article]:
    versions = synthetic_set(3, words=300, seed=4, drop=0.1, spin=0.1)
    articles = [
        Article(key=f"a{i}", source=f"pile.jsonl:{i}", text=v.text, publisher=f"outlet{i}")
        for i, v in enumerate(versions)
    ]
    copy = Article("a3", "pile.jsonl:3", versions[0].text, "reposter")
    return [*articles, copy]


def test_every_article_gets_a_row_and_an_exact_copy_is_churn_one() -> None:
    articles = _story()
    rows = compare_story("s1", "b1", articles)
    assert [r["id"] for r in rows.articles] == ["a0", "a1", "a2", "a3"]
    copy = rows.articles[3]
    assert (copy["source"], copy["churn"], copy["traits"]) == ("a0", 1.0, "identical copy")
    for row in rows.articles:
        assert 0.0 <= row["shared_share"] <= 1.0
        assert row["churn"] is not None and 0.0 <= row["churn"] <= 1.0
    (story,) = rows.stories
    assert story["size"] == 4 and story["distinct_texts"] == 3
    assert story["outlets"] == ["outlet0", "outlet1", "outlet2", "reposter"]
    assert 0.0 <= story["original_share"] < 0.5  # versions of one base story share most
    assert rows.links and story["links"] == len(rows.links)
    keys = {a.key for a in articles}
    for link in rows.links:
        assert {link["article_a"], link["article_b"]} <= keys
        assert link["relation"] in {"verbatim", "reworded", "partial"}
        assert link["sentence_a"] and link["sentence_b"]


def test_a_derived_version_names_its_source_and_copied_share() -> None:
    articles = _story()[:3]
    rows = compare_story("s1", "b1", articles)
    sourced = [r for r in rows.articles if r["source"]]
    assert sourced, "versions of one base story derive from one another"
    for row in sourced:
        assert row["source"] in {"a0", "a1", "a2"} and row["source"] != row["id"]
        assert row["churn"] > 0.3


def test_a_story_of_one_article_and_a_story_too_large_to_compare() -> None:
    (one,) = compare_story("s", "b", _story()[:1]).articles
    assert (one["shared_share"], one["churn"], one["source"]) == (0.0, 0.0, None)
    rows = compare_story("s", "b", _story(), max_compare=2)
    assert rows.stories[0]["note"].startswith("not compared: 3 distinct texts")
    assert all(r["story"] == "s" and r["churn"] is None for r in rows.articles)


def test_story_ids_do_not_depend_on_article_order() -> None:
    assert story_id(["b", "a", "c"]) == story_id(["c", "b", "a"])
    assert story_id(["a", "b"]) != story_id(["a", "b", "c"])


def test_process_block_splits_unrelated_articles() -> None:
    articles = _story()[:2]
    other = synthetic_set(1, words=200, seed=99)[0].text
    task = BlockTask(
        id="b",
        articles=(*articles, Article("z", "z", other)),
        terms=((1, 2, 3, 4), (1, 2, 3, 5), (7, 8, 9)),
        idf={t: 1.0 for t in range(10)},
    )
    rows = process_block(task)
    story_of = {r["id"]: r["story"] for r in rows.articles}
    assert story_of["a0"] == story_of["a1"] != story_of["z"]
    assert len(rows.stories) == 2
