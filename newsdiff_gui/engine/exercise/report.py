"""A readable HTML copy of a submission, and the exercise's instructions as HTML.

Everything from a file — article quotes, the student's name and answers,
option labels — is escaped; the teacher's Markdown goes through
``render_note_html`` (markdown-it-py, raw HTML off), so ``<script>`` in an
exercise shows as text. Self-contained: inline CSS, no scripts, no links out.

Images in the Markdown show only from the exercise's own folder, never a
remote one or a path elsewhere on disk (``exercise_image_url``). Scores are
for people: points with one decimal ("2.8 of 6 points", never "2.78436") and
the hand-in time as a date and a clock time, not an ISO stamp.

Public API: ``submission_html``, ``task_html``, ``intro_html``, ``exercise_image_url``,
``points_text``, ``readable_time``.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import PurePosixPath
from urllib.parse import unquote

from ..annotate.notes import render_note_html
from .check import CheckResult
from .model import MARK_LABELS, Answers, Exercise, Task, TaskKind

_CSS = """
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 52em; margin: 2em auto; color: #1a1a1a; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.meta { color: #555; } .score { font-size: 1.3em; font-weight: bold; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .25em .6em; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .6em; border-left: 3px solid #999; }
.missed { color: #8a1c00; } .found { color: #00553a; }
"""


# Picture files an exercise may show from its own folder.
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"})


def exercise_image_url(exercise: Exercise, src: str) -> str | None:
    """A file URL for a picture inside the exercise's folder, else None: no
    remote image (fetching it would tell a server who opened the exercise),
    no path outside the folder (``![](/etc/passwd)``, ``../``, a link out)."""
    folder = exercise.folder
    if folder is None or not src or "\\" in src or ":" in src or src.startswith("/"):
        return None
    relative = PurePosixPath(unquote(src))
    if relative.is_absolute() or any(part in ("..", "") for part in relative.parts):
        return None
    if relative.suffix.lower() not in _IMAGE_SUFFIXES:
        return None
    root = folder.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target.as_uri()


def _markdown(exercise: Exercise, text: str, pictures: bool = True) -> str:
    if not pictures:
        return render_note_html(text)
    return render_note_html(text, lambda src: exercise_image_url(exercise, src))


def points_text(points: float) -> str:
    """Points as a teacher writes them: one decimal at most (``2.8``, ``6``, ``0.5``)."""
    rounded = round(points, 1)
    return f"{rounded:.1f}".removesuffix(".0")


def _task_points(score: float | None, earned: float, points: float) -> str:
    return "—" if score is None else f"{points_text(earned)} of {points_text(points)}"


def readable_time(stamp: str) -> str:
    """An ISO time stamp as ``7 December 2026, 21:24 UTC`` (unchanged if it is not one)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    zone = moment.tzname() if moment.tzinfo is not None else ""
    zone = "UTC" if zone in ("UTC", "UTC+00:00") else zone
    return f"{moment.day} {moment:%B %Y, %H:%M}" + (f" {zone}" if zone else "")


def intro_html(exercise: Exercise) -> str:
    return _markdown(exercise, exercise.intro) if exercise.intro else ""


def _task_where(exercise: Exercise, task: Task) -> str:
    if task.kind != TaskKind.MARK:
        return ""
    version = exercise.article(task.version).name
    what = MARK_LABELS.get(task.mark, task.mark)
    if task.against:
        return (
            f"Mark each {what} in {version}, compared with {exercise.article(task.against).name}."
        )
    return f"Mark each {what} in {version}, compared with all the other articles."


def task_html(exercise: Exercise, task: Task, pictures: bool = True) -> str:
    """One task's heading, what to mark where, and its Markdown body.

    ``pictures``: show images from the exercise's folder (the exercise window);
    off for the submission's HTML copy, which must stay self-contained."""
    parts = [f"<h2>Task {task.number}: {escape(task.title)}</h2>"]
    where = _task_where(exercise, task)
    if where:
        parts.append(f"<p><i>{escape(where)}</i></p>")
    if task.body:
        parts.append(_markdown(exercise, task.body, pictures))
    if task.kind == TaskKind.CHOICE:
        parts.append(
            "<ul>" + "".join(f"<li>{escape(o.label)}</li>" for o in task.options) + "</ul>"
        )
    return "\n".join(parts)


def _answer_html(exercise: Exercise, task: Task, answers: Answers) -> str:
    if task.kind == TaskKind.MARK:
        marks = [m for m in answers.marks if m.article == task.version and m.kind == task.mark]
        if not marks:
            return "<p>Nothing marked.</p>"
        quotes = "".join(f"<blockquote>{escape(m.text)}</blockquote>" for m in marks)
        return f"<p>Marked ({len(marks)}):</p>{quotes}"
    if task.kind == TaskKind.CHOICE:
        chosen = answers.choices.get(task.number)
        labels = {o.value: o.label for o in task.options}
        label = labels.get(chosen, "not answered") if chosen else "not answered"
        return f"<p>Answer: {escape(label)}</p>"
    written = answers.texts.get(task.number, "").strip()
    if not written:
        return "<p>Not answered.</p>"
    return "".join(f"<p>{escape(p)}</p>" for p in written.split("\n\n"))


def submission_html(
    exercise: Exercise,
    student: str,
    answers: Answers,
    result: CheckResult | None,
    submitted: str,
) -> str:
    """The hand-in as one HTML page for a person to read (the JSON is for ``check``)."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(exercise.title)} — {escape(student)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(exercise.title)}</h1>",
        f'<p class="meta">Handed in by <b>{escape(student)}</b> · '
        f"{escape(readable_time(submitted))} · "
        f"exercise {escape(exercise.exercise_id)}</p>",
    ]
    if result is not None:
        out.append(
            f'<p class="score">Score: {result.score:.0%} '
            f"({points_text(result.earned)} of {points_text(result.points)} points)</p>"
        )
        rows = "".join(
            f"<tr><td>{t.task.number}</td><td>{escape(t.task.title)}</td><td>"
            f"{'not graded' if t.score is None else f'{t.score:.0%}'}</td><td>"
            f"{_task_points(t.score, t.earned, t.task.points)}</td></tr>"
            for t in result.tasks
        )
        out.append(
            "<table><tr><th>Task</th><th>Title</th><th>Score</th><th>Points</th></tr>"
            f"{rows}</table>"
        )
    else:
        out.append('<p class="meta">Not scored: this copy of the exercise has no answer key.</p>')
    by_task = {t.task.number: t for t in result.tasks} if result else {}
    for task in exercise.tasks:
        out.append(task_html(exercise, task, pictures=False))
        out.append(_answer_html(exercise, task, answers))
        checked = by_task.get(task.number)
        if checked is not None and checked.lines():
            feedback = "".join(f"<li>{escape(line)}</li>" for line in checked.lines())
            out.append(f"<p><b>Feedback</b></p><ul>{feedback}</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
