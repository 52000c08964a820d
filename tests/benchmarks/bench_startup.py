"""Start-up time to a rendered window: installed package, PyInstaller bundle, source tree.

Run by hand (not a pytest test; timings are for people)::

    make package && dpkg -i dist/newsdiff_*.deb      # for the "installed" row
    .venv/bin/python -m tests.benchmarks.bench_startup

Each row runs ``newsdiff --screenshot PNG`` offscreen on the bundled example
set: process start → Qt up → seeds loaded and aligned on the worker thread →
pair view filled and painted → PNG written → exit. That is the whole wait a
user has before reading, so it is the number the ≤ 1.0 s budget is about.
Reported: the first run, and the best and median of the next runs. With
``--cold`` (root only) the OS page cache is dropped before every run, so each
one reads the program from disk like the first start after a reboot.
``--version`` (interpreter start only, no Qt) is shown for scale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET_S = 1.0


def _drop_caches() -> None:
    """Empty the page cache so the next start reads from disk (root only, Linux)."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def _time_once(command: list[str], cold: bool = False) -> float:
    if cold:
        _drop_caches()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def _measure(name: str, launcher: Path, runs: int, cold: bool) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        png = str(Path(tmp) / "shot.png")
        shot = [str(launcher), "--screenshot", png]
        times = [_time_once(shot, cold) for _ in range(runs + 1)]
        first, rest = times[0], times[1:]
        best, median = min(rest), statistics.median(rest)
        verdict = "ok" if best <= BUDGET_S else f"over the {BUDGET_S:.1f} s budget"
        label = "--screenshot cold" if cold else "--screenshot"
        rows.append(
            f"{name:<10} {label:<18} first {first:5.2f} s   best {best:5.2f} s   "
            f"median {median:5.2f} s   ({verdict})"
        )
        version = min(_time_once([str(launcher), "--version"]) for _ in range(runs))
        rows.append(f"{name:<10} {'--version':<18} best {version:5.2f} s")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs after the first")
    parser.add_argument("--installed", type=Path, default=Path("/usr/bin/newsdiff"))
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "newsdiff" / "newsdiff")
    parser.add_argument("--source", type=Path, default=ROOT / ".venv" / "bin" / "newsdiff")
    parser.add_argument("--cold", action="store_true", help="drop the page cache before runs")
    args = parser.parse_args()
    if args.cold and os.geteuid() != 0:
        parser.error("--cold needs root (it writes /proc/sys/vm/drop_caches)")

    candidates = [
        ("installed", args.installed, "install the .deb first (make package; dpkg -i …)"),
        ("bundle", args.bundle, "build it first (make bundle)"),
        ("source", args.source, "create the venv first (make test)"),
    ]
    print(f"newsdiff start-up, {args.runs} timed runs each, offscreen, example set")
    for name, launcher, how in candidates:
        if not (launcher.is_file() and os.access(launcher, os.X_OK)):
            print(f"{name:<10} skipped: {launcher} not found — {how}")
            continue
        if name == "installed" and shutil.which("dpkg-query"):
            version = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", "newsdiff"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            print(f"{name:<10} package version {version or 'unknown'}")
        for row in _measure(name, launcher, args.runs, args.cold):
            print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
