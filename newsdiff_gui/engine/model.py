"""The engine's data model: immutable records that every stage passes on.

Contract: every span is a ``(start, end)`` pair of Python ``str`` indices into
``Document.text`` (end exclusive), and ``Document.text`` is the decoded input,
never normalised in place. Views, exports and the CLI read these records; none
of them recomputes alignment. Standard library only: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class CancelledError(Exception):
    """Raised inside long engine work when its ``should_cancel`` callback says
    stop; the app's background runner treats it as a cancelled task."""


class Relation(str, Enum):
    """How the members of a link convey the same content."""

    VERBATIM = "verbatim"
    REWORDED = "reworded"
    PARTIAL = "partial"


class OpKind(str, Enum):
    """One word-diff operation between two linked passages."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad paragraph span {self.start}..{self.end}")


@dataclass(frozen=True)
class Sentence:
    """A sentence (or headline, caption, credit line) of one document.

    ``boilerplate`` names why the sentence is site chrome, a credit or a
    dateline (it stays in the text but is never linked); ``None`` for content.
    """

    id: str
    doc_index: int
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    boilerplate: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad sentence span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"sentence {self.id} text does not match its span")

    @property
    def is_boilerplate(self) -> bool:
        return self.boilerplate is not None

    @property
    def has_words(self) -> bool:
        """False for punctuation alone (a scraped page's stray "." or "—"):
        nothing a reader reads as story, so no view shows it as content."""
        return any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True)
class Document:
    """One version of the story, as decoded from its file."""

    id: str
    path: str
    text: str
    title: str
    outlet: str
    date: str | None = None
    encoding: str = "utf-8"
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @property
    def name(self) -> str:
        """Short display name: the file name without folders."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def content_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if not s.is_boilerplate)


@dataclass(frozen=True)
class ArticleSet:
    """The versions being compared, in the order the user gave them."""

    documents: tuple[Document, ...]
    _by_id: dict[str, Sentence] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = {s.id: s for d in self.documents for s in d.sentences}
        object.__setattr__(self, "_by_id", index)

    def sentence(self, sentence_id: str) -> Sentence:
        return self._by_id[sentence_id]

    def document_of(self, sentence_id: str) -> Document:
        return self.documents[self._by_id[sentence_id].doc_index]

    def __len__(self) -> int:
        return len(self.documents)


@dataclass(frozen=True)
class Suggestion:
    """A possible partner: sentences ``a`` and ``b`` may carry the same content,
    but the link model is not confident enough (``score`` below its confident
    level) to show it as fact. The reader confirms it with a manual link."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Link:
    """Sentences ``a`` (one document) carry the same content as ``b`` (another).

    One side may hold two or more adjacent sentences when a version split or
    fused a sentence (1↔2, 2↔1). ``score`` is a calibrated confidence in [0, 1].
    """

    a: tuple[str, ...]
    b: tuple[str, ...]
    relation: Relation
    score: float
    manual: bool = False

    def __post_init__(self) -> None:
        if not self.a or not self.b:
            raise ValueError("a link needs sentences on both sides")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"link score {self.score} outside [0, 1]")


@dataclass(frozen=True)
class Unit:
    """One piece of story content and every sentence, in any version, carrying it.

    A unit of one member is content only that version has. ``relation`` is
    ``None`` for such units.
    """

    id: str
    members: tuple[str, ...]
    relation: Relation | None = None

    def __post_init__(self) -> None:
        if not self.members:
            raise ValueError("a unit needs at least one member")


@dataclass(frozen=True)
class Alignment:
    """Units and links over an article set: the product of the align stage."""

    article_set: ArticleSet
    units: tuple[Unit, ...]
    links: tuple[Link, ...]
    # Possible partners below the confident level: shown as suggestions, not links.
    suggestions: tuple[Suggestion, ...] = ()
    _units_of: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        units_of: dict[str, list[int]] = {}
        for number, unit in enumerate(self.units):
            for member in unit.members:
                units_of.setdefault(member, []).append(number)
        object.__setattr__(self, "_units_of", {k: tuple(v) for k, v in units_of.items()})

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.article_set.documents

    def units_of(self, sentence_id: str) -> tuple[Unit, ...]:
        """Units a sentence belongs to (two for a sentence fusing two facts)."""
        return tuple(self.units[i] for i in self._units_of.get(sentence_id, ()))


@dataclass(frozen=True)
class DiffOp:
    """A word-diff operation with spans into both documents' texts.

    For ``insert`` the ``a`` span is empty (its position in ``a``), for
    ``delete`` the ``b`` span is empty.
    """

    kind: OpKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int
