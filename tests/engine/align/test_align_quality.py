"""Alignment quality on sets with known truth, and the seed gold as a regression guard.

Synthetic sets (tests/support/synthetic.py) perturb one base story the ways
real coverage differs — dropped, inserted, shuffled, split, fused and spun
sentences — and record which base sentences each sentence carries. Two
sentences of different versions belong together exactly when they carry a
common part of a base sentence; the aligner must find most such pairs and
invent few.

Known weak spot, kept visible rather than tuned away: when one version splits a
sentence and another fuses it with its neighbour, the split halves and the
fused sentence can end up in one unit, pairing the halves with the
neighbour's content too (precision drops to ~0.8 on sets dense with both).
Examples are derandomized so CI judges the same sets every run.
"""

from __future__ import annotations

import importlib.util
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.locations import GOLD
from support.synthetic import Version, synthetic_set, truth_and_prediction

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.paths import seed_files

GOLD_DIR = GOLD / "seeds"


def _truth_and_prediction(versions: list[Version]) -> tuple[set, set]:
    found = truth_and_prediction(versions)
    assert found is not None, "segmentation must match the generator"
    return found


def _precision_recall(truth: set, predicted: set) -> tuple[float, float]:
    hits = len(truth & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall


@settings(max_examples=25, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10_000),
    versions=st.integers(2, 6),
    drop=st.floats(0.0, 0.25),
    insert=st.floats(0.0, 0.15),
    split=st.floats(0.0, 0.12),
    fuse=st.floats(0.0, 0.12),
    shuffle=st.booleans(),
)
def test_perturbed_versions_align_to_their_source_sentences(
    seed: int, versions: int, drop: float, insert: float, split: float, fuse: float, shuffle: bool
) -> None:
    generated = synthetic_set(
        versions,
        words=400,
        seed=seed,
        drop=drop,
        insert=insert,
        split=split,
        fuse=fuse,
        shuffle_paragraphs=shuffle,
    )
    precision, recall = _precision_recall(*_truth_and_prediction(generated))
    assert precision >= 0.8, f"precision {precision:.2f}"
    assert recall >= 0.8, f"recall {recall:.2f}"


@settings(max_examples=15, deadline=None, derandomize=True)
@given(seed=st.integers(0, 10_000), spin=st.floats(0.0, 0.6))
def test_spun_copies_still_align(seed: int, spin: float) -> None:
    generated = synthetic_set(3, words=400, seed=seed, drop=0.05, spin=spin)
    precision, recall = _precision_recall(*_truth_and_prediction(generated))
    assert precision >= 0.85 and recall >= 0.85, (precision, recall)


def test_file_order_does_not_change_the_alignment() -> None:
    generated = synthetic_set(4, words=300, seed=7, drop=0.1, fuse=0.1, split=0.1)
    forward = documents_from_texts([(v.name, v.text) for v in generated])
    backward = documents_from_texts([(v.name, v.text) for v in reversed(generated)])

    def groups(article_set) -> set[frozenset[tuple[str, int]]]:
        alignment = align(article_set)
        return {
            frozenset(
                (article_set.document_of(m).path, article_set.sentence(m).start)
                for m in unit.members
            )
            for unit in alignment.units
        }

    assert groups(forward) == groups(backward)


def test_same_input_gives_the_same_output() -> None:
    article_set = load_article_set(seed_files())
    assert align(article_set) == align(article_set)


def test_seed_gold_score_does_not_regress() -> None:
    spec = importlib.util.spec_from_file_location("gold_score", GOLD_DIR / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    from newsdiff_gui.engine.contract import alignment_to_dict

    seeds = seed_files()
    gold = scorer.Gold(str(GOLD_DIR / "seeds-alignment.json"), str(seeds[0].parent))
    result = scorer.score(gold, alignment_to_dict(align(load_article_set(seeds))))
    # A floor a little below the measured 0.858 / 0.907: a regression guard, not a target.
    # (0.867 / 0.918 before links were verified: the link model turns 11 raw links
    # of the seeds into suggestions, trading recall for links that hold.)
    assert result["pairs"]["f1"] >= 0.85
    assert result["pairs"]["precision"] >= 0.99
    assert result["unmatched"]["f1"] >= 0.90


def test_seed_subsets_score_does_not_regress() -> None:
    """Readers often open two or three versions: every subset of 2-5 seed files,
    scored on the gold pairs among the files present (per version pair of the
    project's evaluation, summed over the pairs the subset holds)."""
    from newsdiff_gui.engine.align.evaluate import GoldStandard, evaluate

    gold = GoldStandard.read(GOLD_DIR / "seeds-alignment.json")
    seeds = seed_files()
    tp = predicted = wanted = 0
    two_tp = two_predicted = 0
    for size in range(2, len(seeds) + 1):
        for files in itertools.combinations(seeds, size):
            names = {path.name for path in files}
            scores = evaluate(gold, align(load_article_set(list(files))))
            for (x, y), prf in scores.per_pair.items():
                if {x, y} <= names:
                    tp, predicted, wanted = (
                        tp + prf.tp,
                        predicted + prf.predicted,
                        wanted + prf.gold,
                    )
                    if size == 2:
                        two_tp, two_predicted = two_tp + prf.tp, two_predicted + prf.predicted
    # Floors a little below the measured figures (all subsets P 0.954 R 0.720,
    # two files P 0.920). The clause pass (a fused sentence joins the unit each of
    # its clauses says) took the seeds' two-file precision from 0.963 to 0.920
    # (004's "accused Maduro of working with cartels" clause taken for "accused
    # Maduro of leading Cartel de los Soles"), while over the four development
    # sets two-file F1 rose from 0.796 to 0.809 (tools/dev_scores.py).
    assert tp / predicted >= 0.945
    assert tp / wanted >= 0.71
    assert two_tp / two_predicted >= 0.91


GOLD_SETS = GOLD
# Pair F1 floors, a little below what the aligner reaches on each invented,
# hand-annotated story (tests/data/gold/README.md): regression guards, not targets.
# Lowered for business (0.792 -> 0.774) and election (0.49 -> 0.448) when links
# began to be verified: precision rose on both (0.870 -> 0.898; test sets pooled
# 0.85 -> 0.887) and links the model doubts became suggestions. Lowered for
# health (0.562 -> 0.530) when the link model was refitted on twelve development
# sets: its precision rose 0.847 -> 0.936 (test sets pooled F1 0.464 -> 0.468).
GOLD_SET_FLOORS = {
    "dev/business": 0.76,
    "dev/courts": 0.92,
    "dev/disaster": 0.76,
    "dev/environment": 0.47,
    "dev/sport": 0.49,
    "test/breach": 0.58,
    "test/election": 0.44,
    "test/health": 0.52,
}


@pytest.mark.parametrize("name", sorted(GOLD_SET_FLOORS))
def test_gold_set_score_does_not_regress(name: str) -> None:
    from newsdiff_gui.engine.align.evaluate import GoldStandard, evaluate

    folder = GOLD_SETS / name
    gold = GoldStandard.read(folder / "gold.json")
    scores = evaluate(gold, align(load_article_set([folder / f for f in gold.files])))
    assert scores.pairs.f1 >= GOLD_SET_FLOORS[name], scores.pairs


def test_every_gold_set_has_a_floor() -> None:
    present = {f"{p.parent.parent.name}/{p.parent.name}" for p in GOLD_SETS.glob("*/*/gold.json")}
    assert present == set(GOLD_SET_FLOORS)


def test_link_scores_say_how_often_links_hold() -> None:
    """A link's score is calibrated: over the development gold sets, links
    scoring about p hold (their sentence pairs are gold pairs) about p of the time."""
    from newsdiff_gui.engine.align.evaluate import GoldStandard, _map_sentences

    scored: list[tuple[float, float]] = []
    for gold_path in sorted((GOLD_SETS / "dev").glob("*/gold.json")):
        gold = GoldStandard.read(gold_path)
        alignment = align(load_article_set([gold_path.parent / f for f in gold.files]))
        mapping = _map_sentences(gold, alignment)
        for link in alignment.links:
            pairs = [(x, y) for a in link.a for b in link.b for x in mapping[a] for y in mapping[b]]
            held = sum((x, y) in gold.pairs or (y, x) in gold.pairs for x, y in pairs)
            scored.append((link.score, held / len(pairs)))
    bins: dict[int, list[tuple[float, float]]] = {}
    for score, held in scored:
        bins.setdefault(min(9, int(score * 10)), []).append((score, held))
    error = sum(abs(sum(s for s, _ in b) - sum(h for _, h in b)) for b in bins.values())
    # Measured 0.028 with the seeds (0.1144 for the hand-set curve before).
    assert error / len(scored) < 0.06
