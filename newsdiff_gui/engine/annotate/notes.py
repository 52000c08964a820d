"""Notes and manual corrections of one article set, kept between sessions.

One JSON file per set under ``data_dir()/notes/<set key>.json``, where the
set key is a hash of the documents' contents (``storage.set_key``): reopening
the same files, in any order and under any names, brings the notes back; a
set with an edited file is another set. Notes are Markdown, on a sentence, a
unit or a whole version, anchored so they survive re-alignment
(``anchors.py``). The manual alignment corrections live in the same file
(``corrections.py``), so the two travel together.

Every change is saved at once, atomically: a crash mid-save leaves the
previous file whole. Saves are safe across processes: each one reads the
file under a lock, merges and writes (``NotesStore`` says how), and opening a
store deletes temporary files a killed save left. A file that cannot be
read, or reads but has the wrong shape, is moved aside to ``.bak`` and
``NotesStore.warnings`` says so, for the GUI to show; if it cannot even be
moved, the store refuses to save (``NotesError``) rather than overwrite it.

Markdown is rendered by ``render_note_html`` with raw HTML off: a note is
the user's text, but may quote article text, which is data, never markup.

Public API: ``Note``, ``NotesStore``, ``NotesError``, ``render_note_html``,
``NOTES_SCHEMA``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from ..model import Alignment, ArticleSet
from ..store.file_lock import locked, remove_stale_temporaries
from ..store.storage import (
    StoreWarning,
    content_hash,
    copy_aside,
    data_dir,
    read_json,
    set_aside,
    set_key,
    write_json,
)
from .anchors import Anchor, Resolver
from .corrections import Correction

NOTES_SCHEMA = "newsdiff-notes/1"
_T = TypeVar("_T")


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


def render_note_html(text: str, image_url: Callable[[str], str | None] | None = None) -> str:
    """Markdown to HTML with raw HTML disabled (``<b>`` shows as text).

    Images are shown only where ``image_url(src)`` gives a URL for them (an
    exercise's own picture files); every other image — a remote one, which a
    browser would fetch when the report is opened, or a path anywhere on the
    reader's disk — is shown as the text ``[image: alt]``, so a note or an
    exercise can neither pull in a private file nor call out, and a report
    stays self-contained.
    """
    from html import escape

    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False})

    def image(_renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
        token = tokens[index]
        alt = "".join(child.content for child in token.children or ())
        src = str(token.attrGet("src") or "")
        url = image_url(src) if image_url is not None else None
        if url is None:
            return f'<span class="image">[image: {escape(alt or src)}]</span>'
        return f'<img src="{escape(url, quote=True)}" alt="{escape(alt, quote=True)}">'

    renderer.add_render_rule("image", image)
    return str(renderer.render(text))


class NotesStore:
    """The notes and corrections of one article set.

    Args:
        article_set: the set the notes belong to (only its texts matter).
        base: folder to use instead of the user data folder (tests, portable use).

    Every change is one transaction under the set's lock (``file_lock``): read
    the file as it is now, apply the change to those records, write, and only
    then update ``notes``/``corrections`` in memory. So records another window
    or process saved since this store last read are kept (merged by id; a
    correction replaces the one on its pair), a failed write changes nothing
    (retrying saves once), and ``notices`` gets a line when the file had been
    changed elsewhere, for the GUI to tell the reader.
    """

    def __init__(self, article_set: ArticleSet, base: str | os.PathLike[str] | None = None) -> None:
        self.article_set = article_set
        self.key = set_key(article_set)
        self.path: Path = data_dir(base) / "notes" / f"{self.key}.json"
        self.notes: list[Note] = []
        self.corrections: list[Correction] = []
        self.warnings: list[StoreWarning] = []
        self.notices: list[str] = []
        self._writable = True
        with locked(self.path, best_effort=True) as held:
            if held:  # nobody is half-way through a write: leftovers are a killed save's
                remove_stale_temporaries(self.path)
            self.reload()

    def reload(self) -> None:
        """Read the file again (``warnings`` gets a line if it was set aside)."""
        self.notes, self.corrections = self._read() or ([], [])

    def _read(self) -> tuple[list[Note], list[Correction]] | None:
        """The records on disk; None when there is no file or it was set aside."""
        data, warning = read_json(self.path, NOTES_SCHEMA)
        if warning is None and data is not None:
            problem = _shape_problem(data)
            if problem:
                warning = set_aside(self.path, problem)
                data = None
        if warning is not None:
            self.warnings.append(warning)
            self._writable = not self.path.exists()
        if data is None:
            return None
        notes: list[Note] = []
        corrections: list[Correction] = []
        skipped = 0
        for item in data.get("notes", ()):
            try:
                notes.append(Note.from_dict(item))
            except (KeyError, TypeError, ValueError, AttributeError):
                skipped += 1
        for item in data.get("corrections", ()):
            try:
                corrections.append(Correction.from_dict(item))
            except (KeyError, TypeError, ValueError, AttributeError):
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
        return notes, corrections

    def save(self) -> None:
        """Write what is in memory, merged with what other processes saved
        meanwhile; raises ``NotesError`` or ``OSError`` if it cannot."""
        self._update(lambda notes, corrections: None)

    def take_notices(self) -> list[str]:
        """Messages for the reader since the last call (the file changed elsewhere…)."""
        notices, self.notices = self.notices, []
        return notices

    def _update(self, change: Callable[[list[Note], list[Correction]], _T]) -> _T:
        """Apply ``change`` to the records on disk under the lock, write them,
        then adopt them in memory. ``change`` may raise (``KeyError``): then
        nothing is written and memory holds the records on disk."""
        if not self._writable:
            raise NotesError(f"{self.path} could not be set aside; not saving over it")
        with locked(self.path):
            known = len(self.warnings)
            disk = self._read()
            self.notices.extend(self.warnings[known:])
            if disk is None:  # no file yet (or it was just set aside): memory is all there is
                notes, corrections = list(self.notes), list(self.corrections)
            else:
                notes, corrections = disk
                if (notes, corrections) != (self.notes, self.corrections):
                    self.notices.append(
                        "The notes of this set were changed in another window; "
                        "both sets of changes are kept."
                    )
                self.notes, self.corrections = list(notes), list(corrections)
            if not self._writable:
                raise NotesError(f"{self.path} could not be set aside; not saving over it")
            result = change(notes, corrections)
            self._write(notes, corrections)
        self.notes, self.corrections = notes, corrections
        return result

    def _write(self, notes: list[Note], corrections: list[Correction]) -> None:
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
                "notes": [n.to_dict() for n in notes],
                "corrections": [c.to_dict() for c in corrections],
            },
        )

    # Notes

    def add_note(self, anchor: Anchor, text: str) -> Note:
        stamp = _now()
        note = Note(uuid.uuid4().hex, anchor, text, stamp, stamp)
        self._update(lambda notes, _: notes.append(note))
        return note

    def edit_note(self, note_id: str, text: str) -> Note:
        """Change a note's text; ``KeyError`` if it no longer exists (deleted elsewhere)."""

        def edit(notes: list[Note], _: list[Correction]) -> Note:
            number = _note_number(notes, note_id)
            notes[number] = replace(notes[number], text=text, modified=_now())
            return notes[number]

        return self._update(edit)

    def remove_note(self, note_id: str) -> None:
        self._update(lambda notes, _: notes.pop(_note_number(notes, note_id)))

    def notes_on(self, alignment: Alignment | None, target_id: str) -> list[Note]:
        """Notes on a document, sentence or unit id of the current alignment."""
        resolver = Resolver(self.article_set)
        return [n for n in self.notes if resolver.target(alignment, n.anchor) == target_id]

    def described_notes(self, alignment: Alignment | None) -> list[tuple[str, Note]]:
        """Each note with a plain-text label of what it is on (for reports)."""
        resolver = Resolver(self.article_set)
        return [(resolver.describe(alignment, n.anchor), n) for n in self.notes]

    def _note_number(self, note_id: str) -> int:
        return _note_number(self.notes, note_id)

    # Corrections

    def add_correction(self, correction: Correction) -> None:
        """Record a correction; it replaces any earlier one on the same pair."""

        def add(_: list[Note], corrections: list[Correction]) -> None:
            corrections[:] = [c for c in corrections if not c.same_pair(correction)]
            corrections.append(correction)

        self._update(add)

    def remove_correction(self, correction: Correction) -> None:
        """Forget the correction on this pair (the aligner's decision returns)."""

        def remove(_: list[Note], corrections: list[Correction]) -> None:
            corrections[:] = [c for c in corrections if not c.same_pair(correction)]

        self._update(remove)


def _note_number(notes: list[Note], note_id: str) -> int:
    for number, note in enumerate(notes):
        if note.id == note_id:
            return number
    raise KeyError(note_id)


def _shape_problem(data: dict[str, Any]) -> str | None:
    """Why a notes file that parsed is still not one, or None."""
    for field in ("notes", "corrections"):
        if not isinstance(data.get(field, []), list):
            return f"its {field!r} is not a list"
    return None
