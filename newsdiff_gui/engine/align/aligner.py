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
   other unit has (``join_on_distinctive_terms``); a sentence joins every unit
   one of its clauses says (``join_on_clauses``), and headlines join the units
   they restate. Steps 2-4 live in ``placement.py``, step 5 in ``final_passes.py``; the
   records both work on (rows, clusters, the configuration) in ``records.py``.

Public API: ``align`` (``AlignConfig`` is in ``records``, ``CancelledError`` in ``model``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

from ..model import Alignment, ArticleSet, CancelledError, Link, Relation, Unit
from .features import nfc, sentence_features
from .final_passes import FinalPasses
from .placement import Placement, rare_terms
from .records import AlignConfig
from .records import Cluster as _Cluster
from .records import Row as _Row
from .recovery import recover_links
from .similarity import (
    TermWeights,
    calibrate_link,
    overlap,
)
from .vectors import VectorTable
from .verify import verify_links


def _rows(article_set: ArticleSet) -> tuple[list[list[_Row]], TermWeights]:
    features = [
        [(s, sentence_features(s.text)) for s in d.sentences if not s.is_boilerplate]
        for d in article_set.documents
    ]
    weights = TermWeights(f for doc in features for _, f in doc)
    rows = [
        [
            _Row(s, d, p, weights.weigh(f), rare=rare_terms(f.terms, weights))
            for p, (s, f) in enumerate(doc)
        ]
        for d, doc in enumerate(features)
    ]
    table = VectorTable.load()
    if table is not None:
        for doc_rows in rows:
            for row in doc_rows:
                row.vector = table.sentence_vector(row.weighted.word_weights())
    return rows, weights


def _processing_order(article_set: ArticleSet, rows: list[list[_Row]]) -> list[int]:
    """Finest-grained versions first, so units start as single facts and fused
    sentences of condensed versions can join several of them."""

    def key(d: int) -> tuple[int, str]:
        # surrogatepass: text from the library API may hold lone surrogates.
        text = article_set.documents[d].text
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
        return (-len(rows[d]), digest)

    return sorted(range(len(rows)), key=key)


def _cancel_check(should_cancel: Callable[[], bool] | None, every: int) -> Callable[[], None]:
    """A function to call once per sentence or unit visited: every ``every``
    calls it asks ``should_cancel`` and raises ``CancelledError`` on yes, so a
    cancel is seen within a few hundred sentences, in the final passes too."""
    if should_cancel is None:
        return lambda: None
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls % every == 0 and should_cancel():
            raise CancelledError

    return check


def _relation(members: list[_Row]) -> Relation:
    texts = {" ".join(nfc(r.sentence.text).split()).lower() for r in members}
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
        score = calibrate_link(min(raw, hub_score) if hub_score < 1.0 else raw)
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
    rows, weights = _rows(article_set)
    check_cancel = _cancel_check(should_cancel, config.cancel_every)
    aligner = Placement(rows, config, check_cancel)
    for done, doc in enumerate(_processing_order(article_set, rows), start=1):
        if should_cancel and should_cancel():
            raise CancelledError
        aligner.add_document(doc)
        if progress is not None:
            progress(done, len(rows))
    passes = FinalPasses(aligner, check_cancel)
    passes.merge_units()
    passes.pair_leftovers()
    passes.join_on_distinctive_terms()
    passes.join_on_clauses()
    passes.place_headlines()

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
    made = Alignment(article_set, tuple(units), tuple(links))
    if config.verify_links:
        made = verify_links(made)
    if config.recover_links:
        # The pass reads the sentences as placement weighed them: not weighed twice.
        measured = {r.sentence.id: (r.weighted, r.vector) for doc in rows for r in doc}
        made = recover_links(made, check_cancel=check_cancel, measured=(weights, measured))
    return made
