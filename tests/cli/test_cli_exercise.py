"""``newsdiff exercise check|make|key`` from the command line.

tests/data/exercise/ holds three made-up submissions for the bundled example
exercise: one perfect, one partial, one empty.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from support.cli import ROOT, newsdiff

from newsdiff_gui.engine.exercise import example_exercise_path, load_exercise
from newsdiff_gui.paths import seeds_dir

SUBMISSIONS = ROOT / "tests" / "data" / "exercise"
EXAMPLE = str(example_exercise_path())


def _files(*names: str) -> list[str]:
    return [str(SUBMISSIONS / f"{name}.json") for name in names]


def test_three_submissions_score_100_partial_and_0(tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    done = newsdiff(
        "exercise", "check", EXAMPLE, *_files("ada-perfect", "ben-partial", "cy-empty"),
        "--csv", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = {line.split("  ")[0].strip(): line for line in done.stdout.splitlines()[2:]}
    assert rows["Ada Perfect"].split()[2] == "100%"
    assert rows["Ben Partial"].split()[2] == "43%"
    assert rows["Cy Empty"].split()[2] == "0%"
    table = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    totals = {r["student"]: float(r["total"]) for r in table}
    assert totals["Ada Perfect"] == 1.0
    assert 0.0 < totals["Ben Partial"] < 1.0
    assert totals["Cy Empty"] == 0.0
    partial = next(r for r in table if r["student"] == "Ben Partial")
    assert partial["task 3"] == "0.0000" and partial["task 6"] == ""  # free text: not graded
    # Task 1: one item whole, one half, one missed, nothing stray: F1 of 0.5 and 1.
    assert float(partial["task 1"]) == pytest.approx(2 * 0.5 / 1.5, abs=1e-4)


def test_details_say_what_was_missed_and_why() -> None:
    done = newsdiff("exercise", "check", EXAMPLE, *_files("ben-partial"), "--details")
    assert done.returncode == 0, done.stderr
    assert "Missed: “Mr Maduro waved to supporters" in done.stdout
    assert "Quote altered inside its quotation marks." in done.stdout
    assert "Not in the key: “The Pentagon referred inquiries”" in done.stdout


def test_the_claimed_score_is_ignored(tmp_path: Path) -> None:
    data = json.loads((SUBMISSIONS / "cy-empty.json").read_text("utf-8"))
    data["score"] = {"total": 1.0}
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data), encoding="utf-8")
    done = newsdiff("exercise", "check", EXAMPLE, str(forged))
    assert done.returncode == 0
    assert done.stdout.splitlines()[2].split()[2] == "0%"


def test_a_bad_submission_gets_a_row_and_exit_3(tmp_path: Path) -> None:
    data = json.loads((SUBMISSIONS / "ada-perfect.json").read_text("utf-8"))
    data["answers"]["marks"][0]["text"] = "something else"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    done = newsdiff("exercise", "check", EXAMPLE, *_files("ada-perfect"), str(bad))
    assert done.returncode == 3
    assert "bad.json: not checked:" in done.stdout and "does not match the text" in done.stdout
    assert "Ada Perfect" in done.stdout
    assert "Traceback" not in done.stderr


def test_bad_exercise_and_usage_errors() -> None:
    done = newsdiff("exercise", "check", str(SUBMISSIONS), *_files("cy-empty"))
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "has no exercise.md" in done.stderr
    assert newsdiff("exercise").returncode == 2
    assert newsdiff("exercise", "check", EXAMPLE).returncode == 2  # no submissions


def test_make_then_key_then_check(tmp_path: Path) -> None:
    seeds = sorted(seeds_dir().glob("*.txt"))[:3]
    done = newsdiff(
        "exercise", "make", *map(str, seeds), "-o", str(tmp_path / "ex"),
        "--title", "Three versions", "--name", "Wire", "--name", "Realist", "--name", "Daily",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    exercise = load_exercise(tmp_path / "ex")
    assert [a.name for a in exercise.articles] == ["Wire", "Realist", "Daily"]
    assert exercise.key and len(exercise.tasks) == 5
    (tmp_path / "ex" / "key.json").unlink()
    assert newsdiff("exercise", "check", str(tmp_path / "ex"), *_files("cy-empty")).returncode == 3
    done = newsdiff("exercise", "key", str(tmp_path / "ex"))
    assert done.returncode == 0, done.stderr
    assert load_exercise(tmp_path / "ex").key == exercise.key
    names = newsdiff("exercise", "make", *map(str, seeds), "-o", str(tmp_path / "x"), "--name", "A")
    assert names.returncode == 2 and "one --name per version" in names.stderr


def test_key_leaves_a_hand_written_exercise_md_alone(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "ex")
    for seed in seeds_dir().glob("00[0-3]_*.txt"):  # the bundled example reads them from the seeds
        shutil.copy(seed, tmp_path / "ex")
    before = (tmp_path / "ex" / "exercise.md").read_bytes()
    (tmp_path / "ex" / "key.json").unlink()
    assert newsdiff("exercise", "key", str(tmp_path / "ex")).returncode == 0
    assert (tmp_path / "ex" / "exercise.md").read_bytes() == before
    assert load_exercise(tmp_path / "ex").key
