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
    ADDED = "added"
    OMITTED = "omitted"
    NUMBER = "number"
    ENTITY = "entity"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    HEDGING = "hedging"
    WORDING = "wording"


class Severity(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass(frozen=True)
class Side:
    document: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Change:
    id: str
    type: ChangeType
    severity: Severity
    a: Side | None
    b: Side | None
    explanation: str
    unit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "severity": self.severity.value,
            "a": self.a.as_dict() if self.a else None,
            "b": self.b.as_dict() if self.b else None,
            "explanation": self.explanation,
            "unit": self.unit,
        }
