"""The tasks a teacher plans in the editor, and their wording.

A planned task says what to ask (a mark kind, ``SOURCE`` or ``TEXT``) and
where (document indexes), plus the teacher's own title, instructions and
points. Why kept apart from the made exercise: making the key again (after
a version is unticked or a task added) rebuilds every ``Task`` from the
engine's ``make_task``; the teacher's wording lives here and is laid over
each rebuilt task, so it is never lost.

Public API: ``PlannedTask``, ``SOURCE``, ``TEXT``, ``generated_task``, ``worded``,
``describe``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...engine.exercise import MARK_LABELS, Article, Task, TaskKind, make_task
from ...engine.model import Document

SOURCE, TEXT = "source", "text"


@dataclass
class PlannedTask:
    """``kind``: a mark kind, ``SOURCE`` or ``TEXT``; ``version``/``against``:
    document indexes (``against`` -1: all others); ``title``/``body``: the
    teacher's own wording (``None``: generated); ``points``: its weight."""

    kind: str
    version: int
    against: int = -1
    title: str | None = None
    body: str | None = None
    points: float = 1.0

    @property
    def what(self) -> tuple[str, int, int]:
        """What makes two tasks the same task."""
        return (self.kind, self.version, self.against)


def _draft_articles(documents: Sequence[Document], names: Sequence[str]) -> list[Article]:
    return [
        Article(f"D{n}", f"d{n}.txt", names[n] or document.name, document)
        for n, document in enumerate(documents)
    ]


def generated_task(
    planned: PlannedTask, number: int, documents: Sequence[Document], names: Sequence[str]
) -> Task:
    """The task as the engine words it, with versions named ``names``."""
    articles = _draft_articles(documents, names)
    if planned.kind == TEXT:
        return make_task(number, TaskKind.TEXT, articles)
    version = f"D{planned.version}"
    if planned.kind == SOURCE:
        return make_task(number, TaskKind.CHOICE, articles, version=version, question="source")
    against = f"D{planned.against}" if planned.against >= 0 else ""
    return make_task(number, TaskKind.MARK, articles, planned.kind, version, against)


def worded(task: Task, planned: PlannedTask) -> Task:
    """``task`` with the teacher's own title, instructions and points."""
    return replace(
        task,
        title=planned.title if planned.title else task.title,
        body=planned.body if planned.body is not None else task.body,
        points=planned.points,
    )


def describe(planned: PlannedTask, names: Sequence[str]) -> str:
    """What the task asks, in a few words (the task list before the key is made)."""
    if planned.kind == TEXT:
        return "Free text (not graded)"
    if planned.kind == SOURCE:
        return f"Where does {names[planned.version]} come from?"
    other = names[planned.against] if planned.against >= 0 else "all others"
    return f"Mark {MARK_LABELS[planned.kind]} in {names[planned.version]} vs {other}"
