"""Render one tab of the main window offscreen to a PNG (README screenshots).

``newsdiff --screenshot`` shows the pair view; this script opens the same
window on the seeds (or FILES), switches to another tab and saves it once
every row is laid out. Engine work runs inline, so the picture is final.

    QT_QPA_PLATFORM=offscreen NEWSDIFF_THEME=light \\
        .venv/bin/python -m tools.screenshot_view --view synopsis -o docs/screenshots/synopsis.png

``--base N`` picks the synopsis base column, ``--hide-docks`` closes the
pair view's side panels (as a reader may) so the table gets the width.
``--reveal SENTENCE`` selects that sentence's row (``--view pair``) or cell
(``--view synopsis``) and scrolls it to the middle; ``--reveal partner``
picks the first sentence offered a possible partner:

    .venv/bin/python -m tools.screenshot_view --view pair --reveal partner \
        -o docs/screenshots/possible-partner.png
On the pair tab, ``--pair L,R`` compares versions L and R, ``--order right``
reads them in the right version's order, ``--row N`` makes row N current
(scrolled to the middle) and ``--picker left|right`` opens that side's
version chooser (its list is painted into the picture).
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QDockWidget

from newsdiff_gui.engine.compare.reading import Order
from newsdiff_gui.engine.store.storage import use_private_user_dirs
from newsdiff_gui.paths import seed_files
from newsdiff_gui.ui.app.main_window import MainWindow
from newsdiff_gui.ui.base.theme import apply_env_theme

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="article files (default: the seeds)")
    parser.add_argument("--view", default="Synopsis", help="tab title, e.g. synopsis, coverage")
    parser.add_argument("-o", "--output", required=True, help="PNG to write")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--base", type=int, default=0, help="synopsis base column")
    parser.add_argument("--hide-docks", action="store_true", help="close the side panels")
    parser.add_argument("--reveal", help="sentence id to select, or 'partner'")
    parser.add_argument("--pair", help="pair view: versions L,R (numbers from 0)")
    parser.add_argument("--order", choices=("left", "right"), help="pair view reading order")
    parser.add_argument("--row", type=int, help="pair view: make this row current")
    parser.add_argument("--picker", choices=("left", "right"), help="open a version chooser")
    args = parser.parse_args()
    use_private_user_dirs()  # the picture must not show this machine's own notes or fixes

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_env_theme(app)  # type: ignore[arg-type]
    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.open_paths(args.files or [str(p) for p in seed_files()])
    if window.alignment is None:
        print("screenshot_view: nothing to show", file=sys.stderr)
        return 3
    if args.hide_docks:
        for dock in window.findChildren(QDockWidget):
            dock.close()
    titles = [window.tabs.tabText(n).replace("&", "").lower() for n in range(window.tabs.count())]
    if args.view.lower() not in titles:
        print(f"screenshot_view: no tab {args.view!r} (have {titles})", file=sys.stderr)
        return 2
    window.tabs.setCurrentIndex(titles.index(args.view.lower()))
    if args.view.lower() == "synopsis" and args.base:
        window.synopsis.set_base(args.base)
    view = window.pair_view
    if args.order:
        view.set_order(Order(args.order))
    if args.pair:
        left, right = (int(n) for n in args.pair.split(","))
        view.set_pair(left, right)
    if args.row is not None:
        view.select_row(args.row)
    if args.reveal:
        reveal(window, args.view.lower(), args.reveal)
    for _ in range(3):
        app.processEvents()
        if hasattr(window, "synopsis"):
            window.synopsis.view.table.finish_measuring()
    picture = window.grab()
    if args.picker:
        combo = (view.header.left if args.picker == "left" else view.header.right).combo
        combo.showPopup()
        app.processEvents()
        popup = combo.view().window()
        painter = QPainter(picture)
        # Under its combo, as a desktop shows it (offscreen windows have no real placement).
        below = combo.mapTo(window, QPoint(0, combo.height()))
        painter.drawPixmap(below, popup.grab())
        painter.end()
    ok = picture.save(args.output, "PNG")
    print(f"wrote {args.output}" if ok else f"could not write {args.output}")
    return 0 if ok else 1


def reveal(window: MainWindow, view: str, target: str) -> None:
    """Select ``target`` (a sentence id, or "partner": the first one offered a
    possible partner) in the pair view or the synopsis."""
    alignment = window.alignment
    assert alignment is not None
    if target == "partner":
        offered = [s.a[0] for s in alignment.suggestions]
        if not offered:
            print("screenshot_view: no possible partner in this set", file=sys.stderr)
            return
        target = offered[0]
    if view == "synopsis":
        window.synopsis.view.select_sentence(target)
        return
    window.pair_view.reveal_sentence(target)
    QApplication.processEvents()
    window.pair_view.list_view.doItemsLayout()
    window.pair_view.select_row(window.pair_view.current_row())  # centred once laid out


if __name__ == "__main__":
    sys.exit(main())
