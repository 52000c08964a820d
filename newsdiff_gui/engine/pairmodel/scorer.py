"""Score sentence pairs with the learned cross-encoder: probability of the same fact.

Why a learned scorer: word overlap and sentence vectors cannot tell two
sentences about the same people and topic from two sentences stating the same
fact ("within one story, unrelated sentences are as close as paraphrases
are"). The cross-encoder reads both sentences at once; it was fine-tuned on
MSRP and STS-B news pairs (``tools/train_pair_model.py``, MODEL_CARD.md).

Two numbers per pair:

- ``score``: the calibrated probability that the two sentences state the same
  fact in MSRP's sense ("same meaning"; a sentence that adds a clause counts as
  not the same). A logistic fit of both model outputs on held-apart MSRP pairs,
  so among pairs scored 0.8, about 8 in 10 are paraphrases (MODEL_CARD.md has
  the reliability table).
- ``similarity``: the graded STS-B estimate, 0 (unrelated) to 5 (equivalent);
  3 means "roughly equivalent, some information differs", the partial overlap
  an aligner may still want to link.

The weights load once, on first use (~0.5 s), from package data. Pairs are
scored in batches of similar length (less padding); output order is input
order. A cross-encoder reads "a then b" slightly differently from "b then a"
(mean |difference| 0.38 in logit on MSRP dev), so each pair is put in one
canonical order first (``canonical_order``): scoring (a, b) and (b, a) gives
the same number, whichever version a reader opened first, at no extra cost.

Public API: ``PairScorer`` (``load``, ``score``, ``similarity``, ``predict``, ``logits``),
``PairScores``, ``canonical_order``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .encoder import PairEncoder
from .tokenizer import EncodedPair, WordPieceTokenizer

DEFAULT_BATCH = 64
_ARCHIVE = "pairmodel.npz"


@dataclass(frozen=True)
class PairScores:
    """Per pair, in input order: ``same_fact`` probability and ``similarity`` 0-5."""

    same_fact: np.ndarray
    similarity: np.ndarray

    def __post_init__(self) -> None:
        if self.same_fact.shape != self.similarity.shape:
            raise ValueError("same_fact and similarity differ in shape")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 0.5 * (1.0 + np.tanh(0.5 * x))  # no overflow for large |x|
    return out


class PairScorer:
    """The shipped pair model; ``PairScorer.load()`` returns one shared instance."""

    def __init__(self, path: Path | None = None) -> None:
        """``path``: an archive written by tools/pair_export.py; None for the shipped one."""
        self._path = path
        self._lock = threading.Lock()
        self._encoder: PairEncoder | None = None
        self._tokenizer: WordPieceTokenizer | None = None
        self._calibration = np.zeros(3)

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> PairScorer:
        """The shared scorer for the shipped weights (read lazily, on first scoring)."""
        return PairScorer()

    def _ready(self) -> tuple[PairEncoder, WordPieceTokenizer]:
        with self._lock:
            if self._encoder is None or self._tokenizer is None:
                source = (
                    self._path
                    if self._path is not None
                    else resources.files("newsdiff_gui.engine.pairmodel") / "data" / _ARCHIVE
                )
                with source.open("rb") as stream, np.load(stream) as archive:
                    vocab = bytes(archive["vocab"]).decode("utf-8").split("\n")
                    self._calibration = np.asarray(archive["calibration"], dtype=np.float64)
                    self._tokenizer = WordPieceTokenizer(vocab)
                    self._encoder = PairEncoder(archive)
            return self._encoder, self._tokenizer

    def logits(
        self, pairs: Sequence[tuple[str, str]], batch_size: int = DEFAULT_BATCH
    ) -> np.ndarray:
        """(n, 2) raw model outputs [same meaning, similarity] in input order."""
        encoder, tokenizer = self._ready()
        limit = encoder.config.max_tokens
        encoded = [tokenizer.encode_pair(*canonical_order(a, b), limit) for a, b in pairs]
        out = np.zeros((len(encoded), 2), dtype=np.float32)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), max(1, batch_size)):
            index = order[start : start + batch_size]
            ids, types, mask = _padded([encoded[i] for i in index], tokenizer.pad_id)
            out[index] = encoder.logits(ids, types, mask)
        return out

    def predict(
        self, pairs: Sequence[tuple[str, str]], batch_size: int = DEFAULT_BATCH
    ) -> PairScores:
        """Both numbers for each pair (see the module docstring)."""
        raw = self.logits(pairs, batch_size).astype(np.float64)
        calibrated = raw @ self._calibration[:2] + self._calibration[2]
        return PairScores(same_fact=_sigmoid(calibrated), similarity=5.0 * _sigmoid(raw[:, 1]))

    def score(
        self, pairs: Sequence[tuple[str, str]], batch_size: int = DEFAULT_BATCH
    ) -> np.ndarray:
        """Probability, per pair, that both sentences state the same fact."""
        return self.predict(pairs, batch_size).same_fact

    def similarity(
        self, pairs: Sequence[tuple[str, str]], batch_size: int = DEFAULT_BATCH
    ) -> np.ndarray:
        """Graded similarity, per pair, on STS-B's 0-5 scale."""
        return self.predict(pairs, batch_size).similarity


def canonical_order(first: str, second: str) -> tuple[str, str]:
    """The pair in the order it is scored in (the training tools use the same rule)."""
    return (first, second) if first <= second else (second, first)


def _padded(batch: list[EncodedPair], pad_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    length = max(len(item.ids) for item in batch)
    ids = np.full((len(batch), length), pad_id, dtype=np.int64)
    types = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.int64)
    for row, item in enumerate(batch):
        ids[row, : len(item.ids)] = item.ids
        types[row, : len(item.types)] = item.types
        mask[row, : len(item.ids)] = 1
    return ids, types, mask
