"""Added and omitted content of each version against the whole set.

The pair view asks "what does b add to or leave out of a"; the overview and
a set-wide change list ask "what does this version alone carry, and what does
it leave out that most versions carry". Both come from the units: a unit with
members in one version only is ``added`` in that version; a unit that more
than half of the *other* versions carry and this version lacks is ``omitted``
from it. Such changes have ``documents == ("set", version id)``.

Public API: ``read_set_changes``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..compare.labels import label_names
from ..model import Alignment, Document
from .model import Change, ChangeType, Severity, Side

SET = "set"


def _carriers(alignment: Alignment) -> list[dict[str, list[str]]]:
    """Per unit: document id -> its member sentence ids (content sentences with
    words only: a lone "." is layout, as the views treat it)."""
    out = []
    for unit in alignment.units:
        by_document: dict[str, list[str]] = {}
        for member in unit.members:
            sentence = alignment.article_set.sentence(member)
            if sentence.is_boilerplate or not sentence.has_words:
                continue
            by_document.setdefault(alignment.documents[sentence.doc_index].id, []).append(member)
        out.append(by_document)
    return out


def _side(alignment: Alignment, sentence_ids: list[str]) -> Side:
    sentences = sorted(
        (alignment.article_set.sentence(i) for i in sentence_ids), key=lambda s: s.index
    )
    document = alignment.documents[sentences[0].doc_index]
    start, end = sentences[0].start, sentences[-1].end
    return Side(document.id, start, end, document.text[start:end])


def read_set_changes(
    alignment: Alignment, documents: Iterable[Document] | None = None
) -> list[Change]:
    """``added`` (only this version) and ``omitted`` (most others carry it) per version.

    Args:
        alignment: the N-way alignment.
        documents: the versions to report on (default: all, in the order given).
    """
    carriers = _carriers(alignment)
    others = len(alignment.documents) - 1
    changes: list[Change] = []
    names = label_names(alignment.documents)  # "C · AP 10:02": unique, unlike outlets
    for document in documents if documents is not None else alignment.documents:
        reported: set[str] = set()
        for unit, by_document in zip(alignment.units, carriers, strict=True):
            if not by_document:
                continue
            if set(by_document) == {document.id}:
                members = [m for m in by_document[document.id] if m not in reported]
                if not members:
                    continue  # a sentence fusing two facts of this version alone
                reported.update(members)
                changes.append(
                    Change(
                        f"s{len(changes)}",
                        ChangeType.ADDED,
                        Severity.MEDIUM,
                        None,
                        _side(alignment, members),
                        f"Only {names.get(document.id, document.outlet)} has this.",
                        unit.id,
                        (SET, document.id),
                        "only here",
                    )
                )
            elif document.id not in by_document and len(by_document) > others / 2:
                first = min(
                    by_document.values(),
                    key=lambda ids: alignment.article_set.sentence(ids[0]).doc_index,
                )
                changes.append(
                    Change(
                        f"s{len(changes)}",
                        ChangeType.OMITTED,
                        Severity.MEDIUM,
                        _side(alignment, first),
                        None,
                        f"{names.get(document.id, document.outlet)} leaves this out; "
                        f"{len(by_document)} of {others} other versions carry it.",
                        unit.id,
                        (SET, document.id),
                        f"carried by {len(by_document)} of {others}",
                    )
                )
    return changes
