"""Issue 19 item 8 through the library API: input faults are input errors.

The command-line cases (exit codes, one line) are in ``tests/cli/test_cli_hostile.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.exercise import ExerciseError
from newsdiff_gui.engine.exercise.markdown_format import parse_exercise_md
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set_lenient


def test_lone_surrogates_through_the_api_align_and_read() -> None:
    article_set = documents_from_texts(
        [
            ("a", "Storm \udcff closes ports\n\nA storm closed three ports on Friday.\n"),
            ("b", "Storm \ud800 shuts ports\n\nA storm shut three ports on Friday.\n"),
        ]
    )
    alignment = align(article_set)
    assert alignment.units
    read_changes(alignment)


def test_a_quotation_of_only_emoji_does_not_divide_by_zero() -> None:
    article_set = documents_from_texts(
        [
            ("a", "Fans cheer\n\n“😀 😁 🎉 😀 😁 🎉” the fans wrote on Friday, officials said.\n"),
            ("b", "Fans cheer\n\n“🎉 🎉 ★ ★ 😀 😀” the fans wrote on Friday, officials said.\n"),
        ]
    )
    read_changes(align(article_set))


def test_a_deep_manifest_is_skipped_with_a_reason(tmp_path: Path) -> None:
    manifest = tmp_path / "newsdiff.json"
    manifest.write_text('{"documents":' + "[" * 50_000 + "]" * 50_000 + "}", "utf-8")
    report = load_article_set_lenient([tmp_path])
    assert report.skipped_pairs == [
        (str(manifest), "this manifest is nested too deeply to be a list of files")
    ]


def test_a_huge_task_number_is_an_exercise_error() -> None:
    markdown = (
        "---\ntitle: T\narticle: A | a.txt | A\narticle: B | b.txt | B\n---\n\n## Task 1"
        + "0" * 5000
        + ": x\n"
    )
    with pytest.raises(ExerciseError, match="is too large"):
        parse_exercise_md(markdown)
