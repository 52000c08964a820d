"""Switching the pair view on a 100-version set, in both reading orders (run by hand).

Opens 100 synthetic versions of ~1,000 words in the main window (real
background runner, offscreen), waits until the pair view is filled, then
times 20 switches of the right-hand version — from the request until the
new rows are shown — first in the left version's order, then in the right
version's order with site chrome shown. Target (issue 8, kept by issue 17):
median within 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_pair_switch
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from newsdiff_gui.engine.compare.reading import Order
from newsdiff_gui.engine.store.storage import use_private_user_dirs
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.base.view_options import ViewOptions
from tests.support.synthetic import synthetic_set

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: QApplication, window: MainWindow) -> None:
    """Let the work a switch sets off (the pair's changes, profiles) finish, as
    while a reader reads: a switch is timed alone, not queued behind the last."""
    while window.runner.busy:
        app.processEvents()
        time.sleep(0.002)
    # The synopsis measures its 100 columns' rows in slices on the GUI thread
    # for a while after opening; a reader switching pairs later finds it done.
    window.synopsis.view.table.finish_measuring()
    app.processEvents()


def _switches(
    app: QApplication, window: MainWindow, rights: range
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Seconds from the request to the rows shown (``filled``), and to their first
    paint; and the CPU seconds spent until then by the process (all threads: the
    runner's and the GUI's) and by the GUI thread alone, which other programs on
    a busy machine inflate far less than wall time."""
    view = window.pair_view
    filled = {"ok": False}
    view.filled.connect(lambda: filled.__setitem__("ok", True))
    shown, painted, cpu, gui = [], [], [], []
    for right in rights:
        _settle(app, window)
        filled["ok"] = False
        start, start_cpu, start_gui = time.perf_counter(), time.process_time(), time.thread_time()
        view.set_pair(0, right)
        while not filled["ok"]:
            app.processEvents()
        shown.append(time.perf_counter() - start)
        view.list_view.viewport().repaint()  # lays out and paints the rows on screen
        painted.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        gui.append(time.thread_time() - start_gui)
    return shown, painted, cpu, gui


def main() -> None:
    use_private_user_dirs("newsdiff-bench-")  # no cache hit of an earlier run, no Recent entry
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="newsdiff-bench-"))
    for version in synthetic_set(100, words=1000, seed=3, spin=0.2, shuffle_paragraphs=True):
        (folder / version.name).write_text(version.text, encoding="utf-8")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    start = time.perf_counter()
    window.open_paths([str(folder)])
    while window.pair_view.model.rowCount() == 0 and time.perf_counter() - start < 600:
        app.processEvents()
        time.sleep(0.001)
    print(f"100 versions aligned and shown after {time.perf_counter() - start:.1f} s")
    for label, order, options, rights in (
        ("left order", Order.LEFT, ViewOptions(), range(2, 22)),
        ("right order, site chrome shown", Order.RIGHT, ViewOptions(show_chrome=True),
         range(22, 42)),
    ):  # fmt: skip
        window.pair_view.set_order(order)
        window.context.set_options(options)
        shown, painted, cpu, gui = _switches(app, window, rights)
        rows = window.pair_view.model.rowCount()
        print(
            f"pair switch, {label} ({rows} rows): rows shown median "
            f"{statistics.median(shown) * 1000:.0f} ms (max {max(shown) * 1000:.0f}), "
            f"first paint median {statistics.median(painted) * 1000:.0f} ms "
            f"(max {max(painted) * 1000:.0f}), CPU median {statistics.median(cpu) * 1000:.0f} ms "
            f"(GUI thread {statistics.median(gui) * 1000:.0f} ms); "
            "target: median 50 ms"
        )
    window.close()


if __name__ == "__main__":
    main()
