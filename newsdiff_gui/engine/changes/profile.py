"""A profile of every version: what it carries, what only it has, what it
dropped, how its quotes fare, what kind of copy it is and where it likely
comes from.

Why these signals: they are what a reader checks by hand. A *spun copy*
follows another version sentence by sentence but swaps ordinary words for odd
ones no other version uses ("officers informed Reuters"); a *summary* is much
shorter yet carries mostly shared content; a *different or translated report*
shares little; a *near-verbatim copy* repeats another version's sentences.
The likely source of a version is the other version that carries most of its
content, in the same order, with the longest shared word runs — and at least
as much text. No file name is ever used.

Public API: ``VersionProfile``, ``SourceGuess``, ``profile_versions``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from ..align.features import STOP_WORDS
from ..compare.labels import label_names
from ..compare.pairing import PairRow, RowKind, pair_rows
from ..model import Alignment, Document, OpKind
from .classify import read_changes
from .model import ChangeType

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CANDIDATE_SOURCES = 8


@dataclass(frozen=True)
class SourceGuess:
    document: str | None  # None: no likely source in this set
    confidence: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class VersionProfile:
    document: str
    name: str
    outlet: str
    words: int
    sentences: int
    share_of_set: float  # of the content carried by two or more versions
    aligned_share: float  # of its own content sentences that other versions carry
    only_here: tuple[str, ...]  # sentence ids no other version carries
    dropped: tuple[str, ...]  # unit ids most other versions carry and it lacks
    quotes_intact: int
    quotes_altered: int
    spin_score: float
    traits: tuple[tuple[str, str], ...]  # (trait, reason)
    likely_source: SourceGuess
    extra: dict[str, float] = field(default_factory=dict)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _units_by_document(alignment: Alignment) -> dict[str, list[int]]:
    """Document id -> indices of the multi-version units it carries, in its own order."""
    carried: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, unit in enumerate(alignment.units):
        documents = {m.split(":")[0] for m in unit.members}
        if len(documents) < 2:
            continue
        for member in unit.members:
            sentence = alignment.article_set.sentence(member)
            carried[member.split(":")[0]].append((sentence.index, number))
    return {d: list(dict.fromkeys(n for _, n in sorted(v))) for d, v in carried.items()}


def _order_agreement(mine: list[int], theirs: list[int]) -> float:
    """Share of pairs of shared units that keep their order in both versions."""
    position = {unit: i for i, unit in enumerate(theirs)}
    shared = [u for u in mine if u in position]
    if len(shared) < 3:
        return 0.0
    agree = total = 0
    for i in range(len(shared)):
        for j in range(i + 1, min(len(shared), i + 8)):
            total += 1
            agree += position[shared[i]] < position[shared[j]]
    return agree / total


def _ngrams(words: list[str], n: int = 5) -> set[int]:
    """Hashes of the word runs: ints, which the garbage collector does not track
    (100 versions' worth of tuples made its full passes stall the GUI)."""
    return {hash(tuple(words[i : i + n])) for i in range(len(words) - n + 1)}


def _spin(document: Document, rows: list[PairRow], frequency: Counter[str]) -> float:
    """Share of the aligned words replaced by words no other version uses
    (``rows``: the pair rows of the partner against ``document``)."""
    aligned = odd = 0
    for row in rows:
        if row.kind != RowKind.SHARED:
            continue
        for op in row.ops:
            new = _words(document.text[op.b_start : op.b_end])
            aligned += len(new)
            if op.kind == OpKind.REPLACE and len(new) <= 3:
                odd += sum(1 for w in new if w not in STOP_WORDS and frequency[w] <= 1)
    return odd / aligned if aligned else 0.0


def _guess_source(
    alignment: Alignment,
    document: Document,
    units: dict[str, list[int]],
    aligned_share: float,
    grams: dict[str, set[int]],
    names: dict[str, str],
) -> tuple[SourceGuess, dict[str, float], Document | None]:
    """The likely source, its evidence (naming versions by ``names``, their
    labels: "AP carries …" could be any of five AP copies), and the nearest
    version whatever the direction (the one to compare wording with, e.g. for spin)."""
    mine = units.get(document.id, [])
    my_grams = grams[document.id]
    mine_set = set(mine)
    # Order and word runs only for the versions sharing most content: with 100
    # versions, comparing every pair in full would make profiling quadratic.
    candidates = sorted(
        (d for d in alignment.documents if d.id != document.id and mine),
        key=lambda d: -len(mine_set & set(units.get(d.id, []))),
    )[:_CANDIDATE_SOURCES]
    scored = []
    for other in candidates:
        theirs = units.get(other.id, [])
        # Share of *all* its content that the other carries: a different story that
        # shares three facts is not derived from the version carrying them.
        coverage = len(set(mine) & set(theirs)) / len(mine) * aligned_share
        order = _order_agreement(mine, theirs)
        verbatim = len(my_grams & grams[other.id]) / max(len(my_grams), 1)
        closeness = 0.5 * coverage + 0.3 * order + 0.2 * min(1.0, verbatim * 2)
        longer = 1.0 if other.word_count >= 0.8 * document.word_count else 0.6
        scored.append((closeness * longer, other, coverage, order, verbatim, closeness))
    nearest = max(scored, key=lambda item: item[5])[1] if scored else None
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < 0.45:
        reason = "no other version carries most of its content in the same order"
        return SourceGuess(None, 0.0, (reason,)), {}, nearest
    score, other, coverage, order, verbatim, _ = scored[0]
    margin = score - (scored[1][0] if len(scored) > 1 else 0.0)
    confidence = round(min(1.0, score * (0.6 + margin)), 2)
    evidence = (
        f"{names[other.id]} carries {coverage:.0%} of its content",
        f"{order:.0%} of that content keeps the same order",
        f"{verbatim:.0%} of its five-word runs appear word for word in {names[other.id]}",
    )
    extra = {"source_coverage": coverage, "source_order": order, "source_verbatim": verbatim}
    return SourceGuess(other.id, confidence, evidence), extra, nearest


def profile_versions(alignment: Alignment) -> list[VersionProfile]:
    """One profile per version, in the order the versions were given."""
    documents = alignment.documents
    names = label_names(documents)
    units = _units_by_document(alignment)
    multi = [u for u in alignment.units if len({m.split(":")[0] for m in u.members}) > 1]
    profiles = []
    lengths = {d.id: d.word_count for d in documents}
    words = {d.id: _words(d.text) for d in documents}
    grams = {d.id: _ngrams(w) for d, w in zip(documents, words.values(), strict=True)}
    frequency: Counter[str] = Counter()
    for word_list in words.values():
        frequency.update(set(word_list))
    for document in documents:
        content = document.content_sentences
        alone = [
            s.id for s in content if all(len(u.members) == 1 for u in alignment.units_of(s.id))
        ]
        aligned_share = 1 - len(alone) / max(len(content), 1)
        share = len(units.get(document.id, [])) / max(len(multi), 1)
        others = len(documents) - 1
        dropped = tuple(
            u.id
            for u in multi
            if document.id not in {m.split(":")[0] for m in u.members}
            and len({m.split(":")[0] for m in u.members}) > others / 2
        )
        source, extra, nearest = _guess_source(
            alignment, document, units, aligned_share, grams, names
        )
        partner = next((d for d in documents if d.id == source.document), nearest)
        quotes_intact = quotes_altered = 0
        spin = 0.0
        if partner is not None:
            rows = pair_rows(alignment, partner, document)
            known = {(partner.id, document.id): rows}
            pair = [(partner, document)]
            for change in read_changes(alignment, pair, include_intact=True, rows=known):
                if change.type == ChangeType.QUOTE:
                    if change.explanation == "Quote intact.":
                        quotes_intact += 1
                    else:
                        quotes_altered += 1
            spin = _spin(document, rows, frequency)
        traits = _traits(document, aligned_share, spin, lengths, extra)
        profiles.append(
            VersionProfile(
                document=document.id,
                name=document.name,
                outlet=document.outlet,
                words=document.word_count,
                sentences=len(content),
                share_of_set=round(share, 3),
                aligned_share=round(aligned_share, 3),
                only_here=tuple(alone),
                dropped=dropped,
                quotes_intact=quotes_intact,
                quotes_altered=quotes_altered,
                spin_score=round(spin, 3),
                traits=traits,
                likely_source=source,
                extra=extra,
            )
        )
    return profiles


def _traits(
    document: Document,
    aligned_share: float,
    spin: float,
    lengths: dict[str, int],
    extra: dict[str, float],
) -> tuple[tuple[str, str], ...]:
    others = [n for d, n in lengths.items() if d != document.id]
    typical = median(others) if others else document.word_count
    traits = []
    if aligned_share < 0.4:
        traits.append(
            (
                "different or translated report",
                f"only {aligned_share:.0%} of its sentences carry content another version has",
            )
        )
    if aligned_share >= 0.6 and spin >= 0.04:
        traits.append(
            (
                "spun copy",
                f"{spin:.0%} of its aligned words are substitutions no other version uses "
                "(synonym swaps), while it follows its source sentence by sentence",
            )
        )
    if aligned_share >= 0.6 and document.word_count <= 0.6 * typical:
        traits.append(
            (
                "condensed rewrite or summary",
                f"{document.word_count} words against a typical {typical:.0f}, and "
                f"{aligned_share:.0%} of its sentences are shared content",
            )
        )
    if extra.get("source_verbatim", 0.0) >= 0.6 and aligned_share >= 0.8:
        traits.append(
            (
                "near-verbatim copy",
                f"{extra['source_verbatim']:.0%} of its five-word runs appear word for word "
                "in its likely source",
            )
        )
    return tuple(traits)
