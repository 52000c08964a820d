"""Labelled sentence pairs for the pair model, and the fixed splits every tool agrees on.

Why one module: the training script and the evaluation script must draw the
same sealed hold-out, or a figure called "held-out" would quietly include
training pairs. Everything here is plain Python (no torch), so the evaluation
runs in the application's own environment.

Data (kept beside the repository, never copied into it): ``../shared/training``
with ``msrp-train.tsv`` (binary "same meaning" labels) and ``stsb-train.tsv`` /
``stsb-dev.tsv`` (graded similarity 0-5). Splits, all drawn with ``SEED``:

- ``msrp_heldout``: 20 % of MSRP train, sealed: scored once, at the end.
- ``msrp_dev``: 15 % of the rest: early choices and the calibration fit.
- ``msrp_train``: the remaining MSRP pairs.
- ``sts_dev``: 10 % of STS-B train's news pairs: development STS figure.
- ``sts_heldout``: STS-B dev, news genre: sealed like ``msrp_heldout``.
- ``sts_train``: the rest of STS-B train, every genre.

The two datasets share sentences (STS-B's news pairs were drawn partly from
MSRP), so a training pair that shares a sentence with any development or
held-out pair is dropped; otherwise the model would have seen half of the
pairs it is scored on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAINING_DIR = ROOT.parent / "shared" / "training"
SEED = 15
MSRP_HELDOUT_SHARE = 0.20
MSRP_DEV_SHARE = 0.15
STS_DEV_SHARE = 0.10


@dataclass(frozen=True)
class Pair:
    """One labelled pair: ``label`` is MSRP's 0/1 or None; ``score`` is STS-B's 0-5 or None."""

    first: str
    second: str
    label: int | None = None
    score: float | None = None
    genre: str = "main-news"


@dataclass(frozen=True)
class Splits:
    msrp_train: list[Pair]
    msrp_dev: list[Pair]
    msrp_heldout: list[Pair]
    sts_train: list[Pair]
    sts_dev: list[Pair]
    sts_heldout: list[Pair]

    def training(self) -> list[Pair]:
        return self.msrp_train + self.sts_train

    def describe(self) -> str:
        return (
            ", ".join(
                f"{name} {len(getattr(self, name))}"
                for name in ("msrp_train", "msrp_dev", "msrp_heldout", "sts_train", "sts_dev")
            )
            + f", sts_heldout {len(self.sts_heldout)}"
        )


def read_msrp(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("\t")
        if len(fields) >= 5 and fields[0] in ("0", "1"):
            pairs.append(Pair(fields[3], fields[4], label=int(fields[0])))
    return pairs


def read_sts(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 7:
            pairs.append(Pair(fields[5], fields[6], score=float(fields[4]), genre=fields[0]))
    return pairs


def _key(sentence: str) -> str:
    return re.sub(r"\W+", " ", sentence.lower()).strip()


def _keys(pairs: list[Pair]) -> set[str]:
    return {_key(s) for pair in pairs for s in (pair.first, pair.second)}


def _split(pairs: list[Pair], share: float, rng: random.Random) -> tuple[list[Pair], list[Pair]]:
    """(taken, rest): ``share`` of ``pairs`` drawn at random, the rest in file order."""
    order = list(range(len(pairs)))
    rng.shuffle(order)
    cut = round(len(pairs) * share)
    taken = sorted(order[:cut])
    chosen = set(taken)
    return [pairs[i] for i in taken], [pairs[i] for i in range(len(pairs)) if i not in chosen]


def load_splits(training_dir: Path = DEFAULT_TRAINING_DIR) -> Splits:
    """The fixed splits (see the module docstring); raises FileNotFoundError without the data."""
    msrp = read_msrp(training_dir / "msrp-train.tsv")
    sts = read_sts(training_dir / "stsb-train.tsv")
    sts_heldout = [p for p in read_sts(training_dir / "stsb-dev.tsv") if p.genre == "main-news"]
    rng = random.Random(SEED)
    msrp_heldout, msrp_rest = _split(msrp, MSRP_HELDOUT_SHARE, rng)
    msrp_dev, msrp_train = _split(msrp_rest, MSRP_DEV_SHARE, rng)
    news = [p for p in sts if p.genre == "main-news"]
    sts_dev, _ = _split(news, STS_DEV_SHARE, rng)
    dev_ids = {id(p) for p in sts_dev}
    sts_train = [p for p in sts if id(p) not in dev_ids]
    scored = _keys(msrp_heldout + msrp_dev + sts_dev + sts_heldout)
    heldout = _keys(msrp_heldout + sts_heldout)

    def clean(pairs: list[Pair], banned: set[str]) -> list[Pair]:
        return [p for p in pairs if _key(p.first) not in banned and _key(p.second) not in banned]

    return Splits(
        msrp_train=clean(msrp_train, scored),
        msrp_dev=clean(msrp_dev, heldout),
        msrp_heldout=msrp_heldout,
        sts_train=clean(sts_train, scored),
        sts_dev=clean(sts_dev, heldout),
        sts_heldout=sts_heldout,
    )
