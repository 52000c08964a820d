"""The exercise format: exercise.md and key.json round-trip; malformed or
tampered exercises give one clear ``ExerciseError``, never a crash."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from support.exercises import BRIDGE, EDITED, _exercise

from newsdiff_gui.engine.exercise import (
    ExerciseError,
    TaskKind,
    example_exercise_path,
    load_exercise,
    save_exercise,
    save_exercise_zip,
)
from newsdiff_gui.engine.exercise.markdown_format import format_exercise_md, parse_exercise_md
from newsdiff_gui.engine.exercise.report import task_html
from newsdiff_gui.engine.exercise.store import key_to_dict

HEADER = """---
title: Bridge
hide_highlights: false
article: A | a.txt | Herald
article: B | b.txt | Rewrite
---
"""
TASK = """
## Task 1: Numbers

```task
kind: mark
mark: number
version: B
against: A
```

Mark the changed numbers.
"""


def _folder(tmp_path: Path, md: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EDITED, encoding="utf-8")
    (tmp_path / "exercise.md").write_text(md, encoding="utf-8")
    return tmp_path


def test_folder_round_trip_keeps_tasks_names_and_key(tmp_path: Path) -> None:
    exercise = _exercise()
    save_exercise(exercise, tmp_path / "ex")
    back = load_exercise(tmp_path / "ex")
    assert back.tasks == exercise.tasks
    assert [(a.id, a.file, a.name) for a in back.articles] == [
        (a.id, a.file, a.name) for a in exercise.articles
    ]
    assert [a.document.text for a in back.articles] == [BRIDGE, EDITED]
    assert back.key == exercise.key
    assert back.exercise_id == exercise.exercise_id
    assert format_exercise_md(back) == format_exercise_md(exercise)


def test_zip_round_trip_and_copy_without_key(tmp_path: Path) -> None:
    exercise = _exercise()
    save_exercise_zip(exercise, tmp_path / "ex.zip")
    assert load_exercise(tmp_path / "ex.zip").key == exercise.key
    save_exercise_zip(exercise, tmp_path / "student.zip", include_key=False)
    student = load_exercise(tmp_path / "student.zip")
    assert student.key is None
    assert student.exercise_id == exercise.exercise_id


def test_zip_of_a_folder_is_read_too(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "bridge", HEADER + TASK)
    with zipfile.ZipFile(tmp_path / "bridge.zip", "w") as archive:
        for path in folder.iterdir():
            archive.write(path, f"bridge/{path.name}")
    exercise = load_exercise(tmp_path / "bridge.zip")
    assert exercise.title == "Bridge" and exercise.hide_highlights is False


def test_parse_reads_header_tasks_and_body(tmp_path: Path) -> None:
    parsed = parse_exercise_md(HEADER + "Intro *text*.\n" + TASK)
    assert parsed.articles == (("A", "a.txt", "Herald"), ("B", "b.txt", "Rewrite"))
    assert parsed.intro == "Intro *text*."
    (task,) = parsed.tasks
    assert (task.kind, task.mark, task.version, task.against) == (TaskKind.MARK, "number", "B", "A")
    assert task.body == "Mark the changed numbers."  # the ```task block is not shown


@pytest.mark.parametrize(
    ("md", "message"),
    [
        ("title: x\n", "must start with a '---'"),
        ("---\ntitle: x\n", "no closing '---'"),
        (HEADER.replace("hide_highlights: false", "hide_highlight: no") + TASK, "unknown field"),
        (HEADER.replace("false", "maybe") + TASK, "true or false"),
        (HEADER.replace("article: B | b.txt | Rewrite\n", "") + TASK, "two or more"),
        (HEADER.replace("| Rewrite", "") + TASK, "ID | FILE | NAME"),
        (HEADER.replace("title: Bridge\n", "") + TASK, "needs a 'title:'"),
        (HEADER, "has no tasks"),
        (HEADER + TASK.replace("version: B", "version: Z"), "names article 'Z'"),
        (HEADER + TASK.replace("mark: number", "mark: spin"), "not one of"),
        (HEADER + TASK.replace("kind: mark", "kind: essay"), "kind: mark"),
        (HEADER + TASK.replace("Task 1", "Task 2"), "task 2 found where task 1"),
        (HEADER + TASK.replace("```task", "```"), "no ```task block"),
        (HEADER + TASK.replace("```\n\nMark", "\nMark"), "not closed"),
        (HEADER + TASK.replace("against: A", "against: B"), "same article"),
        (HEADER + TASK.replace("```\n\n", "points: lots\n```\n\n"), "points must be a number"),
        (HEADER + "## Task one\n", "write '## Task N: title'"),
    ],
)
def test_malformed_exercise_md_names_the_problem(tmp_path: Path, md: str, message: str) -> None:
    with pytest.raises(ExerciseError, match=message):
        load_exercise(_folder(tmp_path, md))


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("../a.txt", "outside the exercise"),
        ("/etc/passwd", "not a plain relative path"),
        ("c:\\a.txt", "not a plain relative path"),
        ("missing.txt", "missing from the exercise"),
    ],
)
def test_article_paths_stay_inside_the_folder(tmp_path: Path, file: str, message: str) -> None:
    folder = _folder(tmp_path, HEADER.replace("a.txt |", f"{file} |") + TASK)
    with pytest.raises(ExerciseError, match=message):
        load_exercise(folder)


def test_a_symlink_leading_out_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(BRIDGE, encoding="utf-8")
    folder = _folder(tmp_path / "ex", HEADER + TASK)
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to(outside)
    with pytest.raises(ExerciseError, match="outside the exercise folder"):
        load_exercise(folder)


def test_zip_with_an_escaping_member_is_refused_whole(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as archive:
        archive.writestr("exercise.md", HEADER + TASK)
        archive.writestr("a.txt", BRIDGE)
        archive.writestr("b.txt", EDITED)
        archive.writestr("../../evil.txt", "x")
    with pytest.raises(ExerciseError, match="outside the exercise folder"):
        load_exercise(tmp_path / "bad.zip")


def test_huge_and_broken_files_are_refused(tmp_path: Path, monkeypatch) -> None:
    from newsdiff_gui.engine.exercise import store

    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExerciseError):
        load_exercise(tmp_path / "junk.zip")
    folder = _folder(tmp_path / "ex", HEADER + TASK)
    monkeypatch.setattr(store, "MAX_MD_BYTES", 100)
    with pytest.raises(ExerciseError, match="too large"):
        load_exercise(folder)
    monkeypatch.setattr(store, "MAX_MD_BYTES", 1 << 20)
    (folder / "exercise.md").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ExerciseError, match="not UTF-8"):
        load_exercise(folder)
    with pytest.raises(ExerciseError, match="does not exist"):
        load_exercise(tmp_path / "nowhere")


def _saved(tmp_path: Path) -> tuple[Path, dict]:
    save_exercise(_exercise(), tmp_path / "ex")
    return tmp_path / "ex", json.loads((tmp_path / "ex" / "key.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda k: k["tasks"][0]["items"][0].update(end=10**6), "outside article"),
        (lambda k: k["tasks"][0]["items"][0].update(text="forty"), "does not match the text"),
        (lambda k: k["tasks"][0]["items"][0].update(start="0"), "whole number"),
        (lambda k: k.update(exercise="0" * 16), "another exercise"),
        (lambda k: k.update(schema="other/1"), "is not a newsdiff-exercise-key/1"),
        (lambda k: k["tasks"].append({"task": 99}), "no task 99"),
        (lambda k: k["tasks"][3].update(answer="Q"), "not one of its options"),
    ],
)
def test_tampered_key_is_refused(tmp_path: Path, tamper, message: str) -> None:
    folder, key = _saved(tmp_path)
    tamper(key)
    (folder / "key.json").write_text(json.dumps(key), encoding="utf-8")
    with pytest.raises(ExerciseError, match=message):
        load_exercise(folder)


def test_edited_article_no_longer_fits_the_key(tmp_path: Path) -> None:
    folder, _ = _saved(tmp_path)
    (folder / "b.txt").write_text(EDITED.replace("46", "48"), encoding="utf-8")
    with pytest.raises(ExerciseError, match="another exercise"):
        load_exercise(folder)
    (folder / "key.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ExerciseError, match="not valid JSON"):
        load_exercise(folder)


def test_markdown_with_script_renders_as_text() -> None:
    exercise = _exercise()
    task = replace(exercise.tasks[0], body="<script>alert(1)</script> **bold**")
    page = task_html(exercise, task)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "<strong>bold</strong>" in page


def test_bundled_example_loads_with_a_key_that_fits_its_articles() -> None:
    exercise = load_exercise(example_exercise_path())
    assert exercise.hide_highlights
    assert len(exercise.articles) == 4 and len(exercise.tasks) == 6
    assert exercise.key is not None
    for task in exercise.tasks:
        if task.kind == TaskKind.MARK:
            assert exercise.key[task.number].items, task.title
    assert exercise.key[5].answer == "A"
    assert key_to_dict(exercise)["exercise"] == exercise.exercise_id


def test_a_corrupt_zip_member_is_an_error_not_a_crash(tmp_path: Path) -> None:
    exercise = _exercise()
    save_exercise_zip(exercise, tmp_path / "ex.zip")
    data = bytearray((tmp_path / "ex.zip").read_bytes())
    marker = data.find(b"exercise.md") + len("exercise.md")  # first local header's name
    data[marker + 5 : marker + 40] = b"\x00" * 35  # damage the compressed stream
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    with pytest.raises(ExerciseError):
        load_exercise(tmp_path / "bad.zip")
