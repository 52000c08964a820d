"""Synopsis view with 50 synthetic versions: build, fill, scroll and paint (run by hand).

Times the worker's part (synopsis order, every cell's word diff and pieces),
the GUI thread's part of showing it, the longest event-loop stall while row
heights are measured in slices, one scroll step plus a full repaint of the
viewport (vertical and sideways), resizing a column, hiding one and
changing the base. Target: no GUI-thread step over ~50 ms; scrolling within
a 16 ms frame.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_synopsis
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.compare.synopsis import synopsis
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.ui.synopsis.model import build_cells
from newsdiff_gui.ui.synopsis.view import SynopsisView
from tests.support.synthetic import synthetic_set

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]


VERSIONS = 50


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def longest_stall(app: QApplication, view: SynopsisView) -> float:
    """Longest gap between 5 ms timer ticks until every row height is measured."""
    clock = QElapsedTimer()
    clock.start()
    gaps = [0]
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    while view.table.measuring():
        app.processEvents()
    timer.stop()
    return max(gaps) / 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    versions = synthetic_set(VERSIONS, words=1000, seed=1, spin=0.3)
    alignment = align(documents_from_texts([(v.name, v.text) for v in versions]))
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        cells = build_cells(synopsis(alignment, 0))
        builds.append(time.perf_counter() - start)
    start = time.perf_counter()
    order = synopsis(alignment, 0)
    order_time = time.perf_counter() - start
    print(f"{VERSIONS} versions, {len(order.rows)} rows, {len(order.rows) * VERSIONS} cells")
    print(f"synopsis order alone: {_ms(order_time)}")
    print(f"worker: order + diffs + pieces, median of 3: {_ms(statistics.median(builds))}")

    view = SynopsisView()
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_cells(cells)
    print(f"GUI: set_cells (reset, estimates, first slice): {_ms(time.perf_counter() - start)}")
    print(f"GUI: longest stall while heights are measured: {_ms(longest_stall(app, view))}")

    viewport = view.table.viewport()
    for label, bar, step, count in (
        ("scroll down", view.table.verticalScrollBar(), 120, 80),
        ("scroll sideways", view.table.horizontalScrollBar(), 300, 30),
    ):
        times = []
        for _ in range(count):
            bar.setValue(bar.value() + step)
            start = time.perf_counter()
            viewport.repaint()
            times.append(time.perf_counter() - start)
        print(
            f"GUI: {label} + repaint: median {_ms(statistics.median(times))}, max {_ms(max(times))}"
        )
    start = time.perf_counter()
    view.table.setColumnWidth(3, 420)
    print(f"GUI: resize one column: {_ms(time.perf_counter() - start)}")
    start = time.perf_counter()
    view.set_column_shown(5, False)
    print(f"GUI: hide one column: {_ms(time.perf_counter() - start)}")
    other = build_cells(synopsis(alignment, 7))
    start = time.perf_counter()
    view.set_cells(other)
    print(f"GUI: show a new base: {_ms(time.perf_counter() - start)}")
    print(f"GUI: longest stall while heights are measured: {_ms(longest_stall(app, view))}")


if __name__ == "__main__":
    main()
