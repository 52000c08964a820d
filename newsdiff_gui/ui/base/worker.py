"""Run engine work off the UI thread and hand each answer, typed, to whoever asked.

Pattern (git-cola's ``Channel``/``Task``/``RunTask.start(task, result=…)``): a
``QRunnable`` cannot own signals, so each task reports through a small
``QObject`` channel that lives on the GUI thread; signals emitted from the
pool thread arrive there queued. The runner keeps a reference to every running
task (``setAutoDelete(False)``) so Python does not collect it mid-run, and
calls the submitter's callbacks on the GUI thread:

    ticket = runner.submit(
        lambda should_cancel: pair_rows(alignment, left, right),
        on_done=self._show_rows,  # receives the work's own return value
        topic="pair",
    )

One stale-answer rule, owned here: a newer ``submit`` on the same *topic*
cancels the older work (its ``should_cancel`` starts returning True, which the
engine polls) and drops any answer the older one still gives, so a quick series
of selections shows the last one only. ``ticket.cancel()`` does the same for one
request (the view it was for went away). Callers never compare stamps.
Work without a topic is never replaced.

``inline=True`` runs tasks synchronously in ``submit`` — for tests, which then
need no waiting, and for tiny jobs.

Progress: with ``on_progress=`` the work is called as ``work(should_cancel,
report)``; ``report(label, done, total)`` reaches ``on_progress`` at most every
``PROGRESS_INTERVAL`` seconds so a fast loop cannot flood the GUI thread's event
queue, and raises ``CancelledError`` once the task is cancelled (so engine
steps without a cancel probe, like loading, stop too).

Failures keep their traceback (``TaskFailure``): the runner's ``failed`` signal
carries every failure whose answer is still wanted, so the window can show and
log it (an exception in a worker is a bug to report, never a silent stop);
``on_failed`` lets the submitter tidy up as well.

Public API: ``TaskRunner``, ``Ticket``, ``TaskFailure``, ``Report``, ``ShouldCancel``.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...engine.model import CancelledError

GIL_SWITCH_INTERVAL = 0.0001  # seconds; see TaskRunner.__init__
PROGRESS_INTERVAL = 0.05  # seconds between progress signals of one task

T = TypeVar("T")
# should_cancel(): True once the work's answer is no longer wanted.
ShouldCancel = Callable[[], bool]
# report(label, done, total): "Aligning", 30, 100.
Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TaskFailure:
    """Work that raised: what it was (its topic), the one-line error, the traceback."""

    topic: str | None
    message: str
    traceback: str


class _Channel(QObject):
    """Signals a task emits from the pool thread (queued to the GUI thread), by stamp."""

    done = Signal(int, object)
    failed = Signal(int, str, str)  # stamp, message, traceback
    cancelled = Signal(int)
    progress = Signal(int, str, int, int)  # stamp, label, done, total


class _Task(QRunnable):
    def __init__(
        self,
        stamp: int,
        work: Callable[[ShouldCancel, Report], object],
        channel: _Channel,
        reports: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner owns the Python object
        self.stamp = stamp
        self.work = work
        self.channel = channel
        self.reports = reports
        self.cancel_event = threading.Event()
        self._last_report = 0.0

    def report(self, label: str, done: int, total: int) -> None:
        """Forward progress (throttled; the last step always goes through)."""
        if self.cancel_event.is_set():
            raise CancelledError
        now = time.monotonic()
        if self.reports and (done >= total or now - self._last_report >= PROGRESS_INTERVAL):
            self._last_report = now
            self.channel.progress.emit(self.stamp, label, done, total)

    def run(self) -> None:
        try:
            result = self.work(self.cancel_event.is_set, self.report)
        except CancelledError:
            self.channel.cancelled.emit(self.stamp)
        except Exception as error:  # shown to the user, never swallowed
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            self.channel.failed.emit(self.stamp, detail, traceback.format_exc())
        else:
            self.channel.done.emit(self.stamp, result)


@dataclass
class _Request:
    """One submit: its task, topic and the submitter's callbacks (GUI thread only)."""

    task: _Task
    topic: str | None
    on_done: Callable[[object], object] | None
    on_failed: Callable[[TaskFailure], object] | None
    on_cancelled: Callable[[], object] | None
    on_progress: Callable[[str, int, int], object] | None
    dropped: bool = False  # cancelled by its ticket or replaced: no answer wanted


class Ticket:
    """A handle on one submitted piece of work."""

    def __init__(self, runner: TaskRunner, stamp: int, topic: str | None) -> None:
        self._runner = runner
        self.stamp = stamp
        self.topic = topic

    def cancel(self) -> None:
        """Stop the work (its ``should_cancel`` turns True) and drop whatever
        answer it still gives: none of its callbacks runs after this."""
        self._runner._drop(self.stamp)

    @property
    def running(self) -> bool:
        """True until the work has answered, failed, stopped or been dropped."""
        return self._runner._is_running(self.stamp)


class TaskRunner(QObject):
    """Runs work on a thread pool; delivers each wanted answer to its submitter."""

    failed = Signal(object)  # TaskFailure, for every failure whose answer was wanted
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
        self._newest: dict[str, int] = {}  # topic -> stamp of its newest request
        self._running: dict[int, _Request] = {}
        self._counter = 0

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @overload
    def submit(
        self,
        work: Callable[[ShouldCancel], T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_failed: Callable[[TaskFailure], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        topic: str | None = None,
        background: bool = False,
    ) -> Ticket: ...

    @overload
    def submit(
        self,
        work: Callable[[ShouldCancel, Report], T],
        *,
        on_progress: Callable[[str, int, int], object],
        on_done: Callable[[T], object] | None = None,
        on_failed: Callable[[TaskFailure], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        topic: str | None = None,
        background: bool = False,
    ) -> Ticket: ...

    def submit(
        self,
        work: Callable[..., T],
        *,
        on_progress: Callable[[str, int, int], object] | None = None,
        on_done: Callable[[T], object] | None = None,
        on_failed: Callable[[TaskFailure], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        topic: str | None = None,
        background: bool = False,
    ) -> Ticket:
        """Start ``work``; ``on_done`` receives its return value on the GUI thread.

        ``topic``: a newer submit on the same topic cancels this one and drops
        its answer. ``on_progress``: the work also receives a ``Report``.
        ``on_cancelled``: the work stopped on a cancel (``cancel_all``, the
        Cancel button) while its answer was still wanted. ``background`` work
        (nobody is waiting on it) runs one task at a time on its own thread,
        never ahead of the reader's requests.
        """
        self._counter += 1
        stamp = self._counter
        if topic is not None:
            older = self._newest.get(topic)
            if older is not None:
                self._drop(older)
            self._newest[topic] = stamp

        def run(should_cancel: ShouldCancel, report: Report) -> object:
            if on_progress is not None:
                return work(should_cancel, report)
            return work(should_cancel)

        done = cast("Callable[[object], object] | None", on_done)
        task = _Task(stamp, run, self._channel, reports=on_progress is not None)
        request = _Request(task, topic, done, on_failed, on_cancelled, on_progress)
        was_busy = self.busy
        self._running[stamp] = request
        if not was_busy:
            self.busy_changed.emit(True)
        ticket = Ticket(self, stamp, topic)
        if self.inline:
            task.run()  # the channel's signals are direct here: same thread
        else:
            (self._background if background else self._pool).start(task)
        return ticket

    def cancel_all(self) -> None:
        """Ask every running work to stop; each still wanted hears ``on_cancelled``."""
        for request in self._running.values():
            request.task.cancel_event.set()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until both pools are idle (closing the window, tests)."""
        started = time.monotonic()
        done = self._pool.waitForDone(msecs)
        left = max(0, msecs - int((time.monotonic() - started) * 1000))
        return self._background.waitForDone(left) and done

    # -- the stale-answer rule -----------------------------------------------------
    def _drop(self, stamp: int) -> None:
        """Cancel request ``stamp``; nothing it answers is delivered any more."""
        request = self._running.get(stamp)
        if request is not None:
            request.dropped = True
            request.task.cancel_event.set()

    def _is_running(self, stamp: int) -> bool:
        request = self._running.get(stamp)
        return request is not None and not request.dropped

    def _finish(self, stamp: int) -> _Request | None:
        """Forget a request; return it when its answer is still wanted."""
        request = self._running.pop(stamp, None)
        if not self._running:
            self.busy_changed.emit(False)
        if request is None or request.dropped:
            return None
        if request.topic is not None and self._newest.get(request.topic) == stamp:
            del self._newest[request.topic]
        return request

    def _on_done(self, stamp: int, result: Any) -> None:
        request = self._finish(stamp)
        if request is not None and request.on_done is not None:
            request.on_done(result)

    def _on_failed(self, stamp: int, message: str, trace: str) -> None:
        request = self._finish(stamp)
        if request is None:
            return
        failure = TaskFailure(request.topic, message, trace)
        if request.on_failed is not None:
            request.on_failed(failure)
        self.failed.emit(failure)

    def _on_cancelled(self, stamp: int) -> None:
        request = self._finish(stamp)
        if request is not None and request.on_cancelled is not None:
            request.on_cancelled()

    def _on_progress(self, stamp: int, label: str, done: int, total: int) -> None:
        request = self._running.get(stamp)
        if request is not None and not request.dropped and request.on_progress is not None:
            request.on_progress(label, done, total)
