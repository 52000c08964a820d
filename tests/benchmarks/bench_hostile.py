"""Heavy inputs at the limits (issue 19 item 5): one row per case and step.

Run by hand: ``.venv/bin/python -m tests.benchmarks.bench_hostile``. Each case
runs in a fresh interpreter on files written to a temporary folder; every
step reports wall seconds, CPU seconds and the process's peak resident memory
so far. The bar: every accepted input is loaded, aligned, diffed (the pair
view's rows), read (typed changes) and exported (HTML, TEI, JSON) in at most
10 s per step, or refused at load with a reason. Wall time depends on what
else the machine runs; CPU time does not, so both are shown.

Cases: two versions at the length limit (prose; and text without sentence
punctuation, a little and wholly changed), a set at the character limit in
300 versions, a 3,000-file folder (cut at the version limit), and a
1,000,000-character article (refused).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 10.0

_CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
from tests.support.synthetic import synthetic_set
from tests.support.hostile_files import unpunctuated_pair
from newsdiff_gui.engine.load.articles import MAX_TEXT_CHARS, load_article_set_lenient
from newsdiff_gui.engine.load.set_limits import MAX_SET_CHARS, MAX_VERSIONS
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.pairing import pair_rows
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.report import html_report, json_report, tei_report

case = {case!r}
folder = Path(tempfile.mkdtemp(prefix="newsdiff-heavy-"))
texts = []
if case == "prose at the length limit":
    texts = [v.text[:MAX_TEXT_CHARS] for v in synthetic_set(2, words=MAX_TEXT_CHARS // 5, seed=1, spin=0.2)]
elif case.startswith("unpunctuated"):
    change = 1.0 if "unrelated" in case else 0.3
    texts = list(unpunctuated_pair(MAX_TEXT_CHARS, seed=2, change=change))
elif case == "300 versions at the set limit":
    each = MAX_SET_CHARS // MAX_VERSIONS
    texts = [v.text[:each] for v in synthetic_set(MAX_VERSIONS, words=each // 5, seed=3, spin=0.2)]
elif case == "3,000-file folder":
    texts = [v.text for v in synthetic_set(3000, words=60, seed=4, spin=0.2)]
elif case == "1,000,000-character article":
    texts = [v.text[:1_000_000] for v in synthetic_set(2, words=200_000, seed=6)]
for number, text in enumerate(texts):
    (folder / f"{{number:05d}}.txt").write_text(text, "utf-8")

rows = []
def step(name, work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    rows.append({{"step": name, "wall": time.perf_counter() - wall,
                 "cpu": time.process_time() - cpu,
                 "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}})
    return result

report = step("load", lambda: load_article_set_lenient([folder]))
note = f"{{len(report.documents)}} loaded, {{len(report.skipped)}} refused"
if report.skipped:
    note += f" ({{report.skipped[0].reason[:70]}}…)"
if len(report.documents) >= 2:
    article_set = report.article_set
    alignment = step("align", lambda: align(article_set))
    step("diff", lambda: [pair_rows(alignment, a, b) for a, b in zip(article_set.documents, article_set.documents[1:3])])
    changes = step("changes", lambda: read_changes(alignment))
    step("export html", lambda: html_report(alignment, changes, None))
    step("export tei", lambda: tei_report(alignment))
    step("export json", lambda: json_report(alignment, changes))
print(json.dumps({{"rows": rows, "note": note}}))
"""

CASES = (
    "prose at the length limit",
    "unpunctuated at the length limit",
    "unpunctuated, unrelated, at the length limit",
    "300 versions at the set limit",
    "3,000-file folder",
    "1,000,000-character article",
)


def run_case(case: str) -> dict:
    code = _CHILD.format(case=case)
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as scratch:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            **{
                f"NEWSDIFF_{n}_DIR": str(Path(scratch) / n.lower())
                for n in ("DATA", "CONFIG", "CACHE")
            },
        }
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=900, env=env
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    print(
        f"{'case':<46} {'step':<12} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}  <= {LIMIT_S:.0f} s"
    )
    for case in CASES:
        result = run_case(case)
        for row in result["rows"]:
            verdict = "yes" if row["wall"] <= LIMIT_S else "NO"
            print(
                f"{case:<46} {row['step']:<12} {row['wall']:7.2f} {row['cpu']:6.2f} "
                f"{row['peak_mb']:8.0f}  {verdict}"
            )
        print(f"{'':<46} {result['note']}")


if __name__ == "__main__":
    main()
