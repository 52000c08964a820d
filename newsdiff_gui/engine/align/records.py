"""The aligner's working records, shared by its two halves (``align.py``
places versions one by one; ``align_passes.py`` runs the passes once every
version is in): the configuration, a sentence being aligned (``Row``), a unit
under construction (``Cluster``), and the small tests both ask of them.

Public API (for the aligner's modules): ``AlignConfig``, ``Row``, ``Cluster``,
``numbers_agree``, ``numbers_shared``, ``consecutive``, ``is_headline``,
``CLAUSE_MIN_TERMS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Sentence
from .features import is_number
from .similarity import LINK_THRESHOLD, Weighted


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
    # Rescore links with the learned link model and keep doubtful ones as
    # suggestions (verify.py); off only to train that model on raw links.
    verify_links: bool = True
    # Weigh the units each sentence's version is missing with the learned,
    # order-aware recovery model (recovery.py); off only to train that model.
    recover_links: bool = True


# A clause of a fused sentence is matched as a fact of its own from this many terms.
CLAUSE_MIN_TERMS = 3


@dataclass
class Row:
    sentence: Sentence
    doc: int
    position: int  # index among the document's content sentences
    weighted: Weighted
    vector: Any = None  # unit-length meaning vector (numpy), None without a vector table
    rare: frozenset[str] = frozenset()  # terms no more than one other sentence shares


@dataclass
class Cluster:
    number: int
    core: list[Row] = field(default_factory=list)  # at most one per version
    extra: list[Row] = field(default_factory=list)  # split, headline or fused members
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

    def add_core(self, row: Row, score: float) -> None:
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


def numbers_agree(terms: dict[str, float], cluster: Cluster) -> bool:
    """A passage joining a unit beside its main member (a split-off half, one half
    of a fused sentence) must not bring numbers the unit never mentions."""
    return all(term in cluster.profile for term in terms if is_number(term))


def numbers_shared(terms: dict[str, float], cluster: Cluster) -> bool:
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


def consecutive(a: Cluster, b: Cluster) -> bool:
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


TERMINAL = tuple('.!?…"”’)]')


def is_headline(sentence: Sentence) -> bool:
    """A short line without closing punctuation: a headline, subhead or kicker."""
    text = sentence.text.rstrip()
    return not text.endswith(TERMINAL) and len(text.split()) <= 14
