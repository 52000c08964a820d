"""The records of a classroom exercise: articles, tasks, answer key, answers.

Contract: every span is ``(start, end)`` into the ``Document.text`` of the
article it names (Python ``str`` indices, end exclusive), as everywhere in
the engine; a key item's or a mark's ``text`` equals that slice, which is how
an edited article or a tampered file is caught. Records are frozen and
validate themselves; the parser and the readers turn a ``ValueError`` into an
``ExerciseError`` that names the file and the line or entry.

Public API: ``ExerciseError``, ``TaskKind``, ``MARK_KINDS``, ``Article``,
``Option``, ``Task``, ``KeyItem``, ``TaskKey``, ``Exercise``, ``Mark``,
``Answers``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..changes.model import ChangeType
from ..model import Document


class ExerciseError(ValueError):
    """An exercise, answer key or submission that cannot be used, with why in
    one line (the CLI prints it, the GUI shows it)."""


class TaskKind(str, Enum):
    """``mark``: mark spans of one kind in a version; ``choice``: pick one
    option; ``text``: free text, collected for the teacher, not graded."""

    MARK = "mark"
    CHOICE = "choice"
    TEXT = "text"


# What a student can mark a span as: the engine's change types, so the key
# comes straight from ``read_changes`` and the explanations fit.
MARK_KINDS: tuple[str, ...] = tuple(t.value for t in ChangeType)

MARK_LABELS: dict[str, str] = {
    "added": "added sentence",
    "omitted": "omitted sentence",
    "number": "changed number",
    "entity": "added or dropped name",
    "date": "changed date or time",
    "quote": "altered quote",
    "attribution": "changed attribution",
    "hedging": "change in certainty (hedging)",
    "negation": "negation flipped (not / no / never added or dropped)",
    "wording": "reworded passage",
}


@dataclass(frozen=True)
class Article:
    """One version in the exercise: ``id`` as tasks name it (``A``, ``B`` …),
    ``file`` relative to the exercise folder, ``name`` as students see it."""

    id: str
    file: str
    name: str
    document: Document

    def __post_init__(self) -> None:
        if not self.id or not self.id.replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"article id {self.id!r} must be letters, digits, - or _")
        if not self.name.strip():
            raise ValueError(f"article {self.id} needs a display name")


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Task:
    """A numbered task. ``body`` is the Markdown students read.

    ``mark`` tasks: ``mark`` is one of ``MARK_KINDS``, ``version`` the article
    marked in, ``against`` the article it is compared with (empty: against the
    whole set). ``choice`` tasks: ``options``; ``question`` ``source`` means
    "which article is the likely source of ``version``" (the key generator
    can answer it). ``points`` weighs the task in the total.
    """

    number: int
    kind: TaskKind
    title: str
    body: str = ""
    mark: str = ""
    version: str = ""
    against: str = ""
    question: str = ""
    options: tuple[Option, ...] = ()
    points: float = 1.0

    def __post_init__(self) -> None:
        if self.number < 1:
            raise ValueError("task numbers start at 1")
        if not 0 < self.points <= 1000:
            raise ValueError(f"task {self.number}: points must be above 0 and at most 1000")
        if self.kind == TaskKind.MARK:
            if self.mark not in MARK_KINDS:
                raise ValueError(
                    f"task {self.number}: mark {self.mark!r} is not one of {', '.join(MARK_KINDS)}"
                )
            if not self.version:
                raise ValueError(f"task {self.number}: a mark task needs a version")
            if self.against == self.version:
                raise ValueError(f"task {self.number}: version and against are the same article")
        if self.kind == TaskKind.CHOICE:
            if len(self.options) < 2:
                raise ValueError(f"task {self.number}: a choice task needs two or more options")
            values = [o.value for o in self.options]
            if len(set(values)) != len(values):
                raise ValueError(f"task {self.number}: two options have the same value")
            if self.question not in ("", "source"):
                raise ValueError(f"task {self.number}: unknown question {self.question!r}")
            if self.question == "source" and not self.version:
                raise ValueError(f"task {self.number}: a source question needs a version")

    @property
    def graded(self) -> bool:
        return self.kind != TaskKind.TEXT

    def spec(self) -> str:
        """What identifies the task for the exercise id (not its wording)."""
        options = ",".join(o.value for o in self.options)
        return (
            f"{self.number}|{self.kind.value}|{self.mark}|{self.version}|{self.against}|{options}"
        )


@dataclass(frozen=True)
class KeyItem:
    """One span a student should mark, why, and the sentence(s) around it
    (``context``): marking the whole sentence around a changed number is
    not counted as marking something wrong."""

    start: int
    end: int
    text: str
    explanation: str = ""
    context: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad key span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"key span {self.start}..{self.end} does not match its text")
        if self.context is not None and not (
            self.context[0] <= self.start and self.end <= self.context[1]
        ):
            raise ValueError(f"key span {self.start}..{self.end} lies outside its context")

    @property
    def area(self) -> tuple[int, int]:
        return self.context or (self.start, self.end)


@dataclass(frozen=True)
class TaskKey:
    """The answer to one task: spans (mark) or an option value (choice)."""

    task: int
    items: tuple[KeyItem, ...] = ()
    answer: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class Exercise:
    """A whole exercise. ``key`` is ``None`` for a copy handed out without
    its answer key (students can then hand in, but not check)."""

    title: str
    articles: tuple[Article, ...]
    tasks: tuple[Task, ...]
    intro: str = ""
    hide_highlights: bool = True
    key: dict[int, TaskKey] | None = field(default=None, compare=False)
    # The folder it was read from (None for a .zip or one made in memory):
    # the only place its instructions may show pictures from.
    folder: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("the exercise needs a title")
        if len(self.articles) < 2:
            raise ValueError("an exercise needs two or more articles")
        ids = [a.id for a in self.articles]
        if len(set(ids)) != len(ids):
            raise ValueError("two articles have the same id")
        numbers = [t.number for t in self.tasks]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("tasks must be numbered 1, 2, 3 … in order")
        for task in self.tasks:
            for name in (task.version, task.against):
                if name and name not in ids:
                    raise ValueError(f"task {task.number} names article {name!r}, which is missing")
            for option in task.options if task.question == "source" else ():
                if option.value not in (*ids, "none"):
                    raise ValueError(
                        f"task {task.number}: option {option.value!r} is not an article id or none"
                    )

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def task(self, number: int) -> Task:
        return self.tasks[number - 1]

    @property
    def exercise_id(self) -> str:
        """Identity of the exercise: article texts and task definitions.

        Why not the wording or the key: a teacher who fixes a typo or a wrong
        key after students handed in must still be able to check their work.
        """
        digest = hashlib.sha256()
        for article in self.articles:
            text = article.document.text.encode("utf-8", "surrogatepass")
            digest.update(f"{article.id}\0".encode() + hashlib.sha256(text).digest())
        for task in self.tasks:
            digest.update(task.spec().encode("utf-8") + b"\0")
        return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Mark:
    """A student's span in an article, marked as one of ``MARK_KINDS``."""

    article: str
    kind: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.kind not in MARK_KINDS:
            raise ValueError(f"unknown mark kind {self.kind!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad mark span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"mark {self.start}..{self.end} does not match its text")


@dataclass(frozen=True)
class Answers:
    """Everything a student did: marks, chosen options, free texts."""

    marks: tuple[Mark, ...] = ()
    choices: dict[int, str] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
