"""``newsdiff pairs FILE.tsv``: the same-content decision for sentence pairs.

Input lines are ``id<TAB>text_a<TAB>text_b``; output lines are
``id<TAB>score<TAB>linked``, one per input line and in order, where ``score``
is the calibrated similarity in [0, 1] and ``linked`` is 1 when the aligner
would link the two passages as the same content on their own (no order or
neighbour evidence), else 0. Term weights come from all passages in the file,
as the aligner takes them from all sentences of a set. ``-`` reads stdin.

A header line ``id<TAB>text_a<TAB>text_b`` is answered with a header; a line
without two texts gets score 0 and a warning on stderr.
"""

from __future__ import annotations

import argparse
import sys

from ..engine.align.features import sentence_features
from ..engine.align.similarity import LINK_THRESHOLD, TermWeights, calibrate, passage_similarity
from ..engine.align.vectors import VectorTable
from .common import CommandError, fail

_HEADER = ("id", "text_a", "text_b")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "tsv", metavar="FILE.tsv", help="lines: id<TAB>text_a<TAB>text_b ('-' = stdin)"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help=f"link when the calibrated score reaches this (default {calibrate(LINK_THRESHOLD)})",
    )


def _read(path: str) -> list[str]:
    try:
        if path == "-":
            return sys.stdin.read().splitlines()
        with open(path, encoding="utf-8-sig") as stream:
            return stream.read().splitlines()
    except FileNotFoundError:
        raise CommandError(f"newsdiff: {path}: no such file") from None
    except UnicodeDecodeError:
        raise CommandError(f"newsdiff: {path}: not UTF-8 text") from None
    except OSError as exc:
        raise CommandError(f"newsdiff: {path}: {exc.strerror or 'cannot be read'}") from None


def run(args: argparse.Namespace) -> int:
    try:
        lines = _read(args.tsv)
    except CommandError as error:
        return fail(error)
    rows = [line.split("\t") for line in lines]
    features = {}
    for fields in rows:
        for text in fields[1:3]:
            if text not in features:
                features[text] = sentence_features(text)
    weights = TermWeights(features.values())
    table = VectorTable.load()
    weighted = {text: weights.weigh(f) for text, f in features.items()}
    threshold = calibrate(LINK_THRESHOLD) if args.threshold is None else args.threshold
    out = []
    for number, fields in enumerate(rows, start=1):
        if not fields or fields == [""]:
            out.append("")
            continue
        if number == 1 and tuple(f.strip().lower() for f in fields[:3]) == _HEADER:
            out.append("id\tscore\tlinked")
            continue
        if len(fields) < 3:
            print(
                f"newsdiff: {args.tsv}:{number}: expected id<TAB>text_a<TAB>text_b", file=sys.stderr
            )
            out.append(f"{fields[0]}\t0.000\t0")
            continue
        score = calibrate(passage_similarity(weighted[fields[1]], weighted[fields[2]], table))
        out.append(f"{fields[0]}\t{score:.3f}\t{int(score >= threshold)}")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    return 0
