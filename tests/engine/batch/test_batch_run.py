"""A whole batch run: tables complete and consistent, resumable, atomic parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.batch_pile import pile_records, write_jsonl

from newsdiff_gui.engine.batch import run as run_module
from newsdiff_gui.engine.batch.run import BatchOptions, run_batch
from newsdiff_gui.engine.batch.verify import GroupingConfig


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _pile(tmp_path: Path) -> tuple[Path, list[dict]]:
    records = pile_records(stories=3, versions=3, singles=3, seed=11)
    pile = write_jsonl(tmp_path / "pile.jsonl", records)
    with open(pile, "a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "text": ""}\nnot json at all\n')
    return pile, records


def test_tables_hold_every_article_once_and_agree(tmp_path: Path) -> None:
    pile, records = _pile(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([pile], out, BatchOptions(format="jsonl", workers=1))
    articles = _read(out / "articles.jsonl")
    stories = _read(out / "stories.jsonl")
    links = _read(out / "links.jsonl")
    skipped = _read(out / "skipped.jsonl")
    assert sorted(a["id"] for a in articles) == sorted(r["id"] for r in records)
    assert {s["reason"] for s in skipped} == {"empty text", "not a JSON object (Expecting value)"}
    assert summary.articles == len(records) and summary.skipped == 2
    sizes = {s["id"]: s["size"] for s in stories}
    assert sum(sizes.values()) == len(articles)
    for article in articles:
        assert article["story"] in sizes
    assert {link["story"] for link in links} <= set(sizes)
    assert sorted(sizes.values(), reverse=True)[:3] == [4, 4, 4]  # three versions and a copy
    assert not (out / ".parts").exists() and not (out / ".work").exists()


def test_parquet_tables_have_the_documented_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsdiff_gui.engine.batch.tables import ARTICLE_COLUMNS, LINK_COLUMNS, STORY_COLUMNS

    pile, records = _pile(tmp_path)
    run_batch([pile], tmp_path / "out", BatchOptions(workers=1))
    for name, columns in (
        ("articles", ARTICLE_COLUMNS),
        ("stories", STORY_COLUMNS),
        ("links", LINK_COLUMNS),
    ):
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.column_names == [c for c, _ in columns]
    assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == len(records)


def test_a_stopped_run_resumes_without_redoing_or_duplicating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pile, records = _pile(tmp_path)
    out = tmp_path / "out"
    # Blocks of at most five articles (one story each), a chunk per block.
    grouping = GroupingConfig(max_block=5)
    options = BatchOptions(format="jsonl", workers=1, chunk_articles=4, grouping=grouping)
    real_run_chunks = run_module.run_chunks

    def stop_after_two_chunks(chunks, scheduler, on_result, workers=None):  # type: ignore[no-untyped-def]
        def handler(number: int, rows) -> None:  # type: ignore[no-untyped-def]
            if number == 2:
                raise KeyboardInterrupt
            on_result(number, rows)

        real_run_chunks(chunks, scheduler, handler, workers)

    monkeypatch.setattr(run_module, "run_chunks", stop_after_two_chunks)
    with pytest.raises(KeyboardInterrupt):
        run_batch([pile], out, options)
    assert len(list((out / ".parts" / "stories").iterdir())) == 2
    monkeypatch.setattr(run_module, "run_chunks", real_run_chunks)
    summary = run_batch([pile], out, options)
    assert summary.resumed_blocks > 0
    articles = _read(out / "articles.jsonl")
    assert sorted(a["id"] for a in articles) == sorted(r["id"] for r in records)
    again = run_batch([pile], out, options)
    assert again.resumed_blocks == again.blocks and again.stories == 0
    assert len(_read(out / "articles.jsonl")) == len(records)
