"""Candidate pairs at scale: which articles could be one story.

Comparing every article with every other is quadratic: 10^10 pairs in a day
of 100,000. A candidate finder proposes the few pairs worth verifying, using
a well-kept library, and ``grouping.py`` verifies them. Two finders, measured
against each other in docs/batch.md:

* ``MinHashCandidates`` (default) — MinHash signatures of each article's
  term set and locality-sensitive hashing (``datasketch``): an article is
  inserted and queried once, so the cost is linear in the pile and each
  article costs a fixed signature of ``num_perm`` 32-bit values.
* ``TfidfCandidates`` — sparse TF-IDF vectors and cosine nearest neighbours
  (``scikit-learn``, brute force over sparse rows): finds reports that share
  few words better, but its cost grows with the square of the pile.

Both take articles one at a time (``add``) and give scored pairs
(``pairs``); both are deterministic for a given input order.

Public API: ``CandidateFinder``, ``MinHashCandidates``, ``TfidfCandidates``,
``make_finder``, ``FINDERS``.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from typing import Any, Protocol

__all__ = ["FINDERS", "CandidateFinder", "MinHashCandidates", "TfidfCandidates", "make_finder"]


class CandidateFinder(Protocol):
    def add(self, index: int, terms: frozenset[int]) -> None: ...

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """``(i, j, similarity)`` with ``i < j``, each pair once."""
        ...


class MinHashCandidates:
    """Jaccard-similar term sets by MinHash LSH.

    ``threshold`` is the Jaccard similarity of term sets at which a pair is
    likely proposed; datasketch picks the bands and rows for it. Reports of
    one event by different outlets share a tenth to a fifth of their terms;
    copies of one wire story far more.
    """

    def __init__(
        self, threshold: float = 0.1, num_perm: int = 64, seed: int = 7, keep: int = 24
    ) -> None:
        import numpy as np
        from datasketch import MinHash, MinHashLSH

        self._np = np
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # Terms are already 32-bit hashes: datasketch mixes them itself (identity hash).
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
        self._signatures: list[Any] = []  # one uint32 array per article
        # Pairs found, flat (earlier article, later article; agreement): about
        # 24 bytes a pair where tuples of Python numbers took about 120.
        self._firsts = array("q")
        self._seconds = array("q")
        self._agreements = array("d")
        # At most this many candidates per article, the most similar: a wire story
        # copied 300 times must not make 45,000 pairs (memory flat per article).
        self._keep = keep

    def add(self, index: int, terms: frozenset[int]) -> None:
        if index != len(self._signatures):
            raise ValueError("articles must be added in order 0, 1, 2, …")
        sketch = self._template.copy()
        sketch.update_batch(terms)
        self._signatures.append(sketch.hashvalues.astype(self._np.uint32))
        if not terms:
            return
        found = self._lsh.query(sketch)
        if found:
            np = self._np
            others = np.asarray(found, dtype=np.int64)
            stacked = np.stack([self._signatures[o] for o in found])
            agreement = (stacked == self._signatures[index]).mean(axis=1)
            best = np.argsort(-agreement, kind="stable")[: self._keep]
            self._firsts.extend(int(o) for o in others[best])
            self._seconds.extend([index] * len(best))
            self._agreements.extend(float(a) for a in agreement[best])
        self._lsh.insert(index, sketch, check_duplication=False)

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        yield from zip(self._firsts, self._seconds, self._agreements, strict=True)


class TfidfCandidates:
    """Cosine-similar TF-IDF vectors: each article's ``neighbours`` nearest."""

    def __init__(self, neighbours: int = 12, floor: float = 0.1, hash_bits: int = 22) -> None:
        self._neighbours = neighbours
        self._floor = floor
        self._width = 1 << hash_bits
        self._indices: list[int] = []
        self._indptr = [0]

    def add(self, index: int, terms: frozenset[int]) -> None:
        if index != len(self._indptr) - 1:
            raise ValueError("articles must be added in order 0, 1, 2, …")
        self._indices.extend(sorted(terms))
        self._indptr.append(len(self._indices))

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.feature_extraction.text import TfidfTransformer
        from sklearn.neighbors import NearestNeighbors

        rows = len(self._indptr) - 1
        if rows < 2:
            return
        data = np.ones(len(self._indices), dtype=np.float32)
        counts = csr_matrix(
            (data, np.asarray(self._indices, dtype=np.int32), np.asarray(self._indptr)),
            shape=(rows, self._width),
        )
        vectors = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        k = min(self._neighbours + 1, rows)
        finder = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute")
        finder.fit(vectors)
        seen: set[tuple[int, int]] = set()
        step = 2048
        for start in range(0, rows, step):
            distances, neighbours = finder.kneighbors(vectors[start : start + step])
            for offset, (row_d, row_n) in enumerate(zip(distances, neighbours, strict=True)):
                i = start + offset
                for distance, j in zip(row_d, row_n, strict=True):
                    similarity = 1.0 - float(distance)
                    if j == i or similarity < self._floor or math.isnan(similarity):
                        continue
                    pair = (min(i, int(j)), max(i, int(j)))
                    if pair not in seen:
                        seen.add(pair)
                        yield pair[0], pair[1], similarity


FINDERS = ("minhash", "tfidf")


def make_finder(name: str) -> CandidateFinder:
    if name == "minhash":
        return MinHashCandidates()
    if name == "tfidf":
        return TfidfCandidates()
    raise ValueError(f"unknown candidate finder {name!r} (choose from {', '.join(FINDERS)})")
