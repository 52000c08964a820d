"""Find the partners the greedy placement missed: a learned, order-aware pass.

Why: on independently written coverage the placement (``placement.py``,
``final_passes.py``) links only what its similarity thresholds can vouch for,
so most paraphrases are left as "added" and "omitted" content (pair recall
0.53 on the development gold, 0.24 on the sealed real-coverage sets). Lowering
the thresholds links topical sentences too: within one story unrelated
sentences are as close as paraphrases are. What tells them apart is the
evidence around a pair, which a threshold on one score cannot weigh: whether
the neighbours of the two sentences are already linked to each other (news
versions keep their order more often than not — the sequence prior of Jiang et
al. 2020's neural CRF aligner), whether each is the other's best candidate in
its version, the rare terms and numbers they share or contradict, and their
meaning-vector cosine.

So once the set is aligned and its links verified, every content sentence is
offered the units its version is missing that are close to it (by meaning
vector, or by a rare term they share). A logistic model over those pieces of
evidence (``CANDIDATE_FEATURES``; trained by ``python -m tools.train_recovery``
on the development gold, coefficients in ``data/recovery_model.json``) gives
the probability that the sentence carries the unit's content. Candidates are
taken greedily by probability, each unit taking at most one sentence per
version and each sentence joining at most one more unit; those from
``SUGGEST_FLOOR`` up become possible partners for the reader to confirm
(the best one per sentence and other version). The pass can also make links
(from ``LINK_LEVEL``: a lone sentence joins the unit, a sentence linked
elsewhere becomes a member of both, as a fused sentence does), but by default
it does not: on held-out sets every level traded precision for recall.

Public API: ``recover_links``, ``candidates``, ``candidate_features``,
``CANDIDATE_FEATURES``, ``SUGGEST_FLOOR``, ``LINK_LEVEL``, ``bundled_model``,
``SetView``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Alignment, Link, Relation, Suggestion, Unit
from .features import SentenceFeatures, is_number, sentence_features
from .logistic import LogisticModel
from .similarity import TermWeights, Weighted, lexical_similarity, overlap
from .vectors import VectorTable

CANDIDATE_FEATURES = (
    "lexical",
    "cosine",
    "cosine_rank",
    "best_in_version",
    "rare_shared",
    "rare_share",
    "topic_shared",
    "numbers_conflict",
    "numbers_shared",
    "anchors_shared",
    "anchors_differ",
    "position_gap",
    "order_support",
    "order_against",
    "length_ratio",
    "unit_versions",
    "headline",
)

# How many of the closest units (by meaning vector) each sentence is offered.
NEAREST_UNITS = 4
# A candidate below this probability is dropped; from it up to ``LINK_LEVEL`` it
# is a possible partner the reader may confirm (the best one per sentence and
# version).
SUGGEST_FLOOR = 0.5
# A recovered partner would become a link from this probability; above 1, so
# by default none does. Measured with leave-one-set-out models on the
# development gold and the bundled model on the sealed sets (pooled pair
# precision / recall, before -> links made from 0.9 -> from 0.95):
#   dev            0.911/0.526 -> 0.888/0.539 -> 0.895/0.538
#   invented test  0.887/0.367 -> 0.865/0.373 -> 0.875/0.367
#   real test      0.896/0.241 -> 0.833/0.281 -> 0.870/0.269
# Every level bought recall with precision a reader trusts more, so what the
# pass finds is offered as possible partners (its candidates rank well: ROC
# AUC 0.88 dev, 0.92 invented test, 0.89 real test), one key to confirm.
LINK_LEVEL = 1.01
# How many content sentences on each side count as a sentence's neighbourhood.
ORDER_WINDOW = 2


# The set's term weights, and sentence id -> (weighted terms, meaning vector).
Measured = tuple[TermWeights, dict[str, tuple[Weighted, Any]]]


@functools.lru_cache(maxsize=1)
def bundled_model() -> LogisticModel | None:
    """The shipped recovery model, or None when missing (the pass then does nothing)."""
    return LogisticModel.read("recovery_model.json", CANDIDATE_FEATURES)


@dataclass
class _Sentence:
    id: str
    doc: int
    position: int  # among its version's content sentences
    text: str
    features: SentenceFeatures
    weighted: Weighted
    vector: Any  # unit-length numpy vector, or None without a vector table


class SetView:
    """The aligned set as the pass reads it: content sentences, units, neighbours."""

    def __init__(self, alignment: Alignment, measured: Measured | None = None) -> None:
        self.alignment = alignment
        self.sentences: dict[str, _Sentence] = {}
        self.by_doc: list[list[_Sentence]] = []
        features: list[tuple[int, int, str, str, SentenceFeatures]] = []
        for d, doc in enumerate(alignment.documents):
            content = [s for s in doc.sentences if not s.is_boilerplate]
            for p, s in enumerate(content):
                features.append((d, p, s.id, s.text, sentence_features(s.text)))
        self.weights = measured[0] if measured else TermWeights(f for *_, f in features)
        known = measured[1] if measured else {}
        self.table = VectorTable.load()
        self.by_doc = [[] for _ in alignment.documents]
        for d, p, sid, text, f in features:
            if sid in known:
                weighted, vector = known[sid]
            else:
                weighted = self.weights.weigh(f)
                vector = (
                    self.table.sentence_vector(weighted.word_weights())
                    if self.table is not None
                    else None
                )
            sentence = _Sentence(sid, d, p, text, f, weighted, vector)
            self.sentences[sid] = sentence
            self.by_doc[d].append(sentence)
        self.units: list[list[str]] = [
            [m for m in unit.members if m in self.sentences] for unit in alignment.units
        ]
        self.units_of: dict[str, list[int]] = defaultdict(list)
        for number, members in enumerate(self.units):
            for member in members:
                self.units_of[member].append(number)
        self._docs_of = [{self.sentences[m].doc for m in members} for members in self.units]
        self._linked = {
            sid: {u for u in self.units_of[sid] if len(self._docs_of[u]) > 1}
            for sid in self.sentences
        }
        self._around: dict[str, set[int]] = {}
        self._unit_around: dict[int, set[int]] = {}
        self._positions: dict[int, dict[int, list[int]]] = {}
        self._member_vectors: dict[int, Any] = {}

    def docs_of(self, unit: int) -> set[int]:
        return self._docs_of[unit]

    def closest_member(self, sentence: _Sentence, unit: int) -> _Sentence:
        """The unit's member nearest ``sentence`` by meaning vector (by term
        overlap without vectors). Cached member matrices keep this one product
        a candidate even when a unit holds a hundred versions."""
        members = [self.sentences[m] for m in self.units[unit]]
        if len(members) == 1:
            return members[0]
        if sentence.vector is None:
            return max(members, key=lambda m: lexical_similarity(sentence.weighted, m.weighted))
        matrix = self._member_vectors.get(unit)
        if matrix is None:
            import numpy as np

            matrix = np.vstack([m.vector for m in members])
            self._member_vectors[unit] = matrix
        return members[int((matrix @ sentence.vector).argmax())]

    def unit_neighbourhood(self, unit: int) -> set[int]:
        """The linked units around any member of ``unit``."""
        known = self._unit_around.get(unit)
        if known is None:
            known = set()
            for member in self.units[unit]:
                known |= self.neighbourhood(self.sentences[member])
            self._unit_around[unit] = known
        return known

    def positions(self, unit: int, doc: int) -> list[int]:
        """Where ``unit``'s members stand in version ``doc``."""
        by_doc = self._positions.get(unit)
        if by_doc is None:
            by_doc = defaultdict(list)
            for member in self.units[unit]:
                sentence = self.sentences[member]
                by_doc[sentence.doc].append(sentence.position)
            self._positions[unit] = by_doc
        return by_doc.get(doc, [])

    def linked_units(self, sentence: _Sentence) -> set[int]:
        """The units of ``sentence`` that hold another version too."""
        return self._linked[sentence.id]

    def neighbourhood(self, sentence: _Sentence) -> set[int]:
        """Units (with two or more versions) of the sentences around ``sentence``."""
        known = self._around.get(sentence.id)
        if known is not None:
            return known
        doc = self.by_doc[sentence.doc]
        found: set[int] = set()
        for step in range(1, ORDER_WINDOW + 1):
            for p in (sentence.position - step, sentence.position + step):
                if 0 <= p < len(doc):
                    found |= self._linked[doc[p].id]
        self._around[sentence.id] = found
        return found


def _looks_like_headline(text: str) -> bool:
    return len(text.split()) < 15 and not text.rstrip().endswith((".", '"', "”"))


def candidate_features(
    view: SetView,
    sentence: _Sentence,
    unit: int,
    cosine_rank: int,
    best_in_version: bool,
) -> tuple[list[float], str]:
    """The measurements of "``sentence`` belongs in ``unit``" and the member they
    were taken against (the unit's member closest to the sentence)."""
    weights = view.weights
    members = [view.sentences[m] for m in view.units[unit]]
    member = view.closest_member(sentence, unit)
    fa, fb = sentence.features, member.features
    shared = fa.terms & fb.terms
    count = len(view.alignment.documents)
    rare = [t for t in shared if weights.frequency(t) <= 2]
    topic = sum(1 for t in shared if weights.frequency(t) > max(3, count))
    rare_weight = sum(sentence.weighted.weights.get(t, 0.0) for t in rare)
    numbers_a = {t for t in fa.terms if is_number(t)}
    numbers_b = {t for t in fb.terms if is_number(t)}
    length_a = max(1, len(view.by_doc[sentence.doc]))
    length_b = max(1, len(view.by_doc[member.doc]))
    gap = abs(sentence.position / length_a - member.position / length_b)
    around = view.neighbourhood(sentence)
    around_unit = view.unit_neighbourhood(unit)
    support = len(around & around_unit)
    # Neighbours of the sentence linked into units that sit far from this
    # unit in the member's version speak against the placement.
    against = 0
    for u in around - around_unit:
        positions = view.positions(u, member.doc)
        if positions and min(abs(p - member.position) for p in positions) > 3 * ORDER_WINDOW:
            against += 1
    longer = max(fa.word_count, fb.word_count)
    return [
        lexical_similarity(sentence.weighted, member.weighted),
        _cosine(sentence, member),
        float(min(cosine_rank, 5)),
        1.0 if best_in_version else 0.0,
        float(min(len(rare), 4)),
        rare_weight / max(1e-9, sentence.weighted.total),
        float(min(topic, 6)),
        1.0 if numbers_a and numbers_b and not numbers_a & numbers_b else 0.0,
        1.0 if numbers_a & numbers_b else 0.0,
        float(min(len(fa.anchors & fb.anchors), 4)),
        float(min(len(fa.anchors ^ fb.anchors), 8)),
        gap,
        float(min(support, 3)),
        float(min(against, 3)),
        min(fa.word_count, fb.word_count) / max(1, longer),
        float(min(len({m.doc for m in members}), 6)),
        1.0 if _looks_like_headline(sentence.text) or _looks_like_headline(member.text) else 0.0,
    ], member.id


def _cosine(a: _Sentence, b: _Sentence) -> float:
    if a.vector is None or b.vector is None:
        return 0.0
    return float(a.vector @ b.vector)


@dataclass(frozen=True)
class Candidate:
    sentence: str
    unit: int
    member: str  # the unit's member the features were measured against
    features: list[float]


def candidates(view: SetView) -> list[Candidate]:
    """Every (sentence, unit its version is missing) pair worth weighing: the
    ``NEAREST_UNITS`` closest units by meaning vector and every unit sharing a
    rare term (in at most two content sentences of the set) with it."""
    import numpy as np

    sentences = [s for doc in view.by_doc for s in doc]
    if not sentences or len(view.by_doc) < 2:
        return []
    unit_docs = [view.docs_of(u) for u in range(len(view.units))]
    usable = [u for u in range(len(view.units)) if view.units[u]]
    rare_index: dict[str, set[int]] = defaultdict(set)
    for u in usable:
        for m in view.units[u]:
            for term in view.sentences[m].features.terms:
                if view.weights.frequency(term) <= 2:
                    rare_index[term].add(u)
    have_vectors = view.table is not None
    scores = None
    if have_vectors:
        matrix = np.vstack([s.vector for s in sentences])
        unit_vectors = np.vstack(
            [np.mean([view.sentences[m].vector for m in view.units[u]], axis=0) for u in usable]
        )
        norms = np.linalg.norm(unit_vectors, axis=1, keepdims=True)
        unit_vectors = unit_vectors / np.maximum(norms, 1e-9)
        scores = matrix @ unit_vectors.T
        rows_of: dict[int, list[int]] = defaultdict(list)
        for i, s in enumerate(sentences):
            rows_of[s.doc].append(i)
        for column, u in enumerate(usable):
            for d in unit_docs[u]:
                scores[rows_of[d], column] = -2.0
        # The best sentence of each version for each unit.
        best_row: dict[tuple[int, int], int] = {}
        start = 0
        for d, doc in enumerate(view.by_doc):
            if doc:
                block = scores[start : start + len(doc)]
                for column, row in enumerate(np.argmax(block, axis=0)):
                    best_row[(d, usable[column])] = start + int(row)
            start += len(doc)
    found: list[Candidate] = []
    for i, sentence in enumerate(sentences):
        if view.linked_units(sentence):
            continue  # linked already: its partners are the links' business
        offered: dict[int, int] = {}
        if scores is not None:
            order = np.argsort(-scores[i])[:NEAREST_UNITS]
            for rank, column in enumerate(order):
                if scores[i, column] > -1.0:
                    offered[usable[int(column)]] = rank
        for term in sentence.features.terms:
            for u in rare_index.get(term, ()):
                if sentence.doc not in unit_docs[u] and u not in offered:
                    offered[u] = NEAREST_UNITS
        own = set(view.units_of[sentence.id])
        for u, rank in offered.items():
            if u in own:
                continue
            best = scores is not None and best_row.get((sentence.doc, u)) == i
            features, member = candidate_features(view, sentence, u, rank, best)
            found.append(Candidate(sentence.id, u, member, features))
    return found


def recover_links(
    alignment: Alignment,
    model: LogisticModel | None = None,
    confident: float = LINK_LEVEL,
    check_cancel: Callable[[], None] = lambda: None,
    measured: Measured | None = None,
) -> Alignment:
    """``alignment`` with the partners the model is confident of linked, and those
    it finds possible (from ``SUGGEST_FLOOR``) added as suggestions.

    ``measured``: the set's term weights and each content sentence's weighted
    terms and meaning vector as the aligner computed them (recomputed when
    absent)."""
    model = model or bundled_model()
    if model is None or len(alignment.documents) < 2:
        return alignment
    view = SetView(alignment, measured)
    weighed = []
    for candidate in candidates(view):
        check_cancel()
        probability = model.probability(candidate.features)
        if probability >= SUGGEST_FLOOR:
            weighed.append((probability, candidate))
    weighed.sort(key=lambda item: (-item[0], item[1].sentence, item[1].unit))
    members = [list(m) for m in view.units]
    taken_versions: dict[int, set[int]] = {u: view.docs_of(u) for u in range(len(members))}
    joined: set[str] = set()
    emptied: set[int] = set()
    new_links: list[Link] = []
    suggestions: list[Suggestion] = list(alignment.suggestions)
    suggested: set[tuple[str, int]] = set()  # (sentence, the other version)
    # Pairs the link check already offers (it doubted the link): not offered twice.
    for offer in alignment.suggestions:
        for a in offer.a:
            for b in offer.b:
                suggested.add((a, view.sentences[b].doc) if b in view.sentences else (a, -1))
                suggested.add((b, view.sentences[a].doc) if a in view.sentences else (b, -1))
    for probability, candidate in weighed:
        sentence = view.sentences[candidate.sentence]
        unit = candidate.unit
        if unit in emptied:
            continue
        if set(view.units_of[candidate.sentence]) & set(view.units_of[candidate.member]):
            continue  # already linked through another unit (a fused sentence)
        if probability < confident:
            member_doc = view.sentences[candidate.member].doc
            key = (candidate.sentence, member_doc)
            if key not in suggested and sentence.doc not in taken_versions[unit]:
                suggested.add(key)
                suggestions.append(
                    Suggestion((candidate.member,), (candidate.sentence,), round(probability, 3))
                )
            continue
        if candidate.sentence in joined or sentence.doc in taken_versions[unit]:
            continue
        joined.add(candidate.sentence)
        taken_versions[unit].add(sentence.doc)
        # A lone sentence leaves its own unit; a linked one stays there too.
        for own in view.units_of[candidate.sentence]:
            if members[own] == [candidate.sentence]:
                members[own] = []
                emptied.add(own)
        members[unit].append(candidate.sentence)
        hub = sorted(
            (m for m in members[unit] if m != candidate.sentence),
            key=lambda m: (view.sentences[m].doc, view.sentences[m].position),
        )[0]
        relation = _relation(view.sentences[hub], sentence)
        new_links.append(Link((hub,), (candidate.sentence,), relation, round(probability, 3)))
    if not new_links and len(suggestions) == len(alignment.suggestions):
        return alignment
    return _rebuilt(alignment, view, members, new_links, suggestions)


def _relation(a: _Sentence, b: _Sentence) -> Relation:
    if " ".join(a.text.lower().split()) == " ".join(b.text.lower().split()):
        return Relation.VERBATIM
    shared = overlap(a.weighted, b.weighted)
    if shared < 0.7 * max(a.weighted.total, b.weighted.total):
        return Relation.PARTIAL
    return Relation.REWORDED


def _rebuilt(
    alignment: Alignment,
    view: SetView,
    members: list[list[str]],
    new_links: list[Link],
    suggestions: list[Suggestion],
) -> Alignment:
    """Units renumbered in document order (as the aligner numbers them), with
    the boilerplate members the pass never saw kept where they were."""
    position = {
        s.id: (d, i)
        for d, doc in enumerate(alignment.documents)
        for i, s in enumerate(doc.sentences)
    }
    groups: list[tuple[tuple[str, ...], Relation | None]] = []
    for unit, content in zip(alignment.units, members, strict=True):
        others = [m for m in unit.members if m not in view.sentences]
        kept = tuple(sorted({*content, *others}, key=lambda m: position[m]))
        if not kept:
            continue
        versions = {position[m][0] for m in kept}
        relation = unit.relation
        if len(versions) > 1 and relation is None:
            relation = next(
                (link.relation for link in new_links if set(link.b) & set(kept)),
                Relation.PARTIAL,
            )
        groups.append((kept, relation if len(versions) > 1 else None))
    groups.sort(key=lambda item: min(position[m] for m in item[0]))
    units = tuple(
        Unit(f"u{number}", kept, relation) for number, (kept, relation) in enumerate(groups)
    )
    linked = {(link.a, link.b) for link in new_links}
    kept_suggestions = tuple(
        s for s in suggestions if (s.a, s.b) not in linked and (s.b, s.a) not in linked
    )
    return Alignment(
        alignment.article_set,
        units,
        (*alignment.links, *new_links),
        kept_suggestions,
    )
