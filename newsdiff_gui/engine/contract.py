"""The alignment JSON contract (schema ``newsdiff-alignment/1``) of DESIGN.md.

Contract: fields are only ever added, never renamed; offsets are Python
``str`` indices into each document's ``text``. The boilerplate reason and
document metadata are additions the contract allows.

Public API: ``SCHEMA``, ``alignment_to_dict``, ``alignment_from_dict``.
"""

from __future__ import annotations

from typing import Any

from .model import Alignment, ArticleSet, Link, Relation, Suggestion, Unit

SCHEMA = "newsdiff-alignment/1"


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    documents = []
    for document in alignment.documents:
        documents.append(
            {
                "id": document.id,
                "path": document.path,
                "title": document.title,
                "outlet": document.outlet,
                "date": document.date,
                "encoding": document.encoding,
                "text": document.text,
                "paragraphs": [{"start": p.start, "end": p.end} for p in document.paragraphs],
                "sentences": [
                    {
                        "id": s.id,
                        "start": s.start,
                        "end": s.end,
                        "paragraph": s.paragraph,
                        "text": s.text,
                        "boilerplate": s.boilerplate,
                    }
                    for s in document.sentences
                ],
            }
        )
    return {
        "schema": SCHEMA,
        "documents": documents,
        "units": [
            {
                "id": u.id,
                "members": list(u.members),
                "relation": u.relation.value if u.relation else None,
            }
            for u in alignment.units
        ],
        "links": [
            {
                "a": list(link.a),
                "b": list(link.b),
                "relation": link.relation.value,
                "score": link.score,
                "manual": link.manual,
            }
            for link in alignment.links
        ],
        "suggestions": [
            {"a": list(s.a), "b": list(s.b), "score": s.score} for s in alignment.suggestions
        ],
    }


def alignment_from_dict(data: dict[str, Any], article_set: ArticleSet) -> Alignment:
    """Rebuild an ``Alignment`` over ``article_set`` from ``alignment_to_dict`` output.

    The documents come from ``article_set`` (current paths and titles); the
    stored ones only vouch that the units fit them. Raises ``ValueError`` when
    they do not: another schema, other texts, or sentences segmented
    differently (a newer segmenter), so a stale cache entry is never trusted.
    """
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    stored = data.get("documents")
    if not isinstance(stored, list) or len(stored) != len(article_set.documents):
        raise ValueError("the stored alignment has a different number of documents")
    for entry, document in zip(stored, article_set.documents, strict=True):
        if entry.get("id") != document.id or entry.get("text") != document.text:
            raise ValueError(f"document {document.id} differs from the stored alignment")
        spans = [(s.get("id"), s.get("start"), s.get("end")) for s in entry.get("sentences", ())]
        if spans != [(s.id, s.start, s.end) for s in document.sentences]:
            raise ValueError(f"document {document.id} is segmented differently")
    known = {s.id for d in article_set.documents for s in d.sentences}

    def members(ids: Any) -> tuple[str, ...]:
        result = tuple(str(i) for i in ids)
        if not result or not set(result) <= known:
            raise ValueError("the stored alignment names unknown sentences")
        return result

    units = tuple(
        Unit(
            str(u["id"]),
            members(u["members"]),
            Relation(u["relation"]) if u.get("relation") else None,
        )
        for u in data.get("units", ())
    )
    links = tuple(
        Link(
            members(link["a"]),
            members(link["b"]),
            Relation(link["relation"]),
            float(link["score"]),
            bool(link.get("manual", False)),
        )
        for link in data.get("links", ())
    )
    suggestions = tuple(
        Suggestion(members(s["a"]), members(s["b"]), float(s["score"]))
        for s in data.get("suggestions", ())
    )
    return Alignment(article_set, units, links, suggestions)
