"""Which report format a file name asks for, and the name a format's file gets.

Why the extension decides: a reader who types ``report.pdf`` expects a PDF,
whatever file type the dialog had selected, and ``newsdiff export -o r.pdf``
should not need ``--format pdf`` as well. Writing HTML into ``report.pdf``
and saying "saved" was a real bug: the name and the contents must agree.
A name without an extension gets the chosen format's, so the file opens in
the right program.

Public API: ``SUFFIXES``, ``format_for_path``, ``path_for_format``.
"""

from __future__ import annotations

import os
from pathlib import Path

# The extensions each format answers to; the first is the one added to a bare name.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    "pdf": (".pdf",),
    "json": (".json",),
    "csv": (".csv",),
    "tei": (".xml", ".tei"),
}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format named by ``path``'s extension (any case), or ``None``."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt, known in SUFFIXES.items() if suffix in known), None)


def path_for_format(path: str | os.PathLike[str], fmt: str) -> tuple[Path, str]:
    """The file to write and its format, for a name typed with ``fmt`` chosen.

    A known extension wins over ``fmt`` (``report.pdf`` is a PDF); a name
    with no known extension keeps it and gets ``fmt``'s added
    (``report`` → ``report.pdf``, ``notes.v2`` → ``notes.v2.pdf``).
    """
    if fmt not in SUFFIXES:
        raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(SUFFIXES)})")
    target = Path(path)
    named = format_for_path(target)
    if named is not None:
        return target, named
    return target.with_name(target.name + SUFFIXES[fmt][0]), fmt
