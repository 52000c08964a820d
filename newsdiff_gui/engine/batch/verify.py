"""Verify candidate groups: split a block of related articles into stories.

Candidate pairs (``candidates.py``) join articles loosely; joined up, they
make *blocks*, and one block can hold several stories chained together (a
live blog that quotes three stories links all three). Within a block every
pair of articles is compared exactly: the cosine of their term vectors, each
term weighted by its inverse document frequency over the *whole pile* (so
the day's topic words, "Trump", "summit", weigh little and a shared name,
number or phrase weighs a lot). Stories are then formed by average-linkage
clustering: two groups join only when their articles are similar *on
average*, so one bridging article cannot chain two stories together, while
copies of one wire story (near-identical vectors) always do.

Contract: ``stories_in_block`` is a pure function of its arguments, the same
in a worker process or on a Dask cluster. It returns groups of positions
into the block, each group in block order, groups ordered by their first
member.

Public API: ``GroupingConfig``, ``stories_in_block``, ``similarity_matrix``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["GroupingConfig", "similarity_matrix", "stories_in_block"]


@dataclass(frozen=True)
class GroupingConfig:
    """Tunables of grouping, with why each has its value (docs/batch.md)."""

    # Average cosine (global-IDF term vectors) at which two groups are one story.
    # Chosen on the development half of the labelled corpus pile (docs/batch.md):
    # 0.03 / 0.05 / 0.07 kept 87.4 / 87.4 / 85.0 % of same-story pairs together
    # and 97.7 / 99.1 / 99.5 % of different-story pairs of one event apart.
    join_at: float = 0.05
    # Candidate pairs weaker than this are not followed when forming blocks.
    candidate_floor: float = 0.05
    # Blocks grow from the strongest candidate pairs and stop at this many
    # articles: one block is one task, and its similarity matrix is dense (n²).
    max_block: int = 400

    def __post_init__(self) -> None:
        if not 0.0 < self.join_at <= 1.0:
            raise ValueError("join_at must be in (0, 1]")
        if self.max_block < 2:
            raise ValueError("max_block must be at least 2")


def similarity_matrix(terms: Sequence[Sequence[int]], idf: Mapping[int, float]) -> Any:
    """Dense cosine similarities of binary, IDF-weighted term vectors."""
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
    matrix = csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(terms), max(len(columns), 1)),
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0.0] = 1.0
    similarity = (matrix @ matrix.T).toarray() / np.outer(norms, norms)
    np.fill_diagonal(similarity, 1.0)
    return np.clip(similarity, 0.0, 1.0)


def stories_in_block(
    terms: Sequence[Sequence[int]],
    idf: Mapping[int, float],
    config: GroupingConfig | None = None,
) -> list[list[int]]:
    """Positions of the block's articles, grouped into stories."""
    config = config or GroupingConfig()
    count = len(terms)
    if count <= 1:
        return [list(range(count))]
    groups: list[list[int]] = []
    for start in range(0, count, config.max_block):
        stop = min(count, start + config.max_block)
        for group in _cluster(terms[start:stop], idf, config.join_at):
            groups.append([start + position for position in group])
    return sorted(groups, key=lambda group: group[0])


def _cluster(
    terms: Sequence[Sequence[int]], idf: Mapping[int, float], join_at: float
) -> list[list[int]]:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(terms) == 1:
        return [[0]]
    distance = 1.0 - similarity_matrix(terms, idf)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - join_at, criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return list(groups.values())


def inverse_frequency(document_frequency: int, documents: int) -> float:
    """Smoothed IDF, as scikit-learn's: a term in every article still weighs 1."""
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0
