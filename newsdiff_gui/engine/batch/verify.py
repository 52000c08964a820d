"""Verify candidate groups: split a block of related articles into stories.

Candidate pairs (``candidates.py``) join articles loosely; joined up, they
make *blocks*, and one block can hold several stories chained together (a
live blog that quotes three stories links all three). Within a block every
pair of articles is compared exactly, then grouped by average linkage.

How a pair is compared (each choice measured on the labelled corpus pile,
docs/batch.md):

* the cosine of binary term vectors, each term weighted by its inverse
  document frequency over the *whole pile* (the day's topic words, "Trump",
  "summit", weigh little; a shared name, number or phrase weighs a lot);
  weighting terms by how often an article uses them (1 + ln count) was
  measured and did no better;
* a term only one text of the pile carries weighs as much as the rarest
  term two texts share (``pile_idf``), not more: it cannot show two articles
  are one story, and at full weight a long article's own phrasing swamped
  what it shares with the other reports of its story. It is not dropped
  either: an article made mostly of its own names must not be judged on
  its few common words alone (a one-off then looks like everything);
* articles dated more than ``date_window_days`` apart are unrelated (their
  similarity is zero): the same people and places weeks apart are another
  happening (two hearings of one trial). Articles without a date are free.

Stories are formed by average-linkage clustering (``linkage.py``): two
groups join only when their articles are similar *on average*, so one
bridging article cannot chain two stories together, while copies of one
wire story (near-identical vectors) always do. Two groups of several
articles must also open on the same facts: the cosine of their summed
*leads* (``terms.lead_terms``: headline and opening sentence, weighted by
the same IDF) at least ``lead_at``, so two stories of one busy day that share
the day's people and places stay apart. Exact copies (identical terms) are
one story whatever the weights.

A short page (a caption, a brief) has a low cosine to every long report of
its story, whose own words swamp what they share; so a short page that
linkage left alone then joins the story whose members carry, on average,
enough of its IDF weight, and clearly more than any other story does
(``linkage.attach_short_pages``, ``containment_matrix``).

Contract: ``stories_in_block`` is a pure function of its arguments, the same
in a worker process or on a Dask cluster. It returns groups of positions
into the block, each group in block order, groups ordered by their first
member.

Public API: ``GroupingConfig``, ``stories_in_block``, ``similarity_matrix``,
``containment_matrix``, ``meaning_matrix``, ``pile_idf``, ``day_number``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any

from .linkage import attach_short_pages, average_linkage
from .terms import word_term

__all__ = [
    "GroupingConfig",
    "Terms",
    "containment_matrix",
    "day_number",
    "meaning_matrix",
    "pile_idf",
    "similarity_matrix",
    "stories_in_block",
]

# An article's terms: the hashed terms it uses.
Terms = Sequence[int]

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class GroupingConfig:
    """Tunables of grouping, with why each has its value (docs/batch.md)."""

    # Average cosine at which two groups are one story, and lead cosine two
    # groups of several articles need besides. Chosen together on the
    # development half of the labelled corpus pile (233 articles, 414
    # same-story pairs): the most same-story pairs together while at least
    # 99 % of one event's different stories stay apart, and no same-story
    # pair of the synthetic day lost (the lead check at 0.05 lost 1.7 % of
    # them: spun copies open differently) (docs/batch.md).
    join_at: float = 0.045
    lead_at: float = 0.0
    # The lead check applies when both groups have at least this many articles.
    lead_check_from: int = 2
    # Candidate pairs weaker than this are not followed when forming blocks.
    candidate_floor: float = 0.05
    # Blocks grow from the strongest candidate pairs and stop at this many
    # articles: one block is one task, and its similarity matrix is dense (n²).
    max_block: int = 1000
    # Articles dated further apart than this are never one story by their own
    # pair (None: dates are ignored). Not tuned: the labelled pile's events are
    # months apart; a few days is how long one happening stays news.
    date_window_days: int | None = 3
    # Short pages (at most ``short_page_terms`` terms: under about 1,600
    # characters of prose) that linkage left alone (their group at most
    # ``attach_from`` distinct texts) join the story that carries, on average
    # over its members, at least ``attach_at`` of their IDF weight, when that
    # beats the runner-up story by ``attach_margin``. Chosen on the development
    # half: no dev short page carries more than 0.20 of its weight in a story
    # not its own (docs/batch.md). ``attach_at`` 0 turns the step off.
    attach_at: float = 0.2
    attach_margin: float = 0.05
    short_page_terms: int = 250
    attach_from: int = 1
    # Meaning vectors (``meaning_matrix``): a pair's similarity gains
    # ``meaning_weight`` times how far the cosine of the two articles' meaning
    # vectors exceeds ``meaning_from`` (0 turns it off). Chosen with ``join_at``
    # on the development half: same recall as the term cosine alone at 0.07,
    # fewer of one event's different stories joined (docs/batch.md).
    meaning_weight: float = 0.1
    meaning_from: float = 0.4

    def __post_init__(self) -> None:
        if not 0.0 < self.join_at <= 1.0:
            raise ValueError("join_at must be in (0, 1]")
        if self.max_block < 2:
            raise ValueError("max_block must be at least 2")
        if not 0.0 <= self.lead_at <= 1.0:
            raise ValueError("lead_at must be in [0, 1]")
        if self.date_window_days is not None and self.date_window_days < 0:
            raise ValueError("date_window_days must be at least 0")
        if not 0.0 <= self.attach_at <= 1.0 or not 0.0 <= self.attach_margin <= 1.0:
            raise ValueError("attach_at and attach_margin must be in [0, 1]")
        if self.meaning_weight < 0.0 or not -1.0 <= self.meaning_from < 1.0:
            raise ValueError("meaning_weight must be at least 0, meaning_from in [-1, 1)")


def day_number(text: str | None) -> int | None:
    """The day of a date written ``YYYY-MM-DD…`` (ISO, any time after), else None."""
    if not text:
        return None
    found = _ISO_DAY.search(text[:40])
    if found is None:
        return None
    try:
        return Date(int(found[1]), int(found[2]), int(found[3])).toordinal()
    except ValueError:
        return None


def pile_idf(document_frequency: int, documents: int) -> float:
    """A term's weight from the share of the pile's texts that carry it.

    ``ln(N / max(df, 2))``: a term in every text weighs nothing; a term in
    one text only weighs as much as one two texts share (see the module).
    """
    if documents <= 1:
        return 1.0
    return math.log(documents / max(document_frequency, 2))


def _weighted_rows(terms: Sequence[Terms], idf: Mapping[int, float]) -> Any:
    """Sparse rows of binary term vectors weighted by IDF (terms of weight 0 left out)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    columns: dict[int, int] = {}
    indices: list[int] = []
    data: list[float] = []
    indptr = [0]
    for article_terms in terms:
        for term in article_terms:
            weight = idf.get(term, 0.0)
            if weight > 0.0:
                indices.append(columns.setdefault(term, len(columns)))
                data.append(weight)
        indptr.append(len(indices))
    return csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(terms), max(len(columns), 1)),
    )


def similarity_matrix(terms: Sequence[Terms], idf: Mapping[int, float]) -> Any:
    """Dense cosine similarities of binary, IDF-weighted term vectors."""
    import numpy as np

    matrix = _weighted_rows(terms, idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0.0] = 1.0
    similarity = (matrix @ matrix.T).toarray() / np.outer(norms, norms)
    np.fill_diagonal(similarity, 1.0)
    return np.clip(similarity, 0.0, 1.0)


@lru_cache(maxsize=1)
def _word_vectors() -> tuple[dict[int, int], Any] | None:
    """The aligner's word vectors by hashed term (``terms.word_term``), whole
    words only, or None when the table is missing (meaning is then not used)."""
    from ..align.features import STOP_WORDS
    from ..align.vectors import VectorTable

    table = VectorTable.load()
    if table is None:
        return None
    rows: dict[int, int] = {}
    # The table lists no vocabulary of its own; its index is its vocabulary.
    for word, row in table._index.items():
        if len(word) > 1 and word.isalnum() and word not in STOP_WORDS:
            rows.setdefault(word_term(word), row)
    return rows, table.vectors


def meaning_matrix(terms: Sequence[Terms], idf: Mapping[int, float]) -> Any | None:
    """Cosines of the articles' meaning vectors, or None without the vector table.

    An article's meaning vector is the IDF-weighted sum of its words' vectors
    (the aligner's static word vectors, looked up by hashed term, so the block
    needs no text). Such sums of any two news reports point much the same way
    (cosine 0.6-0.9), so the pile's common direction is projected out first:
    the sum of the block's words weighted by document frequency times IDF,
    the frequency read back from the IDF (``pile_idf``: df ∝ exp(-idf)).
    A pure function of its arguments, like the term cosine.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    found = _word_vectors()
    if found is None:
        return None
    rows, vectors = found
    indices: list[int] = []
    data: list[float] = []
    indptr = [0]
    for article_terms in terms:
        for term in article_terms:
            row = rows.get(term)
            weight = idf.get(term, 0.0)
            if row is not None and weight > 0.0:
                indices.append(row)
                data.append(weight)
        indptr.append(len(indices))
    weights = csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(terms), len(vectors)),
    )
    table = np.asarray(vectors, dtype=np.float64)
    sums = np.asarray(weights @ table)
    common = np.zeros(table.shape[1])
    for term in {t for a in terms for t in a} & rows.keys():
        weight = idf.get(term, 0.0)
        common += math.exp(-weight) * weight * table[rows[term]]
    size = float(np.linalg.norm(common))
    if size > 0.0:
        common /= size
        sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        sums -= np.outer(sums @ common, common)
    sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    meaning = sums @ sums.T
    np.fill_diagonal(meaning, 1.0)
    return np.clip(meaning, -1.0, 1.0)


def containment_matrix(terms: Sequence[Terms], idf: Mapping[int, float], rows: Any) -> Any:
    """``found[r, j]``: the share of article ``rows[r]``'s IDF weight that article
    ``j`` carries too (its terms found in ``j``), for the chosen rows only."""
    import numpy as np

    matrix = _weighted_rows(terms, idf)
    chosen = matrix[np.asarray(rows, dtype=np.int64)]
    present = matrix.copy()
    present.data[:] = 1.0
    totals = np.asarray(chosen.sum(axis=1)).ravel()
    totals[totals == 0.0] = 1.0
    found = (chosen @ present.T).toarray() / totals[:, None]
    return np.clip(found, 0.0, 1.0)


def stories_in_block(
    terms: Sequence[Terms],
    idf: Mapping[int, float],
    config: GroupingConfig | None = None,
    days: Sequence[int | None] | None = None,
    leads: Sequence[Terms] | None = None,
) -> list[list[int]]:
    """Positions of the block's articles, grouped into stories.

    ``days`` (``day_number`` of each article's date, or None) applies the
    date window; without it dates are not used. ``leads`` (each article's
    ``lead_terms``) applies the lead check; without it stories merge on
    average similarity alone.
    """
    config = config or GroupingConfig()
    count = len(terms)
    if count <= 1:
        return [list(range(count))]
    # Exact copies (identical terms) are clustered once and follow their first.
    first_of: dict[tuple[int, ...], int] = {}
    unique: list[int] = []
    owner: list[int] = []
    for position, article_terms in enumerate(terms):
        key = tuple(sorted(article_terms))
        first = first_of.setdefault(key, len(unique))
        if first == len(unique):
            unique.append(position)
        owner.append(first)
    members: list[list[int]] = [[] for _ in unique]
    for position, first in enumerate(owner):
        members[first].append(position)
    groups: list[list[int]] = []
    for start in range(0, len(unique), config.max_block):
        chosen = unique[start : start + config.max_block]
        chosen_days = [days[p] for p in chosen] if days is not None else None
        chosen_leads = [leads[p] for p in chosen] if leads is not None else None
        clusters = _cluster([terms[p] for p in chosen], idf, config, chosen_days, chosen_leads)
        for cluster in clusters:
            groups.append(sorted(p for u in cluster for p in members[start + u]))
    return sorted(groups, key=lambda group: group[0])


def _cluster(
    terms: Sequence[Terms],
    idf: Mapping[int, float],
    config: GroupingConfig,
    days: Sequence[int | None] | None,
    leads: Sequence[Terms] | None,
) -> list[list[int]]:
    import numpy as np

    if len(terms) == 1:
        return [[0]]
    similarity = similarity_matrix(terms, idf)
    if config.meaning_weight > 0.0:
        meaning = meaning_matrix(terms, idf)
        if meaning is not None:
            similarity += config.meaning_weight * np.clip(meaning - config.meaning_from, 0.0, None)
    apart = None
    if days is not None and config.date_window_days is not None:
        known = np.asarray([d is not None for d in days])
        day = np.asarray([d if d is not None else 0 for d in days], dtype=np.int64)
        apart = np.abs(day[:, None] - day[None, :]) > config.date_window_days
        apart &= known[:, None] & known[None, :]
        similarity[apart] = 0.0
    lead_similarity = similarity_matrix(leads, idf) if leads is not None else None
    groups = average_linkage(
        similarity, config.join_at, lead_similarity, config.lead_at, config.lead_check_from
    )
    if config.attach_at <= 0.0:
        return groups
    pages = [i for i, found in enumerate(terms) if len(found) <= config.short_page_terms]
    if not pages:
        return groups
    found_in = containment_matrix(terms, idf, pages)
    if apart is not None:
        found_in[apart[pages]] = 0.0
    return attach_short_pages(
        groups, pages, found_in, config.attach_at, config.attach_margin, config.attach_from
    )
