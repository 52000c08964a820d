"""Reading a pile: JSON Lines, Parquet, article files and folders; bad records skipped."""

from __future__ import annotations

import json
from pathlib import Path

from newsdiff_gui.engine.batch.inputs import read_pile
from newsdiff_gui.engine.batch.records import Article, Skipped


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_become_articles_and_bad_lines_are_skipped_with_reasons(
    tmp_path: Path,
) -> None:
    pile = _write(
        tmp_path / "day.jsonl",
        [
            json.dumps({"id": "a1", "text": "First article text.", "publisher": "x.example"}),
            "{not json",
            json.dumps({"id": "a2"}),
            json.dumps({"id": "a3", "text": "   "}),
            json.dumps({"id": "a4", "text": 42}),
            json.dumps(["a list"]),
            json.dumps({"id": "a1", "text": "Same id again."}),
            "",
            json.dumps({"text": "No id here.", "outlet": "y.example", "scrape_time": "2018-07-15"}),
        ],
    )
    items = list(read_pile([pile]))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = {i.source.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, Skipped)}
    assert [a.key for a in articles] == ["a1", f"{pile}:9"]
    assert articles[0].publisher == "x.example"
    assert (articles[1].publisher, articles[1].date) == ("y.example", "2018-07-15")
    assert skipped["2"].startswith("not a JSON object")
    assert skipped["3"] == "no text field"
    assert skipped["4"] == "empty text"
    assert skipped["5"].startswith("text is not a string")
    assert skipped["6"] == "not a JSON object"
    assert skipped["7"].startswith("id given twice")


def test_parquet_table_with_the_same_columns(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "day.parquet"
    table = pa.table({"id": ["p1", "p2"], "text": ["One story.", ""], "publisher": ["a", "b"]})
    pq.write_table(table, path)
    items = list(read_pile([path]))
    assert isinstance(items[0], Article) and items[0].key == "p1" and items[0].publisher == "a"
    assert isinstance(items[1], Skipped) and items[1].reason == "empty text"


def test_folders_are_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Alpha story sentence one.\n", encoding="utf-8")
    _write(tmp_path / "b" / "more.jsonl", [json.dumps({"id": "j1", "text": "From a table."})])
    (tmp_path / "b" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    items = list(read_pile([tmp_path]))
    keys = [i.key for i in items]
    assert keys == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "empty.txt"), "j1"]
    assert isinstance(items[1], Skipped) and "empty" in items[1].reason


def test_missing_input_is_skipped_not_raised(tmp_path: Path) -> None:
    (item,) = list(read_pile([tmp_path / "nowhere.jsonl"]))
    assert isinstance(item, Skipped) and item.reason == "no such file or folder"
