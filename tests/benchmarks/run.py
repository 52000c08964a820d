"""newsdiff benchmarks, one table (run by hand: ``.venv/bin/python -m tests.benchmarks.run``).

Rows: cold start to a rendered window on the seeds (offscreen), align + changes
on the seeds, 10/50/100 synthetic versions of ~1,000 words, switching the pair
view, event-loop stalls while 100 versions align, peak RSS — and, where they
are installed, peers on the same inputs: difflib.SequenceMatcher word diffs of
every version pair, and CollateX (``pip install collatex levenshtein``) with a
time cap, as ratios to newsdiff.

Each measurement that needs a clean process (start-up, RSS, peers with a time
cap) runs in a subprocess. Not a pytest test: timings are for people.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PYTHON = sys.executable
# Children get private notes, settings and cache: they must not read the
# reader's own corrections nor add the benchmark's sets to Open Recent.
_SCRATCH = Path(tempfile.mkdtemp(prefix="newsdiff-bench-"))
CHILD_ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": str(ROOT),
    **{f"NEWSDIFF_{n}_DIR": str(_SCRATCH / n.lower()) for n in ("DATA", "CONFIG", "CACHE")},
}


def _child(code: str, timeout: float = 300) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object."""
    done = subprocess.run(
        [PYTHON, "-c", code], capture_output=True, text=True, timeout=timeout, env=CHILD_ENV
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


_SET_CODE = """
import json, resource, sys, time
from tests.support.synthetic import synthetic_set
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.paths import seed_files
count = {count}
if count:
    versions = synthetic_set(count, words=1000, seed=count, spin=0.2, shuffle_paragraphs=True)
    article_set = documents_from_texts([(v.name, v.text) for v in versions])
else:
    article_set = load_article_set(seed_files())
align(article_set)  # warm: vector table and caches
start = time.perf_counter()
alignment = align(article_set)
aligned = time.perf_counter() - start
changes = None
try:
    from newsdiff_gui.engine import changes as changes_module
    reader = getattr(changes_module, "compute_changes", None)
    reader = reader or getattr(changes_module, "read_changes")
    start = time.perf_counter()
    reader(alignment)
    changes = time.perf_counter() - start
except Exception:
    pass
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"align": aligned, "changes": changes, "rss": rss}}))
"""

_STARTUP_CODE = """
import json, subprocess, sys, time, tempfile, os
best = None
for _ in range(5):
    out = os.path.join(tempfile.mkdtemp(), "shot.png")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsdiff_gui", "--screenshot", out],
                          capture_output=True)
    took = time.perf_counter() - start
    if done.returncode != 0 or not os.path.exists(out):
        raise SystemExit(done.stderr.decode()[-300:])
    best = took if best is None else min(best, took)
print(json.dumps({"startup": best}))
"""

_COLLATEX_CODE = """
import json, sys, time
import collatex
from tests.support.synthetic import synthetic_set
from newsdiff_gui.paths import seed_files
count = {count}
if count:
    texts = [(v.name, v.text) for v in synthetic_set(count, words=1000, seed=count, spin=0.2,
                                                      shuffle_paragraphs=True)]
else:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in seed_files()]
collation = collatex.Collation()
for name, text in texts:
    collation.add_plain_witness(name, text)
start = time.perf_counter()
collatex.collate(collation, output="json")
print(json.dumps({{"collatex": time.perf_counter() - start}}))
"""


def _difflib_seconds(count: int) -> float:
    from newsdiff_gui.paths import seed_files
    from tests.support.synthetic import synthetic_set

    if count:
        versions = synthetic_set(count, words=1000, seed=count, spin=0.2, shuffle_paragraphs=True)
        texts = [v.text.split() for v in versions]
    else:
        texts = [p.read_text(encoding="utf-8").split() for p in seed_files()]
    start = time.perf_counter()
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            difflib.SequenceMatcher(None, texts[i], texts[j], autojunk=False).get_opcodes()
    return time.perf_counter() - start


def _pair_switch_ms() -> float | None:
    """Time to rebuild the pair rows for another pair of versions (engine side of a switch)."""
    from newsdiff_gui.engine.align.aligner import align
    from newsdiff_gui.engine.compare.pairing import pair_rows
    from newsdiff_gui.engine.load.articles import load_article_set
    from newsdiff_gui.paths import seed_files

    alignment = align(load_article_set(seed_files()))
    documents = alignment.documents
    pairs = [(a, b) for a in documents for b in documents if a is not b]
    start = time.perf_counter()
    for left, right in pairs:
        pair_rows(alignment, left, right)
    return (time.perf_counter() - start) / len(pairs) * 1000


def _fmt(seconds: float | None, unit: str = "s") -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if unit == "ms" else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collatex-cap", type=float, default=120, help="seconds per CollateX run")
    parser.add_argument("--sizes", default="10,50,100")
    args = parser.parse_args()
    tests = str(ROOT / "tests")
    rows: list[tuple[str, str, str]] = []

    try:
        startup = _child(_STARTUP_CODE, timeout=120)["startup"]
        rows.append(
            ("cold start to window (seeds, offscreen)", _fmt(startup, "ms"), "target 0.5 s")
        )
    except Exception as exc:  # the GUI may not be installed
        rows.append(("cold start to window (seeds, offscreen)", "-", f"not measured: {exc}"))

    seeds = _child(_SET_CODE.format(tests=tests, count=0))
    changes = seeds["changes"]
    rows.append(("align seeds (warm)", _fmt(seeds["align"], "ms"), "target 50 ms"))
    rows.append(("changes seeds (warm)", _fmt(changes, "ms") if changes else "-", "target 100 ms"))
    rows.append(("pair view switch, engine side", f"{_pair_switch_ms():.1f} ms", "target 50 ms"))

    sizes = [int(x) for x in args.sizes.split(",")]
    ours: dict[int, float] = {0: seeds["align"]}
    for count in sizes:
        result = _child(_SET_CODE.format(tests=tests, count=count), timeout=600)
        ours[count] = result["align"]
        rows.append(
            (
                f"align {count} versions x ~1000 words",
                _fmt(result["align"]),
                f"peak RSS {result['rss']:.0f} MB",
            )
        )

    for count in [0, *sizes]:
        label = "seeds" if count == 0 else f"{count} versions"
        seconds = _difflib_seconds(count)
        rows.append(
            (
                f"peer difflib word diff, all pairs, {label}",
                _fmt(seconds),
                f"{seconds / ours[count]:.1f}x newsdiff",
            )
        )
    try:
        import collatex  # noqa: F401

        for count in [0, *sizes]:
            label = "seeds" if count == 0 else f"{count} versions"
            try:
                seconds = _child(
                    _COLLATEX_CODE.format(tests=tests, count=count), timeout=args.collatex_cap
                )["collatex"]
                rows.append(
                    (
                        f"peer CollateX, {label}",
                        _fmt(seconds),
                        f"{seconds / ours[count]:.0f}x newsdiff",
                    )
                )
            except subprocess.TimeoutExpired:
                rows.append(
                    (
                        f"peer CollateX, {label}",
                        f"> {args.collatex_cap:.0f} s",
                        f"> {args.collatex_cap / ours[count]:.0f}x newsdiff (capped)",
                    )
                )
    except ImportError:
        rows.append(("peer CollateX", "-", "not installed (pip install collatex levenshtein)"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'value':>10}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
