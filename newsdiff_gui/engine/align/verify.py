"""Check every link the aligner made with a learned model, and keep only the
confident ones as links.

Why: on real coverage written independently by each outlet, about a third of
the aligner's links joined different facts about the same people (a topical
sentence linked to another fact, two earthquakes linked), and the raw link
score did not tell them apart from good links well (ROC AUC 0.79 on the
development gold). A logistic model over sixteen features of the two sides of
a link (how much of the smaller side the other carries, shared rare terms,
shared numbers and names and how many differ, meaning-vector cosine, the
topic words they share, relative position, lengths, headline shape, unit
size; ``link_features``) separates them better (AUC 0.86 on held-out sets)
and its output is the probability that the link holds.

A link scored below ``CONFIDENT`` is not shown as fact: its version's
sentences leave the unit (they become content of their own again) and the
pair is kept as a *suggestion*, a possible partner the reader may confirm
with a manual link. The change reader reads links only, so no typed change is
built on a suggestion.

The coefficients live in ``data/link_model.json``, written by
``python -m tools.train_link_model`` from the gold sets (its model card is in
docs/alignment.md).

Public API: ``verify_links``, ``link_features``, ``LinkModel``, ``CONFIDENT``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources

from ..model import Alignment, Link, Relation, Suggestion, Unit
from .features import SentenceFeatures, is_number, sentence_features
from .logistic import LogisticModel
from .similarity import TermWeights, lexical_similarity
from .vectors import VectorTable

# A link whose probability of holding is below this is a suggestion, not a link.
CONFIDENT = 0.5
# With only two versions open the model is overconfident (every link spans
# all the versions there are; each word either uses once looks rare): on the
# development gold's two-version subsets its links scored 0.7-0.9 held half
# the time. Its probability is refitted there (Platt scaling on its logit:
# slope, intercept), by ``python -m tools.calibrate_two_versions``.
TWO_VERSIONS = (1.028, -1.050)
# Two versions are one story when they share at least this share of the
# smaller one's telling words (no numbers, no common words). Measured on the
# development material: versions of one story share 0.27 or more (88 gold
# version pairs; 30 pairs of one story from the corpus's development
# stories: 0.29 or more), articles about different events a median of 0.08
# (59 of 60 below 0.25).
RELATED_VOCABULARY = 0.25
# The score such a link between strangers is offered with (below CONFIDENT).
THIN_EVIDENCE = 0.45

FEATURE_NAMES = (
    "score",
    "lexical",
    "cosine",
    "rare_shared",
    "topic_shared",
    "numbers_conflict",
    "numbers_shared",
    "anchors_shared",
    "anchors_differ",
    "position_gap",
    "length_ratio",
    "unit_spread",
    "extra_members",
    "headline_a",
    "headline_b",
    "term_overlap",
)


class LinkModel(LogisticModel):
    """P(link holds) from ``FEATURE_NAMES``."""

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def bundled() -> LinkModel | None:
        """The shipped model, or None when it is missing (links then stay as made)."""
        model = LogisticModel.read("link_model.json", FEATURE_NAMES)
        return None if model is None else LinkModel(*vars(model).values())


def _looks_like_headline(text: str) -> float:
    return 1.0 if len(text.split()) < 15 and not text.rstrip().endswith((".", '"', "”")) else 0.0


class _SetContext:
    """What every link of one alignment is measured against: the set's term weights."""

    def __init__(self, alignment: Alignment) -> None:
        self.documents = alignment.documents
        self.sentences = {
            s.id: (d, i, s)
            for d, doc in enumerate(self.documents)
            for i, s in enumerate(doc.sentences)
        }
        features: list[SentenceFeatures] = [
            sentence_features(s.text)
            for doc in self.documents
            for s in doc.sentences
            if not s.is_boilerplate
        ]
        self.weights = TermWeights(features)
        self.table = VectorTable.load()
        self.unit_of: dict[str, Unit] = {}
        for unit in alignment.units:
            for member in unit.members:
                self.unit_of.setdefault(member, unit)
        self._vocabulary: dict[int, frozenset[str]] = {}

    def vocabulary(self, doc: int) -> frozenset[str]:
        """The telling words of a version's content: no numbers, no common words."""
        known = self._vocabulary.get(doc)
        if known is None:
            common = common_terms()
            known = frozenset(
                term
                for s in self.documents[doc].sentences
                if not s.is_boilerplate
                for term in sentence_features(s.text).terms
                if not is_number(term) and term not in common
            )
            self._vocabulary[doc] = known
        return known

    def related(self, doc_a: int, doc_b: int) -> bool:
        """Do two versions share enough of their telling words to be one story?"""
        a, b = self.vocabulary(doc_a), self.vocabulary(doc_b)
        if not a or not b:
            return True  # nothing to judge by: leave the links to the model
        return len(a & b) / min(len(a), len(b)) >= RELATED_VOCABULARY


def link_features(context: _SetContext, link: Link) -> list[float]:
    """The sixteen measurements of one link, in ``FEATURE_NAMES`` order."""
    sentences = context.sentences
    text_a = " ".join(sentences[i][2].text for i in link.a)
    text_b = " ".join(sentences[i][2].text for i in link.b)
    fa, fb = sentence_features(text_a), sentence_features(text_b)
    weights = context.weights
    wa, wb = weights.weigh(fa), weights.weigh(fb)
    cosine = 0.0
    if context.table is not None:
        cosine = float(
            context.table.sentence_vector(wa.word_weights())
            @ context.table.sentence_vector(wb.word_weights())
        )
    shared = fa.terms & fb.terms
    count = len(context.documents)
    rare = sum(1 for t in shared if weights.frequency(t) <= 2)
    topic = sum(1 for t in shared if weights.frequency(t) > max(3, count))
    numbers_a = {t for t in fa.terms if t[:1].isdigit()}
    numbers_b = {t for t in fb.terms if t[:1].isdigit()}
    doc_a, index_a, _ = sentences[link.a[0]]
    doc_b, index_b, _ = sentences[link.b[0]]
    gap = abs(
        index_a / max(1, len(context.documents[doc_a].sentences))
        - index_b / max(1, len(context.documents[doc_b].sentences))
    )
    longer = max(fa.word_count, fb.word_count)
    unit = context.unit_of.get(link.a[0])
    spread = len({m.split(":")[0] for m in unit.members}) / count if unit else 0.0
    return [
        link.score,
        lexical_similarity(wa, wb),
        cosine,
        float(min(rare, 4)),
        float(min(topic, 6)),
        1.0 if numbers_a and numbers_b and not numbers_a & numbers_b else 0.0,
        1.0 if numbers_a & numbers_b else 0.0,
        float(min(len(fa.anchors & fb.anchors), 4)),
        float(min(len(fa.anchors ^ fb.anchors), 8)),
        gap,
        min(fa.word_count, fb.word_count) / max(1, longer),
        spread,
        float(len(link.a) + len(link.b) - 2),
        _looks_like_headline(text_a),
        _looks_like_headline(text_b),
        len(shared) / max(1, min(len(fa.terms), len(fb.terms))),
    ]


def _thin_between_strangers(context: _SetContext, link: Link) -> bool:
    """A link between two versions that share little of their vocabulary (two
    different stories opened together) that rests on fewer than two telling
    words."""
    doc_a, doc_b = context.sentences[link.a[0]][0], context.sentences[link.b[0]][0]
    return not context.related(doc_a, doc_b) and _rests_on_one_word(context, link)


def _rests_on_one_word(context: _SetContext, link: Link) -> bool:
    """Do the two sides share fewer than two telling words (numbers and words
    common in any news text aside), without being the same text? In a set of
    two or three versions every word either uses once is "rare", so a shared
    year and two everyday words scored high: "The delay followed a long
    tradition set since Putin's first election in 2000" linked to a census
    story's "… since after all it was included in the long form … as
    recently as 2000?", and "… whether abortion is good or bad" to "Getting
    along with Russia is a good thing, not a bad thing"."""
    sentences = context.sentences
    text_a = " ".join(sentences[i][2].text for i in link.a)
    text_b = " ".join(sentences[i][2].text for i in link.b)
    if " ".join(text_a.lower().split()) == " ".join(text_b.lower().split()):
        return False
    shared = sentence_features(text_a).terms & sentence_features(text_b).terms
    common = common_terms()
    return sum(1 for term in shared if not is_number(term) and term not in common) < 2


@functools.lru_cache(maxsize=1)
def common_terms() -> frozenset[str]:
    """Stems common in news English anywhere ("since", "long", "good", "made"):
    never evidence of one fact on their own. Built by
    ``python -m tools.build_common_terms``; empty when the file is missing."""
    try:
        text = (
            resources.files("newsdiff_gui.engine.align") / "data" / "common_terms.json"
        ).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(json.loads(text)["terms"])


def measure_links(alignment: Alignment) -> list[tuple[Link, list[float]]]:
    """Every link with its features (for training and for ``verify_links``)."""
    context = _SetContext(alignment)
    return [(link, link_features(context, link)) for link in alignment.links]


def verify_links(alignment: Alignment, model: LinkModel | None = None) -> Alignment:
    """Links rescored with the model; those below ``CONFIDENT`` become suggestions."""
    model = model or LinkModel.bundled()
    if model is None or not alignment.links:
        return alignment
    kept: list[Link] = []
    doubtful: list[Suggestion] = []
    dropped: dict[str, set[str]] = {}  # unit id -> sentence ids leaving it
    doubted: dict[str, list[Link]] = {}  # unit id -> its links that were doubted
    context = _SetContext(alignment)
    two = len(alignment.documents) == 2
    for link in alignment.links:
        probability = _probability(model, context, link)
        if two:
            probability = two_versions_refit(probability)
        if probability >= CONFIDENT:
            kept.append(Link(link.a, link.b, link.relation, probability))
            continue
        doubtful.append(Suggestion(link.a, link.b, probability))
        unit = context.unit_of.get(link.a[0])
        if unit is not None:
            dropped.setdefault(unit.id, set()).update(link.b)
            doubted.setdefault(unit.id, []).append(link)
    if not doubtful:
        return Alignment(alignment.article_set, alignment.units, tuple(kept))
    regrouped: list[tuple[tuple[str, ...], Relation]] = []
    for links in doubted.values():
        group, made = _regroup(model, context, links)
        if made:
            verbatim = all(link.relation == Relation.VERBATIM for link in made)
            regrouped.append((group, Relation.VERBATIM if verbatim else Relation.PARTIAL))
            kept.extend(made)
    return Alignment(
        alignment.article_set,
        _units_without(alignment, dropped, regrouped),
        tuple(kept),
        tuple(doubtful),
    )


def two_versions_refit(probability: float) -> float:
    """The link model's probability refitted for a set of two versions."""
    slope, intercept = TWO_VERSIONS
    p = min(max(probability, 1e-4), 1 - 1e-4)
    z = slope * math.log(p / (1 - p)) + intercept
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)


def _probability(model: LinkModel, context: _SetContext, link: Link) -> float:
    probability = round(model.probability(link_features(context, link)), 3)
    if probability >= CONFIDENT and _thin_between_strangers(context, link):
        probability = THIN_EVIDENCE
    return probability


def _regroup(
    model: LinkModel, context: _SetContext, links: list[Link]
) -> tuple[tuple[str, ...], list[Link]]:
    """The doubted members of one unit that still belong together.

    A unit's links form a star from its first version's member, so when that
    member is the odd one out every link is doubted and every other member
    left, though they said the same thing word for word: three AP copies of
    a sentence became three lone sentences because the fourth version's hub
    was another fact. The first doubted member becomes the hub of its own
    unit, and each other one joins it when the model is confident of that
    link."""
    if len(links) < 2:
        return (), []
    hub = links[0].b
    group = list(hub)
    made: list[Link] = []
    for link in links[1:]:
        if set(link.b) & set(group):
            continue
        candidate = Link(hub, link.b, link.relation, 0.0)
        probability = _probability(model, context, candidate)
        if probability >= CONFIDENT:
            relation = Relation.VERBATIM if _same_text(context, hub, link.b) else link.relation
            made.append(Link(hub, link.b, relation, probability))
            group.extend(link.b)
    return (tuple(group), made) if made else ((), [])


def _same_text(context: _SetContext, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    def text(ids: tuple[str, ...]) -> str:
        return " ".join(" ".join(context.sentences[i][2].text for i in ids).lower().split())

    return text(a) == text(b)


def _units_without(
    alignment: Alignment,
    dropped: dict[str, set[str]],
    regrouped: Sequence[tuple[tuple[str, ...], Relation]] = (),
) -> tuple[Unit, ...]:
    """Units with the doubtful members taken out; doubted members that still
    belong together (``regrouped``) form a unit of their own, any other
    sentence left in no unit becomes a unit of its own (content only its
    version has), and unit ids are renumbered in document order as the
    aligner numbers them."""
    position = {
        s.id: (d, i)
        for d, doc in enumerate(alignment.documents)
        for i, s in enumerate(doc.sentences)
    }
    groups: list[tuple[tuple[str, ...], Relation | None]] = []
    placed: set[str] = set()
    for unit in alignment.units:
        members = tuple(m for m in unit.members if m not in dropped.get(unit.id, ()))
        if members:
            groups.append((members, unit.relation))
            placed.update(members)
    for members, shared in regrouped:
        fresh = tuple(sorted((m for m in members if m not in placed), key=position.__getitem__))
        if fresh:
            groups.append((fresh, shared))
            placed.update(fresh)
    for unit in alignment.units:
        for member in dropped.get(unit.id, ()):
            if member not in placed:
                groups.append(((member,), None))
                placed.add(member)
    groups.sort(key=lambda item: min(position[m] for m in item[0]))
    units = []
    for number, (members, relation) in enumerate(groups):
        multi = len({m.split(":")[0] for m in members}) > 1
        units.append(Unit(f"u{number}", members, relation if multi else None))
    return tuple(units)
