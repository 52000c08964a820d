"""Notes and manual corrections of one article set, kept between sessions.

One JSON file per set under ``data_dir()/notes/<set key>.json``, where the
set key is a hash of the documents' contents (``storage.set_key``): reopening
the same files, in any order and under any names, brings the notes back; a
set with an edited file is another set. Notes are Markdown, on a sentence, a
unit or a whole version, anchored so they survive re-alignment
(``anchors.py``). The manual alignment corrections live in the same file
(``corrections.py``), so the two travel together.

Every change is saved at once, atomically: a crash mid-save leaves the
previous file whole. A file that cannot be read is moved aside to ``.bak``
and ``NotesStore.warnings`` says so, for the GUI to show; if it cannot even
be moved, the store refuses to save (``NotesError``) rather than overwrite it.

Markdown is rendered by ``render_note_html`` with raw HTML off: a note is
the user's text, but may quote article text, which is data, never markup.

Public API: ``Note``, ``NotesStore``, ``NotesError``, ``render_note_html``,
``NOTES_SCHEMA``.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..model import Alignment, ArticleSet
from ..store.storage import (
    StoreWarning,
    content_hash,
    copy_aside,
    data_dir,
    read_json,
    set_key,
    write_json,
)
from .anchors import Anchor, Resolver
from .corrections import Correction

NOTES_SCHEMA = "newsdiff-notes/1"


class NotesError(OSError):
    """The notes cannot be saved (the old file could not be set aside)."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Note:
    id: str
    anchor: Anchor
    text: str  # Markdown
    created: str  # ISO 8601, UTC
    modified: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "anchor": self.anchor.to_dict(),
            "text": self.text,
            "created": self.created,
            "modified": self.modified,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        return cls(
            str(data["id"]),
            Anchor.from_dict(data["anchor"]),
            str(data["text"]),
            str(data.get("created", "")),
            str(data.get("modified", data.get("created", ""))),
        )


def render_note_html(text: str) -> str:
    """Markdown to HTML with raw HTML disabled (``<b>`` shows as text)."""
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark", {"html": False}).render(text))


class NotesStore:
    """The notes and corrections of one article set.

    Args:
        article_set: the set the notes belong to (only its texts matter).
        base: folder to use instead of the user data folder (tests, portable use).
    """

    def __init__(self, article_set: ArticleSet, base: str | os.PathLike[str] | None = None) -> None:
        self.article_set = article_set
        self.key = set_key(article_set)
        self.path: Path = data_dir(base) / "notes" / f"{self.key}.json"
        self.notes: list[Note] = []
        self.corrections: list[Correction] = []
        self.warnings: list[StoreWarning] = []
        self._writable = True
        self.reload()

    def reload(self) -> None:
        """Read the file again (``warnings`` gets a line if it was set aside)."""
        data, warning = read_json(self.path, NOTES_SCHEMA)
        self.notes, self.corrections = [], []
        if warning is not None:
            self.warnings.append(warning)
            self._writable = not self.path.exists()
        if data is None:
            return
        skipped = 0
        for item in data.get("notes", ()):
            try:
                self.notes.append(Note.from_dict(item))
            except (KeyError, TypeError, ValueError):
                skipped += 1
        for item in data.get("corrections", ()):
            try:
                self.corrections.append(Correction.from_dict(item))
            except (KeyError, TypeError, ValueError):
                skipped += 1
        if skipped:
            # Keep the whole file as it was before the next save drops them.
            backup = copy_aside(self.path)
            self.warnings.append(
                StoreWarning(
                    f"{skipped} entr{'y' if skipped == 1 else 'ies'} of {self.path.name} "
                    f"could not be read and will be left out; the file was copied to {backup.name}"
                )
            )

    def save(self) -> None:
        """Write atomically; raises ``NotesError`` or ``OSError`` if it cannot."""
        if not self._writable:
            raise NotesError(f"{self.path} could not be set aside; not saving over it")
        documents = [
            {"sha256": content_hash(d.text), "name": d.name, "outlet": d.outlet}
            for d in self.article_set.documents
        ]
        write_json(
            self.path,
            {
                "schema": NOTES_SCHEMA,
                "set": self.key,
                "documents": documents,  # for a person reading the file
                "notes": [n.to_dict() for n in self.notes],
                "corrections": [c.to_dict() for c in self.corrections],
            },
        )

    # Notes

    def add_note(self, anchor: Anchor, text: str) -> Note:
        stamp = _now()
        note = Note(uuid.uuid4().hex, anchor, text, stamp, stamp)
        self.notes.append(note)
        self.save()
        return note

    def edit_note(self, note_id: str, text: str) -> Note:
        number = self._note_number(note_id)
        note = replace(self.notes[number], text=text, modified=_now())
        self.notes[number] = note
        self.save()
        return note

    def remove_note(self, note_id: str) -> None:
        del self.notes[self._note_number(note_id)]
        self.save()

    def notes_on(self, alignment: Alignment | None, target_id: str) -> list[Note]:
        """Notes on a document, sentence or unit id of the current alignment."""
        resolver = Resolver(self.article_set)
        return [n for n in self.notes if resolver.target(alignment, n.anchor) == target_id]

    def described_notes(self, alignment: Alignment | None) -> list[tuple[str, Note]]:
        """Each note with a plain-text label of what it is on (for reports)."""
        resolver = Resolver(self.article_set)
        return [(resolver.describe(alignment, n.anchor), n) for n in self.notes]

    def _note_number(self, note_id: str) -> int:
        for number, note in enumerate(self.notes):
            if note.id == note_id:
                return number
        raise KeyError(note_id)

    # Corrections

    def add_correction(self, correction: Correction) -> None:
        """Record a correction; it replaces any earlier one on the same pair."""
        self.corrections = [c for c in self.corrections if not c.same_pair(correction)]
        self.corrections.append(correction)
        self.save()

    def remove_correction(self, correction: Correction) -> None:
        """Forget the correction on this pair (the aligner's decision returns)."""
        self.corrections = [c for c in self.corrections if not c.same_pair(correction)]
        self.save()
