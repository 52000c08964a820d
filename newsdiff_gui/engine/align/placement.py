"""Placing versions one at a time: the first half of the aligner.

Each version's sentences are scored against the units built so far (found
through the term index and, with meaning vectors, the unit centroids) and take
units greedily by similarity: strong matches anywhere, weaker ones where the
surrounding order agrees; split and fused sentences join the units they carry,
everything else starts a unit of its own. ``aligner.py`` runs this for every
version and then the ``final_passes`` on the result (README, "How alignment
works"; docs/alignment.md).

Public API (for ``aligner.py``): ``Placement``, ``rare_terms``.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from .records import AlignConfig
from .records import Cluster as _Cluster
from .records import Row as _Row
from .records import consecutive as _consecutive
from .records import is_headline as _is_headline
from .records import numbers_agree as _numbers_agree
from .records import numbers_shared as _numbers_shared
from .similarity import (
    COSINE_FLOOR,
    LEXICAL_SHARE,
    TermWeights,
    blend,
    combine,
)

# Per sentence, at most this many units are scored (by shared weight) plus this
# many more found by meaning alone: enough for any real match, and it keeps long
# single documents from going quadratic.
_MAX_CANDIDATES = 48
_MAX_MEANING_CANDIDATES = 16
# Terms in more than this share of a set's content sentences (and in more
# sentences than there are versions) are its topic or template words.
COMMON_SHARE = 0.05
# A term in this many sentences of one version is a template of that version.
REPEATED_IN_VERSION = 3


def rare_terms(terms: frozenset[str], weights: TermWeights) -> frozenset[str]:
    """Terms found in at most two sentences of the whole set: two sentences of
    different versions sharing two of them ("fentanyl", "Mexico") report the
    same thing even when the rest of their wording has nothing in common."""
    return frozenset(t for t in terms if len(t) > 2 and weights.frequency(t) <= 2)


class Placement:
    """Places versions one at a time; ``FinalPasses`` then works on what it built."""

    def __init__(
        self, rows: list[list[_Row]], config: AlignConfig, check_cancel: Callable[[], None]
    ) -> None:
        self.check_cancel = check_cancel
        self.rows = rows
        self._positions: tuple[list[int], dict[int, int]] | None = None
        self.config = config
        self.clusters: list[_Cluster] = []
        self.term_index: dict[str, set[int]] = defaultdict(set)
        self.deferred: list[_Row] = []
        # In how many content sentences of the whole set each term occurs, and the
        # count above which a term is one of the story's topic or template words.
        self.sentence_frequency: Counter[str] = Counter(
            t for doc_rows in rows for row in doc_rows for t in row.weighted.weights
        )
        # A fact's own words occur about once per version; a term more frequent
        # than that, and than a twentieth of all sentences, is repeated within
        # versions: the story's topic or a template phrase.
        count = sum(len(doc_rows) for doc_rows in rows)
        self.common_frequency = max(3, len(rows), int(count * COMMON_SHARE))
        # ... and a term one version alone repeats in several sentences is that
        # version's template ("a senior administration official" opening three
        # different facts), however few versions there are to count it across.
        repeated: Counter[str] = Counter()
        for doc_rows in rows:
            in_doc = Counter(t for row in doc_rows for t in row.weighted.weights)
            repeated.update(t for t, n in in_doc.items() if n >= REPEATED_IN_VERSION)
        self.template_terms = frozenset(repeated)

    def centroids(self) -> tuple[list[int], Any]:
        """Live unit numbers and their unit-length mean vectors, as one matrix."""
        import numpy as np

        live = [c for c in self.clusters if c.core and c.vector_sum is not None]
        if not live:
            return [], None
        matrix = np.stack([c.vector_sum for c in live])
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
        return [c.number for c in live], matrix

    def _positions_of(self, numbers: list[int]) -> dict[int, int]:
        """Unit number -> its row in a centroid matrix (built once per matrix)."""
        if self._positions is None or self._positions[0] is not numbers:
            self._positions = (numbers, {n: i for i, n in enumerate(numbers)})
        return self._positions[1]

    def similarities(
        self,
        row: _Row,
        centroids: tuple[list[int], Any] | None = None,
        boosted: dict[int, float] | None = None,
    ) -> dict[int, tuple[float, float]]:
        """Unit number -> (similarity, shared weight) for units sharing a term or,
        with meaning vectors, close in meaning. When ``boosted`` is given, it
        receives the score before the rare-term boost of every unit boosted."""
        shared: dict[int, float] = defaultdict(float)
        # Terms most units share are topic words: they cannot decide a match and,
        # on long documents, walking their postings for every sentence is what
        # would make alignment quadratic.
        clusters_count = len(self.clusters)
        limit = max(3, int(clusters_count * self.config.max_posting_share))
        limit = min(limit, max(self.config.posting_floor, int(clusters_count * 0.05)))
        clusters = self.clusters
        for term, weight in row.weighted.weights.items():
            posting = self.term_index.get(term)
            if not posting or len(posting) > limit:
                continue
            for number in posting:
                held = clusters[number].profile[term]
                shared[number] += weight if weight < held else held
        # Units holding two of the sentence's rare terms (see below), found once.
        rare_units: set[int] = set()
        if len(row.rare) >= 2:
            hits: Counter[int] = Counter()
            for term in row.rare:
                hits.update(n for n in self.term_index.get(term, ()) if term in clusters[n].profile)
            rare_units = {n for n, k in hits.items() if k >= 2}
        cosines: dict[int, float] = {}
        has_meaning = False
        candidates = set(shared)
        if row.vector is not None:
            numbers, matrix = centroids if centroids is not None else self.centroids()
            if numbers:
                import numpy as np

                has_meaning = True
                values = matrix @ row.vector
                # Without a shared term only meaning speaks; it must reach the weak
                # threshold on its own share of the score to be worth scoring.
                floor = COSINE_FLOOR + (1 - COSINE_FLOOR) * self.config.weak_threshold / (
                    1 - LEXICAL_SHARE
                )
                # Found in numpy, not a dict of every unit: per sentence that dict
                # made alignment quadratic in Python on long documents.
                close_at = np.flatnonzero(values >= floor)
                if len(close_at) > _MAX_MEANING_CANDIDATES:
                    # The closest ones, ties to the earlier unit (as heapq.nlargest does).
                    order = np.lexsort((close_at, -values[close_at]))
                    close_at = close_at[order[:_MAX_MEANING_CANDIDATES]]
                candidates.update(numbers[i] for i in close_at.tolist())
        if len(candidates) > _MAX_CANDIDATES:
            # Long documents of one topic: keep the units sharing the most weight
            # and the closest in meaning; the rest cannot win the greedy choice.
            by_weight = heapq.nlargest(_MAX_CANDIDATES, shared, key=shared.__getitem__)
            candidates = set(by_weight) | (candidates - set(shared))
        if has_meaning:
            positions = self._positions_of(numbers)
            cosines = {n: float(values[positions[n]]) for n in candidates if n in positions}
        result = {}
        total, term_count = row.weighted.total, len(row.weighted.weights)
        for number in candidates:
            amount = shared.get(number, 0.0)
            cluster = clusters[number]
            lexical = blend(amount, total, cluster.mean_total, term_count, cluster.mean_terms)
            score = combine(lexical, cosines.get(number)) if has_meaning else lexical
            if number in rare_units:
                if boosted is not None and score < self.config.anchor_threshold:
                    boosted[number] = score
                score = max(score, self.config.anchor_threshold)
            if score > 0:
                result[number] = (score, amount)
        return result

    def _order_evidence(
        self, doc: int, position: int, number: int, step: int, taken: dict[int, int]
    ) -> int:
        """+1 when the nearest matched neighbour on one side (``step`` = -1 or +1)
        keeps its order relative to unit ``number`` in the other versions, -1
        when it contradicts it, 0 when there is no neighbour to ask."""
        window = self.config.order_window
        candidate = self.clusters[number]
        for offset in range(1, window + 1):
            neighbour = position + step * offset
            other = taken.get(neighbour)
            if other is None:
                continue
            votes = 0
            for other_doc, other_position in self.clusters[other].positions.items():
                mine = candidate.positions.get(other_doc)
                if other_doc == doc or mine is None:
                    continue
                delta = other_position - mine
                # Same side, about as far away (drops, splits and fusions shift it a little).
                agrees = delta * step > 0 and abs(delta) <= offset + 2
                votes += 1 if agrees else -1
            return (votes > 0) - (votes < 0)
        return 0

    def _order_agrees(self, doc: int, position: int, number: int, taken: dict[int, int]) -> bool:
        """Does a matched neighbour keep the same order relative to ``number`` elsewhere?"""
        return any(self._order_evidence(doc, position, number, step, taken) > 0 for step in (-1, 1))

    def _order_contradicts(
        self, doc: int, position: int, number: int, taken: dict[int, int]
    ) -> bool:
        """Do the neighbours that have a say all put ``number`` elsewhere?"""
        votes = [self._order_evidence(doc, position, number, step, taken) for step in (-1, 1)]
        return -1 in votes and 1 not in votes

    def add_document(self, doc: int) -> None:
        config = self.config
        rows = [row for row in self.rows[doc] if not _is_headline(row.sentence)]
        self.deferred.extend(row for row in self.rows[doc] if _is_headline(row.sentence))
        centroids = self.centroids() if rows and rows[0].vector is not None else None
        raw_scores: list[dict[int, float]] = [{} for _ in rows]
        candidates = []
        for position, row in enumerate(rows):
            self.check_cancel()
            candidates.append(self.similarities(row, centroids, raw_scores[position]))
        self._contest_rare_boosts(candidates, raw_scores)
        ranked = sorted(
            (
                (score, position, number)
                for position, sims in enumerate(candidates)
                for number, (score, _) in sims.items()
                if score >= config.weak_threshold
            ),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        taken: dict[int, int] = {}  # position -> unit number
        used: set[int] = set()
        # Anchors: matches so close they hold wherever they fall.
        for score, position, number in ranked:
            if score < config.anchor_threshold:
                break
            if position not in taken and number not in used:
                taken[position] = number
                used.add(number)
        # Strong matches, unless every neighbour with a say puts them elsewhere
        # (a chance match of template-like wording, or a fused sentence's half).
        for score, position, number in ranked:
            if score < config.strong_threshold:
                break
            if position in taken or number in used:
                continue
            # Topic and template words alone ("two US officials said") do not make
            # a strong match on a small share of the sentence: the meaning vectors
            # of one story's sentences are close, so such a pair can pass the
            # threshold on shape alone. A large share of topic words ("reports …
            # in recent weeks … military … Caribbean") is a paraphrase.
            row = rows[position]
            thin = candidates[position][number][1] < config.weak_min_shared * row.weighted.total
            if thin and not self._shares_telling_term(row, number, strict=False):
                continue
            if not self._order_contradicts(doc, position, number, taken):
                taken[position] = number
                used.add(number)
        strong = dict(taken)
        for score, position, number in ranked:
            if score >= config.strong_threshold or position in taken or number in used:
                continue
            # Meaning alone may not carry a weak match: similar sentence shapes
            # ("On day 3 the ... was approved") sit close in vector space.
            shared = candidates[position][number][1] / rows[position].weighted.total
            if shared < config.weak_min_shared:
                continue
            # Nor may the story's template words alone ("a senior administration
            # official ..." opens many different facts).
            if not self._shares_telling_term(rows[position], number):
                continue
            if self._order_agrees(doc, position, number, strong):
                taken[position] = number
                used.add(number)
        for position, number in taken.items():
            self.clusters[number].add_core(rows[position], candidates[position][number][0])
        for position, row in enumerate(rows):
            if position in taken:
                self._join_fused(row, taken[position], candidates[position], used)
                continue
            if self._join_as_second_member(row, candidates[position], used):
                continue
            pair = self._adjacent_pair(row, candidates[position], used)
            if pair is not None:
                used.add(pair)
            else:
                self.new_cluster(row)
        for number in used:
            for term in self.clusters[number].profile:
                self.term_index[term].add(number)

    @staticmethod
    def _contest_rare_boosts(
        candidates: list[dict[int, tuple[float, float]]], raw_scores: list[dict[int, float]]
    ) -> None:
        """Withdraw a rare-term boost that a better partner contests.

        Two shared terms found in at most two sentences of the set mark one fact
        in a set of many versions; in a set of two, every word the two versions
        share once each is that rare ("attempt", "overthrow"), so the boost may
        pair a sentence with a neighbouring fact while its own counterpart scores
        higher. A boosted match stands only when it is, on the unboosted scores,
        the sentence's best unit and the unit's best sentence of this version.
        """

        def raw(position: int, number: int) -> float:
            return raw_scores[position].get(number, candidates[position][number][0])

        best_for_unit: dict[int, float] = defaultdict(float)
        for position, sims in enumerate(candidates):
            for number in sims:
                best_for_unit[number] = max(best_for_unit[number], raw(position, number))
        for position, boosted in enumerate(raw_scores):
            if not boosted:
                continue
            sims = candidates[position]
            for number, score in boosted.items():
                if score < best_for_unit[number]:
                    sims[number] = (score, sims[number][1])

    def _shares_telling_term(self, row: _Row, number: int, strict: bool = True) -> bool:
        """Does ``row`` share with unit ``number`` a term that is not one of the
        story's topic or template words (see ``telling``)?"""
        profile = self.clusters[number].profile
        return any(self.telling(t, strict) for t in row.weighted.weights if t in profile)

    def telling(self, term: str, strict: bool = True) -> bool:
        """A term that is not one of the story's topic or template words (in
        more sentences than versions and than 5 % of the set) and, when
        ``strict``, not one version's template (repeated in several of its
        sentences). A strong match asks only the first: its score already
        says more than one shared word, and one version's habit ("in recent
        weeks", four times in one translation) should not veto it."""
        if self.sentence_frequency[term] > self.common_frequency:
            return False
        return not strict or term not in self.template_terms

    def _join_fused(
        self, row: _Row, own: int, sims: dict[int, tuple[float, float]], used: set[int]
    ) -> None:
        """A sentence whose *other* half carries a second unit joins it too.

        Only the terms the sentence's own unit does not explain count: a
        sentence that merely repeats words of a neighbouring fact ("terrorist",
        "cartel") is not a fusion of the two. The unit right next to its own
        one, in the versions that have both, needs only a weak match and two
        telling carried terms.
        """
        explained: set[str] = set()
        for member in self.clusters[own].core:
            if member is not row:
                explained.update(member.weighted.weights)
        weights = row.weighted.weights
        residual = {t: w for t, w in weights.items() if t not in explained}
        residual_total = sum(residual.values())
        if residual_total < self.config.fused_residual * row.weighted.total:
            return
        for number, (score, _amount) in sims.items():
            if number == own or number in used or not self.clusters[number].core:
                continue
            cluster = self.clusters[number]
            carried_terms = [t for t in residual if t in cluster.profile]
            if len(carried_terms) < 2:
                continue  # one shared word is a coincidence or a synonym, not a second fact
            carried = sum(residual[t] for t in carried_terms)
            if not _numbers_shared(residual, cluster):
                continue
            # The unit next to the sentence's own one in the versions that report the
            # two facts apart: adjacency is evidence of its own (as for a fusion of
            # two consecutive units, ``_adjacent_pair``), so a weak match suffices
            # when two of the carried terms are telling ones. Attribution templates
            # ("a senior administration official") often open both neighbours.
            telling = sum(self.telling(t) for t in carried_terms)
            if (
                score >= self.config.weak_threshold
                and telling >= 2
                and _consecutive(self.clusters[own], cluster)
            ):
                cluster.extra.append(row)
                cluster.scores[row.sentence.id] = score
                continue
            rest_score = blend(
                carried, residual_total, cluster.mean_total, len(residual), cluster.mean_terms
            )
            if rest_score < self.config.weak_threshold:
                continue
            if carried >= self.config.fused_coverage * min(residual_total, cluster.mean_total):
                cluster.extra.append(row)
                cluster.scores[row.sentence.id] = score

    def _adjacent_pair(
        self, row: _Row, sims: dict[int, tuple[float, float]], used: set[int]
    ) -> int | None:
        """A sentence that fuses two consecutive sentences of another version.

        Each half alone may look too weak; together they carry the sentence,
        which joins both units (a 2<->1 link). Returns the unit it is core of.
        """
        ranked = sorted(
            (
                n
                for n, (score, _) in sims.items()
                if n not in used and score > 0 and self.clusters[n].core
            ),
            key=lambda n: -sims[n][0],
        )[:4]
        weights = row.weighted.weights
        best: tuple[float, int, int] | None = None
        for i, first in enumerate(ranked):
            for second in ranked[i + 1 :]:
                a, b = self.clusters[first], self.clusters[second]
                if not _consecutive(a, b):
                    continue
                # Each half must share a telling term: neighbouring sentences that
                # open with one version's template ("the senior administration
                # official ...") are not two halves of one fact.
                telling = self._shares_telling_term(row, first) and self._shares_telling_term(
                    row, second
                )
                if not telling:
                    continue
                carried = sum(
                    min(w, max(a.profile.get(t, 0.0), b.profile.get(t, 0.0)))
                    for t, w in weights.items()
                )
                score = blend(
                    carried,
                    row.weighted.total,
                    a.mean_total + b.mean_total,
                    len(weights),
                    a.mean_terms + b.mean_terms,
                )
                if row.vector is not None and a.vector_sum is not None and b.vector_sum is not None:
                    joint = a.vector_sum / len(a.core) + b.vector_sum / len(b.core)
                    norm = float((joint @ joint) ** 0.5) or 1.0
                    score = combine(score, float(joint @ row.vector) / norm)
                # Adjacency is strong evidence of its own, so the weak threshold applies.
                halves = min(sims[first][0], sims[second][0])
                if (
                    score >= (self.config.weak_threshold + self.config.strong_threshold) / 2
                    and halves >= self.config.weak_threshold
                    and (best is None or score > best[0])
                ):
                    best = (score, min(first, second), max(first, second))
        if best is None:
            return None
        score, first, second = best
        # Core of the closer unit, fused member of the other: the two facts stay
        # separate units, so versions that report only one are not paired with the other.
        core, other = (first, second) if sims[first][0] >= sims[second][0] else (second, first)
        self.clusters[core].add_core(row, score)
        self.clusters[other].extra.append(row)
        self.clusters[other].scores[row.sentence.id] = score
        return core

    def _join_as_second_member(
        self, row: _Row, sims: dict[int, tuple[float, float]], used: set[int]
    ) -> bool:
        best = max(
            (
                (score, amount, n)
                for n, (score, amount) in sims.items()
                if n in used and self.clusters[n].core
            ),
            default=None,
        )
        if best is None:
            return False
        score, amount, number = best
        coverage = amount / row.weighted.total
        cluster = self.clusters[number]
        # A split sentence sits next to its other half.
        beside = any(
            m.doc == row.doc and abs(m.position - row.position) == 1
            for m in (*cluster.core, *cluster.extra)
        )
        if (
            beside
            and score >= self.config.weak_threshold
            and coverage >= self.config.join_coverage
            and _numbers_agree(row.weighted.weights, cluster)
        ):
            self.clusters[number].extra.append(row)
            self.clusters[number].scores[row.sentence.id] = score
            return True
        return False

    def new_cluster(self, row: _Row) -> None:
        cluster = _Cluster(len(self.clusters))
        cluster.add_core(row, 1.0)
        self.clusters.append(cluster)
        for term in row.weighted.weights:
            self.term_index[term].add(cluster.number)
