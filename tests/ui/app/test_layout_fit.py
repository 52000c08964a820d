"""The window fits the screen and its labels and chips are never cut off
(issue 17, items 6 and 10): small screens, 150 % scale, help, status bar."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from support.locations import ROOT

from newsdiff_gui.ui.app.geometry import fit_to_screen
from newsdiff_gui.ui.app.help import shortcuts_html, user_guide_text
from newsdiff_gui.ui.app.main_window import LOADING_TEXT, MainWindow

FIT_SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from newsdiff_gui.ui.app.geometry import fit_to_screen
from newsdiff_gui.ui.app.main_window import MainWindow
app = QApplication([])
window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
fit_to_screen(window)
window.show()
app.processEvents()
screen = window.screen()
print(json.dumps({
    "scale": screen.devicePixelRatio(),
    "available": screen.availableGeometry().getRect(),
    "frame": window.frameGeometry().getRect(),
    "minimum": window.minimumSizeHint().toTuple(),
}))
"""


def _inside(frame, available) -> bool:
    return QRect(*available).contains(QRect(*frame))


def test_the_window_opens_within_the_available_geometry(qtbot) -> None:
    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    frame = fit_to_screen(window)  # prefers 1400×900: larger than the test screen
    assert available.contains(frame)
    assert frame.width() == available.width() or frame.height() == available.height()
    small = fit_to_screen(window, preferred=QSize(500, 300))  # room to spare: centred
    assert window.size() == QSize(500, 300) and available.contains(small)
    assert abs(small.center().x() - available.center().x()) <= 1


def test_at_150_percent_the_window_still_fits(tmp_path: Path) -> None:
    """A fresh process (the scale is read at start): 150 % of the offscreen screen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    done = subprocess.run(
        [sys.executable, "-c", FIT_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["scale"] == 1.5
    assert _inside(seen["frame"], seen["available"]), seen
    assert seen["minimum"][0] <= seen["available"][2] and seen["minimum"][1] <= seen["available"][3]


def _at_1024(qtbot, paths) -> MainWindow:
    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.open_paths(paths)
    window.fit_panels()
    qtbot.wait(50)
    return window


def test_nothing_is_cut_off_at_1024_wide(qtbot, seeds) -> None:
    window = _at_1024(qtbot, seeds)
    assert window.minimumSizeHint().width() <= 700  # the layouts, not one label, set it
    panel = window.changes.panel
    assert panel.isVisible() and panel.width() < 330
    for chip in panel.chips.values():  # every chip whole, inside the dock
        assert chip.isVisible()
        assert chip.x() >= 0 and chip.geometry().right() <= panel.width()
        assert chip.width() >= chip.sizeHint().width()
    legend = window.legend
    for label in legend._labels:
        assert label.geometry().right() <= legend.width()
        assert label.height() >= label.heightForWidth(label.width()) or not label.wordWrap()
    counts = window.counts_label
    assert counts.text() == counts.full_text()  # the words fit at 1024: not shortened
    assert "omitted (only left)" in counts.text()


def test_status_messages_end_in_an_ellipsis_not_in_the_counts(qtbot, seeds) -> None:
    window = _at_1024(qtbot, seeds)
    bar = window.statusBar()
    long = "Marked for linking: now select its partner and press Ctrl+L again. " * 4
    bar.showMessage(long)
    shown = type(bar).__mro__[1].currentMessage(bar)  # what QStatusBar paints
    assert shown.endswith("…") and len(shown) < len(long)
    width = QFontMetrics(bar.font()).horizontalAdvance(shown)
    assert width < window.counts_label.x() - 12  # a gap before the counts
    assert bar.currentMessage() == long and bar.toolTip() == long


def test_story_names_wrap_instead_of_ending_in_an_ellipsis(qtbot, seeds, tmp_path) -> None:
    names = ["2018-03-venezuela-operations-reuters", "2018-03-covert-action-cia-reports"]
    for name, files in zip(names, (seeds[:3], seeds[2:]), strict=True):
        (tmp_path / name).mkdir()
        for file in files:
            shutil.copy(file, tmp_path / name)
    window = _at_1024(qtbot, [tmp_path])
    table = window.stories.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=30_000)
    table.resizeRowsToContents()
    metrics = QFontMetrics(table.font())
    width = table.columnWidth(0) - 8
    for row in range(2):
        name = table.model().index(row, 0).data()
        needed = metrics.boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWrapAnywhere, name
        ).height()
        assert table.rowHeight(row) >= needed, name


def test_help_has_a_user_guide_and_the_shortcuts(seeded) -> None:
    help_menu = seeded.menu("Help")
    titles = [a.text().replace("&", "") for a in help_menu.actions() if a.text()]
    assert titles[:2] == ["User Guide", "Keyboard Shortcuts"]
    guide = user_guide_text()
    assert "NEWSDIFF_THEME=dark" in guide and "Export Report" in guide
    table = shortcuts_html(seeded.context)
    assert "Next change" in table and "F7" in table and "Ctrl+O" in table
    seeded.context.action("shortcuts").trigger()
    (dialog,) = seeded.help_windows
    assert "Swap sides" in dialog.browser.toPlainText()
    dialog.close()


def test_while_a_set_loads_the_pair_area_says_so(qtbot, seeds) -> None:
    window = MainWindow(skipped_reporter=lambda *_: None)  # a real background runner
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.view_filled, timeout=60_000):
        window.open_paths(seeds)
        assert window.pair_view.list_view._placeholder == LOADING_TEXT
    assert window.pair_view.model.rowCount() > 0
    window.runner.wait(10_000)


def test_a_message_shown_before_the_counts_grow_is_cut_again(qtbot, seeds) -> None:
    """The example set's hint is shown, then the counts arrive and take room:
    the hint must be cut again, not painted under the counts."""
    window = _at_1024(qtbot, seeds)
    bar = window.statusBar()
    window.counts_label.set_counts("", "")
    qtbot.wait(20)
    hint = "Showing the example set — open your own articles with File → Open Files… " * 2
    bar.showMessage(hint)
    window.counts_label.set_counts("18 shared · 18 reworded · 13 omitted (only left) " * 2, "x")
    window.counts_label.updateGeometry()
    qtbot.waitUntil(lambda: window.counts_label.width() > 300, timeout=2000)
    qtbot.wait(20)
    shown = type(bar).__mro__[1].currentMessage(bar)
    width = QFontMetrics(bar.font()).horizontalAdvance(shown)
    assert shown.endswith("…") and width < window.counts_label.x() - 12
