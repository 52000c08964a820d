"""JSON (the alignment contract plus changes, notes and corrections) and CSV
(one row per change: the one CSV of changes, for ``newsdiff changes --csv``
and every export; text cells a spreadsheet would run as a formula get a
leading ``'``, see ``spreadsheet_safe``)."""

from __future__ import annotations

import csv
import io
import json

from ..annotate.corrections import Correction
from ..annotate.notes import Note
from ..changes import Change
from ..contract import alignment_to_dict
from ..model import Alignment
from .spreadsheet_safe import safe_record

CSV_FIELDS = [
    "id",
    "type",
    "severity",
    "a_document",
    "a_start",
    "a_end",
    "a_text",
    "b_document",
    "b_start",
    "b_end",
    "b_text",
    "explanation",
    "unit",
    "documents",  # the pair compared, "a b" (``set`` for set-wide changes)
    "detail",
]


def json_report(
    alignment: Alignment,
    changes: list[Change],
    notes: list[tuple[str, Note]] | None = None,
    corrections: list[Correction] | None = None,
) -> str:
    """The contract plus ``changes``, ``notes`` (each with ``on``, a label of
    what it is on) and the manual ``corrections`` applied to the alignment."""
    data = alignment_to_dict(alignment)
    data["changes"] = [c.as_dict() for c in changes]
    data["notes"] = [{"on": label, **note.to_dict()} for label, note in notes or []]
    data["corrections"] = [c.to_dict() for c in corrections or []]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def changes_csv(changes: list[Change]) -> str:
    """One row per change, spans and texts of both sides (``CSV_FIELDS``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_FIELDS)
    writer.writeheader()
    for change in changes:
        row: dict[str, object] = {
            "id": change.id,
            "type": change.type.value,
            "severity": change.severity.value,
            "explanation": change.explanation,
            "unit": change.unit or "",
            "documents": " ".join(change.documents),
            "detail": change.detail,
        }
        for prefix, side in (("a", change.a), ("b", change.b)):
            row[f"{prefix}_document"] = side.document if side else ""
            row[f"{prefix}_start"] = side.start if side else ""
            row[f"{prefix}_end"] = side.end if side else ""
            row[f"{prefix}_text"] = side.text if side else ""
        writer.writerow(safe_record(row))
    return buffer.getvalue()
