"""Make an exercise from an open set: articles with display names, suggested
tasks in plain words, and the generated key.

Why the articles are rebuilt from their text: an exercise is self-contained
plain text (``store.save_exercise`` writes each article's decoded text), and
every key span must index exactly the text a student will load back. The
article ids are letters (``A``, ``B`` …) so tasks read naturally.

Public API: ``make_exercise``, ``make_task``, ``suggest_tasks``, ``article_files``,
``article_letter``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..changes.profile import profile_versions
from ..load.articles import TEXT_SUFFIXES, document_from_text
from ..model import Alignment, Document
from .key import exercise_alignment, generate_key
from .model import MARK_LABELS, Article, Exercise, Option, Task, TaskKind

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def article_files(documents: Sequence[Document]) -> list[str]:
    """Safe, unique plain-text file names for the documents (``002_daily.txt``)."""
    names: list[str] = []
    for number, document in enumerate(documents):
        stem, dot, suffix = document.name.rpartition(".")
        if not dot:
            stem, suffix = document.name, ""
        stem = _UNSAFE.sub("_", stem).strip("._") or f"article{number}"
        suffix = f".{suffix.lower()}" if f".{suffix.lower()}" in TEXT_SUFFIXES else ".txt"
        name, extra = f"{stem}{suffix}", 1
        while name in names:
            extra += 1
            name = f"{stem}-{extra}{suffix}"
        names.append(name)
    return names


def article_letter(number: int) -> str:
    return chr(ord("A") + number) if number < 26 else f"V{number + 1}"


def make_task(
    number: int,
    kind: TaskKind,
    articles: Sequence[Article],
    mark: str = "",
    version: str = "",
    against: str = "",
    question: str = "",
) -> Task:
    """A task with a title and instructions in words, for the teacher to edit."""
    names = {a.id: a.name for a in articles}
    if kind == TaskKind.MARK:
        what = MARK_LABELS.get(mark, mark)
        other = f" compared with {names[against]}" if against else ""
        titles = {
            "added": f"What does {names[version]} add?",
            "omitted": f"What does {names.get(against, 'the other version')} leave out?",
            "quote": f"Which quotes were changed in {names[version]}?",
            "number": f"Which numbers changed in {names[version]}?",
        }
        bodies = {
            "added": f"Mark every sentence **{names[version]}** has that "
            + (f"**{names[against]}** does not carry." if against else "no other article carries."),
            "omitted": f"In **{names[version]}**, mark every sentence that "
            f"**{names.get(against, '')}** leaves out.",
            "quote": f"In **{names[version]}**, mark each quotation that was altered, truncated "
            f"or given to another speaker{other}.",
            "number": f"In **{names[version]}**, mark each number, count or sum that "
            f"differs{other}.",
        }
        title = titles.get(mark, f"Mark {what} in {names[version]}")
        body = bodies.get(mark, f"In **{names[version]}**, mark every {what}{other}.")
        return Task(number, kind, title, body, mark=mark, version=version, against=against)
    if kind == TaskKind.CHOICE:
        options = [Option(a.id, a.name) for a in articles if a.id != version]
        options.append(Option("none", "None of these: it comes from elsewhere"))
        return Task(
            number,
            kind,
            f"Where does {names[version]} come from?",
            f"Which article is the most likely source of **{names[version]}**? Look at what it "
            "carries, in which order, and which wording it repeats.",
            version=version,
            question="source",
            options=tuple(options),
        )
    return Task(
        number,
        TaskKind.TEXT,
        "What does it change for the reader?",
        "In two or three sentences: what would a reader of one version not learn from the "
        "other, and does it matter?",
    )


def suggest_tasks(articles: Sequence[Article], alignment: Alignment) -> list[Task]:
    """Added / quote / number tasks on a version and its likely source, a source
    question and a free-text question: a ready exercise to edit."""
    by_document = {a.document.id: a for a in articles}
    version, source = articles[1], articles[0]
    for profile in profile_versions(alignment):
        guess = profile.likely_source.document
        if guess and guess in by_document:
            version, source = by_document[profile.document], by_document[guess]
            break
    return [
        make_task(1, TaskKind.MARK, articles, "added", version.id, source.id),
        make_task(2, TaskKind.MARK, articles, "quote", version.id, source.id),
        make_task(3, TaskKind.MARK, articles, "number", version.id, source.id),
        make_task(4, TaskKind.CHOICE, articles, version=version.id, question="source"),
        make_task(5, TaskKind.TEXT, articles),
    ]


def make_exercise(
    documents: Sequence[Document],
    title: str,
    names: Sequence[str] | None = None,
    tasks: Sequence[Task] | None = None,
    hide_highlights: bool = True,
    intro: str = "",
) -> Exercise:
    """An exercise on ``documents`` with its key generated (``tasks`` default
    to ``suggest_tasks``). Raises ``ExerciseError`` or ``InputError``."""
    files = article_files(documents)
    articles = []
    for number, (document, file) in enumerate(zip(documents, files, strict=True)):
        rebuilt = document_from_text(document.text, file, number)
        name = names[number] if names else document.outlet or document.name
        articles.append(Article(article_letter(number), file, name, rebuilt))
    draft = Exercise(title, tuple(articles), (), intro, hide_highlights)
    alignment = exercise_alignment(draft)
    chosen = tuple(tasks) if tasks is not None else tuple(suggest_tasks(articles, alignment))
    exercise = replace(draft, tasks=chosen)  # replace() validates the tasks again
    return replace(exercise, key=generate_key(exercise, alignment))
