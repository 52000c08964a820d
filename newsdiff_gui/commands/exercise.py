"""``newsdiff exercise check|make|key``: classroom exercises from the command line.

* ``check EXERCISE SUBMISSIONS... [--csv OUT] [--details]`` scores each
  submission with the exercise's own key (never the score the student's copy
  claimed) and prints one row per student, one column per task. A submission
  that cannot be used (not JSON, another exercise, marks that do not match the
  text) gets a row saying why; the exit code is then 3.
* ``make FILES -o DIR [--title T] [--name NAME]... [--no-key] [--zip]`` makes
  an exercise from article files with suggested tasks and a generated key.
* ``key EXERCISE`` writes ``key.json`` for a hand-written ``exercise.md``.

Exit codes as everywhere: 0 ok, 2 usage, 3 bad input, one-line messages.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import replace
from pathlib import Path

from ..engine.exercise import (
    Exercise,
    ExerciseError,
    check,
    generate_key,
    load_exercise,
    make_exercise,
    read_submission,
    save_exercise,
    save_exercise_zip,
)
from ..engine.exercise.check import CheckResult
from ..engine.exercise.store import EXERCISE_FILE, KEY_FILE, key_to_dict
from ..engine.report.spreadsheet_safe import safe_row
from ..engine.store.storage import write_json
from .common import EXIT_INPUT, EXIT_USAGE, CommandError, fail, load_inputs, write_output
from .terminal_text import for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="check|make|key")
    checking = actions.add_parser("check", help="score submissions with the exercise's key")
    checking.add_argument("exercise", metavar="EXERCISE", help="exercise folder or .zip")
    checking.add_argument("submissions", nargs="+", metavar="SUBMISSIONS")
    checking.add_argument("--csv", metavar="OUT", help="also write the scores as CSV")
    checking.add_argument(
        "--details", action="store_true", help="what each student missed, and why"
    )
    making = actions.add_parser("make", help="make an exercise from article files")
    making.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    making.add_argument("-o", "--output", required=True, metavar="DIR", help="folder or .zip")
    making.add_argument("--title", default="Compare the versions")
    making.add_argument(
        "--name", action="append", default=[], metavar="NAME", help="display name, per file"
    )
    making.add_argument("--no-key", action="store_true", help="leave the answer key out")
    making.add_argument(
        "--show-highlights",
        action="store_true",
        help="let students see the change highlights while they work",
    )
    keying = actions.add_parser("key", help="write key.json for a hand-written exercise.md")
    keying.add_argument("exercise", metavar="EXERCISE", help="exercise folder")


def _load(path: str) -> Exercise:
    try:
        return load_exercise(path)
    except ExerciseError as error:
        raise CommandError(f"newsdiff: {path}: {error}") from None


def _percent(score: float | None) -> str:
    return "—" if score is None else f"{score:.0%}"


def _check(args: argparse.Namespace) -> int:
    exercise = _load(args.exercise)
    if exercise.key is None:
        raise CommandError(
            f"newsdiff: {args.exercise}: this copy has no answer key (key.json); "
            "check with the teacher's copy"
        )
    rows: list[tuple[str, str, CheckResult | None, str]] = []
    for path in args.submissions:
        try:
            submission = read_submission(exercise, path)
            scored = check(exercise, submission.answers)
        except ExerciseError as error:
            rows.append(("", path, None, str(error)))
            continue
        except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as error:
            # A shape the validation did not foresee: this student's row says so,
            # the rest of the class is still graded.
            rows.append(("", path, None, f"malformed submission ({type(error).__name__})"))
            continue
        rows.append((submission.student, path, scored, ""))
    tasks = exercise.tasks
    # Names and file names are the students' text: shown escaped, one row each.
    shown = [(for_terminal(s), p, r, for_terminal(e)) for s, p, r, e in rows]
    width = max([7, *(len(r[0]) for r in shown)])
    header = f"{'student':<{width}}  {'total':>5}  " + "  ".join(
        f"{'T' + str(t.number):>4}" for t in tasks
    )
    lines = [f"{for_terminal(exercise.title)}: {len(rows)} submission(s)", header]
    for student, path, result, problem in shown:
        if result is None:
            lines.append(f"{for_terminal(Path(path).name)}: not checked: {problem}")
            continue
        cells = "  ".join(f"{_percent(t.score):>4}" for t in result.tasks)
        lines.append(f"{student:<{width}}  {result.score:>5.0%}  {cells}")
        if args.details:
            for task_result in result.tasks:
                for line in task_result.lines():
                    lines.append(f"    T{task_result.task.number}: {for_terminal(line)}")
    sys.stdout.write("\n".join(lines) + "\n")
    if args.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["student", "file", "total", *(f"task {t.number}" for t in tasks), "error"])
        for student, path, result, problem in rows:
            scores = [
                "" if t.score is None else f"{t.score:.4f}"
                for t in (result.tasks if result else ())
            ]
            scores += [""] * (len(tasks) - len(scores))
            total = f"{result.score:.4f}" if result else ""
            # A student's name is the first cell: it must never run as a formula.
            writer.writerow(safe_row([student, path, total, *scores, problem]))
        write_output(buffer.getvalue(), args.csv)
    return EXIT_INPUT if any(r[2] is None for r in rows) else 0


def _make(args: argparse.Namespace) -> int:
    documents = load_inputs(args.files).documents
    if args.name and len(args.name) != len(documents):
        raise CommandError(
            f"newsdiff: give one --name per version ({len(documents)} loaded, "
            f"{len(args.name)} names)",
            EXIT_USAGE,
        )
    try:
        exercise = make_exercise(
            documents, args.title, args.name or None, hide_highlights=not args.show_highlights
        )
    except ExerciseError as error:
        raise CommandError(f"newsdiff: {error}") from None
    if args.output.lower().endswith(".zip"):
        save_exercise_zip(exercise, args.output, include_key=not args.no_key)
    else:
        save_exercise(exercise, args.output, include_key=not args.no_key)
    keyed = "without its answer key" if args.no_key else "with its answer key (key.json)"
    print(f"exercise with {len(exercise.tasks)} tasks written to {args.output}, {keyed}")
    return 0


def _key(args: argparse.Namespace) -> int:
    folder = Path(args.exercise)
    if folder.name == EXERCISE_FILE:
        folder = folder.parent
    if not folder.is_dir():
        raise CommandError(f"newsdiff: {args.exercise}: give an exercise folder (not a .zip)")
    exercise = _load(str(folder))
    try:
        keyed = replace(exercise, key=generate_key(exercise))
    except ExerciseError as error:
        raise CommandError(f"newsdiff: {args.exercise}: {error}") from None
    # Only key.json: the teacher's exercise.md stays exactly as written.
    write_json(folder / KEY_FILE, key_to_dict(keyed))
    print(f"key.json written for {len(keyed.key or {})} task(s) of {keyed.title}")
    return 0


def run(args: argparse.Namespace) -> int:
    actions = {"check": _check, "make": _make, "key": _key}
    if args.action not in actions:
        print("newsdiff exercise: say check, make or key (--help for more)", file=sys.stderr)
        return EXIT_USAGE
    try:
        return actions[args.action](args)
    except CommandError as error:
        return fail(error)
