"""The synopsis view: every version as a column, one row per piece of content.

A row of controls (base version, which columns, compact columns, only the
rows the shown versions carry), a legend, and the ``SynopsisTable``. Many
versions: compact columns (on by default past ``COMPACT_FROM`` versions)
fit eight on a laptop screen, and rows that no shown version carries — or
that are site chrome, unless View ▸ Show Site Chrome — are hidden, so
hiding columns makes the table shorter, not emptier. The view shows what the engine computed
(``engine.synopsis`` through ``SynopsisCells``) and turns the reader's
gestures into signals; it stores nothing and never re-aligns.

Signals (the controller and the lead's notes/corrections store listen):

- ``base_requested(int)``: the reader chose another base column;
- ``sentence_clicked(str)``: a cell was clicked (its first sentence id);
- ``pair_requested(int, int, str)``: "Show in pair view" (double-click,
  Return): base column, the cell's column, its first sentence id;
- ``link_requested(str, str)``: "Link with base sentence…" (Ctrl+L): the
  cell's first sentence id, then the base sentence the reader picked;
- ``unlink_requested(str, str)``: "Unlink from base" (Ctrl+U): the cell's
  first sentence id, then the base cell's first sentence in the same row;
- ``note_requested(str)``: "Add note…" (Ctrl+Shift+N): the cell's first sentence id;
- ``partner_link_requested(list)``, ``partner_dismiss_requested(list)``: "Link
  with Possible Partner" (context menu) and "Dismiss Possible Partner" (Ctrl+D)
  on a cell marked ≈?: the (cell sentence, partner sentence) id pairs.

Public API: ``SynopsisView``, ``BaseChooser``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...engine.compare.suggestions import version_name
from ...engine.compare.synopsis import CellStatus, synopsis
from ...engine.model import Alignment, Document
from ..base.eliding_combo import ElidingComboBox
from ..base.flow_layout import FlowLayout, kept_together
from ..base.theme import theme_for
from .base_chooser import BaseChooser, ask_base_sentence, base_choices, nearest_base_sentence
from .legend import legend_html
from .model import SynopsisCells, SynopsisModel, build_cells
from .table import SynopsisTable

COMPACT_FROM = 5  # versions from which columns start compact


class SynopsisView(QWidget):
    """All versions side by side against a chosen base."""

    base_requested = Signal(int)
    sentence_clicked = Signal(str)
    pair_requested = Signal(int, int, str)
    link_requested = Signal(str, str)
    unlink_requested = Signal(str, str)
    note_requested = Signal(str)
    partner_link_requested = Signal(object)  # list[tuple[str, str]]
    partner_dismiss_requested = Signal(object)  # list[tuple[str, str]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose_base_sentence: BaseChooser = ask_base_sentence
        self._keys: dict[str, Callable[[], object]] = {}  # key sequence text -> slot
        self._documents: tuple[Document, ...] = ()
        self.model = SynopsisModel(self)
        self.table = SynopsisTable(self.model)
        self.base_combo = ElidingComboBox(minimum_chars=18)
        self.base_combo.setAccessibleName("Base version of the synopsis")
        self.base_combo.setToolTip("The version every other column is compared with")
        self.base_combo.currentIndexChanged.connect(self._on_base_chosen)
        self.columns_menu = QMenu(self)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button = QPushButton("Columns")
        self.columns_button.setToolTip("Hide or show versions; drag a column header to move it")
        self.columns_button.setMenu(self.columns_menu)
        self.compact_box = QCheckBox("Compact")
        self.compact_box.setToolTip("Narrow columns and smaller text, to see many versions at once")
        self.compact_box.toggled.connect(self._on_compact)
        self._compact_chosen = False  # the reader ticked or cleared it: kept across sets
        self.carried_box = QCheckBox("Only rows the shown versions carry")
        self.carried_box.setToolTip(
            "Hide rows none of the shown columns has (hide columns to narrow the table down)"
        )
        self.carried_box.setChecked(True)
        self.carried_box.toggled.connect(lambda _on: self.update_hidden_rows())
        self._show_chrome = False
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self._update_legend()

        # Controls wrap when the view is narrow (one row made it 879 px wide, past
        # its tab: the table ran off the edge and its rows were measured twice).
        base_label = QLabel("Base:")
        base_label.setBuddy(self.base_combo)
        top = FlowLayout(spacing=10, line_spacing=4)
        top.addWidget(kept_together(base_label, self.base_combo))
        for widget in (self.columns_button, self.compact_box, self.carried_box, self.summary):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)

        self._build_actions()
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable_actions())
        self.table.clicked.connect(self._on_clicked)
        self.table.doubleClicked.connect(lambda _index: self.show_in_pair_view())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._cell_menu)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def _action(self, text: str, key: str, slot: Callable[[], object], tip: str) -> QAction:
        """A context-menu action; its key is handled by ``eventFilter``.

        The window has actions on the same keys for the pair view (Ctrl+L,
        Ctrl+U, Ctrl+Shift+N). A second shortcut on a key would make both
        ambiguous, so the table claims these keys while it has focus
        (``ShortcutOverride``) and the menu only shows them.
        """
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{tip} ({key})")
        action.triggered.connect(slot)
        self._keys[QKeySequence(key).toString()] = slot
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's keys for the current cell, before the window's shortcuts."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)  # both types below are key events
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        ):
            key = QKeySequence(event.keyCombination()).toString()
            slot = self._keys.get(key)
            if slot is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    slot()
                return True
        return super().eventFilter(watched, event)

    def _build_actions(self) -> None:
        self.pair_action = self._action(
            "Show in Pair View",
            "Return",
            self.show_in_pair_view,
            "Open this version against the base in the pair view",
        )
        self.link_action = self._action(
            "Link with Base Sentence…",
            "Ctrl+L",
            self.link_current,
            "Tell newsdiff this sentence carries the same content as a base sentence",
        )
        self.unlink_action = self._action(
            "Unlink from Base",
            "Ctrl+U",
            self.unlink_current,
            "Tell newsdiff this sentence does not carry the base's content in this row",
        )
        self.note_action = self._action(
            "Add Note…", "Ctrl+Shift+N", self.note_current, "Write a note on this sentence"
        )
        self.dismiss_partner_action = self._action(
            "Dismiss Possible Partner",
            "Ctrl+D",
            self.dismiss_partner,
            "The suggested partner (≈?) of this sentence is not one: stop offering it",
        )
        self._keys[QKeySequence("Enter").toString()] = self.show_in_pair_view
        self.table.installEventFilter(self)

    # -- data in ------------------------------------------------------------------
    def set_alignment(self, alignment: Alignment | None, base: int = 0) -> None:
        """Build and show the synopsis here (the controller builds it on a worker)."""
        self.set_cells(build_cells(synopsis(alignment, base)) if alignment else None)

    def set_cells(self, cells: SynopsisCells | None) -> None:
        """Show ``cells``; hidden and moved columns stay when the versions are the same."""
        documents = cells.synopsis.documents if cells else ()
        same = bool(documents) and [d.id for d in documents] == [d.id for d in self._documents]
        self.table.keep_header_state(same)
        self._documents = documents
        if not same and not self._compact_chosen:
            self._set_compact(len(documents) >= COMPACT_FROM)
        kept, _ = self._first_ids() if same else (None, None)
        self.model.set_cells(cells)
        if not same:
            self.base_combo.blockSignals(True)
            self.base_combo.clear()
            for label, document in zip(self.model.labels, documents, strict=True):
                self.base_combo.addItem(f"{label.short} ({document.name})")
                self.base_combo.setItemData(
                    self.base_combo.count() - 1, label.full, Qt.ItemDataRole.ToolTipRole
                )
            self.base_combo.blockSignals(False)
        self.update_hidden_rows()
        if cells:
            self.base_combo.blockSignals(True)
            self.base_combo.setCurrentIndex(cells.synopsis.base)
            self.base_combo.blockSignals(False)
        if kept is not None:  # a new base or a correction: stay on the same sentence
            self.select_sentence(kept, QAbstractItemView.ScrollHint.EnsureVisible)
        self._update_summary()

    # -- many versions --------------------------------------------------------------
    def _on_compact(self, compact: bool) -> None:
        self._compact_chosen = True
        self._apply_compact(compact)

    def _set_compact(self, compact: bool) -> None:
        """Compact or not, as the set's size suggests (the reader's choice wins)."""
        self.compact_box.blockSignals(True)
        self.compact_box.setChecked(compact)
        self.compact_box.blockSignals(False)
        self._apply_compact(compact)

    def _apply_compact(self, compact: bool) -> None:
        self.model.set_compact(compact)
        self.table.set_compact(compact)

    def set_show_chrome(self, show: bool) -> None:
        """Show (or hide) rows of site chrome and punctuation alone (View menu)."""
        if show != self._show_chrome:
            self._show_chrome = show
            self.update_hidden_rows()

    def update_hidden_rows(self) -> None:
        """Hide site chrome, and (when asked) rows no shown version carries."""
        view = self.model.synopsis
        if view is None:
            return
        shown = self.table.shown_columns()
        carried_only = self.carried_box.isChecked()
        hidden = {
            number
            for number, row in enumerate(view.rows)
            if (not self._show_chrome and row.is_chrome)
            or (carried_only and all(row.cells[c] is None for c in shown))
        }
        if hidden != self.table.hidden_rows():
            self.table.set_hidden_rows(hidden)
        self._update_summary()

    def set_base(self, column: int) -> None:
        """Ask for the synopsis against ``column`` (the combo follows)."""
        self.base_combo.setCurrentIndex(column)

    def _on_base_chosen(self, column: int) -> None:
        if column >= 0 and column != self.model.base:
            self.base_requested.emit(column)

    def _update_summary(self) -> None:
        view = self.model.synopsis
        if view is None:
            self.summary.setText("Open two or more versions of a story to see them side by side.")
            return
        only = sum(1 for row in view.rows if row.only_in is not None)
        shown = len(self.table.shown_columns())
        hidden = len(self.table.hidden_rows())
        rows = f"{len(view.rows) - hidden} of {len(view.rows)} rows" if hidden else (
            f"{len(view.rows)} rows")  # fmt: skip
        self.summary.setText(
            f"{rows} · {only} only in one version · {shown} of {len(view.documents)} versions shown"
        )

    def _update_legend(self) -> None:
        self.legend.setText(legend_html(theme_for(self.palette())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_legend()

    # -- columns ------------------------------------------------------------------
    def set_column_shown(self, column: int, shown: bool) -> None:
        self.table.set_column_shown(column, shown)
        self.update_hidden_rows()

    def _fill_columns_menu(self) -> None:
        menu = self.columns_menu
        menu.clear()
        menu.addAction("Show All", lambda: self._show_only(None))
        menu.addAction("Show Only the Base", lambda: self._show_only(self.model.base))
        menu.addAction("Fit Columns to the Width", lambda: self.table.fit_columns(force=True))
        menu.addSeparator()
        for column, (label, document) in enumerate(
            zip(self.model.labels, self._documents, strict=True)
        ):
            base = "  (base)" if column == self.model.base else ""
            action = menu.addAction(f"{label.short} — {document.name}{base}")
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))

    def _show_only(self, keep: int | None) -> None:
        for column in range(len(self._documents)):
            self.table.set_column_shown(column, keep is None or column == keep)
        self.update_hidden_rows()

    def _header_menu(self, position: QPoint) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(position)
        if column < 0:
            return
        menu = QMenu(self)
        base = menu.addAction("Compare the Others with This Version", lambda: self.set_base(column))
        base.setEnabled(column != self.model.base)
        menu.addAction("Hide This Column", lambda: self.set_column_shown(column, False))
        menu.addAction("Columns…").setMenu(self.columns_menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    # -- cells ----------------------------------------------------------------------
    def _on_clicked(self, index: QModelIndex) -> None:
        ids = self.model.sentence_ids(index.row(), index.column())
        if ids:
            self.sentence_clicked.emit(ids[0])

    def step_change(self, direction: int) -> bool:
        """Select the next (``direction`` 1) or previous (-1) row where a shown
        version differs from the base: reworded, not in the base, or missing
        content the base has. False when there is none that way."""
        shown = self.table.shown_columns()
        base = self.model.base
        current, _ = self.current_cell()  # -1 when no cell is current
        if direction > 0:
            rows = range(current + 1, self.model.rowCount())
        else:
            rows = range(current - 1, -1, -1) if current > 0 else range(0)
        for row in rows:
            statuses = {c: self.model.status(row, c) for c in shown}
            differing = [c for c in shown if statuses[c] in (CellStatus.CHANGED, CellStatus.ADDED)]
            base_has = base in statuses and statuses[base] == CellStatus.BASE
            lacking = base_has and any(v == CellStatus.ABSENT for v in statuses.values())
            if differing or lacking:
                self.select_cell(row, differing[0] if differing else base)
                return True
        return False

    def current_cell(self) -> tuple[int, int]:
        index = self.table.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (-1, -1)

    def select_cell(
        self,
        row: int,
        column: int,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.PositionAtCenter,
    ) -> None:
        """Make a cell current and scroll it into view."""
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.scrollTo(index, hint)

    def select_sentence(
        self,
        sentence_id: str,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.PositionAtCenter,
    ) -> bool:
        """Select the cell holding ``sentence_id``; False when it is not shown."""
        view = self.model.synopsis
        row = self.model.row_of_sentence(sentence_id)
        if row < 0 or view is None:
            return False
        self.select_cell(row, view.alignment.article_set.sentence(sentence_id).doc_index, hint)
        return True

    def _first_ids(self) -> tuple[str | None, str | None]:
        """The current cell's first sentence and the base cell's in the same row."""
        row, column = self.current_cell()
        if row < 0:
            return None, None
        own = self.model.sentence_ids(row, column)
        base = self.model.sentence_ids(row, self.model.base)
        return (own[0] if own else None), (base[0] if base else None)

    def _enable_actions(self) -> None:
        _row, column = self.current_cell()
        own, base = self._first_ids()
        other = column != self.model.base
        self.pair_action.setEnabled(own is not None and other)
        self.link_action.setEnabled(own is not None and other)
        self.unlink_action.setEnabled(own is not None and base is not None and other)
        self.note_action.setEnabled(own is not None)
        self.dismiss_partner_action.setEnabled(self.model.partner(_row, column) is not None)

    def show_in_pair_view(self) -> None:
        _row, column = self.current_cell()
        own, _ = self._first_ids()
        if own is None:
            return
        base = self.model.base
        if column == base:  # the base cell: pair it with the next shown version
            others = [c for c in self.table.shown_columns() if c != base]
            if not others:
                return
            column = others[0]
        self.pair_requested.emit(base, column, own)

    def link_current(self) -> None:
        """Ask which base sentence the current cell's content belongs with."""
        self._enable_actions()
        own, _ = self._first_ids()
        view = self.model.synopsis
        if own is None or view is None or not self.link_action.isEnabled():
            return
        choices = base_choices(view.documents[view.base])
        row, _ = self.current_cell()
        current = nearest_base_sentence(
            lambda at: self.model.sentence_ids(at, self.model.base), row, choices
        )
        partner = self.model.partner(*self.current_cell())
        ids = [sentence_id for sentence_id, _ in choices]
        if partner is not None and partner.theirs[0].id in ids:  # offer the suggested one
            current = ids.index(partner.theirs[0].id)
        chosen = self.choose_base_sentence(self, choices, current)
        if chosen:
            self.link_requested.emit(own, chosen)

    def unlink_current(self) -> None:
        self._enable_actions()
        own, base = self._first_ids()
        if own and base and self.unlink_action.isEnabled():
            self.unlink_requested.emit(own, base)

    def link_partner(self) -> None:
        """Confirm the current cell's possible partner (a manual link)."""
        partner = self.model.partner(*self.current_cell())
        if partner is not None:
            self.partner_link_requested.emit(partner.sentence_pairs())

    def dismiss_partner(self) -> None:
        """The current cell's possible partner is not one."""
        partner = self.model.partner(*self.current_cell())
        if partner is not None:
            self.partner_dismiss_requested.emit(partner.sentence_pairs())

    def note_current(self) -> None:
        own, _ = self._first_ids()
        if own:
            self.note_requested.emit(own)

    def _cell_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.cell_menu(index.row(), index.column()).exec(
                self.table.viewport().mapToGlobal(position)
            )

    def cell_menu(self, row: int, column: int) -> QMenu:
        """The context menu of a cell, which it makes current (tests read its actions)."""
        self.select_cell(row, column, QAbstractItemView.ScrollHint.EnsureVisible)
        self._enable_actions()
        menu = QMenu(self)
        menu.addActions([self.pair_action])
        menu.addSeparator()
        menu.addActions([self.link_action, self.unlink_action])
        partner = self.model.partner(row, column)
        view = self.model.synopsis
        if partner is not None and view is not None:
            menu.addSeparator()
            name = version_name(view.alignment, partner.other).replace("&", "&&")
            menu.addAction(
                f"Link with Possible Partner ({name} ¶{partner.paragraph}, {partner.score:.2f})",
                self.link_partner,
            )
            menu.addAction(self.dismiss_partner_action)
        menu.addSeparator()
        menu.addAction(self.note_action)
        if self.model.status(row, column) != CellStatus.BASE:
            menu.addSeparator()
            menu.addAction("Compare the Others with This Version", lambda: self.set_base(column))
        return menu
