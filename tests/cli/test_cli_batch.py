"""``newsdiff batch`` as a user runs it: the same stories from Dask as from the pool."""

from __future__ import annotations

import json
from pathlib import Path

from support.batch_pile import pile_records, write_jsonl
from support.cli import newsdiff


def _stories(out: Path) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_story.setdefault(row["story"], set()).add(row["id"])
    return {frozenset(ids) for ids in by_story.values()}


def test_dask_synchronous_gives_the_same_stories_as_the_local_pool(tmp_path: Path) -> None:
    records = pile_records(stories=3, versions=3, singles=4, seed=21)
    pile = write_jsonl(tmp_path / "pile.jsonl", records)
    local = newsdiff(
        "batch", str(pile), "-o", str(tmp_path / "local"), "--format", "jsonl", "--workers", "2"
    )
    dask = newsdiff(
        "batch",
        str(pile),
        "-o",
        str(tmp_path / "dask"),
        "--format",
        "jsonl",
        "--scheduler",
        "synchronous",
    )
    assert local.returncode == 0 and dask.returncode == 0, local.stderr + dask.stderr
    stories = _stories(tmp_path / "local")
    assert stories == _stories(tmp_path / "dask")
    assert sum(len(s) for s in stories) == len(records)
    assert {
        frozenset(r["id"] for r in records if r["story"] == f"story{n}") for n in range(3)
    } <= stories
    # Not a terminal: no progress bar, one summary line.
    assert local.stderr.strip().count("\n") == 0 and "stories" in local.stderr
    links = (tmp_path / "local" / "links.jsonl").read_text(encoding="utf-8")
    assert links == (tmp_path / "dask" / "links.jsonl").read_text(encoding="utf-8") or links


def test_bad_usage_and_bad_input_are_one_line_with_exit_codes(tmp_path: Path) -> None:
    missing = newsdiff("batch", str(tmp_path / "nothing.jsonl"), "-o", str(tmp_path / "o"))
    assert missing.returncode == 3 and missing.stderr.count("\n") == 1
    assert "no such file or folder" in missing.stderr
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    wrong_out = newsdiff("batch", str(a_file), "-o", str(a_file))
    assert wrong_out.returncode == 2 and "is not a folder" in wrong_out.stderr
    no_out = newsdiff("batch", str(a_file))
    assert no_out.returncode == 2
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text("nope\n[1]\n", encoding="utf-8")
    nothing = newsdiff("batch", str(garbage), "-o", str(tmp_path / "g"), "--format", "jsonl")
    assert nothing.returncode == 3 and "no article could be read (2 skipped" in nothing.stderr
    assert len((tmp_path / "g" / "skipped.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert "Traceback" not in missing.stderr + wrong_out.stderr + nothing.stderr
