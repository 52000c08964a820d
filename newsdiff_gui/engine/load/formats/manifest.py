"""Manifests: a researcher describes an article set once.

A manifest is ``newsdiff.json`` or ``manifest.csv`` (in a folder, or given
directly). It lists files — relative to the manifest's folder — in the order
to load them, each with optional ``outlet``, ``date`` and ``title`` that
override what the loader would guess::

    {"documents": [{"file": "reuters.html", "outlet": "Reuters", "date": "2024-11-22"},
                   {"file": "ap.txt", "outlet": "AP"}]}

A bare JSON list of such objects, or of file names, is accepted too. CSV has
a header row with a ``file`` (or ``path``) column and any of ``outlet``,
``date``, ``title``.

Contract: ``read_manifest`` returns the entries in order and the problems
with single entries (an entry without a file name) as ``(where, reason)``;
a manifest that cannot be read at all raises ``ValueError``.

Confinement: every listed file must lie in the manifest's folder or below
it, after symbolic links are followed. An absolute path, a ``..`` that
climbs out or a link that leads out is left out with a reason: a manifest
travels with a shared dataset folder, and one that lists ``/etc/passwd`` or
``~/.ssh/id_rsa`` must not copy a recipient's private files into the report
they later share (the same rule exercises follow).

Public API: ``ManifestEntry``, ``MANIFEST_NAMES``, ``is_manifest``, ``read_manifest``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .text import decode_bytes

MANIFEST_NAMES = ("newsdiff.json", "manifest.csv")
_FIELDS = ("outlet", "date", "title")
_ONLY_INSIDE = "a manifest lists files in its own folder only (not read)"


@dataclass(frozen=True)
class ManifestEntry:
    """One listed file and the metadata the researcher gave for it."""

    path: Path
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


def is_manifest(path: Path) -> bool:
    """Whether a path given directly is a manifest (by name or by suffix)."""
    return path.name.lower() in MANIFEST_NAMES or path.suffix.lower() in (".json", ".csv")


def read_manifest(path: Path, data: bytes) -> tuple[list[ManifestEntry], list[tuple[str, str]]]:
    """Entries of a manifest and the reasons single entries were left out."""
    text, _ = decode_bytes(data)
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _json_rows(text)
    entries: list[ManifestEntry] = []
    problems: list[tuple[str, str]] = []
    for number, row in enumerate(rows, start=1):
        name = row.get("file") or row.get("path")
        if not isinstance(name, str) or not name.strip():
            problems.append((f"{path} entry {number}", "names no file (needs a 'file' field)"))
            continue
        where = f"{path} entry {number} ({name.strip()!r})"
        listed = path.parent / name.strip()
        outside = _outside(path.parent, name.strip())
        if outside:
            problems.append((where, outside))
            continue
        extra = {key: _text(row.get(key)) for key in _FIELDS}
        entries.append(ManifestEntry(listed, **extra))
    if not entries and not problems:
        raise ValueError("this manifest lists no files")
    return entries, problems


def _outside(folder: Path, name: str) -> str | None:
    """Why a listed name leads outside the manifest's folder, or None when it stays in."""
    listed = Path(name)
    if listed.is_absolute() or listed.drive or name.startswith(("/", "\\")):
        return f"is an absolute path; {_ONLY_INSIDE}"
    try:
        root = folder.resolve()
        target = (folder / listed).resolve()
    except (OSError, RuntimeError):  # a link loop: let the loader name it
        return None
    if not target.is_relative_to(root):
        if ".." in listed.parts:
            return f"points outside the manifest's folder; {_ONLY_INSIDE}"
        return f"leads outside the manifest's folder (a link?); {_ONLY_INSIDE}"
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _json_rows(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"this manifest is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ValueError("this manifest is nested too deeply to be a list of files") from None
    if isinstance(data, dict):
        data = data.get("documents", data.get("files"))
    if not isinstance(data, list):
        raise ValueError('this manifest needs a "documents" list')
    rows: list[dict[str, Any]] = []
    for item in data:
        if isinstance(item, str):
            rows.append({"file": item})
        elif isinstance(item, dict):
            rows.append(item)
        else:
            rows.append({})
    return rows


def _csv_rows(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = {name.strip().lower() for name in reader.fieldnames or ()}
    if not fields & {"file", "path"}:
        raise ValueError("this manifest has no 'file' column in its header row")
    return [
        {(k or "").strip().lower(): v for k, v in row.items() if k is not None} for row in reader
    ]
