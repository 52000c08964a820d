"""Classroom exercises: a teacher builds one from a set, students mark what
changed, the engine checks and explains. Pure Python, no Qt.

An exercise is a folder (or a .zip of one) with the article files, an
``exercise.md`` (front-matter header and numbered tasks, ``markdown_format``)
and, in the teacher's copy, ``key.json`` (``store``). The key is generated
from the alignment, the typed changes and the profiles (``key``), scored with
partial credit by character overlap (``check``); students hand in JSON with a
readable HTML copy (``submission``, ``report``).

Public API (re-exported here): ``load_exercise``, ``save_exercise``,
``save_exercise_zip``, ``make_exercise``, ``make_task``, ``generate_key``,
``check``, ``hand_in``, ``read_submission``, ``ProgressStore``, and the
records in ``model``.
"""

from .check import CheckResult, ItemResult, TaskResult, check
from .key import exercise_alignment, generate_key, with_item, without_item
from .make import make_exercise, make_task, suggest_tasks
from .model import (
    MARK_KINDS,
    MARK_LABELS,
    Answers,
    Article,
    Exercise,
    ExerciseError,
    KeyItem,
    Mark,
    Option,
    Task,
    TaskKey,
    TaskKind,
)
from .store import example_exercise_path, load_exercise, save_exercise, save_exercise_zip
from .submission import ProgressStore, Submission, hand_in, read_submission

__all__ = [
    "MARK_KINDS",
    "MARK_LABELS",
    "Answers",
    "Article",
    "CheckResult",
    "Exercise",
    "ExerciseError",
    "ItemResult",
    "KeyItem",
    "Mark",
    "Option",
    "ProgressStore",
    "Submission",
    "Task",
    "TaskKey",
    "TaskKind",
    "TaskResult",
    "check",
    "example_exercise_path",
    "exercise_alignment",
    "generate_key",
    "hand_in",
    "load_exercise",
    "make_exercise",
    "make_task",
    "read_submission",
    "save_exercise",
    "save_exercise_zip",
    "suggest_tasks",
    "with_item",
    "without_item",
]
