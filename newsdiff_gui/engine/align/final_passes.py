"""The aligner's passes once every version is in.

``align.py`` places versions one at a time; what it cannot decide then needs
the whole set: units that turn out to carry the same content merge, sentences
still alone pair up or join the unit they share rare terms with, a fused
sentence joins every unit one of its clauses says, and headlines join the
units they restate. Each pass is explained in docs/alignment.md, section 3.

They work on the placement through the ``PlacementState`` protocol (the units, the
term index and the scoring the placement step owns), not as a mixin of it.

Public API (for ``aligner.py``): ``FinalPasses``, ``PlacementState``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any, Protocol

from .clauses import split_clauses
from .features import sentence_features
from .records import (
    CLAUSE_MIN_TERMS,
    AlignConfig,
    Cluster,
    Row,
    is_headline,
    numbers_agree,
)
from .similarity import Weighted
from .vectors import VectorTable


class PlacementState(Protocol):
    """What the final passes need of the step that placed every version."""

    rows: list[list[Row]]
    config: AlignConfig
    clusters: list[Cluster]
    term_index: dict[str, set[int]]
    deferred: list[Row]

    def similarities(
        self,
        row: Row,
        centroids: tuple[list[int], Any] | None = None,
        boosted: dict[int, float] | None = None,
    ) -> dict[int, tuple[float, float]]: ...

    def centroids(self) -> tuple[list[int], Any]: ...

    def telling(self, term: str, strict: bool = True) -> bool: ...

    def new_cluster(self, row: Row) -> None: ...


class FinalPasses:
    """The passes over a finished placement; each reads and changes its units.

    ``check_cancel`` is called once per sentence or unit a pass visits; it
    raises to stop (the caller polls its cancel flag every few hundred calls).
    """

    def __init__(self, placement: PlacementState, check_cancel: Callable[[], None]) -> None:
        self.placement = placement
        self.check_cancel = check_cancel
        self.rows = placement.rows
        self.config = placement.config
        self.clusters = placement.clusters
        self.term_index = placement.term_index
        self.deferred = placement.deferred
        self._similarities = placement.similarities
        self._centroids = placement.centroids
        self._telling = placement.telling
        self._new_cluster = placement.new_cluster
        # Unit centroids for the clause pass (built once, when needed).
        self._centroid_cache: tuple[list[int], Any] | None = None

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
            self.check_cancel()
            if not cluster.core or len(cluster.core) > half:
                continue
            for row in cluster.core:
                self.check_cancel()
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
            if len(c.core) == 1 and not c.extra and not is_headline(c.core[0].sentence)
        }
        if len(alone) < 2:
            return
        centroids = self._centroids() if next(iter(alone.values())).vector is not None else None
        best: dict[int, tuple[float, int]] = {}
        # Terms in more than 5% of units are the story's topic or template words.
        common = max(3, len(self.clusters) // 20)
        for number, row in alone.items():
            self.check_cancel()
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
            if len(c.core) == 1 and not c.extra and not is_headline(c.core[0].sentence)
        }

        def could_join(row: Row) -> bool:
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
            self.check_cancel()
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
            if not numbers_agree(row.weighted.weights, cluster):
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
        additions: list[tuple[Row, int, float]] = []
        for cluster in self.clusters:
            for row in cluster.core:
                self.check_cancel()
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
        self, row: Row, own: list[int], explained: set[str], versions: dict[int, set[int]]
    ) -> list[tuple[Row, set[int]]]:
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
    def _clause_weights(row: Row, text: str, min_terms: int = CLAUSE_MIN_TERMS) -> Weighted | None:
        """A clause's terms, weighed as in the whole sentence."""
        features = sentence_features(text)
        weights = {t: row.weighted.weights[t] for t in features.terms if t in row.weighted.weights}
        if len(weights) < min_terms:
            return None
        return Weighted(weights, sum(weights.values()), features)

    @staticmethod
    def _clause_row(row: Row, weighted: Weighted) -> Row:
        """A clause as a pseudo-row of its sentence, with its own meaning vector."""
        vector = None
        if row.vector is not None:
            table = VectorTable.load()
            vector = table.sentence_vector(weighted.word_weights()) if table else None
        rare = row.rare & weighted.weights.keys()
        return Row(row.sentence, row.doc, row.position, weighted, vector, rare)

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

    def _best_clause_unit(self, clause: Row, eligible: set[int]) -> tuple[int, float] | None:
        if clause.vector is not None and self._centroid_cache is None:
            self._centroid_cache = self._centroids()
        best: tuple[int, float] | None = None
        for number, (score, _amount) in self._similarities(clause, self._centroid_cache).items():
            if number not in eligible or score < self.config.strong_threshold:
                continue
            if not numbers_agree(clause.weighted.weights, self.clusters[number]):
                continue
            if best is None or score > best[1]:
                best = (number, score)
        return best

    def _add_extra(self, number: int, score: float, row: Row) -> None:
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
            self.check_cancel()
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
        self, row: Row, centroids: tuple[list[int], Any] | None
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
