"""Anchors: where a note or a manual correction points, in a form that
survives re-alignment, re-segmentation and reopening the files in another
order or under other names.

An anchor names a document by the sha256 of its text (ids like ``d0`` follow
file order; paths move) and, for a sentence, by its offsets and text. Unit
notes are anchored by the unit's first member sentence and follow whatever
unit holds that sentence after the next alignment: unit ids are not stable.

Public API: ``AnchorKind``, ``Anchor``, ``Resolver``, ``sentence_anchor``,
``unit_anchor``, ``version_anchor``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..model import Alignment, ArticleSet, Document, Sentence, Unit
from ..store.storage import content_hash


class AnchorKind(str, Enum):
    SENTENCE = "sentence"
    UNIT = "unit"
    VERSION = "version"


@dataclass(frozen=True)
class Anchor:
    kind: AnchorKind
    document: str  # sha256 of the document's text
    start: int = 0  # sentence span (sentence and unit anchors)
    end: int = 0
    text: str = ""  # the sentence's text, to find it again if segmentation moved

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad anchor span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        return cls(
            AnchorKind(data["kind"]),
            str(data["document"]),
            int(data.get("start", 0)),
            int(data.get("end", 0)),
            str(data.get("text", "")),
        )


def _sentence_anchor(kind: AnchorKind, document: Document, sentence: Sentence) -> Anchor:
    return Anchor(kind, content_hash(document.text), sentence.start, sentence.end, sentence.text)


def sentence_anchor(article_set: ArticleSet, sentence_id: str) -> Anchor:
    """An anchor for one sentence (by id, e.g. ``d2:s5``)."""
    document = article_set.document_of(sentence_id)
    return _sentence_anchor(AnchorKind.SENTENCE, document, article_set.sentence(sentence_id))


def unit_anchor(alignment: Alignment, unit_id: str) -> Anchor:
    """An anchor for a unit, through its first member sentence."""
    unit = next(u for u in alignment.units if u.id == unit_id)
    first = unit.members[0]
    article_set = alignment.article_set
    return _sentence_anchor(
        AnchorKind.UNIT, article_set.document_of(first), article_set.sentence(first)
    )


def version_anchor(document: Document) -> Anchor:
    """An anchor for a whole version."""
    return Anchor(AnchorKind.VERSION, content_hash(document.text))


class Resolver:
    """Finds anchors in one article set (hashes each document once)."""

    def __init__(self, article_set: ArticleSet) -> None:
        self.article_set = article_set
        self._documents = {content_hash(d.text): d for d in article_set.documents}

    def document(self, anchor: Anchor) -> Document | None:
        return self._documents.get(anchor.document)

    def sentence(self, anchor: Anchor) -> Sentence | None:
        """The sentence at the anchor: same span, else same text, else the one
        covering its start (the text is identical, only segmentation moved)."""
        document = self.document(anchor)
        if document is None or anchor.kind == AnchorKind.VERSION:
            return None
        for sentence in document.sentences:
            if (sentence.start, sentence.end) == (anchor.start, anchor.end):
                return sentence
        for sentence in document.sentences:
            if sentence.text == anchor.text:
                return sentence
        for sentence in document.sentences:
            if sentence.start <= anchor.start < sentence.end:
                return sentence
        return None

    def unit(self, alignment: Alignment, anchor: Anchor) -> Unit | None:
        sentence = self.sentence(anchor)
        if sentence is None:
            return None
        units = alignment.units_of(sentence.id)
        return units[0] if units else None

    def target(self, alignment: Alignment | None, anchor: Anchor) -> str | None:
        """The id the anchor points at now (document, sentence or unit id)."""
        if anchor.kind == AnchorKind.VERSION:
            document = self.document(anchor)
            return document.id if document else None
        if anchor.kind == AnchorKind.SENTENCE:
            sentence = self.sentence(anchor)
            return sentence.id if sentence else None
        unit = self.unit(alignment, anchor) if alignment is not None else None
        return unit.id if unit else None

    def describe(self, alignment: Alignment | None, anchor: Anchor) -> str:
        """A short plain-text label for reports and lists (not escaped)."""
        document = self.document(anchor)
        if document is None:
            return "a version not in this set"
        where = document.outlet or document.name
        if anchor.kind == AnchorKind.VERSION:
            return f"version {where} ({document.name})"
        sentence = self.sentence(anchor)
        quoted = sentence.text if sentence else anchor.text
        if len(quoted) > 90:
            quoted = quoted[:87].rstrip() + "…"
        if anchor.kind == AnchorKind.UNIT:
            target = self.target(alignment, anchor)
            return f"unit {target or '?'} (as {where} has it: “{quoted}”)"
        return f"sentence in {where}: “{quoted}”"
