"""The answer key, generated from the engine's alignment, changes and profiles.

A ``mark`` task's key is the spans of ``read_changes`` of that type in the
task's version, compared with ``against``: ``added`` is what the version has
and ``against`` lacks (with no ``against``: what no other article carries,
from the single-member units, via ``read_set_changes``); ``omitted`` is what
the version has and ``against`` leaves out (the span must be in a text the
student is marking); every other type is the version's side of the change.
Each item keeps the change's explanation, worded with the articles' display
names, so "what you missed and why" reads as the engine's reasoning. A
``choice`` task with ``question: source`` gets the profile's likely source.

The key is a starting point: the teacher can add, remove or fix items
(``with_item`` / ``without_item``) before saving, because pattern-based change
reading can miss or misname things.

Public API: ``generate_key``, ``exercise_alignment``, ``with_item``,
``without_item``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..align.aligner import align
from ..changes import Change, ChangeType, read_changes, read_set_changes
from ..changes.profile import profile_versions
from ..model import Alignment, Document
from ..segment.setwide import article_set
from .model import Exercise, ExerciseError, KeyItem, Task, TaskKey, TaskKind


def exercise_alignment(
    exercise: Exercise, should_cancel: Callable[[], bool] | None = None
) -> Alignment:
    """Align the exercise's articles (in their order: document ``i`` is article ``i``)."""
    return align(article_set([a.document for a in exercise.articles]), None, should_cancel)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _context(document: Document, start: int, end: int) -> tuple[int, int]:
    """The sentences around ``start..end`` (where a generous student may mark)."""
    around = [s for s in document.sentences if s.start < end and start < s.end]
    if not around:
        return start, end
    return min(start, around[0].start), max(end, around[-1].end)


def _explain(change: Change, task: Task, names: dict[str, str], other_text: str | None) -> str:
    version, against = names[task.version], names.get(task.against, "")
    if change.type == ChangeType.ADDED:
        if not task.against:
            return f"Only {version} carries this; no other article in the exercise has it."
        return f"{version} has this; {against} does not."
    if change.type == ChangeType.OMITTED:
        return f"{against} leaves this out."
    reason = change.explanation
    if other_text:
        quoted = _short(other_text)
        if not quoted.startswith(("“", '"', "‘")):
            quoted = f"“{quoted}”"
        reason += f" {against} has: {quoted}"
    return reason


def _mark_items(alignment: Alignment, exercise: Exercise, task: Task) -> tuple[KeyItem, ...]:
    position = {a.id: n for n, a in enumerate(exercise.articles)}
    version = alignment.documents[position[task.version]]
    names = {a.id: a.name for a in exercise.articles}
    kind = ChangeType(task.mark)
    if not task.against:
        if kind != ChangeType.ADDED:
            raise ExerciseError(
                f"task {task.number}: marking {task.mark} needs 'against' "
                "(the article to compare with)"
            )
        changes = read_set_changes(alignment, [version])
    else:
        against = alignment.documents[position[task.against]]
        pair = (version, against) if kind == ChangeType.OMITTED else (against, version)
        changes = read_changes(alignment, [pair])
    found: list[tuple[int, int, str]] = []
    for change in changes:
        if change.type != kind:
            continue
        mine = change.a if kind == ChangeType.OMITTED else change.b
        other = change.b if kind == ChangeType.OMITTED else change.a
        if mine is None or mine.document != version.id or mine.start >= mine.end:
            continue
        explanation = _explain(change, task, names, other.text if other else None)
        found.append((mine.start, mine.end, explanation))
    # One edit can be read twice (a quote and its attribution on one span):
    # overlapping items become one, so no characters count double.
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, explanation in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], explanation])
        else:
            merged.append((start, end, [explanation]))
    text = version.text
    return tuple(
        KeyItem(s, e, text[s:e], " ".join(dict.fromkeys(why)), _context(version, s, e))
        for s, e, why in merged
    )


def _source_answer(alignment: Alignment, exercise: Exercise, task: Task) -> TaskKey:
    by_document = {a.document.id: a for a in exercise.articles}
    position = {a.id: n for n, a in enumerate(exercise.articles)}
    target = alignment.documents[position[task.version]].id
    profile = next(p for p in profile_versions(alignment) if p.document == target)
    guess = profile.likely_source
    answer = by_document[guess.document].id if guess.document else "none"
    if answer not in {o.value for o in task.options}:
        raise ExerciseError(
            f"task {task.number}: the likely source ({answer}) is not one of the options"
        )
    if guess.document:
        why = f"{by_document[guess.document].name} is the likely source: " + "; ".join(
            guess.evidence
        ).replace(by_document[guess.document].document.outlet, by_document[guess.document].name)
    else:
        why = "No article in the exercise is a likely source: " + "; ".join(guess.evidence)
    return TaskKey(task.number, (), answer, why + ".")


def generate_key(
    exercise: Exercise,
    alignment: Alignment | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> dict[int, TaskKey]:
    """A key for every task the engine can answer; a plain ``choice`` task
    keeps the answer the exercise already has (the teacher sets it)."""
    alignment = alignment or exercise_alignment(exercise, should_cancel)
    key: dict[int, TaskKey] = {}
    for task in exercise.tasks:
        if task.kind == TaskKind.MARK:
            key[task.number] = TaskKey(task.number, _mark_items(alignment, exercise, task))
        elif task.kind == TaskKind.CHOICE and task.question == "source":
            key[task.number] = _source_answer(alignment, exercise, task)
        elif task.kind == TaskKind.CHOICE and exercise.key and task.number in exercise.key:
            key[task.number] = exercise.key[task.number]
    return key


def with_item(exercise: Exercise, number: int, start: int, end: int, why: str = "") -> Exercise:
    """The exercise with ``start..end`` of the task's version added to its key
    (overlapping items are joined into one)."""
    task = exercise.task(number)
    text = exercise.article(task.version).document.text
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        raise ExerciseError("select some text of the article to add to the key")
    entry = (exercise.key or {}).get(number, TaskKey(number))
    keep, reasons = [], [why or "Added to the key by the teacher."]
    for item in entry.items:
        if item.start < end and start < item.end:
            start, end = min(start, item.start), max(end, item.end)
            reasons.insert(0, item.explanation)
        else:
            keep.append(item)
    document = exercise.article(task.version).document
    item = KeyItem(
        start,
        end,
        text[start:end],
        " ".join(dict.fromkeys(r for r in reasons if r)),
        _context(document, start, end),
    )
    items = tuple(sorted([*keep, item], key=lambda i: i.start))
    return replace(exercise, key={**(exercise.key or {}), number: replace(entry, items=items)})


def without_item(exercise: Exercise, number: int, position: int) -> Exercise:
    """The exercise with the key item of task ``number`` at ``position`` removed."""
    entry = (exercise.key or {}).get(number, TaskKey(number))
    items = tuple(i for i in entry.items if not i.start <= position < i.end)
    return replace(exercise, key={**(exercise.key or {}), number: replace(entry, items=items)})
