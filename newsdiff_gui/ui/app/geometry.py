"""Where the window opens: inside the screen's available area, at any scale.

Why: the window used to open at a fixed 1400×900 logical pixels. On a
1024×700 screen, or at 150 % scale (a 1600×1000 screen is 1067×667 logical
pixels), that is larger than the screen, so the window opened cut off, and
maximising could not help while its minimum size was larger still. The
window now takes the size it prefers when it fits and otherwise fills the
available geometry (the screen less panels and docks), and is centred
there. Its minimum size is kept small by the layouts (``PanelTabs``,
wrapping legend and chips), so it fits too.

Before the window is first shown its frame (title bar, borders) is not
known, so room is left for a typical one (``FRAME_ALLOWANCE``);
``keep_on_screen``, called once it is shown, fits it again if the real
frame still sticks out.

Public API: ``fit_to_screen``, ``keep_on_screen``, ``PREFERRED_SIZE``, ``MARGIN``,
``FRAME_ALLOWANCE``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1400, 900)  # logical pixels, on a screen with room for it
MARGIN = 24  # logical pixels kept free around a window smaller than the screen
FRAME_ALLOWANCE = QSize(8, 36)  # a title bar and borders, until the real frame is known


def fit_to_screen(window: QWidget, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """Size and place ``window`` within its screen's available geometry; return
    the rectangle its frame takes there."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a broken platform): the preferred size
        window.resize(preferred)
        return window.geometry()
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    if not window.isVisible() and frame.isNull():
        frame = FRAME_ALLOWANCE
    room = available.size() - frame
    # The preferred size with a margin to spare, or else the whole room.
    fits_wide = preferred.width() + 2 * MARGIN <= room.width()
    fits_high = preferred.height() + 2 * MARGIN <= room.height()
    width = preferred.width() if fits_wide else room.width()
    height = preferred.height() if fits_high else room.height()
    size = QSize(max(1, width), max(1, height)).expandedTo(window.minimumSizeHint())
    size = size.boundedTo(room)
    window.resize(size)
    target = QRect(available.topLeft(), size + frame)
    target.moveCenter(available.center())
    window.move(target.topLeft())
    return target  # the frame as it will be on screen (before the first show: estimated)


def keep_on_screen(window: QWidget) -> None:
    """Fit ``window`` again if, now that its frame is known, it sticks out."""
    screen = window.screen()
    if screen is not None and not screen.availableGeometry().contains(window.frameGeometry()):
        fit_to_screen(window, window.size())
