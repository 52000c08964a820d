"""Score a student's answers against the key, with partial credit, and say why.

A ``mark`` task is scored by character overlap, so half a sentence marked is
half found:

* *found* — the mean, over key items, of the share of each item's characters
  the student marked (every item weighs the same: a changed number counts as
  much as a long added sentence);
* *on target* — the share of the characters the student marked that fall in a
  key item or the sentence around it (marking the whole sentence around a
  changed number is fine; marking the whole article is not);
* score — the harmonic mean of the two (0 when nothing is found). A task whose
  key is empty scores 1 when nothing is marked and 0 otherwise.

A ``choice`` task scores 1 or 0. ``text`` answers are collected, not graded.
The total is the points-weighted mean over graded tasks that have a key.

Each ``TaskResult`` lists the key items found, partly found and missed, with
the key's explanation (the engine's reading of the change), and the marks
that hit nothing in the key.

Public API: ``check``, ``TaskResult``, ``ItemResult``, ``CheckResult``, ``merge_spans``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Answers, Exercise, KeyItem, Task, TaskKind

FOUND = 0.8  # an item counts as found when this share of it is marked
Span = tuple[int, int]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, disjoint spans covering the same characters."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlap(span: Span, spans: list[Span]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in spans)


@dataclass(frozen=True)
class ItemResult:
    item: KeyItem
    covered: float  # share of the item's characters marked, 0..1

    @property
    def status(self) -> str:
        if self.covered >= FOUND:
            return "found"
        return "partly found" if self.covered > 0 else "missed"


@dataclass(frozen=True)
class TaskResult:
    """``score`` is ``None`` for ungraded tasks and tasks without a key."""

    task: Task
    score: float | None
    items: tuple[ItemResult, ...] = ()
    stray: tuple[tuple[Span, str], ...] = ()  # marked spans hitting no key item, with text
    found_share: float = 0.0
    on_target: float = 0.0
    chosen: str = ""
    answer: str = ""
    explanation: str = ""
    note: str = ""
    marked: int = 0  # characters the student marked for this task

    @property
    def earned(self) -> float:
        return (self.score or 0.0) * self.task.points

    def lines(self) -> list[str]:
        """What to tell the student about this task, one line each."""
        if self.score is None:
            return [self.note] if self.note else []
        out: list[str] = []
        if self.task.kind == TaskKind.CHOICE:
            if self.chosen == self.answer:
                out.append("Right.")
            else:
                out.append("Not answered." if not self.chosen else "Not the expected answer.")
            if self.explanation:
                out.append(self.explanation)
            return out
        if self.items and not self.marked:
            out.append("You marked nothing for this task.")
        elif self.items:
            out.append(
                f"You found {self.found_share:.0%} of what the key holds; "
                f"{self.on_target:.0%} of what you marked was on target."
            )
        for result in self.items:
            if result.status == "found":
                continue
            quoted = _quote(result.item.text)
            share = f" ({result.covered:.0%} marked)" if result.status == "partly found" else ""
            out.append(f"{result.status.capitalize()}{share}: {quoted} — {result.item.explanation}")
        for _span, text in self.stray:
            out.append(f"Not in the key: {_quote(text)}")
        if not self.items and not self.stray:
            out.append("Right: there is nothing of this kind to mark.")
        return out


@dataclass(frozen=True)
class CheckResult:
    tasks: tuple[TaskResult, ...]

    @property
    def points(self) -> float:
        return sum(t.task.points for t in self.tasks if t.score is not None)

    @property
    def earned(self) -> float:
        return sum(t.earned for t in self.tasks if t.score is not None)

    @property
    def score(self) -> float:
        """Share of the graded points earned, 0..1 (0 when nothing is graded)."""
        return self.earned / self.points if self.points else 0.0


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return text if text.startswith(("“", '"', "‘")) else f"“{text}”"


def _mark_result(exercise: Exercise, task: Task, answers: Answers) -> TaskResult:
    assert exercise.key is not None
    items = exercise.key[task.number].items
    text = exercise.article(task.version).document.text
    marked = merge_spans(
        (m.start, m.end) for m in answers.marks if m.article == task.version and m.kind == task.mark
    )
    areas = merge_spans([*(i.area for i in items), *((i.start, i.end) for i in items)])
    stray = tuple((span, text[span[0] : span[1]]) for span in marked if _overlap(span, areas) == 0)
    results = tuple(
        ItemResult(i, _overlap((i.start, i.end), marked) / (i.end - i.start)) for i in items
    )
    total_marked = sum(e - s for s, e in marked)
    if not items:
        score = 0.0 if marked else 1.0
        return TaskResult(task, score, (), stray, 1.0, 0.0 if marked else 1.0, marked=total_marked)
    found = sum(r.covered for r in results) / len(results)
    on_target = (
        sum(_overlap(span, areas) for span in marked) / total_marked if total_marked else 0.0
    )
    score = 2 * found * on_target / (found + on_target) if found and on_target else 0.0
    return TaskResult(task, score, results, stray, found, on_target, marked=total_marked)


def _task_result(exercise: Exercise, task: Task, answers: Answers) -> TaskResult:
    if task.kind == TaskKind.TEXT:
        written = answers.texts.get(task.number, "").strip()
        note = "Collected for your teacher (not graded)." if written else "Not answered."
        return TaskResult(task, None, note=note)
    if exercise.key is None or task.number not in exercise.key:
        return TaskResult(task, None, note="No answer key for this task: your teacher grades it.")
    if task.kind == TaskKind.MARK:
        return _mark_result(exercise, task, answers)
    entry = exercise.key[task.number]
    chosen = answers.choices.get(task.number, "")
    return TaskResult(
        task,
        1.0 if chosen == entry.answer else 0.0,
        chosen=chosen,
        answer=entry.answer,
        explanation=entry.explanation,
    )


def check(exercise: Exercise, answers: Answers) -> CheckResult:
    """Score every task; never raises for answers that passed validation."""
    return CheckResult(tuple(_task_result(exercise, t, answers) for t in exercise.tasks))
