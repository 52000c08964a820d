"""Issue 19 item 6: a malformed submission is refused with a reason, alone.

Each case takes a real submission for the bundled example exercise and
breaks one field's JSON type (or nests it 100,000 deep): reading it must
raise ``ExerciseError`` naming the problem, never a ``TypeError`` or a
``RecursionError``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.locations import DATA

from newsdiff_gui.engine.exercise import ExerciseError, load_exercise, read_submission
from newsdiff_gui.engine.exercise.store import example_exercise_path

SUBMISSIONS = DATA / "exercise"


@pytest.fixture(scope="module")
def exercise():
    return load_exercise(example_exercise_path())


def _broken(tmp_path: Path, field: str, value: object) -> Path:
    data = json.loads((SUBMISSIONS / "ben-partial.json").read_text("utf-8"))
    data["answers"][field] = value
    path = tmp_path / f"{field}.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("choices", ["A"], "'choices' must be an object, not list"),
        ("choices", "A", "'choices' must be an object, not str"),
        ("choices", {"4": ["A"]}, "is not an option of task 4"),
        ("choices", {"4": {"x": 1}}, "is not an option of task 4"),
        ("texts", 5, "'texts' must be an object, not int"),
        ("texts", {"6": 5}, "must be text"),
        ("marks", 7, "'marks' must be a list, not int"),
        ("marks", {"a": 1}, "'marks' must be a list, not dict"),
        ("marks", [5], "mark 1 must be an object"),
        ("choices", {"1" + "0" * 5000: "A"}, "is not a task number"),
    ],
)
def test_wrong_json_types_are_one_reason(exercise, tmp_path, field, value, reason) -> None:
    with pytest.raises(ExerciseError, match=reason):
        read_submission(exercise, _broken(tmp_path, field, value))


def test_a_submission_nested_100k_deep_is_refused(exercise, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    with pytest.raises(ExerciseError, match="nested too deeply"):
        read_submission(exercise, path)
