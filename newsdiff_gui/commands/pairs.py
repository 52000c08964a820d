"""``newsdiff pairs FILE.tsv``: the same-content decision for sentence pairs.

Input lines are ``id<TAB>text_a<TAB>text_b``; output lines are
``id<TAB>score<TAB>linked<TAB>similarity``, one per input line and in order:
``score`` is the calibrated probability that the two passages state the same
fact, ``linked`` is 1 when it reaches the threshold (0.5), and
``similarity`` the graded 0-5 estimate (STS scale). Scored by the pair model
(``engine.pairmodel``: a MiniLM cross-encoder fine-tuned on news paraphrase
pairs, run in numpy), which reads both passages at once and so tells a
restatement from a different fact about the same people. ``--method
lexical`` gives the aligner's term-and-vector similarity instead (fast, no
model). ``-`` reads stdin.

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
        help="link when the score reaches this (default 0.5; lexical: "
        f"{calibrate(LINK_THRESHOLD)})",
    )
    parser.add_argument(
        "--method",
        choices=("model", "lexical"),
        default="model",
        help="model: the learned pair model (default); lexical: term and vector overlap",
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


def _lexical_scores(pairs: list[tuple[str, str]]) -> list[float]:
    """The aligner's calibrated similarity, term weights from every passage given."""
    features = {}
    for pair in pairs:
        for text in pair:
            if text not in features:
                features[text] = sentence_features(text)
    weights = TermWeights(features.values())
    table = VectorTable.load()
    weighted = {text: weights.weigh(f) for text, f in features.items()}
    return [calibrate(passage_similarity(weighted[a], weighted[b], table)) for a, b in pairs]


def run(args: argparse.Namespace) -> int:
    try:
        lines = _read(args.tsv)
    except CommandError as error:
        return fail(error)
    rows = [line.split("\t") for line in lines]
    wanted = [
        number
        for number, fields in enumerate(rows, start=1)
        if len(fields) >= 3
        and not (number == 1 and tuple(f.strip().lower() for f in fields[:3]) == _HEADER)
    ]
    pairs = [(rows[n - 1][1], rows[n - 1][2]) for n in wanted]
    similarity: list[float | None]
    if args.method == "lexical":
        scores = _lexical_scores(pairs)
        similarity = [None] * len(pairs)
        threshold = calibrate(LINK_THRESHOLD) if args.threshold is None else args.threshold
    else:
        from ..engine.pairmodel.scorer import PairScorer

        predicted = PairScorer.load().predict(pairs) if pairs else None
        scores = [float(x) for x in predicted.same_fact] if predicted is not None else []
        similarity = [float(x) for x in predicted.similarity] if predicted is not None else []
        threshold = 0.5 if args.threshold is None else args.threshold
    found = {n: i for i, n in enumerate(wanted)}
    out = []
    for number, fields in enumerate(rows, start=1):
        if not fields or fields == [""]:
            out.append("")
        elif number in found:
            i = found[number]
            graded = "" if similarity[i] is None else f"\t{similarity[i]:.2f}"
            out.append(f"{fields[0]}\t{scores[i]:.3f}\t{int(scores[i] >= threshold)}{graded}")
        elif number == 1 and tuple(f.strip().lower() for f in fields[:3]) == _HEADER:
            header = "id\tscore\tlinked" + ("" if args.method == "lexical" else "\tsimilarity")
            out.append(header)
        else:
            print(
                f"newsdiff: {args.tsv}:{number}: expected id<TAB>text_a<TAB>text_b", file=sys.stderr
            )
            out.append(f"{fields[0]}\t0.000\t0")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    return 0
