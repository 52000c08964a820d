"""Word documents (.docx): paragraph text in order, plus the core properties.

Contract: ``extract_docx`` joins the non-empty paragraphs of the body with
blank lines; that text is the document (offsets index it). Tables, headers,
footers and comments are left out: in saved articles they hold layout and
page furniture, not story text. The title comes from the file's core
properties when set; their dates are when the file was made, not when the
story ran, so they are not used. python-docx is imported only here, when a .docx opens.

Public API: ``extract_docx``, ``looks_like_docx``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from . import Extracted, MissingLibrary


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


def extract_docx(data: bytes) -> Extracted:
    """Body paragraphs and core properties of a .docx file."""
    docx = _python_docx()
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
