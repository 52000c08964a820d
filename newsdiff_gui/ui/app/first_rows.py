"""The first rows of the set being opened, drawn in the start window.

Why: importing and building the main window (every panel, the engine) takes
about half a second after the start window is up. The set's first rows —
versions A and B side by side, as the pair view will show them — need none
of that: they are drawn in the start window while the main window is built,
which then takes the start window's place as before.

* A set whose alignment is in the on-disk cache (``engine/align/cache.py``:
  any set opened before, the example set after the first start) is read from
  it: no alignment at all.
* A small set not in the cache (the example set at the very first start; at
  most ``SMALL_VERSIONS`` versions and ``SMALL_CHARS`` characters, aligned
  in a few tenths of a second) is aligned here, through the cache, so the
  main window then finds it there: the work is moved, not repeated.
* Anything larger is left to the main window, which aligns on its worker
  thread with progress and Cancel; the start window only says what is being
  opened.

Only the engine modules the main window imports anyway are imported here:
loading, the alignment cache and aligner, the reader's corrections and row
pairing.

Public API: ``previewable``, ``quick_opening``, ``first_rows_html``, ``FIRST_ROWS``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...engine.session.open_set import OpenSet
    from ..base.theme import Theme

# Rows drawn: more than a 900-pixel window shows, so it is full at any size.
FIRST_ROWS = 24
# A sentence group longer than this is cut (the real view shows it whole).
ROW_CHARS = 420


# A set of more files than this is not read twice at start (the main window reads it).
MAX_FILES = 60


def previewable(paths: Sequence[str]) -> bool:
    """Whether ``paths`` are a few files, or folders holding only a few files.

    A folder with folders in it may be a collection or a batch result of
    thousands of stories (the Stories list, not a set): never read here.
    """
    count = 0
    try:
        for path in paths:
            if os.path.isdir(path):
                with os.scandir(path) as entries:
                    for entry in entries:
                        if entry.is_dir():
                            return False
                        count += 1
            else:
                count += 1
            if count > MAX_FILES:
                return False
    except OSError:
        return False
    return count >= 2


# A set aligned before the main window when its alignment is not cached: no
# more versions and characters than this (the example set: 5 and 21,000).
SMALL_VERSIONS = 6
SMALL_CHARS = 40_000


def quick_opening(paths: Sequence[str]) -> OpenSet | None:
    """The set in ``paths`` opened without the main window, or None.

    From the alignment cache, or aligned now (and cached) when the set is
    small. None when fewer than two versions load, when the set is too large
    to align before the main window, or when anything cannot be read: the
    main window then opens the set as usual and reports what went wrong.
    """
    from ...engine.align.cache import AlignmentCache, cached_align
    from ...engine.load.articles import InputError, load_article_set_lenient
    from ...engine.session.open_set import with_corrections

    try:
        report = load_article_set_lenient(list(paths))
        documents = report.article_set.documents
        if len(documents) < 2:
            return None
        cache = AlignmentCache()
        raw = cache.get(report.article_set)
        hit = raw is not None
        if raw is None:
            size = sum(len(d.text) for d in documents)
            if len(documents) > SMALL_VERSIONS or size > SMALL_CHARS:
                return None
            raw, hit = cached_align(report.article_set, cache=cache)
        return with_corrections(raw, loaded=report, from_cache=hit)
    except (OSError, ValueError, InputError):
        return None


def _cell(sentences: Sequence[object], background: str) -> str:
    text = " ".join(str(getattr(s, "text", "")) for s in sentences)
    if len(text) > ROW_CHARS:
        text = text[: ROW_CHARS - 1].rstrip() + "…"
    shown = html.escape(text) if text else "&nbsp;"
    return f'<td width="50%" bgcolor="{background}">{shown}</td>'


def first_rows_html(opened: OpenSet, theme: Theme, title: str) -> str:
    """Versions A and B's first rows as an HTML table (``QLabel`` rich text).

    One-sided rows are tinted as the pair view tints them.
    """
    from ...engine.compare.labels import version_labels
    from ...engine.compare.pairing import RowKind, pair_rows

    alignment = opened.alignment
    documents = alignment.documents
    labels = version_labels(documents)
    rows = pair_rows(alignment, documents[0], documents[1])
    base, header = theme.base.name(), theme.header_bg.name()
    lines = [
        f'<p style="color:{theme.dim_text.name()}">{html.escape(title)}</p>',
        f'<table width="100%" cellspacing="0" cellpadding="6" bgcolor="{base}" '
        f'style="color:{theme.text.name()}">',
        f'<tr><th align="left" bgcolor="{header}">{html.escape(labels[0].short)}</th>'
        f'<th align="left" bgcolor="{header}">{html.escape(labels[1].short)}</th></tr>',
    ]
    # Boilerplate (bylines, share buttons) is hidden in the pair view by default.
    readable = [row for row in rows if row.kind != RowKind.BOILERPLATE]
    for row in readable[:FIRST_ROWS]:
        left = theme.omitted_tint.name() if row.kind == RowKind.ONLY_LEFT else base
        right = theme.added_tint.name() if row.kind == RowKind.ONLY_RIGHT else base
        lines.append(f"<tr>{_cell(row.left, left)}{_cell(row.right, right)}</tr>")
    lines.append("</table>")
    return "".join(lines)
