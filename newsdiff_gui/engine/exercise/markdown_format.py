"""``exercise.md``: a front-matter header and numbered tasks, in plain Markdown.

The file a teacher can read and edit in any text editor::

    ---
    title: Spot the spin
    hide_highlights: true
    article: A | 000_reuters.txt | Reuters copy
    article: C | 002_daily.txt | UK daily
    ---

    Read both versions first. (Introduction: any Markdown.)

    ## Task 1: What did the UK daily add?

    ```task
    kind: mark
    mark: added
    version: C
    against: A
    points: 2
    ```

    Mark every sentence the UK daily has and the Reuters copy does not.

Why a hand-written header parser and not YAML: the header is a handful of
``key: value`` lines, and a strict small grammar gives a teacher a message
naming the line ("line 4: unknown field 'hide_highlight'") where a YAML
library would accept the typo silently; it also spares a dependency.
``article`` and ``option`` repeat, with ``|`` between their parts.

The task block sits in a fenced ``task`` code block so the file still reads
well on any Markdown viewer; the GUI shows the body without it.

Public API: ``ParsedExercise``, ``parse_exercise_md``, ``format_exercise_md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Exercise, ExerciseError, Option, Task, TaskKind

HEADER_FIELDS = ("title", "hide_highlights", "article")
TASK_FIELDS = ("kind", "mark", "version", "against", "question", "option", "points")
_TASK_HEADING = re.compile(r"^##\s+Task\s+(\d+)\s*(?::\s*(.*?))?\s*$")
_ANY_TASK_HEADING = re.compile(r"^##\s+Task\b", re.IGNORECASE)
# Task numbers are small; thousands of digits would pass Python's int limit.
_MAX_TASK_DIGITS = 6
_BOOLS = {"true": True, "yes": True, "false": False, "no": False}


@dataclass(frozen=True)
class ParsedExercise:
    """``exercise.md`` read, before its article files are loaded."""

    title: str
    hide_highlights: bool
    articles: tuple[tuple[str, str, str], ...]  # (id, file, display name)
    intro: str
    tasks: tuple[Task, ...]


def _field(line: str, number: int, known: tuple[str, ...], where: str) -> tuple[str, str]:
    if ":" not in line:
        raise ExerciseError(f"exercise.md line {number}: expected 'field: value' in the {where}")
    name, value = line.split(":", 1)
    name = name.strip().lower()
    if name not in known:
        raise ExerciseError(
            f"exercise.md line {number}: unknown field {name!r} in the {where} "
            f"(known: {', '.join(known)})"
        )
    return name, value.strip()


def _header(lines: list[str]) -> tuple[str, bool, list[tuple[str, str, str]], int]:
    if not lines or lines[0].strip() != "---":
        raise ExerciseError("exercise.md must start with a '---' header line")
    articles: list[tuple[str, str, str]] = []
    title, hide = "", True
    for number in range(1, len(lines)):
        line = lines[number].strip()
        if line == "---":
            return title, hide, articles, number + 1
        if not line or line.startswith("#"):
            continue
        name, value = _field(line, number + 1, HEADER_FIELDS, "header")
        if name == "title":
            title = value
        elif name == "hide_highlights":
            if value.lower() not in _BOOLS:
                raise ExerciseError(
                    f"exercise.md line {number + 1}: hide_highlights must be true or false"
                )
            hide = _BOOLS[value.lower()]
        else:
            parts = [p.strip() for p in value.split("|", 2)]
            if len(parts) != 3 or not all(parts):
                raise ExerciseError(
                    f"exercise.md line {number + 1}: expected 'article: ID | FILE | NAME'"
                )
            articles.append((parts[0], parts[1], parts[2]))
    raise ExerciseError("exercise.md: the header has no closing '---' line")


def _task(number: int, title: str, block: list[tuple[int, str]], body: str) -> Task:
    values: dict[str, str] = {}
    options: list[Option] = []
    for line_number, line in block:
        if not line.strip():
            continue
        name, value = _field(line, line_number, TASK_FIELDS, f"task {number} block")
        if name == "option":
            value_part, _, label = (p.strip() for p in value.partition("|"))
            options.append(Option(value_part, label or value_part))
        elif name in values:
            raise ExerciseError(f"exercise.md line {line_number}: {name} given twice")
        else:
            values[name] = value
    try:
        kind = TaskKind(values.get("kind", ""))
    except ValueError:
        raise ExerciseError(
            f"exercise.md: task {number} needs 'kind: mark', 'kind: choice' or 'kind: text'"
        ) from None
    try:
        points = float(values.get("points", "1"))
    except ValueError:
        raise ExerciseError(f"exercise.md: task {number}: points must be a number") from None
    try:
        return Task(
            number,
            kind,
            title or f"Task {number}",
            body,
            mark=values.get("mark", ""),
            version=values.get("version", ""),
            against=values.get("against", ""),
            question=values.get("question", ""),
            options=tuple(options),
            points=points,
        )
    except ValueError as error:
        raise ExerciseError(f"exercise.md: {error}") from None


def _tasks(lines: list[str], first: int) -> tuple[str, list[Task]]:
    intro: list[str] = []
    sections: list[tuple[int, str, list[tuple[int, str]]]] = []  # number, title, lines
    for offset, line in enumerate(lines[first:]):
        line_number = first + offset + 1
        heading = _TASK_HEADING.match(line)
        if heading and len(heading.group(1)) > _MAX_TASK_DIGITS:
            raise ExerciseError(
                f"exercise.md line {line_number}: task number {heading.group(1)[:12]}… is too large"
            )
        if heading:
            sections.append((int(heading.group(1)), heading.group(2) or "", []))
        elif _ANY_TASK_HEADING.match(line):
            raise ExerciseError(f"exercise.md line {line_number}: write '## Task N: title'")
        elif sections:
            sections[-1][2].append((line_number, line))
        else:
            intro.append(line)
    tasks = []
    for expected, (number, title, body_lines) in enumerate(sections, start=1):
        if number != expected:
            raise ExerciseError(f"exercise.md: task {number} found where task {expected} belongs")
        block: list[tuple[int, str]] = []
        body: list[str] = []
        state = "before"
        for line_number, line in body_lines:
            stripped = line.strip()
            if state == "before" and stripped == "```task":
                state = "inside"
            elif state == "inside" and stripped == "```":
                state = "after"
            elif state == "inside":
                block.append((line_number, line))
            elif stripped == "```task":
                raise ExerciseError(f"exercise.md line {line_number}: task {number} has two blocks")
            else:
                body.append(line)
        if state == "before":
            raise ExerciseError(f"exercise.md: task {number} has no ```task block")
        if state == "inside":
            raise ExerciseError(f"exercise.md: the ```task block of task {number} is not closed")
        tasks.append(_task(number, title, block, "\n".join(body).strip()))
    return "\n".join(intro).strip(), tasks


def parse_exercise_md(text: str) -> ParsedExercise:
    """Read ``exercise.md``; raise ``ExerciseError`` naming what is wrong and where."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, hide, articles, body_start = _header(lines)
    if not title:
        raise ExerciseError("exercise.md: the header needs a 'title:'")
    if len(articles) < 2:
        raise ExerciseError("exercise.md: the header must list two or more 'article:' lines")
    intro, tasks = _tasks(lines, body_start)
    if not tasks:
        raise ExerciseError("exercise.md has no tasks ('## Task 1: …' with a ```task block)")
    ids = {a[0] for a in articles}
    for task in tasks:
        for name in (task.version, task.against):
            if name and name not in ids:
                raise ExerciseError(
                    f"exercise.md: task {task.number} names article {name!r}, which the header "
                    f"does not list (articles: {', '.join(sorted(ids))})"
                )
    return ParsedExercise(title, hide, tuple(articles), intro, tuple(tasks))


def _task_block(task: Task) -> list[str]:
    out = ["```task", f"kind: {task.kind.value}"]
    for name in ("mark", "version", "against", "question"):
        value = getattr(task, name)
        if value:
            out.append(f"{name}: {value}")
    out += [f"option: {o.value} | {o.label}" for o in task.options]
    if task.points != 1:
        out.append(f"points: {task.points:g}")
    out.append("```")
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_exercise_md(exercise: Exercise) -> str:
    """``exercise.md`` for ``exercise``; ``parse_exercise_md`` reads it back equal."""
    lines = ["---", f"title: {_one_line(exercise.title)}"]
    lines.append(f"hide_highlights: {'true' if exercise.hide_highlights else 'false'}")
    for article in exercise.articles:
        lines.append(f"article: {article.id} | {article.file} | {_one_line(article.name)}")
    lines += ["---", ""]
    if exercise.intro:
        lines += [exercise.intro, ""]
    for task in exercise.tasks:
        lines.append(f"## Task {task.number}: {_one_line(task.title)}")
        lines += ["", *_task_block(task), ""]
        if task.body:
            lines += [task.body, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
