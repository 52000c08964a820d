"""Submissions and saved progress: a student's name and answers, as JSON.

A submission (``SUBMISSION_SCHEMA``) holds the exercise id, the student's
name, the time, the answers and the score the student saw. The teacher's
``check`` never trusts that score: it scores the answers again with the
teacher's key. Every mark carries its text, so a submission edited by hand
or made for other articles is refused with a message, not scored.

``hand_in`` writes ``NAME.json`` and a readable ``NAME.html`` copy beside it
(every student text and article quote escaped; instructions through
``render_note_html``, raw HTML off). Progress lives under the user data dir
(``data_dir()/exercises/<exercise id>.json``), written atomically after
every change, so a crash loses at most the last mark.

Public API: ``SUBMISSION_SCHEMA``, ``PROGRESS_SCHEMA``, ``Submission``,
``answers_to_dict``, ``answers_from_dict``, ``hand_in``, ``read_submission``,
``ProgressStore``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..store.storage import StoreWarning, data_dir, read_json, write_json
from .check import CheckResult, check
from .model import Answers, Exercise, ExerciseError, Mark, TaskKind
from .report import submission_html

SUBMISSION_SCHEMA = "newsdiff-exercise-submission/1"
PROGRESS_SCHEMA = "newsdiff-exercise-progress/1"
MAX_SUBMISSION_BYTES = 8 * 1024 * 1024
MAX_TEXT_ANSWER = 20_000  # characters of one free-text answer


@dataclass(frozen=True)
class Submission:
    student: str
    answers: Answers
    exercise_id: str
    submitted: str = ""
    claimed_score: float | None = None  # what the student's copy showed; informative


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    return {
        "marks": [
            {"article": m.article, "kind": m.kind, "start": m.start, "end": m.end, "text": m.text}
            for m in answers.marks
        ],
        "choices": {str(n): v for n, v in sorted(answers.choices.items())},
        "texts": {str(n): v for n, v in sorted(answers.texts.items())},
    }


def _task_number(exercise: Exercise, raw: object, where: str) -> int:
    try:
        number = int(str(raw))
    except ValueError:
        raise ExerciseError(f"{where}: {str(raw)[:20]!r} is not a task number") from None
    if not 1 <= number <= len(exercise.tasks):
        raise ExerciseError(f"{where}: there is no task {number}")
    return number


def _of_type(data: dict[str, Any], field: str, kind: type, called: str, where: str) -> Any:
    """``data[field]`` when it has the JSON type answers need (missing or null:
    empty); else an ``ExerciseError`` naming the field."""
    value = data.get(field)
    if value is None:
        return kind()
    if not isinstance(value, kind):
        raise ExerciseError(f"{where}: {field!r} must be {called}, not {type(value).__name__}")
    return value


def answers_from_dict(exercise: Exercise, data: object, where: str = "answers") -> Answers:
    """Validate answers against the exercise; ``ExerciseError`` names the bad entry."""
    if not isinstance(data, dict):
        raise ExerciseError(f"{where} must be an object")
    raw_marks = _of_type(data, "marks", list, "a list", where)
    raw_choices = _of_type(data, "choices", dict, "an object", where)
    raw_texts = _of_type(data, "texts", dict, "an object", where)
    marks = []
    for n, raw in enumerate(raw_marks, start=1):
        if not isinstance(raw, dict):
            raise ExerciseError(f"{where}: mark {n} must be an object")
        article_id = raw.get("article")
        try:
            document = exercise.article(str(article_id)).document
        except KeyError:
            raise ExerciseError(
                f"{where}: mark {n} names article {article_id!r}, not in the exercise"
            ) from None
        start, end = raw.get("start"), raw.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            raise ExerciseError(f"{where}: mark {n} needs whole-number start and end")
        if not 0 <= start < end <= len(document.text):
            raise ExerciseError(f"{where}: mark {n} lies outside article {article_id}")
        if raw.get("text") != document.text[start:end]:
            raise ExerciseError(
                f"{where}: mark {n} does not match the text of article {article_id} "
                "(edited by hand, or made for other articles)"
            )
        try:
            marks.append(Mark(str(article_id), str(raw.get("kind")), start, end, raw["text"]))
        except ValueError as error:
            raise ExerciseError(f"{where}: mark {n}: {error}") from None
    choices, texts = {}, {}
    for raw_number, value in raw_choices.items():
        number = _task_number(exercise, raw_number, f"{where} choices")
        task = exercise.task(number)
        if (
            task.kind != TaskKind.CHOICE
            or not isinstance(value, str)
            or value not in {o.value for o in task.options}
        ):
            raise ExerciseError(f"{where}: {value!r} is not an option of task {number}")
        choices[number] = str(value)
    for raw_number, value in raw_texts.items():
        number = _task_number(exercise, raw_number, f"{where} texts")
        if not isinstance(value, str) or len(value) > MAX_TEXT_ANSWER:
            raise ExerciseError(
                f"{where}: the answer to task {number} must be text (at most "
                f"{MAX_TEXT_ANSWER:,} characters)"
            )
        texts[number] = value
    return Answers(tuple(marks), choices, texts)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def submission_dict(exercise: Exercise, student: str, answers: Answers) -> dict[str, Any]:
    result = check(exercise, answers) if exercise.key is not None else None
    return {
        "schema": SUBMISSION_SCHEMA,
        "exercise": exercise.exercise_id,
        "title": exercise.title,
        "student": student,
        "submitted": _now(),
        "answers": answers_to_dict(answers),
        "score": _score_dict(result),
    }


def _score_dict(result: CheckResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "total": round(result.score, 4),
        "earned": round(result.earned, 4),
        "points": result.points,
        "tasks": {
            str(t.task.number): None if t.score is None else round(t.score, 4) for t in result.tasks
        },
    }


def hand_in(
    exercise: Exercise, student: str, answers: Answers, path: str | os.PathLike[str]
) -> tuple[Path, Path]:
    """Write the submission JSON to ``path`` and its HTML copy beside it; both atomic."""
    from ..store.atomic import write_text_atomic

    if not student.strip():
        raise ExerciseError("write your name before handing in")
    target = Path(path)
    if target.suffix.lower() != ".json":
        target = target.with_name(target.name + ".json")
    data = submission_dict(exercise, student.strip(), answers)
    write_json(target, data)
    result = check(exercise, answers) if exercise.key is not None else None
    page = target.with_suffix(".html")
    write_text_atomic(
        page, submission_html(exercise, student.strip(), answers, result, data["submitted"])
    )
    return target, page


def read_submission(exercise: Exercise, path: str | os.PathLike[str]) -> Submission:
    """Read and validate a submission file for ``exercise``."""
    location = Path(path)
    name = location.name
    try:
        if location.stat().st_size > MAX_SUBMISSION_BYTES:
            raise ExerciseError(f"{name} is too large for a submission")
        data = json.loads(location.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ExerciseError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise ExerciseError(f"{name} is a folder, not a submission file") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExerciseError(f"{name} is not a JSON submission file") from None
    except RecursionError:
        raise ExerciseError(f"{name} is nested too deeply to be a submission file") from None
    except OSError as error:
        raise ExerciseError(f"{name} could not be read ({error.strerror})") from None
    if not isinstance(data, dict) or data.get("schema") != SUBMISSION_SCHEMA:
        raise ExerciseError(f"{name} is not a newsdiff submission ({SUBMISSION_SCHEMA})")
    if data.get("exercise") != exercise.exercise_id:
        raise ExerciseError(f"{name} was made for another exercise (or another version of it)")
    student = data.get("student")
    if not isinstance(student, str) or not student.strip():
        raise ExerciseError(f"{name} has no student name")
    answers = answers_from_dict(exercise, data.get("answers"), name)
    score = data.get("score")
    claimed = score.get("total") if isinstance(score, dict) else None
    return Submission(
        student.strip(),
        answers,
        exercise.exercise_id,
        str(data.get("submitted", "")),
        claimed if isinstance(claimed, (int, float)) else None,
    )


class ProgressStore:
    """A student's work in progress on one exercise, kept between sessions.

    A file that cannot be read is set aside as ``.bak`` (``warnings`` says so);
    answers that no longer fit the exercise are dropped with a warning.
    """

    def __init__(self, exercise: Exercise, base: str | os.PathLike[str] | None = None) -> None:
        self.exercise = exercise
        self.path = data_dir(base) / "exercises" / f"{exercise.exercise_id}.json"
        self.warnings: list[StoreWarning] = []

    def load(self) -> tuple[str, Answers]:
        data, warning = read_json(self.path, PROGRESS_SCHEMA)
        if warning is not None:
            self.warnings.append(warning)
        if data is None:
            return "", Answers()
        try:
            answers = answers_from_dict(self.exercise, data.get("answers"), self.path.name)
        except ExerciseError as error:
            self.warnings.append(StoreWarning(f"saved work could not be used: {error}"))
            return str(data.get("student", "")), Answers()
        return str(data.get("student", "")), answers

    def save(self, student: str, answers: Answers) -> None:
        write_json(
            self.path,
            {
                "schema": PROGRESS_SCHEMA,
                "exercise": self.exercise.exercise_id,
                "title": self.exercise.title,
                "student": student,
                "saved": _now(),
                "answers": answers_to_dict(answers),
            },
        )
