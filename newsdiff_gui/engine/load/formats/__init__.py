"""Converters from the file formats people save articles in to plain text.

Contract: each converter takes the file's bytes and returns an ``Extracted``
record whose ``text`` becomes ``Document.text`` — every later offset indexes
that text, so a converter decides once what the article's text is and the
rest of the engine never sees the original markup. Converters raise
``ValueError`` with a reason in words ("this web page holds no article
text"); ``load.py`` adds the file name. Optional libraries (trafilatura,
python-docx) are imported only when a file of that kind is opened.

Formats: ``text`` (plain text and Markdown), ``html`` (saved web pages),
``docx`` (Word). ``manifest`` is not a converter: it describes a set.

Public API: ``Extracted``, ``MissingLibrary``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """An article's text and whatever metadata its format carried.

    ``encoding`` says how the bytes became text: a codec name for text files,
    ``"html"`` or ``"docx"`` for converted formats. Metadata fields are
    ``None`` when the format did not say; the loader then guesses from the text.
    """

    text: str
    encoding: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None


class MissingLibrary(ValueError):
    """A converter needs a library that is not installed."""

    def __init__(self, what: str, package: str) -> None:
        super().__init__(
            f"reading {what} needs the Python package {package!r}, which is not installed "
            f"(pip install {package})"
        )
        self.package = package
