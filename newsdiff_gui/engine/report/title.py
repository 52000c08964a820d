"""The report's title: which story, which versions, when.

Why: every report used to be headed "newsdiff report", so two printed
reports could not be told apart, nor matched to the story they compare. The
title names the story by the version headline that reads best as one (a
whole headline, not a dateline or a cut-off lead), the versions by their
labels (``compare.labels``: unique where outlets repeat, "A · AP 10:02"),
and the day the report was made (and the versions' own dates, when known).

Public API: ``ReportTitle``, ``report_title``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..compare.labels import version_labels
from ..model import Alignment, Document

MAX_HEADLINE = 110  # characters: longer titles are leads, not headlines
MAX_NAMED = 6  # versions named in the subtitle before "and N more"


@dataclass(frozen=True)
class ReportTitle:
    """``headline`` for the ``<h1>`` and the PDF's metadata, ``subtitle`` under it."""

    headline: str
    subtitle: str

    @property
    def text(self) -> str:
        """One line: the document title of the HTML page and the PDF."""
        return f"{self.headline} — {self.subtitle}"


def _looks_like_headline(title: str) -> bool:
    cut = title.endswith(("…", "..."))
    dateline = "(" in title[:60] and ")" in title[:60] and title[:1].isupper() and "," in title[:30]
    return bool(title.strip()) and not cut and not dateline and len(title) <= MAX_HEADLINE


def _story(documents: tuple[Document, ...]) -> str:
    titles = [" ".join(d.title.split()) for d in documents]
    for title in titles:
        if _looks_like_headline(title):
            return title
    first = next((t for t in titles if t), "")
    if not first:
        return "Versions of one story"
    return first if len(first) <= MAX_HEADLINE else first[: MAX_HEADLINE - 1].rstrip() + "…"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def report_title(alignment: Alignment, made: date | None = None) -> ReportTitle:
    """The title of a report of ``alignment`` made on ``made`` (default: today)."""
    documents = alignment.documents
    labels = [label.short for label in version_labels(documents)]
    named = ", ".join(labels[:MAX_NAMED])
    if len(labels) > MAX_NAMED:
        named += f" and {len(labels) - MAX_NAMED} more"
    parts = [f"{len(documents)} versions ({named})"]
    dated = sorted({d.date for d in documents if d.date})
    if dated:
        parts.append(f"dated {dated[0]}" + (f" to {dated[-1]}" if len(dated) > 1 else ""))
    parts.append(f"report of {_day(made or date.today())}")
    return ReportTitle(_story(documents), " · ".join(parts))
