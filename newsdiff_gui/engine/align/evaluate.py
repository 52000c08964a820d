"""Score an alignment against a hand-made gold alignment.

The metric is the one of the project's gold standard (``newsdiff-gold/1``):
each of our sentences maps to the gold sentences of the same file it overlaps
by at least half of either sentence's characters (so segmentation alone is not
punished; boilerplate it also overlaps is dropped when it maps to content);
predicted pairs are every cross-version pair of gold sentences that share one
of our units; gold pairs are every cross-version pair of content sentences that
share a gold unit. Reported: pair precision/recall/F1 overall and per version
pair, and P/R/F1 of finding the content sentences that have no partner
("added/omitted content detection").

Public API: ``GoldError``, ``GoldStandard``, ``Scores``, ``PRF``, ``evaluate``.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Alignment


class GoldError(Exception):
    """A gold file that cannot be read or does not fit the documents."""


@dataclass(frozen=True)
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class GoldStandard:
    files: tuple[str, ...]
    spans: dict[str, tuple[str, int, int]]  # gold sentence id -> (file, start, end)
    boilerplate: frozenset[str]
    pairs: frozenset[tuple[str, str]]

    @staticmethod
    def read(path: str | os.PathLike[str]) -> GoldStandard:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            files, spans, boilerplate = [], {}, set()
            for document in data["documents"]:
                name = os.path.basename(document["file"])
                files.append(name)
                for sentence in document["sentences"]:
                    spans[sentence["id"]] = (name, int(sentence["start"]), int(sentence["end"]))
                boilerplate.update(document.get("boilerplate", []))
            pairs = set()
            for unit in data["units"]:
                members = sorted(
                    m for m in set(unit["members"]) if m in spans and m not in boilerplate
                )
                for a, b in itertools.combinations(members, 2):
                    if spans[a][0] != spans[b][0]:
                        pairs.add((a, b))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}: not a readable gold alignment ({exc})") from None
        return GoldStandard(tuple(files), spans, frozenset(boilerplate), frozenset(pairs))

    @property
    def content(self) -> list[str]:
        return [s for s in self.spans if s not in self.boilerplate]


@dataclass
class Scores:
    pairs: PRF
    unmatched: PRF
    per_pair: dict[tuple[str, str], PRF] = field(default_factory=dict)
    unmapped_files: list[str] = field(default_factory=list)


def _map_sentences(gold: GoldStandard, alignment: Alignment) -> dict[str, set[str]]:
    by_file: dict[str, list[str]] = {}
    for sentence_id, (name, _, _) in gold.spans.items():
        by_file.setdefault(name, []).append(sentence_id)
    mapping: dict[str, set[str]] = {}
    for document in alignment.documents:
        name = os.path.basename(document.path)
        for sentence in document.sentences:
            hits = []
            for gold_id in by_file.get(name, ()):
                _, start, end = gold.spans[gold_id]
                shared = min(sentence.end, end) - max(sentence.start, start)
                if shared > 0 and (
                    2 * shared >= end - start or 2 * shared >= sentence.end - sentence.start
                ):
                    hits.append(gold_id)
            content = [g for g in hits if g not in gold.boilerplate]
            mapping[sentence.id] = set(content or hits)
    return mapping


def evaluate(gold: GoldStandard, alignment: Alignment) -> Scores:
    names = {os.path.basename(d.path) for d in alignment.documents}
    mapping = _map_sentences(gold, alignment)
    predicted: set[tuple[str, str]] = set()
    for unit in alignment.units:
        mapped = sorted(set().union(*(mapping.get(m, set()) for m in unit.members)))
        for a, b in itertools.combinations(mapped, 2):
            if gold.spans[a][0] != gold.spans[b][0]:
                predicted.add((a, b))
    scores = Scores(
        pairs=PRF(len(predicted & gold.pairs), len(predicted), len(gold.pairs)),
        unmatched=_unmatched(gold, predicted),
        unmapped_files=[f for f in gold.files if f not in names],
    )
    for x, y in itertools.combinations(gold.files, 2):
        wanted = {x, y}

        def between(pair: tuple[str, str], wanted: set[str] = wanted) -> bool:
            return {gold.spans[pair[0]][0], gold.spans[pair[1]][0]} == wanted

        in_gold = {p for p in gold.pairs if between(p)}
        in_pred = {p for p in predicted if between(p)}
        scores.per_pair[(x, y)] = PRF(len(in_gold & in_pred), len(in_pred), len(in_gold))
    return scores


def _unmatched(gold: GoldStandard, predicted: set[tuple[str, str]]) -> PRF:
    gold_partnered = {s for pair in gold.pairs for s in pair}
    predicted_partnered = {s for pair in predicted for s in pair}
    gold_alone = {s for s in gold.content if s not in gold_partnered}
    predicted_alone = {s for s in gold.content if s not in predicted_partnered}
    return PRF(len(gold_alone & predicted_alone), len(predicted_alone), len(gold_alone))
