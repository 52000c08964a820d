"""Typed changes between two versions, as a journalist would name them.

Contract: every ``Side`` spans ``Document.text`` (Python ``str`` indices, end
exclusive) and its ``text`` equals that slice; a side is ``None`` where the
version has nothing (added/omitted content). ``type`` is exactly one of
``ChangeType``; the JSON form is stable (fields only ever added).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class ChangeType(str, Enum):
    """The ten change types; the values are the JSON ``type`` strings."""

    ADDED = "added"
    OMITTED = "omitted"
    NUMBER = "number"
    ENTITY = "entity"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    HEDGING = "hedging"
    NEGATION = "negation"
    WORDING = "wording"


class Severity(str, Enum):
    """How much a reader should care: a changed number or quote is ``high``,
    spinner synonyms are ``low``, a quote kept intact is ``info``."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass(frozen=True)
class Side:
    """A span of one version: ``text == Document.text[start:end]``."""

    document: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Change:
    """One thing a journalist would flag. ``a`` is the earlier/left version's
    span, ``b`` the later/right one's; either is ``None`` when that version has
    nothing (``added``: a is None; ``omitted``: b is None)."""

    id: str
    type: ChangeType
    severity: Severity
    a: Side | None
    b: Side | None
    explanation: str
    unit: str | None = None
    # Added fields (the JSON only ever gains fields):
    documents: tuple[str, str] = ("", "")  # the versions compared, (a, b); "set" for the set
    detail: str = ""  # machine-readable subtype: "changed", "dropped", "truncated", "speaker" …

    def __post_init__(self) -> None:
        if self.a is None and self.b is None:
            raise ValueError(f"change {self.id} has no side")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "severity": self.severity.value,
            "a": self.a.as_dict() if self.a else None,
            "b": self.b.as_dict() if self.b else None,
            "explanation": self.explanation,
            "unit": self.unit,
            "documents": list(self.documents),
            "detail": self.detail,
        }
