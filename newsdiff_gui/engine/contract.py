"""The alignment JSON contract (schema ``newsdiff-alignment/1``) of DESIGN.md.

Contract: fields are only ever added, never renamed; offsets are Python
``str`` indices into each document's ``text``. The boilerplate reason and
document metadata are additions the contract allows.

Public API: ``SCHEMA``, ``alignment_to_dict``.
"""

from __future__ import annotations

from typing import Any

from .model import Alignment

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
    }
