"""Issue 19 item 5: heavy inputs finish in seconds or are refused at load.

Before: two 100,000-character texts without sentence punctuation took 80 s
to word-diff and 92 s to read (the diff had no budget; the change reader
searched each sentence's whole prefix for every name); a 1,000,000-character
pair took minutes to align. Now the diff is cut at shared anchors with a
counted budget, the reader looks back only over the marks before a name,
and what would still take too long is refused at load with a reason. The
full-size rows (time and peak memory at the limits) are in
``tests/benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

from support.hostile_files import unpunctuated_pair

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.compare.pairing import pair_rows
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import (
    MAX_TEXT_CHARS,
    documents_from_texts,
    load_article_set_lenient,
)
from newsdiff_gui.engine.load.set_limits import MAX_SET_CHARS, MAX_VERSIONS
from newsdiff_gui.engine.model import OpKind

# Generous for a loaded 2-core machine; the old code took 10 to 50 times longer.
SECONDS = 10.0


def _timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def test_word_diff_of_long_unrelated_passages_is_bounded() -> None:
    a, b = unpunctuated_pair(100_000, seed=1, change=0.2)
    ops, seconds = _timed(lambda: diff_words(a, b))
    assert seconds < SECONDS / 2, seconds  # was 80 s
    # Still a diff: the spans of each side rebuild its text from the first token on.
    rebuilt_a = "".join(a[op.a_start : op.a_end] for op in ops if op.kind != OpKind.INSERT)
    rebuilt_b = "".join(b[op.b_start : op.b_end] for op in ops if op.kind != OpKind.DELETE)
    assert rebuilt_a == a and rebuilt_b == b
    assert sum(op.kind == OpKind.EQUAL for op in ops) > 1000  # shared words still found


def test_small_diffs_are_exact_as_before() -> None:
    ops = diff_words("The mayor resigned on Monday.", "The mayor quit on Monday.")
    assert [op.kind for op in ops] == [OpKind.EQUAL, OpKind.REPLACE, OpKind.EQUAL]


def test_long_unpunctuated_pair_is_diffed_and_read_in_seconds() -> None:
    a, b = unpunctuated_pair(150_000, seed=2, change=0.3)
    article_set = documents_from_texts([("a.txt", a), ("b.txt", b)])
    alignment, align_s = _timed(lambda: align(article_set))
    rows, diff_s = _timed(lambda: pair_rows(alignment, *article_set.documents))
    changes, read_s = _timed(lambda: read_changes(alignment))
    assert align_s < SECONDS and diff_s < SECONDS and read_s < SECONDS, (align_s, diff_s, read_s)
    assert rows and changes


def test_a_text_over_the_limit_is_refused_with_its_length(tmp_path: Path) -> None:
    long = tmp_path / "dump.txt"
    long.write_text("word " * (MAX_TEXT_CHARS // 5 + 1), "utf-8")
    short = tmp_path / "a.txt"
    short.write_text("The council approved the plan on Monday.\n", "utf-8")
    report = load_article_set_lenient([short, long])
    (error,) = report.skipped
    assert error.reason.startswith("is too long (") and f"{MAX_TEXT_CHARS:,}" in error.reason


def test_a_set_stops_taking_versions_past_its_character_budget(tmp_path: Path) -> None:
    each = MAX_SET_CHARS // 3 + 1000
    paths = []
    for number in range(4):
        path = tmp_path / f"v{number}.txt"
        sentence = f"Version {number} says the council met. "
        path.write_text(sentence * (each // len(sentence) + 1), "utf-8")
        paths.append(path)
    report = load_article_set_lenient(paths)
    assert len(report.documents) == 2
    assert [Path(e.path).name for e in report.skipped] == ["v2.txt", "v3.txt"]
    assert all(f"up to {MAX_SET_CHARS:,} characters" in e.reason for e in report.skipped)


def test_a_folder_of_thousands_of_files_is_cut_at_the_version_limit(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    for number in range(MAX_VERSIONS + 40):
        (folder / f"{number:05d}.txt").write_text(
            f"Story {number}\n\nThe council met {number} times, officials said.\n", "utf-8"
        )
    report, seconds = _timed(lambda: load_article_set_lenient([folder]))
    assert len(report.documents) == MAX_VERSIONS
    assert len(report.skipped) == 40
    assert all(f"already holds {MAX_VERSIONS} versions" in e.reason for e in report.skipped)
    assert seconds < SECONDS
