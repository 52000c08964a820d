"""A small two-version exercise the exercise tests share (bridge repairs, edited)."""

from __future__ import annotations

from newsdiff_gui.engine.exercise import Exercise, TaskKind, make_exercise, make_task
from newsdiff_gui.engine.load.articles import documents_from_texts

from .planted_articles import ARTICLES

BRIDGE = ARTICLES["bridge"]
EDITED = (
    BRIDGE.replace("42 million euro", "46 million euro")
    .replace("We cannot leave a bridge", "We must not leave a bridge")
    .replace(
        "The harbour authority declined to comment.",
        "The harbour authority declined to comment.\n\nA ferry will carry commuters across "
        "the harbour while the bridge is closed.",
    )
)


def _exercise() -> Exercise:
    documents = documents_from_texts([("a.txt", BRIDGE), ("b.txt", EDITED)]).documents
    draft = make_exercise(documents, "Bridge repairs", names=["Herald", "Rewrite"], tasks=[])
    articles = draft.articles
    tasks = [
        make_task(1, TaskKind.MARK, articles, "number", "B", "A"),
        make_task(2, TaskKind.MARK, articles, "added", "B", "A"),
        make_task(3, TaskKind.MARK, articles, "quote", "B", "A"),
        make_task(4, TaskKind.CHOICE, articles, version="B", question="source"),
        make_task(5, TaskKind.TEXT, articles),
    ]
    return make_exercise(documents, "Bridge repairs", names=["Herald", "Rewrite"], tasks=tasks)
