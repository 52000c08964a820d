"""Start the GUI: ``launch_gui(files, screenshot)``, called by ``newsdiff_gui.cli``.

Qt is imported inside the function, so ``newsdiff --help`` and the headless
commands never pay for it. With no files the bundled seeds open. Before Qt
is touched, ``platform_check`` makes sure Qt's X11 plugin can load and
otherwise names the packages to install (exit 1).

Start-up order (what the reader waits for, tests/benchmarks/bench_startup.py):
Qt, then at once a plain *start window* (the main window's title, size and
palette, saying what is being opened); when the set's alignment is in the
on-disk cache (a set opened before; the example set after the first start)
or the set is small enough to align at once (the example set at the first
start), the start window then draws versions A and B's first rows
(``first_rows``); then the main window — importing it brings in every panel
and the engine, about half a second here — takes the start window's place,
and only then the set is read and aligned (from the cache when it can) on the
worker thread.
``NEWSDIFF_STARTUP_TRACE=FILE`` appends ``event epoch-seconds`` lines
(``start-window``, ``first-rows``, ``main-window``, ``drawn``) for the benchmark.

The window opens inside the screen's available geometry (``geometry``).

Screenshot mode (``--screenshot PNG``) renders the window offscreen at
1400×900 (``NEWSDIFF_SCREENSHOT_SIZE=WxH`` for another size), waits until
alignment is done, the pair view is filled and the background work after
it (changes, profiles, coverage) is over, saves the PNG and exits 0. There,
skipped files are one line on stderr instead of a dialog, and fewer than two
readable versions exits 3 (the CLI's input-error code).
``NEWSDIFF_THEME=dark|light`` forces a palette (``ui.theme``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...engine.load.articles import InputError

EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 3
SCREENSHOT_SIZE = (1400, 900)
SCREENSHOT_TIMEOUT_MS = 60_000
EXAMPLE_HINT = (
    "Showing the example set — open your own articles with File → Open Files… "
    "or drop them on this window"
)


def _screenshot_size() -> tuple[int, int]:
    """``NEWSDIFF_SCREENSHOT_SIZE=1024x700``, or the default 1400×900."""
    width, _, height = os.environ.get("NEWSDIFF_SCREENSHOT_SIZE", "").partition("x")
    if width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0:
        return int(width), int(height)
    return SCREENSHOT_SIZE


def _print_skipped(skipped: Sequence[InputError], loaded: int) -> None:
    from ..sets.skipped_dialog import skipped_summary

    lines = skipped_summary(skipped).replace("\n", "; ")
    print(f"newsdiff: skipped {len(skipped)} file(s): {lines}", file=sys.stderr)


def _trace(event: str) -> None:
    """Note when ``event`` happened, for the start-up benchmark (env var set)."""
    path = os.environ.get("NEWSDIFF_STARTUP_TRACE")
    if path:
        import time

        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{event} {time.time():.4f}\n")


def _show_start_window(app: Any, count: int) -> Any:
    """A window on screen before the main window and the engine are imported.

    A reader who started newsdiff should see it answer at once; building the
    main window takes longer than that. Painted before returning.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    what = f"{count} files" if count > 1 else "the example set" if count == 0 else "1 file"
    start = QLabel(f"Opening {what}…")
    start.setWindowTitle("newsdiff")
    start.setAlignment(Qt.AlignmentFlag.AlignCenter)
    start.resize(*SCREENSHOT_SIZE)
    start.show()
    app.processEvents()
    _trace("start-window")
    return start


def _draw_first_rows(start: Any, paths: Sequence[str], app: Any) -> None:
    """Versions A and B's first rows in the start window, when the set's
    alignment is cached or the set is small (``first_rows``); otherwise the
    window stays as it is."""
    from PySide6.QtCore import Qt

    from ..base.theme import theme_for
    from .first_rows import first_rows_html, previewable, quick_opening

    if not previewable(paths):
        return
    opened = quick_opening(paths)
    if opened is None:
        return
    start.setTextFormat(Qt.TextFormat.RichText)
    start.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    start.setWordWrap(True)
    start.setContentsMargins(12, 8, 12, 8)
    start.setText(first_rows_html(opened, theme_for(app.palette()), start.text()))
    app.processEvents()
    _trace("first-rows")


def _take_place_of(window: Any, start: Any, app: Any) -> None:
    """Show ``window`` where the start window is, then close the start window."""
    window.setGeometry(start.geometry())
    window.show()
    app.processEvents()
    start.close()
    _trace("main-window")


def _trace_drawn(window: Any, app: Any) -> None:
    def drawn() -> None:
        app.processEvents()  # the filled rows' paint events
        _trace("drawn")

    window.view_filled.connect(drawn)


def launch_gui(files: list[str], screenshot: str | None = None) -> int:
    """Run the main window on ``files`` (or the seeds); return the exit code."""
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from .platform_check import platform_problem

    problem = platform_problem()  # before Qt: a missing X11 library aborts Qt with no word
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILURE

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ... import __version__
    from ..base.icon import APP_ID, app_icon
    from ..base.theme import apply_env_theme
    from .geometry import fit_to_screen, keep_on_screen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # a GUI application, never a bare QCoreApplication
    app.setApplicationName("newsdiff")
    app.setApplicationDisplayName("newsdiff")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop file (icon on Wayland)
    app.setWindowIcon(app_icon())
    apply_env_theme(app)
    start = None if screenshot else _show_start_window(app, len(files))

    from ...paths import seed_files
    from ..sets.recent import startup_paths

    # No files named: the last set if the reader asked for it (and it is still
    # there), else the bundled example. Screenshots always show the example.
    last = None if files or screenshot else startup_paths()
    paths: list[str] = list(files) or last or [str(path) for path in seed_files()]
    hint = None if files or last else EXAMPLE_HINT
    if start is not None:
        _draw_first_rows(start, paths, app)

    from .main_window import MainWindow

    if not screenshot:
        from .crash import install_crash_handler

        install_crash_handler()
        window = MainWindow()
        if start is not None:
            fit_to_screen(start)  # within the screen's available area, at any scale
            _take_place_of(window, start, app)
        else:
            fit_to_screen(window)
            window.show()
        QTimer.singleShot(200, lambda: keep_on_screen(window))  # the real frame is known
        _trace_drawn(window, app)
        window.open_paths(paths, hint=hint)
        return int(app.exec())

    window = MainWindow(skipped_reporter=_print_skipped)
    window.resize(*_screenshot_size())
    outcome = {"code": EXIT_FAILURE}

    def save() -> None:
        # Let the list lay out and paint the filled rows before grabbing.
        app.processEvents()
        window.pair_view.list_view.finish_measuring()
        window.pair_view.list_view.doItemsLayout()
        app.processEvents()
        ok = window.grab().save(screenshot, "PNG")
        if not ok:
            print(f"newsdiff: could not write {screenshot}", file=sys.stderr)
        outcome["code"] = EXIT_OK if ok else EXIT_FAILURE
        app.quit()

    def fail(message: str) -> None:
        print(f"newsdiff: {message}", file=sys.stderr)
        outcome["code"] = EXIT_INPUT if window.alignment is None else EXIT_FAILURE
        app.quit()

    def timeout() -> None:
        print("newsdiff: timed out waiting for the alignment", file=sys.stderr)
        app.quit()

    def save_when_idle() -> None:
        # The changes panel and gutter marks are read after the pair view
        # fills; wait for that (and every other task) so the picture is whole.
        if window.runner.busy:
            window.runner.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, save))
        else:
            QTimer.singleShot(0, save)

    window.view_filled.connect(lambda: QTimer.singleShot(0, save_when_idle))
    window.load_failed.connect(fail)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
    window.show()
    window.open_paths(paths, hint=hint)
    app.exec()
    window.runner.cancel_all()
    window.runner.wait(3000)
    return outcome["code"]
