"""Unexpected errors: a dialog with the details and a log file, never a silent exit.

Why: a desktop user has no terminal to read a traceback in. Every uncaught
exception (main thread or worker thread) is written to a log under the
platformdirs user log folder (``NEWSDIFF_LOG_DIR`` overrides it) and shown
in a dialog naming that file; the application keeps running.

Public API: ``install_crash_handler``, ``write_crash_log``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType

from ..engine.atomic import write_text_atomic


def log_dir() -> Path:
    override = os.environ.get("NEWSDIFF_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("newsdiff"))


def write_crash_log(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> Path:
    text = "".join(traceback.format_exception(kind, error, tb))
    path = log_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    write_text_atomic(path, text)
    return path


def _show(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    try:
        path = write_crash_log(kind, error, tb)
        where = f"Details were saved to {path}."
    except OSError as exc:
        where = f"The details could not be saved ({exc.strerror})."
    if QApplication.instance() is None:
        print(f"newsdiff: internal error: {error}. {where}", file=sys.stderr)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "newsdiff — something went wrong",
        f"An unexpected error happened: {error}\n\n{where}\n"
        "newsdiff keeps running; your files were not changed.",
    )
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()


def install_crash_handler() -> None:
    """Route uncaught exceptions of every thread to the dialog and the log."""
    sys.excepthook = _show

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            write_crash_log(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
