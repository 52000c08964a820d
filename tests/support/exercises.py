"""A small two-version exercise the exercise tests share (bridge repairs, edited)."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsdiff_gui.engine.exercise import (
    Exercise,
    TaskKind,
    example_exercise_path,
    make_exercise,
    make_task,
)
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.paths import seed_files

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


def copy_example_exercise(folder: Path) -> Path:
    """The bundled example exercise as a folder of its own at ``folder``: its
    Markdown and key, and the seed articles it names (the package ships them
    once, in the seeds folder, so copying the exercise folder alone is not
    enough)."""
    shutil.copytree(example_exercise_path(), folder)
    markdown = (folder / "exercise.md").read_text("utf-8")
    for seed in seed_files():
        if seed.name in markdown:
            shutil.copy(seed, folder / seed.name)
    return folder
