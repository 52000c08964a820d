"""Read article files into segmented ``Document`` records.

Contract: a file's bytes become one text — decoded exactly for plain text
and Markdown (UTF-8, UTF-8 with BOM, UTF-16, then cp1252 as a last resort),
the extracted article for converted formats (saved web pages, .docx) — and
every later span indexes that text. Nothing is ever written to an input
file. Problems are ``InputError``s naming the file and the reason in words,
so the CLI can print one line and the GUI can list skipped files.

Two ways to load a set:

* ``load_article_set_lenient(paths)`` loads every file it can and returns a
  ``LoadReport``: the ``ArticleSet`` plus the skipped files with reasons
  (missing, empty, binary, undecodable, too large, unreadable, duplicate…).
  Document ids are ``d0..dN-1`` in load order, skipped files leave no hole.
  The CLI and the GUI both use this.
* ``load_article_set(paths)`` raises on the first file that cannot be read.

Inputs: files (``SUPPORTED_SUFFIXES``; a web page or Word file saved under
another suffix is recognised by its content), folders (their supported files
sorted by name, or the files their manifest lists) and manifests
(``newsdiff.json`` / ``manifest.csv``, see ``formats.manifest``), whose
outlet/date/title override what is guessed. Conversions live in
``engine/formats/``, one module per format.

Limits: files over ``MAX_FILE_BYTES`` and texts over ``MAX_TEXT_CHARS`` are
refused with a reason, because alignment time grows faster than linearly
with a document's length and a reader must not freeze on a stray dump; a
set stops taking versions at ``set_limits.MAX_VERSIONS`` or
``set_limits.MAX_SET_CHARS`` characters in all (the rest are skipped with
the reason).

Public API: ``InputError``, ``LoadReport``, ``decode_bytes``,
``load_document``, ``document_from_text``, ``load_article_set``,
``load_article_set_lenient``, ``collect_inputs``, ``expand_inputs``,
``documents_from_texts``, ``SUPPORTED_SUFFIXES``, ``MAX_FILE_BYTES``,
``MAX_TEXT_CHARS``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import ArticleSet, Document
from ..segment.chrome import looks_like_an_authors_name, page_chrome
from ..segment.sentences import segment_document
from ..segment.setwide import article_set
from .errors import InputError
from .formats import Extracted
from .formats.docx import extract_docx, looks_like_docx
from .formats.html import extract_html, looks_like_html
from .formats.manifest import MANIFEST_NAMES, ManifestEntry, is_manifest, read_manifest
from .formats.text import decode_bytes, extract_text
from .set_limits import set_limit_problem

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "InputError",
    "LoadReport",
    "collect_inputs",
    "decode_bytes",
    "document_from_text",
    "documents_from_texts",
    "expand_inputs",
    "load_article_set",
    "load_article_set_lenient",
    "load_document",
]

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES

# Files larger than this are refused before reading: even a saved web page
# with its styles and scripts inline stays well under it.
MAX_FILE_BYTES = 16 * 1024 * 1024
# Texts longer than this (after decoding or extraction) are refused: about
# 33,000 words, twice the longest feature article. Segmentation is
# linear (20 MB in about 5 s) but a pair of 1,000,000-character texts took
# minutes to align, and a reader must not sit for minutes on a log file
# dropped by mistake. Two texts of this length align, diff, read and export
# in seconds (``set_limits`` caps the set as a whole).
MAX_TEXT_CHARS = 200_000


@dataclass(frozen=True)
class LoadReport:
    """What a lenient load produced: the set, and every file left out with why.

    ``skipped`` holds ``InputError``s (``.path``, ``.reason``) in the order
    they were met; ``skipped_pairs`` gives them as ``(path, reason)``.
    """

    article_set: ArticleSet
    skipped: tuple[InputError, ...]
    # Files kept although their text equals an earlier one's (``keep_duplicates``).
    identical: tuple[InputError, ...] = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.article_set.documents

    @property
    def skipped_pairs(self) -> list[tuple[str, str]]:
        return [(error.path, error.reason) for error in self.skipped]

    @property
    def comparable(self) -> bool:
        """Whether at least two versions loaded (anything less is nothing to compare)."""
        return len(self.article_set) >= 2


# ---------------------------------------------------------------- metadata

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
# Where a page names the agency it carries: a known agency in brackets
# anywhere in its head, or any bracketed name after a capitalised dateline
# ("HELSINKI (Sputnik) —") or opening a paragraph ("(Daily Wire) An animated
# …"). Other brackets are asides: "(July 15)", "(Getty Images)", "10:00AM (UTC)".
_AGENCY = re.compile(
    r"\((Reuters|AP|AFP|Bloomberg|Realist English)\)"
    r"|^[A-Z]{3,}[\w.,'\- ]{0,30}?\s\(([A-Z][\w ]{1,30})\)\s*[-—–]"
    r"|^\(([A-Z][\w ]{1,30})\)[ \t]+(?=[A-Z])",
    re.MULTILINE,
)
# A time zone, a picture credit, or a place in capitals ("(HELSINKI) —").
_NOT_AN_AGENCY = re.compile(
    r"UTC|GMT|[ECMPA][SD]?T|BST|CES?T|Getty Images|File|Photo|Video|[A-Z][A-Z .]{4,}"
)
_SITE_ICON = re.compile(r"^Site icon\s+(.+?)(?::|$)", re.MULTILINE)
_NEWS_NAMES = re.compile(
    r"\b(Reuters|Associated Press|AFP|NBC News|CNN|BBC|Bloomberg|The Guardian|"
    r"The New York Times|Washington Post|Al Jazeera)\b"
)
# Markdown lines that cannot be a title: rules, images, bare links.
_NOT_A_TITLE = re.compile(r"^(?:(?:[-*_]\s*){3,}$|!\[|\[[^\]]*\]\([^)]*\)$)")
# Metadata is guessed from the head of the text only: reading all of a long
# file for a title is wasted work.
_HEAD_CHARS = 4000


# A line crediting a picture names the photo agency, not the story's source
# ("AFP PHOTO / SPUTNIK / … /AFP/Getty Images" over an AP story).
_PICTURE_CREDIT = re.compile(r"(?i)\bphoto\b|getty|\bimages?\b|/\s*file\b|\bcredit\b")


def _carried_agency(text: str) -> str | None:
    """The news organisation a page says it carries: one named in a byline
    ("By Jonathan Lemire … Associated Press") first, else the first named in
    the head's other lines, picture credits left out."""
    lines = text[:1200].splitlines()
    for line in lines:
        named = _NEWS_NAMES.search(line)
        if named and line.lstrip().lower().startswith("by "):
            return named.group(1)
    offset = 0
    for line in lines:
        if offset >= 600:
            break
        named = _NEWS_NAMES.search(line[: 600 - offset])  # the head only, as before
        offset += len(line) + 1
        if named and not _PICTURE_CREDIT.search(line):
            return named.group(1)
    return None


def _guess_metadata(text: str, path: Path) -> tuple[str, str, str | None]:
    """Title, outlet and date from the text where it says so, else the file name."""
    head = text[:_HEAD_CHARS]
    sentences_like = [line.strip() for line in head.splitlines() if line.strip()]
    title = ""
    for index, line in enumerate(sentences_like[:6]):
        if line.lower().startswith("site icon") or _DATE_LINE.match(line):
            continue
        following = sentences_like[index + 1] if index + 1 < len(sentences_like) else ""
        if page_chrome(following) == "date line" and looks_like_an_authors_name(line, text):
            continue  # the byline without its "By", over the date
        if _NOT_A_TITLE.match(line) or page_chrome(line):
            continue  # a rule, an image, or the page's furniture ("A A", "Updated")
        title = line.lstrip("#").strip() if line.startswith("#") else line
        if title:
            break
    if len(title) > 90:
        cut = title.rfind(" ", 0, 87)
        title = title[: cut if cut > 40 else 87].rstrip(" ,;:") + "…"
    title = title or path.stem

    outlet = ""
    icon = _SITE_ICON.search(head)
    if icon:
        outlet = icon.group(1).strip()
    if not outlet:
        outlet = next(
            (
                name
                for match in _AGENCY.finditer(text[:400])
                for name in match.groups()
                if name and not _NOT_AN_AGENCY.fullmatch(name)
            ),
            "",
        )
    if not outlet:
        named = _carried_agency(text)
        if named:
            outlet = f"via {named}"
    outlet = outlet or path.stem

    date_match = _DATE_LINE.match(text) or _ISO_DATE.search(text[:300])
    date = date_match.group(1) if date_match else None
    return title, outlet, date


# ---------------------------------------------------------------- one file


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``InputError`` saying in words why not."""
    try:
        info = path.stat()  # follows symlinks: a loop or dangling link fails here
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(path, "is a broken symbolic link") from None
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied (cannot reach the file)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "is a symbolic link loop") from None
        raise InputError(path, exc.strerror or "cannot be read") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or a device would block or never end.
        raise InputError(path, "is not a regular file (a pipe, socket or device)")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(
            path,
            f"is too large ({info.st_size / 2**20:.1f} MB; newsdiff reads files up to "
            f"{MAX_FILE_BYTES // 2**20} MB)",
        )
    # os.access asks the kernel with the real uid, so it also covers ACLs.
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied (no read permission)")
    try:
        with open(path, "rb") as handle:  # read-only: inputs are never modified
            return handle.read()
    except PermissionError:
        raise InputError(path, "permission denied (no read permission)") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None


def _convert(path: Path, data: bytes) -> Extracted:
    """Pick the converter by suffix, or by content for a mislabelled file."""
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_docx(data)):
        return extract_docx(data)
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return extract_html(data)
    return extract_text(data)


def _make_document(
    extracted: Extracted,
    path: str | os.PathLike[str],
    doc_index: int,
    entry: ManifestEntry | None = None,
) -> Document:
    """Check the text, fill in metadata (manifest > format > guess), segment."""
    text = extracted.text
    if not text.strip():
        raise InputError(path, "is empty (no text to compare)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"is too long ({len(text):,} characters of text; newsdiff compares articles "
            f"up to {MAX_TEXT_CHARS:,})",
        )
    title, outlet, date = _guess_metadata(text, Path(path))
    title = extracted.title or title
    outlet = extracted.outlet or outlet
    date = extracted.date or date
    if entry is not None:
        title = entry.title or title
        outlet = entry.outlet or outlet
        date = entry.date or date
    document = Document(
        id=f"d{doc_index}",
        path=str(path),
        text=text,
        title=title,
        outlet=outlet,
        date=date,
        encoding=extracted.encoding,
    )
    segmented = segment_document(document, doc_index)
    named = extracted.title or (entry is not None and entry.title)
    return segmented if named else _title_past_chrome(segmented)


def _title_past_chrome(document: Document) -> Document:
    """A guessed title that segmentation found to be the page's furniture (a
    share bar, a byline, a photo credit) gives way to the first content line."""
    chrome = {s.text.strip() for s in document.sentences if s.is_boilerplate}
    if document.title not in chrome:
        return document
    first = next((s.text.strip() for s in document.sentences if not s.is_boilerplate), "")
    if not first:
        return document
    if len(first) > 90:
        cut = first.rfind(" ", 0, 87)
        first = first[: cut if cut > 40 else 87].rstrip(" ,;:") + "…"
    return replace(document, title=first)


def load_document(
    path: str | os.PathLike[str], doc_index: int, entry: ManifestEntry | None = None
) -> Document:
    """Read, convert and segment one article file.

    ``entry`` carries metadata from a manifest, which wins over anything guessed.
    """
    file_path = Path(path)
    data = _read_bytes(file_path)
    try:
        extracted = _convert(file_path, data)
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    return _make_document(extracted, path, doc_index, entry)


def document_from_text(text: str, name: str, index: int) -> Document:
    """A version from text in memory ("Paste as New Version").

    ``name`` is shown where a file name would be; ``index`` makes the id
    ``d{index}`` (give ``len(article_set)`` to append). Raises ``InputError``
    for empty or overlong text, like a file would.
    """
    return _make_document(Extracted(text=text, encoding="pasted"), name, index)


def documents_from_texts(named_texts: Sequence[tuple[str, str]]) -> ArticleSet:
    """Build a set from in-memory ``(name, text)`` pairs (tests, pasted versions)."""
    documents = [
        document_from_text(text, name, index) for index, (name, text) in enumerate(named_texts)
    ]
    return article_set(documents)


# ---------------------------------------------------------------- many files


def _is_ignorable(path: Path) -> bool:
    """Files a folder listing passes over silently: hidden files, Word lock
    files, editor backups, manifests themselves."""
    name = path.name
    return (
        name.startswith((".", "~$"))
        or name.endswith("~")
        or name.lower() in MANIFEST_NAMES
        or name.lower() in ("thumbs.db", "desktop.ini")
    )


def _folder_entries(
    folder: Path, report_unsupported: bool
) -> tuple[list[ManifestEntry], list[InputError]]:
    for name in MANIFEST_NAMES:
        manifest = folder / name
        if manifest.is_file():
            return _manifest_entries(manifest)
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except PermissionError:
        return [], [InputError(folder, "permission denied (cannot list the folder)")]
    except OSError as exc:
        return [], [InputError(folder, exc.strerror or "cannot list the folder")]
    entries: list[ManifestEntry] = []
    skipped: list[InputError] = []
    for child in children:
        if _is_ignorable(child) or child.is_dir():
            continue  # no recursion: a saved page's "_files" folder holds no articles
        if child.suffix.lower() in SUPPORTED_SUFFIXES:
            entries.append(ManifestEntry(child))
        elif report_unsupported:
            kind = child.suffix.lower() or "no suffix"
            skipped.append(InputError(child, f"not a file type newsdiff reads ({kind})"))
    if not entries:
        skipped.append(
            InputError(folder, "folder holds no article files (.txt, .md, .html, .docx)")
        )
    return entries, skipped


def _manifest_entries(manifest: Path) -> tuple[list[ManifestEntry], list[InputError]]:
    try:
        data = _read_bytes(manifest)
        entries, problems = read_manifest(manifest, data)
    except InputError as error:
        return [], [error]
    except ValueError as exc:
        return [], [InputError(manifest, str(exc))]
    return entries, [InputError(where, reason) for where, reason in problems]


def collect_inputs(
    paths: Iterable[str | os.PathLike[str]], report_unsupported: bool = True
) -> tuple[list[ManifestEntry], list[InputError]]:
    """Files to load (with any manifest metadata) and the inputs already known bad.

    A folder gives the files its manifest lists, else its supported files
    sorted by name (other files are reported when ``report_unsupported``); a
    manifest given directly gives its files; anything else is taken as a file.
    """
    entries: list[ManifestEntry] = []
    skipped: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, problems = _folder_entries(path, report_unsupported)
        elif is_manifest(path) and path.is_file():
            found, problems = _manifest_entries(path)
        else:
            found, problems = [ManifestEntry(path)], []
        entries.extend(found)
        skipped.extend(problems)
    return entries, skipped


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Turn files, folders and manifests into a file list; raise on the first bad one.

    Files of other types inside a folder are passed over; manifest metadata
    is dropped (use ``collect_inputs`` or ``load_article_set_lenient`` to keep it).
    """
    entries, skipped = collect_inputs(paths, report_unsupported=False)
    if skipped:
        raise skipped[0]
    return [entry.path for entry in entries]


def load_article_set(paths: Sequence[str | os.PathLike[str]]) -> ArticleSet:
    """Load every file; raise ``InputError`` on the first one that cannot be read."""
    documents: list[Document] = []
    for index, path in enumerate(paths):
        document = load_document(path, index)
        problem = set_limit_problem(documents, len(document.text))
        if problem:
            raise InputError(path, problem)
        documents.append(document)
    return article_set(documents)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def load_article_set_lenient(
    paths: Sequence[str | os.PathLike[str]],
    progress: Callable[[int, int], None] | None = None,
    keep_duplicates: bool = False,
) -> LoadReport:
    """Load every file that reads as an article; list the others with why.

    Folders and manifests are expanded as ``collect_inputs`` does. A file
    given twice, or with the same text as one already loaded, is skipped
    with a reason naming the first. ``progress(done, total)`` is called
    after each file (the GUI runs this on a worker thread). Never raises
    ``InputError``; fewer than two documents is for the caller to judge
    (``LoadReport.comparable``). With ``keep_duplicates`` a file whose text
    equals an earlier one's is loaded and listed in ``identical`` instead —
    checking that an untouched copy shows no changes is a real use.
    """
    identical: list[InputError] = []
    entries, skipped = collect_inputs(paths)
    documents: list[Document] = []
    by_file: dict[tuple[int, int], Document] = {}
    by_text: dict[bytes, Document] = {}
    for done, entry in enumerate(entries, start=1):
        identity = _identity(entry.path)
        first = by_file.get(identity) if identity else None
        full = set_limit_problem(documents, 0)  # no more versions fit: do not even read it
        if first is not None:
            skipped.append(InputError(entry.path, f"given twice (already loaded as {first.id})"))
        elif full:
            skipped.append(InputError(entry.path, full))
        else:
            try:
                document = load_document(entry.path, len(documents), entry)
            except InputError as error:
                skipped.append(error)
            else:
                digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).digest()
                same = by_text.get(digest)
                too_much = set_limit_problem(documents, len(document.text))
                if same is not None and not keep_duplicates:
                    skipped.append(
                        InputError(
                            entry.path,
                            f"duplicate of {same.name} (same text, loaded as {same.id})",
                        )
                    )
                elif too_much:
                    skipped.append(InputError(entry.path, too_much))
                else:
                    if same is not None:
                        identical.append(
                            InputError(entry.path, f"same text as {same.name} ({same.id})")
                        )
                    documents.append(document)
                    by_text[digest] = document
                    if identity:
                        by_file[identity] = document
        if progress is not None:
            progress(done, len(entries))
    return LoadReport(article_set(documents), tuple(skipped), tuple(identical))
