"""Manual alignment corrections: "link these two sentences", "unlink this pair",
"this possible partner is not one".

The aligner is right most of the time; a researcher who sees a miss fixes it
by hand and the fix must outlive re-alignment and restarts. So a correction
names its two sentences by ``Anchor`` (document content hash + span + text),
is stored with the notes, and is re-applied to every fresh alignment by
``apply_corrections``, which returns a new ``Alignment`` (records are frozen):

* link a↔b: a ``Link(manual=True, score=1.0)`` between them; when they sat in
  different units, the two units merge (the user says they carry the same
  content, and each unit's members carry its content, so all of them do).
* unlink a↔b: every link with a on one side and b on the other goes; if
  their unit no longer connects them, it splits along the remaining links
  (if something else still connects them, b's links go too).
* dismiss a↔b: the reader has seen the aligner's *suggestion* that a and b
  may carry the same content (a link the model doubted, ``Suggestion``) and
  says no. Units and links stay; the suggestion is no longer offered.

Suggestions travel through the corrected alignment, minus those the reader
settled: a pair now in one unit (linked) and a pair dismissed or unlinked are
no longer offered. Why dismissals are corrections: they are the reader's
judgement on a pair of sentences, like links, so they need the same anchors
to outlive re-alignment, the same "a later word on the pair wins" (Link after
Dismiss links), and the same list to undo them from.

Corrections apply in order, so a later one wins over an earlier one on the
same pair. Changed units get their relation recomputed; untouched units and
their ids stay as the aligner made them; split-off parts get ``<id>.<n>``.

Public API: ``CorrectionAction``, ``Correction``, ``link_correction``,
``unlink_correction``, ``dismiss_correction``, ``apply_corrections``,
``unresolved_corrections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..model import Alignment, ArticleSet, Link, Relation, Suggestion, Unit
from .anchors import Anchor, AnchorKind, Resolver, sentence_anchor

# A side with under this share of the other side's words carries only part of it.
_PARTIAL_RATIO = 0.6


class CorrectionAction(str, Enum):
    LINK = "link"
    UNLINK = "unlink"
    DISMISS = "dismiss"  # a suggested possible partner is not one


@dataclass(frozen=True)
class Correction:
    action: CorrectionAction
    a: Anchor
    b: Anchor

    def __post_init__(self) -> None:
        if self.a.kind != AnchorKind.SENTENCE or self.b.kind != AnchorKind.SENTENCE:
            raise ValueError("a correction joins or separates two sentences")
        if self.a.document == self.b.document:
            raise ValueError("a correction links sentences of two different versions")

    def same_pair(self, other: Correction) -> bool:
        return {self.a, self.b} == {other.a, other.b}

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action.value, "a": self.a.to_dict(), "b": self.b.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        return cls(
            CorrectionAction(data["action"]),
            Anchor.from_dict(data["a"]),
            Anchor.from_dict(data["b"]),
        )


def link_correction(article_set: ArticleSet, a: str, b: str) -> Correction:
    """ "These two sentences (ids) carry the same content"."""
    return Correction(
        CorrectionAction.LINK, sentence_anchor(article_set, a), sentence_anchor(article_set, b)
    )


def unlink_correction(article_set: ArticleSet, a: str, b: str) -> Correction:
    """ "These two sentences (ids) do not carry the same content"."""
    return Correction(
        CorrectionAction.UNLINK, sentence_anchor(article_set, a), sentence_anchor(article_set, b)
    )


def dismiss_correction(article_set: ArticleSet, a: str, b: str) -> Correction:
    """ "The suggestion that these two sentences (ids) match is wrong: stop offering it"."""
    return Correction(
        CorrectionAction.DISMISS, sentence_anchor(article_set, a), sentence_anchor(article_set, b)
    )


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _relation(article_set: ArticleSet, members: list[str]) -> Relation | None:
    """A unit's relation, recomputed from its members' texts."""
    sentences = [article_set.sentence(m) for m in members]
    documents = [s.doc_index for s in sentences]
    if len(set(documents)) < 2:
        return None
    if len(set(documents)) != len(documents):
        return Relation.PARTIAL
    if len({_normal(s.text) for s in sentences}) == 1:
        return Relation.VERBATIM
    words = [len(s.text.split()) for s in sentences]
    if min(words) < _PARTIAL_RATIO * max(words):
        return Relation.PARTIAL
    return Relation.REWORDED


class _Editor:
    """Mutable units and links while corrections apply."""

    def __init__(self, alignment: Alignment) -> None:
        self.article_set = alignment.article_set
        self.units: list[tuple[str, list[str], Relation | None]] = [
            (u.id, list(u.members), u.relation) for u in alignment.units
        ]
        self.links = list(alignment.links)
        self.suggestions = alignment.suggestions
        self.ids = {u.id for u in alignment.units}
        self.rejected: set[frozenset[str]] = set()  # pairs dismissed or unlinked

    def reject(self, a: str, b: str) -> None:
        """The reader said a and b are not partners: no suggestion offers them."""
        self.rejected.add(frozenset((a, b)))

    def accept(self, a: str, b: str) -> None:
        """A link after a dismissal on the same pair: the later word wins."""
        self.rejected.discard(frozenset((a, b)))

    def _offered(self, suggestion: Suggestion) -> bool:
        """Still a question for the reader: neither rejected nor already joined."""
        pairs = [(a, b) for a in suggestion.a for b in suggestion.b]
        if any(frozenset(pair) in self.rejected for pair in pairs):
            return False
        return not any(
            (unit := self.unit_of(a)) is not None and unit == self.unit_of(b) for a, b in pairs
        )

    def unit_of(self, sentence_id: str) -> int | None:
        for number, (_, members, _) in enumerate(self.units):
            if sentence_id in members:
                return number
        return None

    def _sorted(self, members: list[str]) -> list[str]:
        sentence = self.article_set.sentence
        unique = list(dict.fromkeys(members))
        return sorted(unique, key=lambda m: (sentence(m).doc_index, sentence(m).index))

    def _touches(self, link: Link, a: str, b: str) -> bool:
        return (a in link.a and b in link.b) or (b in link.a and a in link.b)

    def link(self, a: str, b: str) -> None:
        self.links = [x for x in self.links if not self._touches(x, a, b)]
        relation = _relation(self.article_set, [a, b]) or Relation.REWORDED
        self.links.append(Link((a,), (b,), relation, 1.0, manual=True))
        ua, ub = self.unit_of(a), self.unit_of(b)
        if ua is not None and ua == ub:
            return
        if ua is None and ub is None:
            members = self._sorted([a, b])
            self.units.append((self._new_id("m"), members, _relation(self.article_set, members)))
            return
        if ua is None or ub is None:
            keep, extra = (ub, [a]) if ua is None else (ua, [b])
            assert keep is not None
            unit_id, members, _ = self.units[keep]
            merged = self._sorted(members + extra)
            self.units[keep] = (unit_id, merged, _relation(self.article_set, merged))
            return
        first, second = sorted((ua, ub))
        unit_id, members, _ = self.units[first]
        merged = self._sorted(members + self.units[second][1])
        self.units[first] = (unit_id, merged, _relation(self.article_set, merged))
        del self.units[second]

    def unlink(self, a: str, b: str) -> None:
        self.links = [x for x in self.links if not self._touches(x, a, b)]
        number = self.unit_of(a)
        if number is None or number != self.unit_of(b):
            return
        members = self.units[number][1]
        parts = self._components(members)
        if any(a in part and b in part for part in parts):
            self.links = [x for x in self.links if b not in x.a and b not in x.b]
            parts = self._components(members)
        unit_id = self.units[number][0]
        parts.sort(key=lambda part: a not in part)  # the part holding a keeps the id
        replacement = []
        for index, part in enumerate(parts):
            part_id = unit_id if index == 0 else self._new_id(f"{unit_id}.")
            members_sorted = self._sorted(part)
            replacement.append(
                (part_id, members_sorted, _relation(self.article_set, members_sorted))
            )
        self.units[number : number + 1] = replacement

    def _components(self, members: list[str]) -> list[list[str]]:
        parent = {m: m for m in members}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for link in self.links:
            joined = [m for m in (*link.a, *link.b) if m in parent]
            for other in joined[1:]:
                parent[find(other)] = find(joined[0])
        groups: dict[str, list[str]] = {}
        for member in members:
            groups.setdefault(find(member), []).append(member)
        return list(groups.values())

    def _new_id(self, prefix: str) -> str:
        number = 1
        while f"{prefix}{number}" in self.ids:
            number += 1
        self.ids.add(f"{prefix}{number}")
        return f"{prefix}{number}"

    def alignment(self) -> Alignment:
        units = tuple(Unit(i, tuple(m), r) for i, m, r in self.units)
        suggestions = tuple(s for s in self.suggestions if self._offered(s))
        return Alignment(self.article_set, units, tuple(self.links), suggestions)


def apply_corrections(alignment: Alignment, corrections: list[Correction]) -> Alignment:
    """A new alignment with ``corrections`` applied in order.

    Corrections whose sentences are not in this set (another set's, or a
    file changed since) are skipped; ``unresolved_corrections`` lists them.
    """
    if not corrections:
        return alignment
    resolver = Resolver(alignment.article_set)
    editor = _Editor(alignment)
    for correction in corrections:
        a, b = resolver.sentence(correction.a), resolver.sentence(correction.b)
        if a is None or b is None or a.doc_index == b.doc_index:
            continue
        if correction.action == CorrectionAction.LINK:
            editor.accept(a.id, b.id)
            editor.link(a.id, b.id)
        elif correction.action == CorrectionAction.UNLINK:
            editor.reject(a.id, b.id)
            editor.unlink(a.id, b.id)
        else:
            editor.reject(a.id, b.id)
    return editor.alignment()


def unresolved_corrections(
    article_set: ArticleSet, corrections: list[Correction]
) -> list[Correction]:
    """Corrections that name a sentence this set does not have."""
    resolver = Resolver(article_set)
    return [
        c for c in corrections if resolver.sentence(c.a) is None or resolver.sentence(c.b) is None
    ]


__all__ = [
    "Correction",
    "CorrectionAction",
    "apply_corrections",
    "dismiss_correction",
    "link_correction",
    "unlink_correction",
    "unresolved_corrections",
]
