"""Run engine work off the UI thread and deliver only the newest answer.

Pattern (git-cola's ``Channel``/``Task``/``RunTask``): a ``QRunnable`` cannot
own signals, so each task reports through a small ``QObject`` channel that
lives on the GUI thread; signals emitted from the pool thread arrive there
queued. The runner keeps a reference to every running task
(``setAutoDelete(False)``) so Python does not collect it mid-run.

Each request is stamped per *topic* ("align", "pair" …). A newer request on
the same topic cancels the older one (its ``should_cancel`` starts returning
True, which ``engine.align.align`` polls) and an older answer that still
arrives is dropped, so a quick series of selections shows the last one only.

``inline=True`` runs tasks synchronously in ``submit`` — for tests, which then
need no waiting, and for tiny jobs.

Progress: ``submit(..., with_progress=True)`` calls ``work(should_cancel,
report)``; ``report(label, done, total)`` becomes the runner's ``progress``
signal, at most every ``PROGRESS_INTERVAL`` seconds so a fast loop cannot
flood the GUI thread's event queue, and raises ``CancelledError`` once the task
is cancelled (so engine steps without a cancel probe, like loading, stop too).

Failures keep their traceback (``traceback_of(topic)``) so the window can show
and log it: an exception in a worker is a bug to report, never a silent stop.

Public API: ``TaskRunner``, ``Work``, ``Report``, ``ShouldCancel``.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...engine.align.aligner import CancelledError

GIL_SWITCH_INTERVAL = 0.0001  # seconds; see TaskRunner.__init__
PROGRESS_INTERVAL = 0.05  # seconds between progress signals of one task

# A unit of work: receives a cancel probe (and, if asked, a progress reporter).
Work = Callable[..., Any]
# should_cancel(): True once the work's answer is no longer wanted.
ShouldCancel = Callable[[], bool]
# report(label, done, total): "Aligning", 30, 100.
Report = Callable[[str, int, int], None]


class _Channel(QObject):
    """Signals a task emits from the pool thread (queued to the GUI thread)."""

    done = Signal(str, int, object)
    failed = Signal(str, int, str, str)  # topic, stamp, message, traceback
    cancelled = Signal(str, int)
    progress = Signal(str, int, str, int, int)  # topic, stamp, label, done, total


class _Task(QRunnable):
    def __init__(
        self, topic: str, stamp: int, work: Work, channel: _Channel, with_progress: bool
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner owns the Python object
        self.topic = topic
        self.stamp = stamp
        self.work = work
        self.channel = channel
        self.with_progress = with_progress
        self.cancel_event = threading.Event()
        self._last_report = 0.0

    def report(self, label: str, done: int, total: int) -> None:
        """Forward progress (throttled; the last step always goes through)."""
        if self.cancel_event.is_set():
            raise CancelledError
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_INTERVAL:
            self._last_report = now
            self.channel.progress.emit(self.topic, self.stamp, label, done, total)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.work(self.cancel_event.is_set, self.report)
            else:
                result = self.work(self.cancel_event.is_set)
        except CancelledError:
            self.channel.cancelled.emit(self.topic, self.stamp)
        except Exception as error:  # shown to the user, never swallowed
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            self.channel.failed.emit(self.topic, self.stamp, detail, traceback.format_exc())
        else:
            self.channel.done.emit(self.topic, self.stamp, result)


class TaskRunner(QObject):
    """Submits work per topic; emits ``finished``/``failed`` for the newest stamp only."""

    finished = Signal(str, object)  # topic, result
    failed = Signal(str, str)  # topic, message (traceback_of(topic) has the rest)
    cancelled = Signal(str)  # topic: the newest request on it was cancelled
    progress = Signal(str, str, int, int)  # topic, label, done, total
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        # The GUI thread makes many short calls into Qt, each releasing the GIL;
        # with CPython's default 5 ms switch interval a CPU-bound worker makes it
        # wait up to 5 ms to get the GIL back every time, and painting a view
        # stalled for 200-300 ms while 100 versions were profiled. At 0.5 ms the
        # longest stall measured 61-106 ms (tests/benchmarks/bench_ui_latency.py);
        # at 0.1 ms 42-69 ms, with the same alignment time (1.5-1.6 s for 100).
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        self.inline = inline
        # Two pools: what the reader waits for (open, the pair on screen, its
        # changes) and what fills other tabs (profiles, coverage, synopsis).
        # With one shared pool, a new pair queued behind two seconds of
        # profiling for 100 versions; background work now keeps to one thread
        # so a thread is always free for the reader's request.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._background = QThreadPool(self)
        self._background.setMaxThreadCount(1)
        self._channel = _Channel(self)
        self._channel.done.connect(self._on_done)
        self._channel.failed.connect(self._on_failed)
        self._channel.cancelled.connect(self._on_cancelled)
        self._channel.progress.connect(self._on_progress)
        self._stamps: dict[str, int] = {}
        self._tracebacks: dict[str, str] = {}
        self._running: dict[tuple[str, int], _Task] = {}
        self._counter = 0

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(
        self, topic: str, work: Work, *, with_progress: bool = False, background: bool = False
    ) -> int:
        """Start ``work``; any older request on ``topic`` is cancelled. Returns the stamp.

        With ``with_progress`` the work also receives a ``Report`` callable.
        ``background`` work (nobody is waiting on it) runs one task at a time
        on its own thread, never ahead of the reader's requests.
        """
        self._counter += 1
        stamp = self._counter
        self._stamps[topic] = stamp
        for (running_topic, _), task in self._running.items():
            if running_topic == topic:
                task.cancel_event.set()
        task = _Task(topic, stamp, work, self._channel, with_progress)
        was_busy = self.busy
        self._running[(topic, stamp)] = task
        if not was_busy:
            self.busy_changed.emit(True)
        if self.inline:
            task.run()  # the channel's signals are direct here: same thread
        else:
            (self._background if background else self._pool).start(task)
        return stamp

    def cancel_all(self) -> None:
        for task in self._running.values():
            task.cancel_event.set()

    def traceback_of(self, topic: str) -> str:
        """The traceback of the last failure on ``topic`` ("" if none)."""
        return self._tracebacks.get(topic, "")

    def wait(self, msecs: int = 5000) -> bool:
        """Block until both pools are idle (closing the window, tests)."""
        started = time.monotonic()
        done = self._pool.waitForDone(msecs)
        left = max(0, msecs - int((time.monotonic() - started) * 1000))
        return self._background.waitForDone(left) and done

    def _finish(self, topic: str, stamp: int) -> bool:
        """Forget a task; True when its answer is still the one wanted."""
        self._running.pop((topic, stamp), None)
        if not self._running:
            self.busy_changed.emit(False)
        return self._stamps.get(topic) == stamp

    def _on_done(self, topic: str, stamp: int, result: object) -> None:
        if self._finish(topic, stamp):
            self.finished.emit(topic, result)

    def _on_failed(self, topic: str, stamp: int, message: str, trace: str) -> None:
        if self._finish(topic, stamp):
            self._tracebacks[topic] = trace
            self.failed.emit(topic, message)

    def _on_cancelled(self, topic: str, stamp: int) -> None:
        if self._finish(topic, stamp):  # not when a newer request replaced it
            self.cancelled.emit(topic)

    def _on_progress(self, topic: str, stamp: int, label: str, done: int, total: int) -> None:
        if self._stamps.get(topic) == stamp and (topic, stamp) in self._running:
            self.progress.emit(topic, label, done, total)
