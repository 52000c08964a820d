"""Unexpected errors: a dialog with the details and a log file, never a silent exit.

Why: a desktop user has no terminal to read a traceback in. Every uncaught
exception — in a slot or event handler on the GUI thread (``sys.excepthook``,
which PySide6 calls for them), in a Python thread (``threading.excepthook``)
or in a worker task (``report_error``, called by the main window) — is written
to a log under the platformdirs user log folder (``NEWSDIFF_LOG_DIR`` or the
``log_directory`` argument overrides it) and shown in a ``CrashDialog`` naming
that file; the application keeps running.

A second error while the dialog is open (say, in a paint event under it) is
only logged: a dialog per repaint would never let the reader close it.

Public API: ``install_crash_handler``, ``report_error``, ``write_crash_log``,
``log_dir``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ...engine.store import storage
from ...engine.store.atomic import write_text_atomic

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_state: dict[str, Any] = {"log_dir": None, "showing": False, "relay": None}


def log_dir() -> Path:
    """Where crash logs go: the installed override, NEWSDIFF_LOG_DIR, or platformdirs."""
    if _state["log_dir"] is not None:
        return Path(_state["log_dir"])
    return storage.log_dir()


def _write_log(text: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = log_dir() / f"crash-{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}.log"
    write_text_atomic(path, text)
    return path


def write_crash_log(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> Path:
    return _write_log("".join(traceback.format_exception(kind, error, tb)))


def report_error(
    message: str, trace: str, parent: QWidget | None = None, *, block: bool = True
) -> Path | None:
    """Log ``trace`` and show the crash dialog (GUI thread only). Returns the log.

    ``block=False`` opens the dialog window-modal without a nested event loop
    (for errors reported from a slot that should return at once).
    """
    path: Path | None
    try:
        path = _write_log(f"{message}\n\n{trace}")
        where = f"Details were saved to {path}."
    except OSError as exc:
        path = None
        where = f"The details could not be saved ({exc.strerror})."
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None or _state["showing"]:
        print(f"newsdiff: internal error: {message}. {where}", file=sys.stderr)
        return path
    from .crash_dialog import CrashDialog

    dialog = CrashDialog(message, trace, where, parent)
    if not block:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return path
    _state["showing"] = True
    try:
        dialog.exec()
    finally:
        _state["showing"] = False
    return path


def _show(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    trace = "".join(traceback.format_exception(kind, error, tb))
    print(trace, file=sys.stderr, end="")
    report_error(str(error) or kind.__name__, trace)


class _Relay(QObject):
    """Carries another thread's exception to the GUI thread, where dialogs live."""

    error = Signal(object, object, object)

    @Slot(object, object, object)
    def show(self, kind: Any, error: Any, tb: Any) -> None:
        _show(kind, error, tb)


def install_crash_handler(log_directory: str | os.PathLike[str] | None = None) -> None:
    """Route uncaught exceptions of every thread to the dialog and the log.

    Call on the GUI thread after the QApplication exists: errors in other
    threads are relayed to it through a queued signal.
    """
    if log_directory is not None:
        _state["log_dir"] = log_directory
    relay = _Relay()
    relay.error.connect(relay.show)  # receiver on the GUI thread: queued from others
    _state["relay"] = relay  # lives as long as the handler
    sys.excepthook = _show

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        relay.error.emit(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
