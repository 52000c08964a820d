"""Read article files into segmented ``Document`` records.

Contract: bytes are decoded (UTF-8, UTF-8 with BOM, UTF-16 with BOM, then
cp1252 as a last resort) and kept exactly as decoded — every later span
indexes that text. Nothing is ever written to an input file. Problems are
raised as ``InputError`` naming the file and the reason, so the CLI can print
one line and the GUI can list skipped files.

Public API: ``InputError``, ``decode_bytes``, ``load_document``,
``load_article_set``, ``expand_inputs``, ``SUPPORTED_SUFFIXES``.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .model import ArticleSet, Document
from .segment import segment_document

SUPPORTED_SUFFIXES = (".txt", ".md", ".text")

# Files larger than this are refused rather than freezing the reader.
MAX_FILE_BYTES = 50 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program binary",
}


class InputError(Exception):
    """An input file that cannot be read as an article."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``ValueError`` for binary data."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"this is {what}, not an article text")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ValueError("this looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError("the bytes are neither UTF-8, UTF-16 nor cp1252 text") from exc
    return text, "cp1252"


_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_AGENCY = re.compile(r"\((Reuters|AP|AFP|Bloomberg|Realist English|[A-Z][\w ]{1,30})\)")
_SITE_ICON = re.compile(r"^Site icon\s+(.+?)(?::|$)", re.MULTILINE)
_NEWS_NAMES = re.compile(
    r"\b(Reuters|Associated Press|AFP|NBC News|CNN|BBC|Bloomberg|The Guardian|"
    r"The New York Times|Washington Post|Al Jazeera)\b"
)


def _guess_metadata(text: str, path: Path) -> tuple[str, str, str | None]:
    """Title, outlet and date from the text where it says so, else the file name."""
    sentences_like = [line.strip() for line in text.splitlines() if line.strip()]
    title = ""
    for line in sentences_like[:4]:
        if line.lower().startswith("site icon") or _DATE_LINE.match(line):
            continue
        title = line
        break
    if len(title) > 90:
        cut = title.rfind(" ", 0, 87)
        title = title[: cut if cut > 40 else 87].rstrip(" ,;:") + "…"
    title = title or path.stem

    outlet = ""
    icon = _SITE_ICON.search(text)
    if icon:
        outlet = icon.group(1).strip()
    if not outlet:
        agency = _AGENCY.search(text[:400])
        if agency:
            outlet = agency.group(1)
    if not outlet:
        named = _NEWS_NAMES.search(text[:600])
        if named:
            outlet = f"via {named.group(1)}"
    outlet = outlet or path.stem

    date_match = _DATE_LINE.match(text) or _ISO_DATE.search(text[:300])
    date = date_match.group(1) if date_match else None
    return title, outlet, date


def load_document(path: str | os.PathLike[str], doc_index: int) -> Document:
    """Read, decode and segment one article file."""
    file_path = Path(path)
    try:
        if file_path.is_dir():
            raise InputError(path, "is a folder, not a file")
        size = file_path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"is too large ({size // (1024 * 1024)} MB)")
        data = file_path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    if not text.strip():
        raise InputError(path, "is empty (no text to compare)")
    title, outlet, date = _guess_metadata(text, file_path)
    document = Document(
        id=f"d{doc_index}",
        path=str(path),
        text=text,
        title=title,
        outlet=outlet,
        date=date,
        encoding=encoding,
    )
    return segment_document(document, doc_index)


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Turn files and folders into a file list; folders give their supported files by name."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not found:
                raise InputError(path, "folder holds no article files (.txt, .md)")
            files.extend(found)
        else:
            files.append(path)
    return files


def load_article_set(paths: Sequence[str | os.PathLike[str]]) -> ArticleSet:
    """Load every file; raise ``InputError`` on the first one that cannot be read."""
    documents = [load_document(path, index) for index, path in enumerate(paths)]
    return ArticleSet(tuple(documents))


def documents_from_texts(named_texts: Sequence[tuple[str, str]]) -> ArticleSet:
    """Build a set from in-memory texts (tests, pasted versions)."""
    documents = []
    for index, (name, text) in enumerate(named_texts):
        title, outlet, date = _guess_metadata(text, Path(name))
        document = Document(f"d{index}", name, text, title, outlet, date)
        documents.append(segment_document(document, index))
    return ArticleSet(tuple(documents))
