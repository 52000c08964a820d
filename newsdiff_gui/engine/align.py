"""Align all versions of a story at once into units and links.

Method (explained for readers in the README, "How alignment works"):

1. Every content sentence becomes a bag of prefix-stemmed terms
   (``features.py``); each term is weighted by its inverse sentence frequency
   in the whole set, so topic words every version repeats ("Maduro",
   "Venezuela") weigh little and rare words, names and numbers weigh a lot.
2. Candidate pairs come from an inverted index over terms: only sentences of
   different versions that share a term are ever compared (no all-pairs loop).
3. A pair's similarity blends weighted Dice (same content, similar length)
   and weighted containment (a summary sentence inside a longer one).
4. For each pair of versions, links are chosen greedily by score, one-to-one,
   then a neighbouring sentence that completes a link (a split or fused
   sentence) joins it, and weaker candidates are accepted only where they
   keep the order set by strong links around them (order-aware, yet strong
   links survive any reordering).
5. Units are the connected groups of linked sentences; sentences left alone
   are single-member units (content only their version has).

Public API: ``AlignConfig``, ``align``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .features import SentenceFeatures, sentence_features
from .model import Alignment, ArticleSet, Link, Relation, Sentence, Unit


@dataclass(frozen=True)
class AlignConfig:
    # Links at or above this similarity are accepted wherever they fall.
    strong_threshold: float = 0.42
    # Between this and strong, a link must agree with the order of strong links nearby.
    weak_threshold: float = 0.26
    # How far (in sentences) order evidence is looked for around a weak candidate.
    order_window: int = 4
    # Weight of containment against Dice in the blended similarity.
    containment_weight: float = 0.5
    # A neighbour joins a link (split/fused sentence) when it covers this much of its own weight.
    join_coverage: float = 0.5
    # Terms in more than this share of sentences are ignored for candidate retrieval.
    max_posting_share: float = 0.5
    # Similarity at or above which a link is called verbatim (with identical terms).
    verbatim_threshold: float = 0.97


@dataclass
class _Indexed:
    sentence: Sentence
    features: SentenceFeatures
    weights: dict[str, float]
    total: float


def _index_sentences(article_set: ArticleSet) -> list[list[_Indexed]]:
    content = [[s for s in d.sentences if not s.is_boilerplate] for d in article_set.documents]
    features = [[sentence_features(s.text) for s in doc] for doc in content]
    document_frequency: dict[str, int] = defaultdict(int)
    count = 0
    for doc in features:
        for f in doc:
            count += 1
            for term in f.terms:
                document_frequency[term] += 1
    indexed: list[list[_Indexed]] = []
    for doc_sentences, doc_features in zip(content, features, strict=True):
        rows = []
        for sentence, f in zip(doc_sentences, doc_features, strict=True):
            weights = {t: math.log(1 + count / document_frequency[t]) for t in f.terms}
            for anchor in f.anchors:
                if anchor in weights:
                    weights[anchor] *= 1.5
            rows.append(_Indexed(sentence, f, weights, sum(weights.values()) or 1.0))
        indexed.append(rows)
    return indexed


def _similarity(a: _Indexed, b: _Indexed, shared: float, config: AlignConfig) -> float:
    dice = 2 * shared / (a.total + b.total)
    containment = shared / min(a.total, b.total)
    # Containment of a very short sentence says little; damp it by length.
    short = min(len(a.weights), len(b.weights))
    containment *= min(1.0, short / 6)
    w = config.containment_weight
    return (1 - w) * dice + w * containment


def _candidate_scores(
    indexed: list[list[_Indexed]], config: AlignConfig
) -> dict[tuple[int, int], dict[tuple[int, int], float]]:
    """Similarity of every cross-version pair that shares a useful term.

    Keyed by (doc_a, doc_b) with doc_a < doc_b, then by (index_a, index_b).
    """
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    total_sentences = sum(len(d) for d in indexed)
    for d, doc in enumerate(indexed):
        for i, row in enumerate(doc):
            for term in row.weights:
                postings[term].append((d, i))
    limit = max(2, int(total_sentences * config.max_posting_share))
    shared: dict[tuple[int, int, int, int], float] = defaultdict(float)
    for term, posting in postings.items():
        if len(posting) > limit:
            continue
        for x in range(len(posting)):
            d1, i1 = posting[x]
            for y in range(x + 1, len(posting)):
                d2, i2 = posting[y]
                if d1 == d2:
                    continue
                w = min(indexed[d1][i1].weights[term], indexed[d2][i2].weights[term])
                shared[(d1, i1, d2, i2)] += w
    scores: dict[tuple[int, int], dict[tuple[int, int], float]] = defaultdict(dict)
    for (d1, i1, d2, i2), overlap in shared.items():
        a, b = indexed[d1][i1], indexed[d2][i2]
        scores[(d1, d2)][(i1, i2)] = _similarity(a, b, overlap, config)
    return scores


def _pair_links(
    pair_scores: dict[tuple[int, int], float],
    rows_a: list[_Indexed],
    rows_b: list[_Indexed],
    config: AlignConfig,
) -> list[tuple[list[int], list[int], float]]:
    """Choose links between two versions: strong one-to-one, then order-checked weak ones."""
    ranked = sorted(pair_scores.items(), key=lambda item: (-item[1], item[0]))
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    for (i, j), score in ranked:
        if score < config.strong_threshold:
            break
        if i not in match_a and j not in match_b:
            match_a[i], match_b[j] = j, i
    strong = dict(match_a)

    def order_agrees(i: int, j: int) -> bool:
        for k in range(1, config.order_window + 1):
            for ni in (i - k, i + k):
                nj = strong.get(ni)
                if nj is not None and (nj - j) * (ni - i) > 0 and abs((nj - j) - (ni - i)) <= 2:
                    return True
        return False

    for (i, j), score in ranked:
        if score < config.weak_threshold:
            break
        if score >= config.strong_threshold or i in match_a or j in match_b:
            continue
        if order_agrees(i, j):
            match_a[i], match_b[j] = j, i

    links: dict[int, tuple[list[int], list[int], float]] = {
        i: ([i], [j], pair_scores[(i, j)]) for i, j in match_a.items()
    }
    # Split/fused sentences: an unmatched neighbour whose content lies inside the partner.
    for i, j in list(match_a.items()):
        for nj in (j - 1, j + 1):
            if nj in match_b or not 0 <= nj < len(rows_b):
                continue
            if _coverage(rows_b[nj], rows_a[i]) >= config.join_coverage:
                links[i][1].append(nj)
                match_b[nj] = i
        for ni in (i - 1, i + 1):
            if ni in match_a or not 0 <= ni < len(rows_a):
                continue
            if _coverage(rows_a[ni], rows_b[j]) >= config.join_coverage:
                links[i][0].append(ni)
                match_a[ni] = j
    return [(sorted(a), sorted(b), score) for a, b, score in links.values()]


def _coverage(part: _Indexed, whole: _Indexed) -> float:
    """Share of ``part``'s term weight that ``whole`` also carries."""
    shared = sum(w for t, w in part.weights.items() if t in whole.weights)
    return shared / part.total if len(part.weights) >= 3 else 0.0


def _relation(
    a_rows: list[_Indexed], b_rows: list[_Indexed], score: float, config: AlignConfig
) -> Relation:
    text_a = " ".join(" ".join(r.sentence.text.split()) for r in a_rows)
    text_b = " ".join(" ".join(r.sentence.text.split()) for r in b_rows)
    if text_a == text_b:
        return Relation.VERBATIM
    terms_a = set().union(*(r.features.terms for r in a_rows))
    terms_b = set().union(*(r.features.terms for r in b_rows))
    if len(a_rows) != len(b_rows) or score < 0.55:
        return Relation.PARTIAL
    smaller = min(len(terms_a), len(terms_b)) or 1
    if len(terms_a ^ terms_b) / smaller > 0.6:
        return Relation.PARTIAL
    return Relation.REWORDED


def _calibrate(score: float) -> float:
    """Map the raw similarity to a confidence in [0, 1]: 0.5 near the weak
    threshold, approaching 1 for near-identical sentences."""
    return round(1 / (1 + math.exp(-9 * (score - 0.3))), 3)


def align(
    article_set: ArticleSet,
    config: AlignConfig | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Alignment:
    """Align every version of ``article_set`` against every other."""
    config = config or AlignConfig()
    indexed = _index_sentences(article_set)
    scores = _candidate_scores(indexed, config)
    links: list[Link] = []
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for d1, d2 in sorted(scores):
        if should_cancel and should_cancel():
            raise CancelledError
        for a_idx, b_idx, score in _pair_links(scores[(d1, d2)], indexed[d1], indexed[d2], config):
            a_rows = [indexed[d1][i] for i in a_idx]
            b_rows = [indexed[d2][j] for j in b_idx]
            relation = _relation(a_rows, b_rows, score, config)
            a_ids = tuple(r.sentence.id for r in a_rows)
            b_ids = tuple(r.sentence.id for r in b_rows)
            links.append(Link(a_ids, b_ids, relation, _calibrate(score)))
            for x in (*a_ids, *b_ids):
                union(a_ids[0], x)
    return Alignment(article_set, _build_units(article_set, links, find), tuple(links))


class CancelledError(Exception):
    """Raised when ``should_cancel`` asks the aligner to stop."""


def _build_units(
    article_set: ArticleSet, links: list[Link], find: Callable[[str], str]
) -> tuple[Unit, ...]:
    groups: dict[str, list[Sentence]] = defaultdict(list)
    for document in article_set.documents:
        for sentence in document.sentences:
            if not sentence.is_boilerplate:
                groups[find(sentence.id)].append(sentence)
    relations: dict[str, list[Relation]] = defaultdict(list)
    for link in links:
        relations[find(link.a[0])].append(link.relation)
    ordered = sorted(groups.items(), key=lambda item: min((s.doc_index, s.index) for s in item[1]))
    units = []
    for number, (root, members) in enumerate(ordered):
        members.sort(key=lambda s: (s.doc_index, s.index))
        rels = relations.get(root)
        relation = None
        if rels:
            if all(r == Relation.VERBATIM for r in rels):
                relation = Relation.VERBATIM
            elif any(r == Relation.PARTIAL for r in rels):
                relation = Relation.PARTIAL
            else:
                relation = Relation.REWORDED
        units.append(Unit(f"u{number}", tuple(s.id for s in members), relation))
    return tuple(units)
