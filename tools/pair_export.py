"""Write the fine-tuned pair model as one compact .npz the numpy runtime reads (and back).

Why int8: the float32 weights are ~91 MB and float16 ~45 MB; a package should
stay small. Each weight matrix is stored as int8 with one float32 scale per
output row (symmetric, ``w = q * scale``), which keeps a matrix's rows as
precise as their own largest value allows; biases, layer norms, position and
type embeddings and the head stay float32 (they are small). The archive also
carries the vocabulary and the calibration, so the runtime needs nothing else.

``load_into_torch`` puts the dequantized weights back into a torch model, so
the numpy forward pass can be checked against torch on identical weights.

Layout (keys): ``config`` (JSON bytes), ``vocab`` (UTF-8 bytes, one piece per
line), ``calibration`` (w_msrp, w_sts, bias); ``emb.word`` / ``emb.position`` /
``emb.type`` / ``emb.norm.weight`` / ``emb.norm.bias``; per layer ``L{i}.`` +
``query`` ``key`` ``value`` ``attn_out`` ``attn_norm`` ``ffn_in`` ``ffn_out``
``ffn_norm``; ``head``. A quantized matrix NAME is ``NAME.q`` + ``NAME.scale``;
a linear layer NAME has ``NAME.weight*`` (out, in) and ``NAME.bias``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "newsdiff-pairmodel/1"

# (our name, the name inside a transformers BertLayer)
_LAYER_PARTS = [
    ("query", "attention.self.query"),
    ("key", "attention.self.key"),
    ("value", "attention.self.value"),
    ("attn_out", "attention.output.dense"),
    ("attn_norm", "attention.output.LayerNorm"),
    ("ffn_in", "intermediate.dense"),
    ("ffn_out", "output.dense"),
    ("ffn_norm", "output.LayerNorm"),
]
_EMBEDDINGS = [
    ("emb.word", "word_embeddings.weight"),
    ("emb.position", "position_embeddings.weight"),
    ("emb.type", "token_type_embeddings.weight"),
    ("emb.norm.weight", "LayerNorm.weight"),
    ("emb.norm.bias", "LayerNorm.bias"),
]
_QUANTIZED = {"emb.word"}


def quantize(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(int8 values, float32 per-row scales) with ``matrix ~= q * scale[:, None]``."""
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def _tensors(model: Any) -> dict[str, np.ndarray]:
    """Our flat names -> float32 arrays, from a PairModel (encoder + head)."""
    state = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    out = {ours: state[f"encoder.embeddings.{theirs}"] for ours, theirs in _EMBEDDINGS}
    layers = model.encoder.config.num_hidden_layers
    for i in range(layers):
        for ours, theirs in _LAYER_PARTS:
            out[f"L{i}.{ours}.weight"] = state[f"encoder.encoder.layer.{i}.{theirs}.weight"]
            out[f"L{i}.{ours}.bias"] = state[f"encoder.encoder.layer.{i}.{theirs}.bias"]
    out["head.weight"] = state["head.weight"]
    out["head.bias"] = state["head.bias"]
    return out


def _is_quantized(name: str) -> bool:
    return name in _QUANTIZED or (
        name.startswith("L") and name.endswith(".weight") and "norm" not in name
    )


def export_archive(
    model: Any, vocab: list[str], calibration: np.ndarray, max_tokens: int, path: Path
) -> None:
    config = model.encoder.config
    arrays: dict[str, np.ndarray] = {
        "config": np.frombuffer(
            json.dumps(
                {
                    "format": FORMAT,
                    "hidden": config.hidden_size,
                    "layers": config.num_hidden_layers,
                    "heads": config.num_attention_heads,
                    "layer_norm_eps": config.layer_norm_eps,
                    "max_tokens": max_tokens,
                    "lowercase": True,
                }
            ).encode(),
            dtype=np.uint8,
        ),
        "vocab": np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        "calibration": np.asarray(calibration, dtype=np.float64),
    }
    for name, value in _tensors(model).items():
        if _is_quantized(name):
            arrays[f"{name}.q"], arrays[f"{name}.scale"] = quantize(value)
        else:
            arrays[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp.npz")
    np.savez_compressed(temp, **arrays)  # type: ignore[arg-type]
    os.replace(temp, path)


def dequantized(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of the archive as float32, by our flat names."""
    with np.load(path) as archive:
        out = {}
        for key in archive.files:
            if key.endswith(".q"):
                name = key[:-2]
                out[name] = archive[key].astype(np.float32) * archive[f"{name}.scale"][:, None]
            elif not key.endswith(".scale") and key not in ("config", "vocab", "calibration"):
                out[key] = archive[key].astype(np.float32)
        return out


def load_into_torch(model: Any, path: Path) -> None:
    """Overwrite a PairModel's weights with the archive's (dequantized) ones."""
    import torch

    flat = dequantized(path)
    state = {f"encoder.embeddings.{theirs}": flat[ours] for ours, theirs in _EMBEDDINGS}
    for i in range(model.encoder.config.num_hidden_layers):
        for ours, theirs in _LAYER_PARTS:
            for kind in ("weight", "bias"):
                state[f"encoder.encoder.layer.{i}.{theirs}.{kind}"] = flat[f"L{i}.{ours}.{kind}"]
    state["head.weight"] = flat["head.weight"]
    state["head.bias"] = flat["head.bias"]
    tensors = {k: torch.from_numpy(v) for k, v in state.items()}
    missing = set(model.state_dict()) - set(tensors)
    extra = {k for k in missing if not k.endswith("position_ids")}
    if extra:
        raise KeyError(f"archive lacks {sorted(extra)[:3]}")
    model.load_state_dict(tensors, strict=False)
