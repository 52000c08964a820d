"""Version profiles: what each version is and where it likely comes from.

Why these signals: they need no file names or metadata. A spun copy aligns
with another version sentence by sentence but swaps single words for words
no other version uses ("officers informed" for "officials told"); a summary
is much shorter and nearly all of it is shared; a different or earlier
report (or a loose translation) shares little content and almost no
verbatim word 5-grams. Derivation is judged from shared verbatim 5-grams,
with the direction given by containment (the derived text is more contained
in its source than the reverse). Wire rewrites of one absent original share
only a few percent of 5-grams, which is reported as "none in this set".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..features import STOP_WORDS, normalise_words
from ..model import Alignment, Document, OpKind
from ..pairing import RowKind, pair_rows
from .model import Change, ChangeType, Severity, SourceGuess, Trait, VersionProfile

SOURCE_MIN_CONTAINMENT = 0.25  # below this, shared 5-grams are wire/common-origin noise


@dataclass
class _Stats:
    words: list[str]
    grams: set[tuple[str, ...]]
    vocab: set[str]


def _stats(doc: Document) -> _Stats:
    words = [w for s in doc.content_sentences for w in normalise_words(s.text)]
    grams = {tuple(words[i : i + 5]) for i in range(len(words) - 4)}
    vocab = {w for w in words if w not in STOP_WORDS and len(w) > 3 and w.isalpha()}
    return _Stats(words, grams, vocab)


def _containment(mine: _Stats, theirs: _Stats) -> float:
    return len(mine.grams & theirs.grams) / max(1, len(mine.grams))


def likely_sources(
    alignment: Alignment, stats: dict[str, _Stats] | None = None
) -> dict[str, SourceGuess]:
    """For every version, the version it most likely derives from (or none)."""
    docs = alignment.documents
    stats = stats or {d.id: _stats(d) for d in docs}
    guesses: dict[str, SourceGuess] = {}
    for d in docs:
        best, best_c = None, 0.0
        for e in docs:
            c = _containment(stats[d.id], stats[e.id]) if e is not d else 0.0
            if c > best_c:
                best, best_c = e, c
        if best is None or best_c < SOURCE_MIN_CONTAINMENT:
            closest = f"closest: {best.name}, {best_c:.0%} of word 5-grams shared" if best else ""
            evidence = closest or "no version shares its wording"
            guesses[d.id] = SourceGuess(None, round(1 - best_c, 2), evidence)
            continue
        reverse = _containment(stats[best.id], stats[d.id])
        # The derived text is the more contained one; a tie goes to the order given.
        derived = best_c > reverse + 0.02 or (
            abs(best_c - reverse) <= 0.02 and docs.index(best) < docs.index(d)
        )
        if not derived:
            guesses[d.id] = SourceGuess(None, 0.5, f"{best.name} likely derives from this one")
            continue
        rest = set().union(*(stats[x.id].vocab for x in docs if x not in (d, best)))
        peculiar = sorted((stats[d.id].vocab & stats[best.id].vocab) - rest)[:5]
        evidence = f"{best_c:.0%} of its word 5-grams appear verbatim in {best.name}" + (
            f"; words only these two use: {', '.join(peculiar)}" if peculiar else ""
        )
        guesses[d.id] = SourceGuess(best.id, round(min(1.0, 0.4 + best_c), 2), evidence)
    return guesses


def _spin(alignment: Alignment, d: Document, stats: dict[str, _Stats]) -> tuple[float, int, int]:
    """(spin score, peculiar one-word swaps, linked sentences) against the
    version d aligns with best."""
    others = set().union(*(stats[e.id].vocab for e in alignment.documents if e is not d))
    # Only the version d shares most sentences with is diffed: pair rows are the cost.
    doc_of = {s.id: doc.id for doc in alignment.documents for s in doc.sentences}
    shared: dict[str, int] = {}
    for sentence in d.content_sentences:
        partners = {doc_of[m] for u in alignment.units_of(sentence.id) for m in u.members}
        for partner in partners - {d.id}:
            shared[partner] = shared.get(partner, 0) + 1
    if not shared:
        return (0.0, 0, 0)
    e = next(doc for doc in alignment.documents if doc.id == max(shared, key=shared.get))
    rows = [r for r in pair_rows(alignment, d, e) if r.kind == RowKind.SHARED]
    linked = sum(len(r.left) for r in rows)
    swaps = 0
    for row in rows:
        for op in row.ops:
            mine = d.text[op.a_start : op.a_end]
            if op.kind != OpKind.REPLACE or len(mine.split()) > 2:
                continue
            if len(e.text[op.b_start : op.b_end].split()) > 2:
                continue
            if any(w in stats[d.id].vocab and w not in others for w in normalise_words(mine)):
                swaps += 1
    return (swaps / max(1, linked), swaps, linked)


def profile_versions(
    alignment: Alignment, changes: list[Change] | None = None
) -> list[VersionProfile]:
    """One profile per version. ``changes`` (with intact quotes, for the quote
    counts) defaults to ``read_changes(alignment, include_intact=True)``."""
    from .classify import read_changes

    if changes is None:
        changes = read_changes(alignment, include_intact=True)
    docs = alignment.documents
    stats = {d.id: _stats(d) for d in docs}
    sources = likely_sources(alignment, stats)
    doc_of = {s.id: d.id for d in docs for s in d.sentences}
    unit_docs = [(u, {doc_of[m] for m in u.members}) for u in alignment.units]
    multi = [u for u, ds in unit_docs if len(ds) > 1]
    profiles = []
    for d in docs:
        own = [u for u, ds in unit_docs if ds == {d.id}]
        carried = sum(1 for u, ds in unit_docs if d.id in ds)
        others = len(docs) - 1
        dropped = tuple(
            u.id for u, ds in unit_docs if d.id not in ds and len(ds) >= max(2, (others + 1) // 2)
        )
        quote_changes = [c for c in changes if c.type == ChangeType.QUOTE and c.b and c.b.document == d.id]  # fmt: skip  # noqa: E501
        intact = sum(c.severity == Severity.INFO for c in quote_changes)
        altered = sum(c.severity == Severity.HIGH for c in quote_changes)
        spin, swaps, linked = _spin(alignment, d, stats)
        words, n_sent = len(stats[d.id].words), len(d.content_sentences)
        traits = _traits(d, docs, stats, spin, swaps, linked, n_sent, sources[d.id])
        profiles.append(
            VersionProfile(
                document=d.id,
                words=words,
                sentences=n_sent,
                share=carried / max(1, len(multi) + len(own)),
                only_count=len(own),
                only_sentences=tuple(m for u in own for m in u.members),
                dropped_units=dropped,
                quotes_intact=intact,
                quotes_altered=altered,
                spin_score=spin,
                traits=tuple(traits),
                likely_source=sources[d.id],
            )
        )
    return profiles


def _traits(d, docs, stats, spin, swaps, linked, n_sent, source) -> list[Trait]:
    traits = []
    words = len(stats[d.id].words)
    linked_share = linked / max(1, n_sent)
    best_c = max((_containment(stats[d.id], stats[e.id]) for e in docs if e is not d), default=0)
    if spin >= 0.5 and swaps >= 5 and linked_share >= 0.6:
        traits.append(Trait("spun copy", f"{linked} of {n_sent} sentences align with another version, with {swaps} one-word swaps to words no other version uses"))  # fmt: skip  # noqa: E501
    if best_c >= 0.8:
        traits.append(Trait("near-verbatim copy", f"{best_c:.0%} of its word 5-grams appear verbatim in another version"))  # fmt: skip  # noqa: E501
    # Compare with related versions only: an unrelated long report says nothing.
    longer = [
        len(stats[e.id].words)
        for e in docs
        if e is not d and _containment(stats[d.id], stats[e.id]) >= 0.02
    ]
    ratio = words / max(1, max(longer, default=words))
    if linked_share >= 0.6 and ratio <= 0.4:
        traits.append(Trait("summary", f"{words} words, {ratio:.0%} of the longest version, and {linked} of its {n_sent} sentences are shared"))  # fmt: skip  # noqa: E501
    elif linked_share >= 0.6 and ratio <= 0.6:
        traits.append(Trait("condensed rewrite", f"{words} words, {ratio:.0%} of the longest version, and {linked} of its {n_sent} sentences are shared"))  # fmt: skip  # noqa: E501
    if linked_share < 0.35 and best_c < 0.05:
        lede = d.content_sentences[0].text[:60] if d.content_sentences else ""
        traits.append(Trait("different or earlier report (or translation)", f"only {linked} of {n_sent} sentences share content with another version, {best_c:.0%} verbatim 5-grams; its lede differs (“{lede}…”)"))  # fmt: skip  # noqa: E501
    return traits
