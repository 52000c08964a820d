"""``newsdiff eval GOLD.json FILES...``: score the alignment against a gold file.

Prints pair precision/recall/F1 overall and per version pair, and P/R/F1 of
added/omitted-content detection. ``--json`` for machine-readable output.
The aligner's own alignment is scored (through the cache, never with the
reader's manual corrections: they would score the reader, not the aligner).
"""

from __future__ import annotations

import argparse
import json
import os

from ..engine.align.evaluate import PRF, GoldError, GoldStandard, evaluate
from .common import CommandError, fail, open_inputs, write_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="GOLD.json", help="gold alignment (newsdiff-gold/1)")
    parser.add_argument("files", nargs="+", metavar="FILES|FOLDER")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-o", "--output", metavar="OUT")


def _row(label: str, prf: PRF) -> str:
    return (
        f"{label:<32} P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f}"
        f"  (tp {prf.tp}, predicted {prf.predicted}, gold {prf.gold})"
    )


def _as_dict(prf: PRF) -> dict[str, float | int]:
    return {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "tp": prf.tp,
        "predicted": prf.predicted,
        "gold": prf.gold,
    }


def run(args: argparse.Namespace) -> int:
    try:
        gold = GoldStandard.read(args.gold)
        opened = open_inputs(args.files, corrected=False)
    except GoldError as error:
        return fail(CommandError(f"newsdiff: {error}"))
    except CommandError as error:
        return fail(error)
    scores = evaluate(gold, opened.alignment)
    if scores.unmapped_files and len(scores.unmapped_files) == len(gold.files):
        return fail(CommandError("newsdiff: none of the files is named in the gold file"))
    if args.json:
        result = {
            "pairs": _as_dict(scores.pairs),
            "unmatched": _as_dict(scores.unmatched),
            "per_document_pair": [
                {"a": a, "b": b, **_as_dict(prf)} for (a, b), prf in scores.per_pair.items()
            ],
            "missing_files": scores.unmapped_files,
        }
        write_output(json.dumps(result, indent=1) + "\n", args.output)
        return 0
    lines = [_row("pairs (overall)", scores.pairs), "per version pair:"]
    for (a, b), prf in scores.per_pair.items():
        if prf.gold or prf.predicted:
            short = f"  {os.path.splitext(a)[0][:14]} ~ {os.path.splitext(b)[0][:14]}"
            lines.append(_row(short, prf))
    lines.append(_row("added/omitted detection", scores.unmatched))
    for name in scores.unmapped_files:
        lines.append(f"warning: gold file {name} was not given")
    write_output("\n".join(lines) + "\n", args.output)
    return 0
