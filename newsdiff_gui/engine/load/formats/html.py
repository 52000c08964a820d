"""Saved web pages: the article's main text, without navigation and chrome.

Contract: ``extract_html`` returns the article text trafilatura finds — the
headline first (added when the extraction left it out, so the page reads
like the plain-text versions), then one paragraph per block, blank-line
separated — plus the page's title, date and site name. That text *is* the
document: offsets index it, not the HTML. When the main-text extraction
finds nothing, trafilatura's simpler baseline extraction is tried before the
page is refused.

Why trafilatura: it is maintained, made for exactly this (news pages,
boilerplate removal, metadata), works offline on a string and scores at the
top of published extraction benchmarks; jusText (a dependency of it) alone
keeps no metadata. No network request is ever made: the page is parsed from
the bytes given.

Public API: ``extract_html``, ``looks_like_html``.
"""

from __future__ import annotations

import re
from typing import Any

from . import Extracted, MissingLibrary

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
# trafilatura joins paragraphs with one newline; a blank line makes each one a
# paragraph for segmentation whatever its last character is.
_NEWLINES = re.compile(r"\n+")
# Style sheets and scripts never hold article text, and lxml gives up on a
# text node over 10 MB, so a saved page with a huge inline style sheet or
# script bundle came out as "no article text". JSON-LD scripts carry the
# page's metadata (title, date, site) and stay.
_BLOCK_OPEN = re.compile(rb"<(style|script)\b([^>]*)>", re.IGNORECASE)
_BLOCK_CLOSE = {
    b"style": re.compile(rb"</style\s*>", re.IGNORECASE),
    b"script": re.compile(rb"</script\s*>", re.IGNORECASE),
}


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are a web page saved under another name (``.txt``)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        if exc.name == "trafilatura":
            raise MissingLibrary("web pages", "trafilatura") from None
        # trafilatura is there but one of its own imports failed: say which.
        # (With an older pip, lxml's HTML cleaner, split out as lxml_html_clean,
        # is not installed and trafilatura cannot start.)
        missing = exc.name or str(exc)
        raise ValueError(
            f"reading web pages needs trafilatura, which is installed but cannot start: "
            f"{exc} (pip install {_PACKAGE_OF.get(missing, missing)})"
        ) from None
    return trafilatura


# Modules whose package name differs (what pip installs).
_PACKAGE_OF = {"lxml.html.clean": "lxml_html_clean", "lxml_html_clean": "lxml_html_clean"}


def without_style_and_scripts(data: bytes) -> bytes:
    """The page without its ``<style>`` and (non-JSON-LD) ``<script>`` blocks;
    one pass, and an unclosed block is left as it is."""
    pieces: list[bytes] = []
    cursor = 0
    position = 0
    while True:
        opening = _BLOCK_OPEN.search(data, position)
        if opening is None:
            break
        tag = opening.group(1).lower()
        closing = _BLOCK_CLOSE[tag].search(data, opening.end())
        if closing is None:
            break
        if tag == b"script" and b"ld+json" in opening.group(2).lower():
            position = closing.end()
            continue
        pieces.append(data[cursor : opening.start()])
        cursor = position = closing.end()
    if not pieces:
        return data
    pieces.append(data[cursor:])
    return b"".join(pieces)


def extract_html(data: bytes) -> Extracted:
    """Main article text and metadata of a saved web page."""
    trafilatura = _trafilatura()
    data = without_style_and_scripts(data)
    # Bytes, not str: trafilatura honours the page's own charset declaration.
    result = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    meta: dict[str, Any] = {}
    text = ""
    if result is not None:
        meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        text = meta.get("text") or ""
    if not text.strip():
        text = _baseline_text(trafilatura, data)
    text = _NEWLINES.sub("\n\n", text.strip())
    if not text:
        raise ValueError("this web page holds no article text newsdiff could find")
    title = _clean(meta.get("title"))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Extracted(
        text=text,
        encoding="html",
        title=title,
        outlet=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        date=_clean(meta.get("date")),
    )


def _baseline_text(trafilatura: Any, data: bytes) -> str:
    """trafilatura's fallback: every paragraph-like element's text."""
    try:
        _, text, _ = trafilatura.baseline(data)
    except (ValueError, TypeError):
        return ""
    return str(text or "")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
