"""A learned sentence-pair scorer: a small cross-encoder run with numpy.

``PairScorer.load().score([(a, b), ...])`` gives, per pair, the calibrated
probability that both sentences state the same fact; ``similarity`` gives the
graded 0-5 estimate. Weights: ``engine/data/pairmodel.npz``, built by
``tools/train_pair_model.py``; data, licences and figures in MODEL_CARD.md.

Modules: ``tokenizer`` (WordPiece), ``encoder`` (numpy BERT), ``scorer``.
"""

from .scorer import PairScorer, PairScores

__all__ = ["PairScorer", "PairScores"]
