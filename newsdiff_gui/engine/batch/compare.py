"""Compare one story's articles with the engine and make its table rows.

Contract: ``compare_story(story_id, block_id, articles)`` is a pure function
(the same in a worker process, on Dask, Ray or Spark) returning a
``StoryRows``: one ``articles`` row per article, one ``stories`` row and one
``links`` row per alignment link. It never raises for an article's content: a
story the engine cannot compare gets a ``note`` saying why, and its articles
keep their story with empty measures.

What the measures mean (the Churnalism study's terms):

* ``shared_share`` — share of the article's content sentences that another
  article of the story carries (the engine's alignment).
* ``source`` — the article it most likely derives from (the engine's
  profile: most of its content, in the same order, with long shared word
  runs), ``source_confidence`` how sure.
* ``churn`` — share of the article's content words copied word for word from
  that source: the "churn %" Churnalism reported.
* ``changes`` — typed changes against the source ("number 2; quote 1").

Identical texts are aligned once: a copy's source is its first twin, copied
whole (churn 1.0). Stories with more distinct texts than ``max_compare`` are
grouped but not compared (a note says so): alignment time grows faster than
linearly with versions.

Public API: ``StoryRows``, ``compare_story``, ``MAX_COMPARE``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..align.aligner import align
from ..changes import read_changes
from ..changes.profile import profile_versions
from ..compare.pairing import RowKind, pair_rows
from ..load.articles import InputError, document_from_text
from ..load.articles import _guess_metadata as guess_metadata
from ..model import Alignment, Document, OpKind
from ..segment.setwide import article_set
from .records import Article

__all__ = ["MAX_COMPARE", "StoryRows", "compare_story"]

MAX_COMPARE = 200
_TITLE_HEAD = 4000
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass
class StoryRows:
    """Rows for the three tables, as plain dicts (column -> value)."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)


def story_id(keys: Sequence[str]) -> str:
    """A story's id from its articles' keys: the same story gets the same id
    in every run, whatever the order or the machine (what resuming relies on)."""
    digest = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8", "surrogatepass"))
    return "s" + digest.hexdigest()[:12]


def _article_row(article: Article, story: str) -> dict[str, Any]:
    return {
        "id": article.key,
        "path": article.source,
        "story": story,
        "publisher": article.publisher,
        "date": article.date,
        "title": article.title,
        "words": len(_WORD.findall(article.text)),
        "shared_share": None,
        "source": None,
        "source_publisher": None,
        "source_confidence": None,
        "churn": None,
        "changes": None,
        "traits": None,
    }


def _documents(articles: Sequence[Article]) -> tuple[list[Document], list[int | None]]:
    """One document per distinct text, and for each article its twin's position
    among the earlier articles (``None`` for the first of its text)."""
    first: dict[str, int] = {}
    twins: list[int | None] = []
    documents: list[Document] = []
    for position, article in enumerate(articles):
        if article.text in first:
            twins.append(first[article.text])
            continue
        first[article.text] = position
        twins.append(None)
        document = document_from_text(article.text, article.key, len(documents))
        documents.append(
            dataclasses.replace(
                document,
                outlet=article.publisher or document.outlet,
                date=article.date or document.date,
                title=article.title or document.title,
            )
        )
    return documents, twins


def _content_words(document: Document) -> int:
    return sum(len(_WORD.findall(s.text)) for s in document.content_sentences)


def _copied_words(alignment: Alignment, source: Document, document: Document) -> int:
    """Words of ``document`` that sit in equal runs of rows it shares with ``source``."""
    copied = 0
    for row in pair_rows(alignment, source, document):
        if row.kind != RowKind.SHARED:
            continue
        for op in row.ops:
            if op.kind == OpKind.EQUAL:
                copied += len(_WORD.findall(document.text[op.b_start : op.b_end]))
    return copied


def _change_summary(alignment: Alignment, source: Document, document: Document) -> str:
    counts = Counter(c.type.value for c in read_changes(alignment, [(source, document)]))
    return "; ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))


def compare_story(
    story: str, block: str, articles: Sequence[Article], max_compare: int = MAX_COMPARE
) -> StoryRows:
    """Align a story's articles and describe each, its links and the story."""
    rows = StoryRows(articles=[_article_row(a, story) for a in articles])
    summary: dict[str, Any] = {
        "id": story,
        "block": block,
        "size": len(articles),
        "distinct_texts": len({a.text for a in articles}),
        "outlets": sorted({a.publisher for a in articles if a.publisher}),
        "title": _title(articles),
        "first_date": min((a.date for a in articles if a.date), default=None),
        "original_share": None,
        "median_churn": None,
        "links": 0,
        "note": None,
    }
    rows.stories.append(summary)
    if len(articles) == 1:
        rows.articles[0].update(shared_share=0.0, churn=0.0)
        summary["original_share"] = 1.0
        if summary["title"] is None:
            summary["title"] = guess_title(articles[0].text)
        return rows
    if summary["distinct_texts"] > max_compare:
        summary["note"] = (
            f"not compared: {summary['distinct_texts']} distinct texts (the limit is {max_compare})"
        )
        return rows
    try:
        _compare(articles, rows, summary)
    except InputError as error:
        summary["note"] = f"not compared: {error.reason}"
    except (ValueError, RecursionError, MemoryError) as error:
        summary["note"] = f"not compared: {type(error).__name__}: {error}"
    return rows


def _title(articles: Sequence[Article]) -> str | None:
    """The title most articles give (``None`` when no article gave one)."""
    titles = Counter(a.title for a in articles if a.title)
    if titles:
        return titles.most_common(1)[0][0]
    return None


def guess_title(text: str) -> str:
    """A title from the text, as the app guesses one for a file without metadata."""
    return guess_metadata(text[:_TITLE_HEAD], Path("article"))[0]


def _compare(articles: Sequence[Article], rows: StoryRows, summary: dict[str, Any]) -> None:
    documents, twins = _documents(articles)
    by_document = [i for i, twin in enumerate(twins) if twin is None]  # document -> article
    if summary["title"] is None:
        # The title the most articles carry (copies count), guessed as the app does.
        titles = Counter(
            documents[by_document.index(twin if twin is not None else i)].title
            for i, twin in enumerate(twins)
        )
        summary["title"] = titles.most_common(1)[0][0]
    for position, twin in enumerate(twins):
        row = rows.articles[position]
        if row["title"] is None:
            row["title"] = documents[by_document.index(position if twin is None else twin)].title
    if len(documents) >= 2:
        alignment = align(article_set(documents))
        _describe(alignment, articles, documents, by_document, rows, summary)
    else:
        rows.articles[0].update(shared_share=1.0, churn=0.0)
        summary["original_share"] = 0.0
    for position, twin in enumerate(twins):
        if twin is None:
            continue
        row, original = rows.articles[position], rows.articles[twin]
        row.update(
            shared_share=1.0,
            source=articles[twin].key,
            source_publisher=articles[twin].publisher,
            source_confidence=1.0,
            churn=1.0,
            changes="",
            traits="identical copy",
        )
        if original["shared_share"] == 0.0:
            original["shared_share"] = 1.0
    churns = sorted(r["churn"] for r in rows.articles if r["churn"] is not None)
    if churns:
        summary["median_churn"] = churns[len(churns) // 2]
    if summary["original_share"] is None:
        summary["original_share"] = 0.0


def _describe(
    alignment: Alignment,
    articles: Sequence[Article],
    documents: list[Document],
    by_document: list[int],
    rows: StoryRows,
    summary: dict[str, Any],
) -> None:
    story = summary["id"]
    index = {d.id: n for n, d in enumerate(documents)}
    for profile in profile_versions(alignment):
        number = index[profile.document]
        document = documents[number]
        row = rows.articles[by_document[number]]
        row["shared_share"] = profile.aligned_share
        row["traits"] = "; ".join(trait for trait, _ in profile.traits) or None
        source_id = profile.likely_source.document
        if source_id is None:
            row["churn"] = 0.0
            continue
        source = documents[index[source_id]]
        source_article = articles[by_document[index[source_id]]]
        words = _content_words(document)
        row.update(
            source=source_article.key,
            source_publisher=source_article.publisher,
            source_confidence=profile.likely_source.confidence,
            churn=round(_copied_words(alignment, source, document) / words, 3) if words else 0.0,
            changes=_change_summary(alignment, source, document),
        )
    # Original to one outlet: units whose members all come from one publisher.
    outlet_of = {d.id: articles[by_document[n]].publisher or d.id for n, d in enumerate(documents)}
    units = [u for u in alignment.units]
    single = sum(1 for u in units if len({outlet_of[m.split(":")[0]] for m in u.members}) == 1)
    summary["original_share"] = round(single / len(units), 3) if units else 0.0
    for link in alignment.links:
        a_doc = link.a[0].split(":")[0]
        b_doc = link.b[0].split(":")[0]
        rows.links.append(
            {
                "story": story,
                "article_a": articles[by_document[index[a_doc]]].key,
                "article_b": articles[by_document[index[b_doc]]].key,
                "sentence_a": " ".join(alignment.article_set.sentence(s).text for s in link.a),
                "sentence_b": " ".join(alignment.article_set.sentence(s).text for s in link.b),
                "relation": link.relation.value,
                "score": round(link.score, 3),
            }
        )
    summary["links"] = len(rows.links)
