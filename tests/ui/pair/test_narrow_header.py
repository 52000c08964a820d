"""The pair view at 640×480: choosers keep their minimum text, nothing overlaps.

Below ~700 pixels the version choosers were squeezed under their text or
laid over the swap button, and the bar over the rows (order, what is
hidden, "change n of m") made the panel 661 pixels wide at least. Now the
caption gives way, the choosers elide their labels ("A · Reuter…") but
never get narrower than their minimum, the detail lines are elided in the
middle and the bar wraps; what still does not fit scrolls.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


def _in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def _shown(widgets: list[QWidget]) -> list[QWidget]:
    return [w for w in widgets if w.isVisible() and w.width() > 0]


@pytest.mark.parametrize("size", [(640, 480), (1024, 700), (1400, 900)])
def test_choosers_keep_their_text_and_nothing_overlaps(seeded, qtbot, size) -> None:
    seeded.resize(*size)
    qtbot.wait(50)  # the window lays its panels out
    view = seeded.pair_view
    header = view.header
    parts = [header.swap_button]
    for side in (header.left, header.right):
        combo = side.combo
        assert combo.width() >= combo.minimumSizeHint().width()
        assert _in(side, header).contains(_in(combo, header))
        shown = combo.shown_text()
        assert shown == combo.currentText() or shown.endswith("…")
        assert shown[:1] == combo.currentText()[:1]  # the version's letter stays
        details = side.details
        assert details.fontMetrics().horizontalAdvance(details.text()) <= details.width()
        parts += _shown([side.caption, combo, details])
    for a, b in combinations(parts, 2):
        assert not _in(a, header).intersects(_in(b, header)), (a, b)
    # The bar over the rows wraps: its pieces side by side or on the next line.
    bar = view.reading_bar
    pieces = _shown([bar.caption, *bar.buttons.values(), bar.hidden, bar.position])
    for a, b in combinations(pieces, 2):
        assert not _in(a, bar).intersects(_in(b, bar)), (a.text(), b.text())
    assert all(_in(p, bar).right() < bar.width() for p in pieces)


def test_a_narrow_window_drops_the_caption_before_squeezing_a_chooser(seeded, qtbot) -> None:
    seeded.resize(640, 480)
    qtbot.wait(50)
    header = seeded.pair_view.header
    assert not header.left.caption.isVisible()
    assert header.left.combo.shown_text().endswith("…")
    seeded.resize(1400, 900)
    qtbot.wait(50)
    assert header.left.caption.isVisible()
