"""Reading a ``newsdiff batch`` result back: stories, articles, texts; bad folders in one line."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from support.batch_result import make_batch_result, pile

from newsdiff_gui.engine.batch import run as run_module
from newsdiff_gui.engine.batch.result import (
    BatchResultError,
    is_batch_result,
    read_batch_result,
    story_texts,
)
from newsdiff_gui.engine.batch.run import BatchOptions, run_batch
from newsdiff_gui.engine.batch.story_folders import STORIES_FOLDER, clear_story_folders
from newsdiff_gui.engine.batch.verify import GroupingConfig
from newsdiff_gui.engine.load.articles import load_article_set_lenient


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[dict]]]:
    """One result per format, made by the command on the same pile."""
    base = tmp_path_factory.mktemp("batch-result")
    return {fmt: make_batch_result(base, fmt) for fmt in ("jsonl", "parquet")}


def _expected_stories(records: list[dict]) -> dict[str, set[str]]:
    stories: dict[str, set[str]] = defaultdict(set)
    for record in records:
        stories[record["story"]].add(record["id"])
    return stories


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_the_stories_come_back_largest_first_with_their_articles(results, fmt: str) -> None:
    out, records = results[fmt]
    result = read_batch_result(out)
    assert result.format == fmt and not result.warnings
    assert result.articles == len(records) and result.skipped == 0
    found = {frozenset(a.id for a in s.articles) for s in result.stories}
    assert found == {frozenset(ids) for ids in _expected_stories(records).values()}
    assert [s.size for s in result.stories] == [4, 4, 4, 1, 1, 1]
    for story in result.stories[:3]:
        assert story.comparable and story.distinct_texts == 3  # the copy is one of them
        assert len(story.outlets) == 4 and "aggregator.example" in story.outlets
        assert story.median_churn is not None and 0.5 < story.median_churn <= 1.0
        assert story.title and story.links > 0
        assert {a.story for a in story.articles} == {story.id}
        assert all(a.path.startswith(str(out.parent / "pile.jsonl") + ":") for a in story.articles)
    for single in result.stories[3:]:
        assert not single.comparable and single.folder is None


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_every_article_text_is_kept_as_it_was_read(results, fmt: str) -> None:
    out, records = results[fmt]
    text_of = {r["id"]: r["text"] for r in records}
    for story in read_batch_result(out).stories[:3]:
        texts = dict(story_texts(story))
        assert set(texts) == {a.id for a in story.articles}
        assert all(texts[key] == text_of[key] for key in texts)


def test_both_formats_describe_the_same_day(results) -> None:
    def summary(out: Path) -> list[tuple]:
        stories = read_batch_result(out).stories
        return [(s.id, s.size, s.outlets, s.median_churn, s.original_share) for s in stories]

    assert summary(results["jsonl"][0]) == summary(results["parquet"][0])


def test_a_story_folder_is_an_article_set_with_the_tables_outlets(results) -> None:
    out, records = results["jsonl"]
    story = read_batch_result(out).stories[0]
    report = load_article_set_lenient([story.folder])
    assert not report.skipped and len(report.article_set) == 3
    outlets = [d.outlet for d in report.article_set.documents]
    publisher = {r["id"]: r.get("publisher", "") for r in records}
    manifest = json.loads((story.folder / "newsdiff.json").read_text(encoding="utf-8"))
    for entry, outlet in zip(manifest["documents"], outlets, strict=True):
        assert outlet.startswith(publisher[entry["id"]])
        for copy in entry["copies"]:  # the copy's outlet is named beside its first text
            assert f"also {publisher[copy]}" in outlet
    assert sum(len(e["copies"]) for e in manifest["documents"]) == 1


def test_is_batch_result(results, tmp_path: Path) -> None:
    assert is_batch_result(results["jsonl"][0]) and is_batch_result(results["parquet"][0])
    assert not is_batch_result(tmp_path) and not is_batch_result(tmp_path / "missing")
    assert not is_batch_result(results["jsonl"][0] / STORIES_FOLDER)


def _copy(results, fmt: str, tmp_path: Path) -> Path:
    target = tmp_path / f"copy-{fmt}"
    shutil.copytree(results[fmt][0], target)
    return target


def _reason(folder: Path) -> str:
    with pytest.raises(BatchResultError) as caught:
        read_batch_result(folder)
    reason = str(caught.value)
    assert "\n" not in reason and "Traceback" not in reason
    return reason


def test_bad_and_partial_folders_are_one_line(results, tmp_path: Path) -> None:
    assert "is not a folder" in _reason(tmp_path / "missing")
    assert "no batch result" in _reason(tmp_path)
    unfinished = tmp_path / "unfinished"
    (unfinished / ".parts" / "articles").mkdir(parents=True)
    assert "has not finished" in _reason(unfinished)

    no_articles = _copy(results, "jsonl", tmp_path)
    (no_articles / "articles.jsonl").unlink()
    assert "no articles.jsonl" in _reason(no_articles)

    broken_line = _copy(results, "jsonl", tmp_path / "b")
    with open(broken_line / "stories.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"id": "s1", "size": \n')
    assert "stories.jsonl line 7 is not JSON" in _reason(broken_line)

    no_column = _copy(results, "jsonl", tmp_path / "c")
    rows = (no_column / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    stripped = [{k: v for k, v in json.loads(r).items() if k != "size"} for r in rows]
    (no_column / "stories.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in stripped), encoding="utf-8"
    )
    assert "lacks the column size" in _reason(no_column)

    garbage = _copy(results, "parquet", tmp_path / "d")
    (garbage / "stories.parquet").write_bytes(b"PAR1 this is not a table")
    assert "not a readable Parquet table" in _reason(garbage)

    empty = _copy(results, "jsonl", tmp_path / "e")
    (empty / "stories.jsonl").write_text("", encoding="utf-8")
    assert "holds no story" in _reason(empty)


def test_a_result_without_texts_lists_its_stories_and_says_why_none_opens(
    results, tmp_path: Path
) -> None:
    older = _copy(results, "parquet", tmp_path)
    shutil.rmtree(older / STORIES_FOLDER)
    result = read_batch_result(older)
    assert [s.size for s in result.stories] == [4, 4, 4, 1, 1, 1]
    assert not any(s.comparable for s in result.stories) and result.without_texts == 3
    assert len(result.warnings) == 1 and "no folder of texts" in result.warnings[0]
    with pytest.raises(BatchResultError, match="has no folder of texts"):
        story_texts(result.stories[0])


def test_clearing_removes_only_story_folders(results, tmp_path: Path) -> None:
    out = _copy(results, "jsonl", tmp_path)
    mine = out / STORIES_FOLDER / "my-notes"
    mine.mkdir()
    clear_story_folders(out)
    assert [p.name for p in (out / STORIES_FOLDER).iterdir()] == ["my-notes"]
    mine.rmdir()
    clear_story_folders(out)
    assert not (out / STORIES_FOLDER).exists()


def test_a_written_chunk_has_its_story_folders_before_its_stories_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, records = pile(tmp_path)
    out = tmp_path / "out"
    options = BatchOptions(
        format="jsonl", workers=1, chunk_articles=4, grouping=GroupingConfig(max_block=5)
    )
    real_run_chunks = run_module.run_chunks

    def stop_after_two_chunks(chunks, scheduler, on_result, workers=None):  # type: ignore[no-untyped-def]
        def handler(number: int, rows) -> None:  # type: ignore[no-untyped-def]
            if number == 2:
                raise KeyboardInterrupt
            on_result(number, rows)

        real_run_chunks(chunks, scheduler, handler, workers)

    monkeypatch.setattr(run_module, "run_chunks", stop_after_two_chunks)
    with pytest.raises(KeyboardInterrupt):
        run_batch([path], out, options)
    written = [
        json.loads(line)
        for part in sorted((out / ".parts" / "stories").iterdir())
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert any(story["size"] > 1 for story in written)
    for story in written:
        has_folder = (out / STORIES_FOLDER / story["id"] / "newsdiff.json").is_file()
        assert has_folder == (story["size"] > 1)
    monkeypatch.setattr(run_module, "run_chunks", real_run_chunks)
    run_batch([path], out, options)  # resumed: every story of two or more gets its texts
    result = read_batch_result(out)
    assert not result.warnings and result.articles == len(records)
    assert sum(1 for s in result.stories if s.comparable) == 3
