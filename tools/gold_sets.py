"""The gold sets the developer tools score: the seed gold and tests/data/gold.

Why one module: ``dev_scores.py`` and ``calibrate_scores.py`` must agree on
which sets are development and which are test sets (tests/data/gold/README.md).
The seed gold (tests/data/gold/seeds) counts as development.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsdiff_gui.engine.align.evaluate import GoldStandard
from newsdiff_gui.engine.model import Link
from newsdiff_gui.paths import seed_files

ROOT = Path(__file__).resolve().parents[1]


SEEDS_GOLD = ROOT / "tests" / "data" / "gold" / "seeds" / "seeds-alignment.json"
GOLD_SETS = ROOT / "tests" / "data" / "gold"
# Real coverage with gold made by reading: third-party texts, kept beside the
# repository (never in it), so these sets count only where they are present.
# NEWSDIFF_REAL_GOLD names the folder; otherwise the first of these that exists
# (the shared material may be read-only, so ../real-gold is the writable place).
REAL_GOLD_PLACES = (ROOT.parent / "shared" / "corpus" / "gold", ROOT.parent / "real-gold")


def real_gold_root() -> Path:
    """The folder holding the real-coverage gold (``dev/`` and ``test/``)."""
    named = os.environ.get("NEWSDIFF_REAL_GOLD")
    if named:
        return Path(named)
    return next((place for place in REAL_GOLD_PLACES if place.exists()), REAL_GOLD_PLACES[-1])


def gold_sets(group: str) -> list[tuple[str, GoldStandard, list[Path]]]:
    """(name, gold, the files it names) for ``group`` "dev" or "test" (invented stories)."""
    sets = []
    if group == "dev" and SEEDS_GOLD.exists():
        sets.append(("seeds", GoldStandard.read(SEEDS_GOLD), seed_files()))
    for path in sorted((GOLD_SETS / group).glob("*/gold.json")):
        gold = GoldStandard.read(path)
        sets.append((path.parent.name, gold, [path.parent / name for name in gold.files]))
    return sets


def real_gold_sets(group: str) -> list[tuple[str, GoldStandard, list[Path]]]:
    """The real-coverage gold sets of ``group`` ("dev" or "test"); none when absent."""
    sets = []
    for path in sorted((real_gold_root() / group).glob("*/gold.json")):
        gold = GoldStandard.read(path)
        sets.append((f"real/{path.parent.name}", gold, [path.parent / n for n in gold.files]))
    return sets


def link_gold_pairs(mapping: dict[str, set[str]], link: Link) -> list[tuple[str, str]]:
    """The gold sentence pairs a link joins (``mapping`` from ``evaluate._map_sentences``)."""
    return [
        (x, y)
        for a in link.a
        for b in link.b
        for x in mapping.get(a, ())
        for y in mapping.get(b, ())
    ]


def gold_holds(gold: GoldStandard, pairs: list[tuple[str, str]]) -> int:
    """How many of ``pairs`` the gold links, in either order."""
    return sum((x, y) in gold.pairs or (y, x) in gold.pairs for x, y in pairs)


def held_share(gold: GoldStandard, mapping: dict[str, set[str]], link: Link) -> float | None:
    """The share of a link's sentence pairs that the gold links; None when no
    side maps to gold sentences."""
    pairs = link_gold_pairs(mapping, link)
    return gold_holds(gold, pairs) / len(pairs) if pairs else None
