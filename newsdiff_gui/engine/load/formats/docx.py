"""Word documents (.docx): paragraph text in order, plus the core properties.

Contract: ``extract_docx`` joins the non-empty paragraphs of the body with
blank lines; that text is the document (offsets index it). Tables, headers,
footers and comments are left out: in saved articles they hold layout and
page furniture, not story text. The title comes from the file's core
properties when set; their dates are when the file was made, not when the
story ran, so they are not used. python-docx is imported only here, when a .docx opens.

Limits: a .docx is a zip, so before python-docx sees it every part's
inflated size is checked (``archive_limits``) and the body XML is counted in
one streaming pass: more than ``MAX_PARAGRAPHS`` paragraphs, ``MAX_ELEMENTS``
XML elements or ``MAX_BODY_CHARS`` characters of text is refused with a
reason, within a second and a few megabytes, instead of after minutes and
gigabytes (python-docx builds an object per element).

Public API: ``extract_docx``, ``looks_like_docx``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from . import Extracted, MissingLibrary
from .archive_limits import check_archive

_BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Paragraphs in the body, empty ones included: an article of a million
# characters in 40-character paragraphs has 25,000.
MAX_PARAGRAPHS = 100_000
# XML elements in the body: a heavily formatted article has about 20 per
# paragraph plus 5 per run.
MAX_ELEMENTS = 2_000_000
# Text in ``w:t`` elements (tables and text boxes included, which the
# extraction later drops): four times the longest text newsdiff compares.
MAX_BODY_CHARS = 4_000_000


def looks_like_docx(data: bytes) -> bool:
    """Whether bytes are a Word document, whatever the file is called."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _python_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise MissingLibrary("Word documents", "python-docx") from None
    return docx


def _check_body(archive: zipfile.ZipFile) -> None:
    """Count the body's paragraphs, elements and characters in one streaming
    pass; raise ``ValueError`` as soon as one passes its cap."""
    from lxml import etree  # a python-docx dependency

    if _BODY not in archive.namelist():
        return  # python-docx says what is wrong
    paragraph_tag, text_tag = f"{_W}p", f"{_W}t"
    paragraphs = elements = characters = 0
    with archive.open(_BODY) as stream:
        events = etree.iterparse(
            stream,
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        for _, element in events:
            elements += 1
            if element.tag == paragraph_tag:
                paragraphs += 1
            elif element.tag == text_tag and element.text:
                characters += len(element.text)
            if paragraphs > MAX_PARAGRAPHS:
                raise ValueError(
                    f"this Word document has more than {MAX_PARAGRAPHS:,} paragraphs "
                    "(newsdiff compares articles, not books)"
                )
            if elements > MAX_ELEMENTS:
                raise ValueError(
                    f"this Word document's body has more than {MAX_ELEMENTS:,} XML elements"
                )
            if characters > MAX_BODY_CHARS:
                raise ValueError(
                    f"this Word document holds more than {MAX_BODY_CHARS:,} characters of text"
                )
            # Keep memory flat: drop what is counted (a paragraph's text is not needed).
            if element.getparent() is not None and element.tag == paragraph_tag:
                element.clear()
                parent = element.getparent()
                while element.getprevious() is not None:
                    del parent[0]


def _check_container(data: bytes) -> None:
    """Refuse a .docx whose parts inflate, or whose body counts, past the caps."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, "this Word document")
            _check_body(archive)
    except zipfile.BadZipFile as exc:
        raise ValueError(f"this is not a readable Word document ({exc})") from None
    except (etree.XMLSyntaxError, zlib.error, EOFError, OSError) as exc:
        raise ValueError(f"this Word document cannot be read ({type(exc).__name__})") from None


def extract_docx(data: bytes) -> Extracted:
    """Body paragraphs and core properties of a .docx file."""
    docx = _python_docx()
    _check_container(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValueError(f"this is not a readable Word document ({exc})") from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError, lxml errors
        raise ValueError(f"this Word document cannot be read ({type(exc).__name__})") from None
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise ValueError("this Word document holds no text")
    title = (document.core_properties.title or "").strip()
    return Extracted(text=text, encoding="docx", title=title or None)
