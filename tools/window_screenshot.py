"""Render the main window as a person sees it on a real (virtual) screen:
placed by ``fit_to_screen``, the example set (or FILES) loaded, then the whole screen
grabbed, so a window larger than the screen shows as cut off.

Why not ``newsdiff --screenshot``: that renders the window alone, offscreen,
at a fixed size; this checks what the reader's screen shows at its size
and scale. Run under a virtual display, e.g. for 1024×700 at 150 %:

    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1024x700x24" \\
        .venv/bin/python -m tools.window_screenshot docs/screenshots/window-1024x700-150.png

It prints the screen's available geometry and the window's frame, and
exits 1 if the frame does not fit inside the available geometry.
``NEWSDIFF_THEME=dark`` works as in the app. User folders go to a
temporary directory.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tools.window_screenshot OUT.png [FILES|FOLDER…]", file=sys.stderr)
        return 2
    out, inputs = Path(argv[0]), argv[1:]
    scratch = tempfile.mkdtemp(prefix="newsdiff-window-")
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"NEWSDIFF_{name}_DIR"] = str(Path(scratch) / name.lower())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from newsdiff_gui.paths import seed_files
    from newsdiff_gui.ui.app.geometry import fit_to_screen, keep_on_screen
    from newsdiff_gui.ui.app.main_window import MainWindow
    from newsdiff_gui.ui.base.theme import apply_env_theme

    app = QApplication(sys.argv[:1])
    apply_env_theme(app)
    window = MainWindow(skipped_reporter=lambda *_: None)
    frame = fit_to_screen(window)
    window.show()
    outcome = {"code": 1}

    def grab() -> None:
        keep_on_screen(window)
        app.processEvents()
        screen = window.screen()
        available = screen.availableGeometry()
        frame = window.frameGeometry()
        fits = available.contains(frame)
        print(
            f"screen {screen.geometry().width()}x{screen.geometry().height()} logical "
            f"(scale {screen.devicePixelRatio():g}), available {available.getRect()}, "
            f"window frame {frame.getRect()}, minimum {window.minimumSizeHint().toTuple()}: "
            + ("fits" if fits else "DOES NOT FIT")
        )
        screen.grabWindow(0).save(str(out), "PNG")
        outcome["code"] = 0 if fits else 1
        app.quit()

    def when_idle() -> None:
        if window.runner.busy:
            window.runner.busy_changed.connect(lambda busy: busy or QTimer.singleShot(300, grab))
        else:
            QTimer.singleShot(300, grab)

    window.view_filled.connect(lambda: QTimer.singleShot(0, when_idle))
    window.open_paths(inputs or [str(p) for p in seed_files()])
    QTimer.singleShot(60_000, app.quit)
    del frame
    app.exec()
    window.runner.cancel_all()
    window.runner.wait(3000)
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
