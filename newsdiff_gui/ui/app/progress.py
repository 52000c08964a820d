"""The status bar's progress indicator: what is running, how far, and Cancel.

Why one widget for bar and button: the reader sees the Cancel button exactly
while there is something to cancel, next to how far it got. The bar is
indeterminate until the running task reports steps (loading reports files,
alignment reports versions), then determinate with "Aligning 30/100".

It appears only when work has run for ``SHOW_DELAY_MS``: the change reading
that follows every alignment of a small set is over before that, and a bar
flashing for 50 ms would only take room from the status message.

Cancelling only asks: the runner sets the flag the engine polls, and the
window says "Cancelled" when the task has actually stopped (the view it shows
stays as it was).

Public API: ``ProgressIndicator``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

SHOW_DELAY_MS = 300


class ProgressIndicator(QWidget):
    """A label, a progress bar and a Cancel button, hidden while idle."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate until steps are reported
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the running work; the current view stays")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_DELAY_MS)
        self._show_timer.timeout.connect(self.show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        """Show (after the delay) while work runs; each run starts indeterminate."""
        if not busy:
            self._show_timer.stop()
            self.hide()
            return
        if not self.isVisible() and not self._show_timer.isActive():
            self.bar.setRange(0, 0)
            self.label.setText("Working…")  # until the task names its steps
            self.cancel_button.setEnabled(True)
            self._show_timer.start()

    def set_progress(self, label: str, done: int, total: int) -> None:
        """``label`` ``done``/``total``, e.g. "Aligning 30/100"."""
        if total <= 0:
            self.bar.setRange(0, 0)
            self.label.setText(label)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        self.label.setText(f"{label} {done}/{total}")
        self.bar.setAccessibleDescription(f"{label}: {done} of {total}")

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # asked once; the task stops at its next poll
        self.label.setText("Cancelling…")
        self.cancel_requested.emit()
