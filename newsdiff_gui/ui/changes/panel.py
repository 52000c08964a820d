"""The changes panel: what changed between the two versions on screen, typed
as a journalist would name it, with counts, filter chips and severity.

Why a list beside the pair view: the pair view shows *where* words differ; the
list says *what kind* of change each is (a number, a quote, the sourcing) and
takes the reader there — activating an entry emits ``change_activated`` and
the main window scrolls both columns to it. Article text only ever enters
plain-text items (never rich text), so markup in articles stays text.

Public API: ``ChangesPanel``, ``TYPE_LABELS``, ``TYPE_GLYPHS``.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...engine.changes import Change, ChangeType, Severity
from ...engine.model import Document
from ...engine.report.markers import CHANGE_GLYPHS, CHANGE_WORDS, SEVERITY_MARKS
from ..base.flow_layout import FlowLayout

# A glyph per type: the non-colour cue, also drawn in the pair view's gutter.
TYPE_GLYPHS = CHANGE_GLYPHS
TYPE_LABELS = CHANGE_WORDS
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 20


def _snippet(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _FittingScroll(QScrollArea):
    """As tall as its content at the width it has; shorter (with a scroll bar)
    only when the panel has no more room."""

    MIN_HEIGHT = 60

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        content = self._content
        width = self.viewport().width() if self.isVisible() else content.sizeHint().width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return QSize(width, height if height > 0 else content.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, min(self.MIN_HEIGHT, self.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the height it needs depends on its width


class ChangesPanel(QWidget):
    """Typed changes of the current pair, filterable by type."""

    change_activated = Signal(object)  # Change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changes: list[Change] = []
        self._documents: dict[str, Document] = {}
        self._names: dict[str, str] = {}  # document id -> label
        self._hidden: set[ChangeType] = {ChangeType.WORDING}
        self.summary = QLabel("No versions compared yet.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.chips: dict[ChangeType, QToolButton] = {}
        # Chips flow onto as many lines as the dock's width needs (never clipped).
        chip_row = QWidget()
        chips = FlowLayout(chip_row, spacing=4, line_spacing=4)
        chips.setContentsMargins(0, 0, 0, 0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        chip_row.setSizePolicy(policy)
        for kind in ChangeType:
            chip = QToolButton()
            chip.setCheckable(True)
            chip.setChecked(kind not in self._hidden)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            chip.toggled.connect(lambda on, k=kind: self._toggle(k, on))
            chip.setToolTip(f"Show or hide {TYPE_LABELS[kind]} changes")
            self.chips[kind] = chip
            chips.addWidget(chip)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Changes between the two versions")
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        top = QWidget()  # summary and chips: scroll rather than be cut in a short panel
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(chip_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(_FittingScroll(top))
        layout.addWidget(self.list, 1)
        self._refresh_chips()

    # -- data in ---------------------------------------------------------------
    def set_changes(
        self,
        changes: list[Change],
        left: Document,
        right: Document,
        names: dict[str, str] | None = None,
    ) -> None:
        """Show ``changes`` of ``left`` against ``right``; ``names`` are the
        versions' labels by document id ("C · AP 10:02"), the outlets by default."""
        self._changes = list(changes)
        self._documents = {left.id: left, right.id: right}
        self._names = names or {left.id: left.outlet, right.id: right.outlet}
        counts = Counter(c.type for c in changes if c.severity != Severity.INFO)
        intact = sum(1 for c in changes if c.severity == Severity.INFO)
        parts = [f"{n} {TYPE_LABELS[t]}" for t, n in counts.most_common()]
        self.summary.setText(
            f"{self._names.get(left.id, left.outlet)} → {self._names.get(right.id, right.outlet)}: "
            + (", ".join(parts) if parts else "no changes")
            + (f"; {intact} quote(s) intact" if intact else "")
        )
        self._refresh_chips()
        self._fill()

    def clear(self) -> None:
        self._changes = []
        self.summary.setText("No versions compared yet.")
        self._refresh_chips()
        self.list.clear()

    @property
    def changes(self) -> list[Change]:
        return list(self._changes)

    def visible_changes(self) -> list[Change]:
        return [self.list.item(i).data(CHANGE_ROLE) for i in range(self.list.count())]

    # -- internals -------------------------------------------------------------
    def _toggle(self, kind: ChangeType, on: bool) -> None:
        if on:
            self._hidden.discard(kind)
        else:
            self._hidden.add(kind)
        self._fill()

    def _refresh_chips(self) -> None:
        counts = Counter(c.type for c in self._changes)
        for kind, chip in self.chips.items():
            chip.setText(f"{TYPE_GLYPHS[kind]} {TYPE_LABELS[kind]} {counts.get(kind, 0)}")

    def _fill(self) -> None:
        self.list.clear()
        order = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}
        shown = [c for c in self._changes if c.type not in self._hidden]
        for change in sorted(shown, key=lambda c: order[c.severity]):
            side = change.b or change.a
            where = self._documents.get(side.document) if side else None
            lines = [
                f"{SEVERITY_MARKS[change.severity]} {TYPE_GLYPHS[change.type]} "
                f"{TYPE_LABELS[change.type]} · {change.severity.value}",
                change.explanation,
            ]
            if change.a:
                lines.append(f"  L: {_snippet(change.a.text)}")
            if change.b:
                lines.append(f"  R: {_snippet(change.b.text)}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(CHANGE_ROLE, change)
            name = self._names.get(where.id, where.outlet) if where else ""
            item.setToolTip(f"{change.explanation}\n({name}) — click to show it")
            if change.severity == Severity.HIGH:
                item.setForeground(QBrush(QColor(self.palette().text().color())))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)

    def _activate(self, item: QListWidgetItem) -> None:
        change = item.data(CHANGE_ROLE)
        if change is not None:
            self.change_activated.emit(change)
