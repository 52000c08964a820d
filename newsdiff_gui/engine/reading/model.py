"""Records of the reading stage: typed changes and version profiles.

Why frozen dataclasses with plain ``str`` enums: the GUI, the CLI (JSON/CSV)
and tests read the same records, and a ``str`` enum serialises as its value
without a custom encoder. Offsets are Python ``str`` indices into
``Document.text``, like every other span in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class ChangeType(str, Enum):
    """What changed, in journalists' terms (one type per change)."""

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
    """How much a reader should care: facts and quotes high, wording low."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass(frozen=True)
class Side:
    """One side of a change: a span of one document's text."""

    document: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Change:
    """One typed change between version ``a`` (the source) and ``b``.

    ``a`` is ``None`` for content only ``b`` has, ``b`` is ``None`` for content
    ``b`` dropped. ``unit`` is the alignment unit of the row (``None`` when the
    row spans no single unit).
    """

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


@dataclass(frozen=True)
class Mention:
    """A recognised phrase (number, name, date, quote, source, hedge) in a text.

    ``key`` is the normalised form compared across versions ("four" and "4"
    share the key "4"); ``level`` is a certainty level for hedges.
    """

    start: int
    end: int
    key: str
    level: float = 1.0


@dataclass(frozen=True)
class Trait:
    """A whole-version trait ("spun copy", "summary", …) and why it was given."""

    name: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reason": self.reason}


@dataclass(frozen=True)
class SourceGuess:
    """Which other version this one most likely derives from (``None``: none here)."""

    source: str | None
    confidence: float
    evidence: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "confidence": self.confidence, "evidence": self.evidence}


@dataclass(frozen=True)
class VersionProfile:
    """What one version is, relative to the rest of the set."""

    document: str
    words: int
    sentences: int
    share: float
    only_count: int
    only_sentences: tuple[str, ...]
    dropped_units: tuple[str, ...]
    quotes_intact: int
    quotes_altered: int
    spin_score: float
    traits: tuple[Trait, ...]
    likely_source: SourceGuess

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "words": self.words,
            "sentences": self.sentences,
            "share": round(self.share, 3),
            "only_count": self.only_count,
            "only_sentences": list(self.only_sentences),
            "dropped_units": list(self.dropped_units),
            "quotes_intact": self.quotes_intact,
            "quotes_altered": self.quotes_altered,
            "spin_score": round(self.spin_score, 3),
            "traits": [t.as_dict() for t in self.traits],
            "likely_source": self.likely_source.as_dict(),
        }
