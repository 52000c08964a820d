"""The pair model's BERT forward pass in numpy: token ids in, two logits per pair out.

Why numpy: torch is a 700 MB dependency for a 6-layer, 384-wide encoder that
numpy's matrix product runs fast enough (see MODEL_CARD.md for pairs/second).
The arithmetic is BERT's (post-norm transformer, exact GELU, mean pooling over
real tokens) with the weights of ``tools/train_pair_model.py``; a test checks
the output against a reference computed by torch on the same weights.

Weights come from the archive ``tools/pair_export.py`` writes: int8 matrices
with per-row scales, dequantized to float32 once at load (the word embeddings
stay int8 and are dequantized row by row on lookup, ~35 MB less memory).

Public API: ``PairEncoder`` (``from_archive``, ``logits``), ``ModelConfig``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

FORMAT = "newsdiff-pairmodel/1"
_PARTS = ("query", "key", "value", "attn_out", "ffn_in", "ffn_out")


@dataclass(frozen=True)
class ModelConfig:
    """Shape of the encoder, read from the archive's ``config``."""

    hidden: int
    layers: int
    heads: int
    layer_norm_eps: float
    max_tokens: int

    def __post_init__(self) -> None:
        if self.hidden % self.heads:
            raise ValueError("hidden size is not a multiple of the head count")


@dataclass(frozen=True)
class _Layer:
    weights: dict[str, np.ndarray]  # (in, out) float32, for x @ w
    biases: dict[str, np.ndarray]
    attn_norm: tuple[np.ndarray, np.ndarray]
    ffn_norm: tuple[np.ndarray, np.ndarray]


def _erf(x: np.ndarray) -> np.ndarray:
    """Error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7): numpy has none."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    out: np.ndarray = sign * (1.0 - poly * np.exp(-a * a))
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(1.0 / np.sqrt(2.0))))


def _layer_norm(x: np.ndarray, norm: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: np.ndarray = centred / np.sqrt(var + eps) * norm[0] + norm[1]
    return out


def _matrix(archive: Any, name: str) -> np.ndarray:
    """A linear layer's weight as (in, out) float32, dequantized if stored as int8."""
    if f"{name}.q" in archive:
        rows = archive[f"{name}.q"].astype(np.float32) * archive[f"{name}.scale"][:, None]
    else:
        rows = archive[name].astype(np.float32)
    return np.ascontiguousarray(rows.T)


class PairEncoder:
    """Runs the encoder; built from an opened archive (a mapping of name to array)."""

    def __init__(self, archive: Any) -> None:
        settings = json.loads(bytes(archive["config"]).decode("utf-8"))
        if settings.get("format") != FORMAT:
            raise ValueError(f"unknown pair model format {settings.get('format')!r}")
        self.config = ModelConfig(
            hidden=int(settings["hidden"]),
            layers=int(settings["layers"]),
            heads=int(settings["heads"]),
            layer_norm_eps=float(settings["layer_norm_eps"]),
            max_tokens=int(settings["max_tokens"]),
        )
        f32 = np.float32
        self._word_q = np.asarray(archive["emb.word.q"])
        self._word_scale = np.asarray(archive["emb.word.scale"], dtype=f32)
        self._position = np.asarray(archive["emb.position"], dtype=f32)
        self._type = np.asarray(archive["emb.type"], dtype=f32)
        self._emb_norm = (
            np.asarray(archive["emb.norm.weight"], dtype=f32),
            np.asarray(archive["emb.norm.bias"], dtype=f32),
        )
        self._layers = []
        for i in range(self.config.layers):
            prefix = f"L{i}."
            self._layers.append(
                _Layer(
                    weights={p: _matrix(archive, f"{prefix}{p}.weight") for p in _PARTS},
                    biases={p: np.asarray(archive[f"{prefix}{p}.bias"], dtype=f32) for p in _PARTS},
                    attn_norm=(
                        np.asarray(archive[f"{prefix}attn_norm.weight"], dtype=f32),
                        np.asarray(archive[f"{prefix}attn_norm.bias"], dtype=f32),
                    ),
                    ffn_norm=(
                        np.asarray(archive[f"{prefix}ffn_norm.weight"], dtype=f32),
                        np.asarray(archive[f"{prefix}ffn_norm.bias"], dtype=f32),
                    ),
                )
            )
        self._head_weight = _matrix(archive, "head.weight")
        self._head_bias = np.asarray(archive["head.bias"], dtype=f32)

    def logits(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, 2) logits [same meaning, similarity] for padded (batch, length) int arrays."""
        cfg = self.config
        batch, length = ids.shape
        if length > self._position.shape[0]:
            raise ValueError(f"{length} tokens exceed the model's {self._position.shape[0]}")
        words = self._word_q[ids].astype(np.float32) * self._word_scale[ids][..., None]
        x = words + self._position[:length] + self._type[types]
        x = _layer_norm(x, self._emb_norm, cfg.layer_norm_eps)
        width = cfg.hidden // cfg.heads
        # Padding may not be attended to: a large negative bias before the softmax.
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(width))
        for layer in self._layers:
            w, b = layer.weights, layer.biases

            def heads(y: np.ndarray) -> np.ndarray:
                out: np.ndarray = y.reshape(batch, length, cfg.heads, width).transpose(0, 2, 1, 3)
                return out

            q = heads(x @ w["query"] + b["query"])
            k = heads(x @ w["key"] + b["key"])
            v = heads(x @ w["value"] + b["value"])
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, cfg.hidden)
            x = _layer_norm(
                x + context @ w["attn_out"] + b["attn_out"], layer.attn_norm, cfg.layer_norm_eps
            )
            inner = _gelu(x @ w["ffn_in"] + b["ffn_in"])
            x = _layer_norm(
                x + inner @ w["ffn_out"] + b["ffn_out"], layer.ffn_norm, cfg.layer_norm_eps
            )
        weights = mask.astype(np.float32)[..., None]
        pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        out: np.ndarray = pooled @ self._head_weight + self._head_bias
        return out
