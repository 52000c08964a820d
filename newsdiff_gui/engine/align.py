"""Align all versions of a story at once into units and links.

Method (explained for readers in the README, "How alignment works"):

1. Every content sentence becomes a bag of prefix-stemmed, variant-folded
   terms (``features.py``), weighted by inverse sentence frequency in the
   whole set (``similarity.py``): topic words every version repeats weigh
   little; names, numbers and rare words weigh a lot.
2. Versions are added one at a time, finest-grained first (most sentences;
   ties broken by content, so the result does not depend on the order files
   were given in). Each unit under construction keeps a *profile*: the terms of
   all its members. A new sentence is compared only with the units that share
   a term with it (an inverted index from terms to units), never with every
   sentence of every version, so cost grows roughly linearly with versions.
3. Within a version, sentences take units greedily by similarity, one sentence
   per unit. Strong matches are accepted wherever they fall (reordered
   paragraphs survive); weaker ones only where the order of the strong
   matches around them agrees in some other version.
4. A sentence left over that a unit already matched in its own version
   (a split sentence, a headline restating the lead) joins that unit too; a
   long sentence that also covers most of a second unit (two facts fused in
   one) becomes a member of both. Everything else starts a unit of its own:
   content only that version has.
5. Once every version is in, units that carry the same content merge, and two
   sentences still alone in different versions pair up when each is the
   other's best match and they share telling words (``pair_leftovers``); a
   sentence still alone joins the unit with which it shares terms hardly any
   other unit has (``join_on_distinctive_terms``).

Public API: ``AlignConfig``, ``align``, ``CancelledError``.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .clauses import split_clauses
from .features import is_number, sentence_features
from .model import Alignment, ArticleSet, Link, Relation, Sentence, Unit
from .similarity import (
    COSINE_FLOOR,
    LEXICAL_SHARE,
    LINK_THRESHOLD,
    TermWeights,
    Weighted,
    blend,
    calibrate,
    combine,
    overlap,
)
from .vectors import VectorTable


@dataclass(frozen=True)
class AlignConfig:
    # Matches at or above this similarity are taken wherever they fall in the text.
    anchor_threshold: float = 0.55
    # From here, a match is taken unless the order of its neighbours speaks against it.
    strong_threshold: float = LINK_THRESHOLD
    # Between weak and strong, a match must agree with the order of strong matches nearby.
    weak_threshold: float = 0.24
    # Share of a sentence's term weight a weak match must find in the unit.
    weak_min_shared: float = 0.25
    # How many sentences away order evidence is looked for.
    order_window: int = 3
    # Share of a sentence's own weight a unit must carry for the sentence to join as
    # a second member from the same version (split sentence, headline).
    join_coverage: float = 0.6
    # A sentence is a fusion candidate when this share of its weight is not explained
    # by its own unit, and joins a second unit carrying this share of that rest.
    fused_residual: float = 0.3
    fused_coverage: float = 0.4
    # Terms found in more than this share of units are skipped when looking up
    # candidates (topic words: they never decide a match on their own).
    max_posting_share: float = 0.6
    # ... and terms in more than this many units (or 5% of them, whichever is more).
    posting_floor: int = 64
    # Units whose members match each other's profile this well merge after all versions are in.
    merge_threshold: float = 0.45
    # Two sentences left alone in different versions, each the other's closest, pair
    # from this similarity (with the weak match's share of shared words).
    leftover_threshold: float = 0.31
    # A sentence still alone joins the unit it matches best from this similarity when
    # the terms they share that hardly any other unit has ("distinctive": in at most
    # this many units, the sentence's own and the candidate's included) are at least
    # two and carry this share of the sentence's weight.
    distinctive_threshold: float = 0.2
    distinctive_units: int = 3
    distinctive_share: float = 0.2
    # Check the cancel callback every this many sentences.
    cancel_every: int = 256


# A clause of a fused sentence is matched as a fact of its own from this many terms.
CLAUSE_MIN_TERMS = 3
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


class CancelledError(Exception):
    """Raised when ``should_cancel`` asks the aligner to stop."""


@dataclass
class _Row:
    sentence: Sentence
    doc: int
    position: int  # index among the document's content sentences
    weighted: Weighted
    vector: Any = None  # unit-length meaning vector (numpy), None without a vector table
    rare: frozenset[str] = frozenset()  # terms no more than one other sentence shares


@dataclass
class _Cluster:
    number: int
    core: list[_Row] = field(default_factory=list)  # at most one per version
    extra: list[_Row] = field(default_factory=list)  # split, headline or fused members
    profile: dict[str, float] = field(default_factory=dict)
    vector_sum: Any = None
    total_sum: float = 0.0
    terms_sum: int = 0
    scores: dict[str, float] = field(default_factory=dict)  # sentence id -> match score
    positions: dict[int, int] = field(default_factory=dict)  # version -> core member position

    @property
    def mean_total(self) -> float:
        return self.total_sum / len(self.core)

    @property
    def mean_terms(self) -> int:
        return max(1, self.terms_sum // len(self.core))

    def position_in(self, doc: int) -> int | None:
        return self.positions.get(doc)

    def add_core(self, row: _Row, score: float) -> None:
        self.core.append(row)
        self.positions[row.doc] = row.position
        if row.vector is not None:
            self.vector_sum = (
                row.vector if self.vector_sum is None else self.vector_sum + row.vector
            )
        self.total_sum += row.weighted.total
        self.terms_sum += len(row.weighted.weights)
        for term, weight in row.weighted.weights.items():
            if weight > self.profile.get(term, 0.0):
                self.profile[term] = weight
        self.scores[row.sentence.id] = score


def _rows(article_set: ArticleSet) -> list[list[_Row]]:
    features = [
        [(s, sentence_features(s.text)) for s in d.sentences if not s.is_boilerplate]
        for d in article_set.documents
    ]
    weights = TermWeights(f for doc in features for _, f in doc)
    rows = [
        [
            _Row(s, d, p, weights.weigh(f), rare=_rare_terms(f.terms, weights))
            for p, (s, f) in enumerate(doc)
        ]
        for d, doc in enumerate(features)
    ]
    table = VectorTable.load()
    if table is not None:
        for doc_rows in rows:
            for row in doc_rows:
                row.vector = table.sentence_vector(row.weighted.word_weights())
    return rows


def _rare_terms(terms: frozenset[str], weights: TermWeights) -> frozenset[str]:
    """Terms found in at most two sentences of the whole set: two sentences of
    different versions sharing two of them ("fentanyl", "Mexico") report the
    same thing even when the rest of their wording has nothing in common."""
    return frozenset(t for t in terms if len(t) > 2 and weights.frequency(t) <= 2)


def _processing_order(article_set: ArticleSet, rows: list[list[_Row]]) -> list[int]:
    """Finest-grained versions first, so units start as single facts and fused
    sentences of condensed versions can join several of them."""

    def key(d: int) -> tuple[int, str]:
        digest = hashlib.sha1(article_set.documents[d].text.encode("utf-8")).hexdigest()
        return (-len(rows[d]), digest)

    return sorted(range(len(rows)), key=key)


class _Aligner:
    def __init__(self, rows: list[list[_Row]], config: AlignConfig) -> None:
        self.rows = rows
        # Unit centroids for the passes after every version is in (built once, when needed).
        self._centroid_cache: tuple[list[int], Any] | None = None
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

    def merge_units(self) -> None:
        """Join units that turned out to carry the same content once every
        version was in: a spun sentence may miss the first wording of a fact but
        match the profile the other versions built up. Units merge only when no
        version would then have two core members in one unit, and on two shared
        telling terms (``_telling``): in a small set, two short sentences of one
        name and one template word ("comment") score as high as a paraphrase."""
        candidates = []
        # Two units can only merge when their versions are disjoint, so one of
        # them holds at most half of all versions: only those need looking up.
        half = len(self.rows) / 2
        centroids = (
            self._centroids() if self.clusters and self.clusters[0].vector_sum is not None else None
        )
        for cluster in self.clusters:
            if not cluster.core or len(cluster.core) > half:
                continue
            for row in cluster.core:
                for number, (score, _) in self._similarities(row, centroids).items():
                    if number == cluster.number or score < self.config.merge_threshold:
                        continue
                    # Two telling shared terms, as for the leftovers: "The Pentagon
                    # refused to comment" / "... the CIA declined to comment" share one
                    # name and one template word, and their short texts score high.
                    profile = self.clusters[number].profile
                    if sum(self._telling(t) for t in row.weighted.weights if t in profile) < 2:
                        continue
                    candidates.append((score, cluster.number, number))
        candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
        merged_into: dict[int, int] = {}

        def root(number: int) -> int:
            while number in merged_into:
                number = merged_into[number]
            return number

        for _score, first, second in candidates:
            a, b = root(first), root(second)
            if a == b:
                continue
            keep, gone = self.clusters[min(a, b)], self.clusters[max(a, b)]
            if {r.doc for r in keep.core} & {r.doc for r in gone.core}:
                continue
            for row in gone.core:
                keep.add_core(row, gone.scores.get(row.sentence.id, _score))
            keep.scores[gone.core[0].sentence.id] = _score
            keep.extra.extend(gone.extra)
            for sentence_id, value in gone.scores.items():
                keep.scores.setdefault(sentence_id, value)
            for term in gone.profile:
                self.term_index[term].discard(gone.number)
                self.term_index[term].add(keep.number)
            merged_into[gone.number] = keep.number
            gone.core, gone.extra = [], []

    def pair_leftovers(self) -> None:
        """Pair sentences that nothing else claimed, when each is the other's best.

        Once every version is in and units have merged, a sentence still alone
        either is content only its version has or said a shared fact in words
        too far from the first version's to pass the strong threshold. Two such
        sentences of different versions that are each other's closest leftover
        (mutual best) and pass the weak threshold with real shared words say the
        same thing: nothing else competes for either of them.
        """
        alone = {
            c.number: c.core[0]
            for c in self.clusters
            if len(c.core) == 1 and not c.extra and not _is_headline(c.core[0].sentence)
        }
        if len(alone) < 2:
            return
        centroids = self._centroids() if next(iter(alone.values())).vector is not None else None
        best: dict[int, tuple[float, int]] = {}
        # Terms in more than 5% of units are the story's topic or template words.
        common = max(3, len(self.clusters) // 20)
        for number, row in alone.items():
            for other, (score, amount) in self._similarities(row, centroids).items():
                if other == number or other not in alone or alone[other].doc == row.doc:
                    continue
                partner = alone[other].weighted
                if amount < self.config.weak_min_shared * min(row.weighted.total, partner.total):
                    continue
                shared_terms = row.weighted.weights.keys() & partner.weights.keys()
                if sum(len(self.term_index[t]) <= common for t in shared_terms) < 2:
                    # One telling shared word is a coincidence; template words say nothing.
                    continue
                if score > best.get(number, (0.0, -1))[0]:
                    best[number] = (score, other)
        for number, (score, other) in sorted(best.items(), key=lambda item: -item[1][0]):
            if score < self.config.leftover_threshold or best.get(other, (0.0, -1))[1] != number:
                continue
            keep, gone = self.clusters[min(number, other)], self.clusters[max(number, other)]
            if not keep.core or not gone.core:
                continue
            row = gone.core[0]
            for term in gone.profile:
                self.term_index[term].discard(gone.number)
                self.term_index[term].add(keep.number)
            gone.core = []
            keep.add_core(row, score)
            keep.scores[keep.core[0].sentence.id] = score

    def join_on_distinctive_terms(self) -> None:
        """A sentence still alone joins the unit that shares its rare terms.

        After the leftovers paired, a sentence still alone may have said a
        shared fact in other words (a translation, a different outlet's
        paraphrase) too far for any threshold on similarity alone: the same
        story's unrelated sentences score as high. What such a sentence keeps
        are the fact's particular words ("anonymity", "fentanyl", "Mexico"),
        which a different fact of the same story rarely repeats. So it joins
        its closest unit from other versions when at least two shared terms are
        found in hardly any other unit and make up a good part of its weight,
        and it brings no number that unit never mentions. Topic words and
        template words are in many units and do not count.
        """
        config = self.config
        alone = {
            c.number: c.core[0]
            for c in self.clusters
            if len(c.core) == 1 and not c.extra and not _is_headline(c.core[0].sentence)
        }

        def could_join(row: _Row) -> bool:
            # Only a rare term that a unit without this version also has can count:
            # without two of them, scoring the sentence's candidates is wasted time.
            rare = []
            for term, weight in row.weighted.weights.items():
                units = self.term_index[term]
                if 2 <= len(units) <= config.distinctive_units and any(
                    row.doc not in self.clusters[n].positions for n in units
                ):
                    rare.append(weight)
            return len(rare) >= 2 and sum(rare) >= config.distinctive_share * row.weighted.total

        hopeful = [number for number, row in alone.items() if could_join(row)]
        if not hopeful:
            return
        centroids = self._centroids() if alone[hopeful[0]].vector is not None else None
        best: dict[int, tuple[float, int]] = {}
        for number in hopeful:
            row = alone[number]
            choice: tuple[float, int] | None = None
            for other, (score, _amount) in self._similarities(row, centroids).items():
                cluster = self.clusters[other]
                if other == number or not cluster.core:
                    continue
                if any(m.doc == row.doc for m in (*cluster.core, *cluster.extra)):
                    continue
                if choice is None or score > choice[0]:
                    choice = (score, other)
            if choice is None or choice[0] < config.distinctive_threshold:
                continue
            cluster = self.clusters[choice[1]]
            distinctive = [
                t
                for t in row.weighted.weights.keys() & cluster.profile.keys()
                if len(self.term_index[t]) <= config.distinctive_units
            ]
            share = sum(row.weighted.weights[t] for t in distinctive) / row.weighted.total
            if len(distinctive) < 2 or share < config.distinctive_share:
                continue
            if not _numbers_agree(row.weighted.weights, cluster):
                continue
            best[number] = choice
        for number, (score, other) in sorted(best.items(), key=lambda item: -item[1][0]):
            keep, gone = self.clusters[other], self.clusters[number]
            if not keep.core or len(gone.core) != 1 or gone.extra:
                continue
            if other in alone and best.get(other, (0.0, -1))[1] != number:
                continue  # two sentences alone pair only when each is the other's choice
            row = gone.core[0]
            if any(m.doc == row.doc for m in (*keep.core, *keep.extra)):
                continue
            for term in gone.profile:
                self.term_index[term].discard(gone.number)
                self.term_index[term].add(keep.number)
            gone.core = []
            keep.add_core(row, score)
            if len(keep.core) == 2:
                keep.scores[keep.core[0].sentence.id] = score

    def join_on_clauses(self) -> None:
        """A sentence joins every unit one of its clauses says.

        A lead or summary that fuses facts other versions report apart matches
        none of their sentences well as a whole, but each of its clauses
        matches one closely. A clause joins the unit it matches best when that
        unit has no member of its version, the match is strong, two telling
        terms the sentence's own unit does not explain are shared, and the
        clause brings no number the unit lacks.
        """
        holders: dict[str, list[int]] = defaultdict(list)
        versions: dict[int, set[int]] = {}
        for cluster in self.clusters:
            versions[cluster.number] = {m.doc for m in (*cluster.core, *cluster.extra)}
            for row in (*cluster.core, *cluster.extra):
                holders[row.sentence.id].append(cluster.number)
        self._centroid_cache = None
        additions: list[tuple[_Row, int, float]] = []
        for cluster in self.clusters:
            for row in cluster.core:
                own = holders[row.sentence.id]
                explained: set[str] = set()
                for number in own:
                    for member in self.clusters[number].core:
                        if member is not row:
                            explained.update(member.weighted.weights)
                # Whole-sentence test first: without two such terms in the whole
                # sentence, none of its clauses has them.
                if not self._candidate_units(
                    row.weighted.weights, row.doc, own, explained, versions
                ):
                    continue
                for clause, eligible in self._clauses_to_place(row, own, explained, versions):
                    found = self._best_clause_unit(clause, eligible)
                    if found is not None:
                        additions.append((row, *found))
        for row, number, score in additions:
            cluster = self.clusters[number]
            if any(m.doc == row.doc for m in (*cluster.core, *cluster.extra)):
                continue
            self._add_extra(number, score, row)

    def _clauses_to_place(
        self, row: _Row, own: list[int], explained: set[str], versions: dict[int, set[int]]
    ) -> list[tuple[_Row, set[int]]]:
        """Clauses of ``row`` as pseudo-rows (weighed as in the whole sentence),
        each with the units it could join: those sharing two of its telling
        terms that its own unit does not explain, and no member of its version.
        Looked up in the term index first, so most clauses cost no scoring."""
        found = []
        for text in split_clauses(row.sentence.text):
            weights = self._clause_weights(row, text)
            if weights is None:
                continue
            eligible = self._candidate_units(weights.weights, row.doc, own, explained, versions)
            if eligible:
                found.append((self._clause_row(row, weights), eligible))
        return found

    @staticmethod
    def _clause_weights(row: _Row, text: str, min_terms: int = CLAUSE_MIN_TERMS) -> Weighted | None:
        """A clause's terms, weighed as in the whole sentence."""
        features = sentence_features(text)
        weights = {t: row.weighted.weights[t] for t in features.terms if t in row.weighted.weights}
        if len(weights) < min_terms:
            return None
        return Weighted(weights, sum(weights.values()), features)

    @staticmethod
    def _clause_row(row: _Row, weighted: Weighted) -> _Row:
        """A clause as a pseudo-row of its sentence, with its own meaning vector."""
        vector = None
        if row.vector is not None:
            table = VectorTable.load()
            vector = table.sentence_vector(weighted.word_weights()) if table else None
        rare = row.rare & weighted.weights.keys()
        return _Row(row.sentence, row.doc, row.position, weighted, vector, rare)

    def _candidate_units(
        self,
        weights: dict[str, float],
        doc: int,
        own: list[int],
        explained: set[str],
        versions: dict[int, set[int]],
    ) -> set[int]:
        telling = [t for t in weights if t not in explained and self._telling(t)]
        if len(telling) < 2:
            return set()
        counts = Counter(n for t in telling for n in self.term_index.get(t, ()))
        return {
            n
            for n, k in counts.items()
            if k >= 2 and n not in own and doc not in versions[n] and self.clusters[n].core
        }

    def _best_clause_unit(self, clause: _Row, eligible: set[int]) -> tuple[int, float] | None:
        if clause.vector is not None and self._centroid_cache is None:
            self._centroid_cache = self._centroids()
        best: tuple[int, float] | None = None
        for number, (score, _amount) in self._similarities(clause, self._centroid_cache).items():
            if number not in eligible or score < self.config.strong_threshold:
                continue
            if not _numbers_agree(clause.weighted.weights, self.clusters[number]):
                continue
            if best is None or score > best[1]:
                best = (number, score)
        return best

    def _add_extra(self, number: int, score: float, row: _Row) -> None:
        self.clusters[number].extra.append(row)
        self.clusters[number].scores[row.sentence.id] = score

    def place_headlines(self) -> None:
        """Headlines and subheads summarise a unit rather than carry one: they join
        the unit they restate, or stand alone when nothing matches. A headline
        that joins two facts ("Six years for Dravec – but the party that
        shielded him walks free") joins the unit each of its clauses restates."""
        centroids = (
            self._centroids() if self.deferred and self.deferred[0].vector is not None else None
        )
        for row in self.deferred:
            restated = self._restated_unit(row, centroids)
            if restated is not None:
                self._add_extra(*restated, row)
                continue
            joined: set[int] = set()
            for text in split_clauses(row.sentence.text):
                weights = self._clause_weights(row, text, min_terms=2)
                if weights is None:
                    continue
                restated = self._restated_unit(self._clause_row(row, weights), centroids)
                if restated is not None and restated[0] not in joined:
                    self._add_extra(*restated, row)
                    joined.add(restated[0])
            if not joined:
                self._new_cluster(row)

    def _restated_unit(
        self, row: _Row, centroids: tuple[list[int], Any] | None
    ) -> tuple[int, float] | None:
        """The unit a headline (or one of its clauses) restates, with the score:
        its best match, when that carries most of the headline's weight."""
        sims = self._similarities(row, centroids)
        best = max(((score, amount, n) for n, (score, amount) in sims.items()), default=None)
        if best is None:
            return None
        score, amount, number = best
        if score < self.config.weak_threshold:
            return None
        if amount / row.weighted.total < self.config.join_coverage:
            return None
        return number, score

    def _centroids(self) -> tuple[list[int], Any]:
        """Live unit numbers and their unit-length mean vectors, as one matrix."""
        import numpy as np

        live = [c for c in self.clusters if c.core and c.vector_sum is not None]
        if not live:
            return [], None
        matrix = np.stack([c.vector_sum for c in live])
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
        return [c.number for c in live], matrix

    def _similarities(
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
        cosines: dict[int, float] = {}
        candidates = set(shared)
        if row.vector is not None:
            numbers, matrix = centroids if centroids is not None else self._centroids()
            if numbers:
                values = (matrix @ row.vector).tolist()
                cosines = dict(zip(numbers, values, strict=True))
                # Without a shared term only meaning speaks; it must reach the weak
                # threshold on its own share of the score to be worth scoring.
                floor = COSINE_FLOOR + (1 - COSINE_FLOOR) * self.config.weak_threshold / (
                    1 - LEXICAL_SHARE
                )
                close = [n for n, value in cosines.items() if value >= floor]
                if len(close) > _MAX_MEANING_CANDIDATES:
                    close = heapq.nlargest(_MAX_MEANING_CANDIDATES, close, key=cosines.__getitem__)
                candidates.update(close)
        if len(candidates) > _MAX_CANDIDATES:
            # Long documents of one topic: keep the units sharing the most weight
            # and the closest in meaning; the rest cannot win the greedy choice.
            by_weight = heapq.nlargest(_MAX_CANDIDATES, shared, key=shared.__getitem__)
            candidates = set(by_weight) | (candidates - set(shared))
        result = {}
        total, term_count = row.weighted.total, len(row.weighted.weights)
        for number in candidates:
            amount = shared.get(number, 0.0)
            cluster = clusters[number]
            lexical = blend(amount, total, cluster.mean_total, term_count, cluster.mean_terms)
            score = combine(lexical, cosines.get(number)) if cosines else lexical
            if len(row.rare) >= 2 and sum(t in cluster.profile for t in row.rare) >= 2:
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
        centroids = self._centroids() if rows and rows[0].vector is not None else None
        raw_scores: list[dict[int, float]] = [{} for _ in rows]
        candidates = [
            self._similarities(row, centroids, raw_scores[position])
            for position, row in enumerate(rows)
        ]
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
                self._new_cluster(row)
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
        story's topic or template words (see ``_telling``)?"""
        profile = self.clusters[number].profile
        return any(self._telling(t, strict) for t in row.weighted.weights if t in profile)

    def _telling(self, term: str, strict: bool = True) -> bool:
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
            telling = sum(self._telling(t) for t in carried_terms)
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

    def _new_cluster(self, row: _Row) -> None:
        cluster = _Cluster(len(self.clusters))
        cluster.add_core(row, 1.0)
        self.clusters.append(cluster)
        for term in row.weighted.weights:
            self.term_index[term].add(cluster.number)


def _numbers_agree(terms: dict[str, float], cluster: _Cluster) -> bool:
    """A passage joining a unit beside its main member (a split-off half, one half
    of a fused sentence) must not bring numbers the unit never mentions."""
    return all(term in cluster.profile for term in terms if is_number(term))


def _numbers_shared(terms: dict[str, float], cluster: _Cluster) -> bool:
    """The rest of a fused sentence may carry a unit when it shares one of its
    numbers with it, or neither side has one. A summary fusing three facts
    ("140,000 homes without power, 30,000 hectares under water, 80 mm more
    rain") brings each unit the numbers of the other two, so asking for all
    of them would keep it out of every one."""
    numbers = [term for term in terms if is_number(term)]
    if not numbers:
        return True
    if any(term in cluster.profile for term in numbers):
        return True
    return not any(is_number(term) for term in cluster.profile)


def _consecutive(a: _Cluster, b: _Cluster) -> bool:
    """Are the two units next to each other in every version that has both?"""
    shared = False
    for row in a.core:
        other = b.position_in(row.doc)
        if other is None:
            continue
        if abs(other - row.position) != 1:
            return False
        shared = True
    return shared


_TERMINAL = tuple('.!?…"”’)]')


def _is_headline(sentence: Sentence) -> bool:
    """A short line without closing punctuation: a headline, subhead or kicker."""
    text = sentence.text.rstrip()
    return not text.endswith(_TERMINAL) and len(text.split()) <= 14


def _relation(members: list[_Row]) -> Relation:
    texts = {" ".join(r.sentence.text.split()).lower() for r in members}
    if len(texts) == 1:
        return Relation.VERBATIM
    docs = [r.doc for r in members]
    if len(set(docs)) != len(docs):
        return Relation.PARTIAL
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            shared = overlap(a.weighted, b.weighted)
            if shared < 0.7 * max(a.weighted.total, b.weighted.total):
                return Relation.PARTIAL
    return Relation.REWORDED


def _links(cluster: _Cluster, relation: Relation) -> list[Link]:
    """One link from each version's members to the first version's (a star, not
    all pairs: N versions give N-1 links per unit, not N²)."""
    by_doc: dict[int, list[_Row]] = defaultdict(list)
    for row in (*cluster.core, *cluster.extra):
        by_doc[row.doc].append(row)
    docs = sorted(by_doc)
    if len(docs) < 2:
        return []
    hub = docs[0]
    hub_ids = tuple(r.sentence.id for r in sorted(by_doc[hub], key=lambda r: r.position))
    links = []
    for doc in docs[1:]:
        rows = sorted(by_doc[doc], key=lambda r: r.position)
        ids = tuple(r.sentence.id for r in rows)
        raw = max(cluster.scores.get(r.sentence.id, 0.0) for r in rows)
        hub_score = max(cluster.scores.get(i, 0.0) for i in hub_ids)
        score = calibrate(min(raw, hub_score) if hub_score < 1.0 else raw)
        links.append(Link(hub_ids, ids, relation, score))
    return links


def align(
    article_set: ArticleSet,
    config: AlignConfig | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Alignment:
    """Align every version of ``article_set`` with every other, as units and links.

    ``progress(done, total)`` is called after each version is placed (the GUI
    shows it as a determinate bar).
    """
    config = config or AlignConfig()
    rows = _rows(article_set)
    aligner = _Aligner(rows, config)
    for done, doc in enumerate(_processing_order(article_set, rows), start=1):
        if should_cancel and should_cancel():
            raise CancelledError
        aligner.add_document(doc)
        if progress is not None:
            progress(done, len(rows))
    aligner.merge_units()
    aligner.pair_leftovers()
    aligner.join_on_distinctive_terms()
    aligner.join_on_clauses()
    aligner.place_headlines()

    ordered = sorted(
        (c for c in aligner.clusters if c.core),
        key=lambda c: min((r.doc, r.position) for r in (*c.core, *c.extra)),
    )
    units: list[Unit] = []
    links: list[Link] = []
    for number, cluster in enumerate(ordered):
        members = sorted((*cluster.core, *cluster.extra), key=lambda r: (r.doc, r.position))
        multi = len({r.doc for r in members}) > 1
        relation = _relation(members) if multi else None
        units.append(Unit(f"u{number}", tuple(r.sentence.id for r in members), relation))
        if relation is not None:
            links.extend(_links(cluster, relation))
    return Alignment(article_set, tuple(units), tuple(links))
