"""Candidate pairs at scale: which articles could be one story.

Comparing every article with every other is quadratic: 10^10 pairs in a day
of 100,000. A candidate finder proposes the few pairs worth verifying, using
a well-kept library, and ``grouping.py`` verifies them. Two finders, measured
against each other in docs/batch.md:

* ``MinHashCandidates`` (default) — MinHash signatures of each article's
  term set (``datasketch``) and locality-sensitive hashing over their values,
  whose buckets stop growing once common: an article is inserted and queried
  once and reads a bounded number of earlier ones, so the cost is linear in
  the pile and each article costs a fixed signature of ``num_perm`` 32-bit
  values and its place in ``num_perm`` buckets at most.
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
    """Jaccard-similar term sets: MinHash signatures, banded, with stop buckets.

    Each of the first ``bands`` values of an article's signature (``num_perm``
    MinHash values of its term set, ``datasketch``) is a band: two articles
    whose term sets share one are candidates, which happens with probability
    their Jaccard similarity per band. Reports of one event by different
    outlets share a tenth to a fifth of their terms, so one-value bands and
    many of them are needed to find them.

    Why own buckets rather than ``datasketch.MinHashLSH``: a one-value band of
    an article is often a word half the pile uses ("said", "president"), and
    its bucket then holds a large share of the pile. Queried, such buckets made
    every article a candidate of about 30 % of the articles before it (2,000
    candidates a query at 8,500 articles, 5,900 at 21,500): the
    driver's stage grew with the square of the day. Here a bucket that holds
    ``cap`` articles is *stopped*, like a stop word: from then on it keeps and
    hands out only its ``latest`` articles, so a query reads at most
    ``bands × cap`` earlier articles whatever the size of the pile. A pair of
    one story shares rarer values too (names, numbers, phrases) and is found
    through those; and the ``latest`` of a stopped bucket still join a family
    of more than ``cap`` near-copies of one wire story, whose every bucket
    stops (without them its later copies would find no one). Neither value
    is tuned: ``cap`` is above the versions of most stories (the synthetic
    days' reach 60), and the labelled corpus's development figures are the
    same with a cap of 10 to 100 and 15 to 64 bands (docs/batch.md).

    Candidates are ranked by the share of the ``num_perm`` values their
    signatures agree on (an estimate of Jaccard similarity), computed at once
    for all of them on one matrix of signatures; the ``keep`` best are kept.
    Deterministic for a given input order (which buckets stop when depends on
    it).
    """

    def __init__(
        self,
        num_perm: int = 64,
        bands: int = 64,
        cap: int = 100,
        latest: int = 8,
        seed: int = 7,
        keep: int = 24,
    ) -> None:
        import numpy as np
        from datasketch import MinHash

        if not 0 < bands <= num_perm:
            raise ValueError("bands must be between 1 and num_perm")
        if not 2 <= latest <= cap:
            raise ValueError("latest must be between 2 and cap")
        self._np = np
        # Terms are already 32-bit hashes: datasketch mixes them itself (identity hash).
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
        # One row per article, grown by doubling: 4 bytes a value.
        self._signatures = np.zeros((1024, num_perm), dtype=np.uint32)
        self._count = 0
        self._bands = bands
        self._cap = cap
        self._latest = latest
        # A bucket's key is its band (high bits) and value (low 32 bits). Its
        # entry is its only article (an int: most buckets, and no list), its
        # articles (a list), or, once stopped, its ``latest`` articles (a tuple).
        self._band_keys = np.arange(bands, dtype=np.uint64) << np.uint64(32)
        self._buckets: dict[int, int | list[int] | tuple[int, ...]] = {}
        # Pairs found, flat (earlier article, later article; agreement): about
        # 24 bytes a pair where tuples of Python numbers took about 120.
        self._firsts = array("q")
        self._seconds = array("q")
        self._agreements = array("d")
        # At most this many candidates per article, the most similar: a wire story
        # copied 300 times must not make 45,000 pairs (memory flat per article).
        self._keep = keep

    def add(self, index: int, terms: frozenset[int]) -> None:
        np = self._np
        if index != self._count:
            raise ValueError("articles must be added in order 0, 1, 2, …")
        sketch = self._template.copy()
        sketch.update_batch(terms)
        signature = sketch.hashvalues.astype(np.uint32)
        if self._count == len(self._signatures):
            grown = np.zeros((2 * self._count, signature.size), dtype=np.uint32)
            grown[: self._count] = self._signatures
            self._signatures = grown
        self._signatures[index] = signature
        self._count += 1
        if not terms:
            return
        found = self._bucket_mates(index, signature)
        if not found:
            return
        others = np.unique(np.asarray(found, dtype=np.int64))  # sorted: deterministic
        agreement = (self._signatures[others] == signature).mean(axis=1)
        best = np.argsort(-agreement, kind="stable")[: self._keep]
        self._firsts.extend(others[best].tolist())
        self._seconds.extend([index] * len(best))
        self._agreements.extend(agreement[best].tolist())

    def _bucket_mates(self, index: int, signature: Any) -> list[int]:
        """Earlier articles sharing a bucket with ``index``, which joins them."""
        np = self._np
        keys = (signature[: self._bands].astype(np.uint64) | self._band_keys).tolist()
        buckets = self._buckets
        found: list[int] = []
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = index
            elif isinstance(bucket, int):
                found.append(bucket)
                buckets[key] = [bucket, index]
            elif isinstance(bucket, tuple):  # stopped: only its latest articles
                found.extend(bucket)
                buckets[key] = (*bucket[1:], index)
            elif len(bucket) >= self._cap:  # stops now
                found.extend(bucket[-self._latest :])
                buckets[key] = (*bucket[1 - self._latest :], index)
            else:
                found.extend(bucket)
                bucket.append(index)
        return found

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
