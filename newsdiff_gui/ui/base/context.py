"""The application context: what a feature may use of the running app, without the window.

Why: every feature (changes, notes, search …) used to take the main window,
reach two levels into it and into the other features, call its private
helpers, and depend on being built after the feature it borrowed from; the
window and twelve feature modules imported each other in a circle. A feature
now receives an ``AppContext`` and, when it needs another feature's object
(the pair view, the annotations), that object as an explicit constructor
argument. Nothing here imports a feature or the window.

The window (``ui.app``) alone owns layout and menus. Features *register*
what they bring, by name, and the window places it once every feature is
built: actions and submenus (``add_action``, ``register_action``,
``add_menu``), panels for the tab bar (``add_panel``), side docks
(``add_dock``) and bars under the panels (``add_bar``).

What the context holds:

* session state: the alignment on screen (the reader's corrections applied),
  the engine's own alignment before them (``raw_alignment``), the pair of
  versions being compared, and the reader's ``ViewOptions`` (typography,
  site chrome) that every view follows;
* the ``TaskRunner`` every feature submits its work to, and
  ``run_on_alignment`` for work computed from the alignment on screen: its
  answer is dropped once another alignment is shown, or none;
* signals: ``alignment_changed(Alignment)`` (a new alignment is shown),
  ``load_failed(str)``, ``set_opened(list[str])`` (a set opened from disk is
  aligned), ``pair_changed(int, int)``, ``options_changed(ViewOptions)``;
* requests the window carries out, through the ``Shell`` it implements:
  open or re-align a set, reveal a sentence or a pair in the pair view, switch
  panels, say something in the status bar.

Public API: ``AppContext``, ``Shell``, ``AlignWork``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ...engine.model import Alignment
from .session import OpenedSet
from .view_options import ViewOptions
from .worker import Report, ShouldCancel, TaskRunner, Ticket

T = TypeVar("T")
# Work that reads or re-aligns a set on the runner, reporting progress.
AlignWork = Callable[[ShouldCancel, Report], OpenedSet]


class Shell(Protocol):
    """What the window does on a feature's behalf (``ui.app.MainWindow`` implements it)."""

    def open_paths(self, paths: Sequence[str | Path], hint: str | None = None) -> None:
        """Load and align files or folders, replacing the set on screen."""

    def align_set(self, work: AlignWork, message: str, hint: str | None) -> None:
        """Run ``work`` as the set's alignment (progress, Cancel, replacing an open);
        ``message`` is shown meanwhile and ``hint`` once it is shown."""

    def reveal_sentence(self, sentence_id: str, pair: tuple[int, int] | None = None) -> None:
        """Select the pair view's row of ``sentence_id`` (see ``PairView.reveal_sentence``)."""

    def show_pair(self, left: int, right: int) -> None:
        """Compare version ``left`` with ``right`` in the pair view."""

    def show_panel_widget(self, widget: QWidget) -> None:
        """Bring the panel ``widget`` to the front."""

    def current_panel_widget(self) -> QWidget | None:
        """The panel in front."""

    def show_message(self, text: str, msecs: int = 0) -> None:
        """Say ``text`` in the status bar (for ``msecs``; 0 until replaced)."""


class AppContext(QObject):
    """Session state, the runner, the registries and the window's services, for features."""

    alignment_changed = Signal(object)  # Alignment: shown, corrections applied
    load_failed = Signal(str)
    set_opened = Signal(list)  # the paths of a set opened from disk, once it is aligned
    pair_changed = Signal(int, int)
    options_changed = Signal(object)  # ViewOptions

    def __init__(self, shell: Shell, widget: QWidget, runner: TaskRunner) -> None:
        """``widget`` is the top-level window: parent of dialogs and of the
        registered actions (so their shortcuts work with the toolbar hidden)."""
        super().__init__(widget)
        self._shell = shell
        self.widget = widget
        self.runner = runner
        self._alignment: Alignment | None = None
        self._raw: Alignment | None = None
        self._pair = (0, 1)
        self._options = ViewOptions()
        self._alignment_tickets: list[Ticket] = []  # work computed from the alignment shown
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._panels: dict[str, tuple[str, QWidget]] = {}
        self._docks: dict[str, QDockWidget] = {}
        self._bars: dict[str, QWidget] = {}

    # -- session state -------------------------------------------------------------
    @property
    def alignment(self) -> Alignment | None:
        """The alignment every view shows: the engine's, with the reader's corrections."""
        return self._alignment

    @property
    def raw_alignment(self) -> Alignment | None:
        """The engine's own alignment of the set on screen, before corrections."""
        return self._raw

    @property
    def pair(self) -> tuple[int, int]:
        """The versions (indexes into the alignment's documents) in the pair view."""
        return self._pair

    def set_alignment(self, raw: Alignment, shown: Alignment) -> None:
        """A fresh alignment from the engine (``raw``) and what the views show of it."""
        self._raw = raw
        self.show_alignment(shown)

    def show_alignment(self, alignment: Alignment) -> None:
        """Hand ``alignment`` (corrections applied) to every view."""
        self._drop_alignment_work()
        self._alignment = alignment
        self.alignment_changed.emit(alignment)

    def clear_alignment(self) -> None:
        """Nothing to compare any more (fewer than two versions could be read)."""
        self._drop_alignment_work()
        self._alignment = None
        self._raw = None

    def run_on_alignment(
        self,
        work: Callable[[ShouldCancel], T],
        on_done: Callable[[T], object],
        *,
        topic: str,
        background: bool = False,
    ) -> Ticket:
        """Submit work computed from the alignment on screen (see ``TaskRunner.submit``);
        its answer is dropped, and the work cancelled, once another alignment is
        shown or the set is cleared, so no view shows figures of a set it has left."""
        self._alignment_tickets = [t for t in self._alignment_tickets if t.running]
        ticket = self.runner.submit(work, on_done=on_done, topic=topic, background=background)
        self._alignment_tickets.append(ticket)
        return ticket

    def _drop_alignment_work(self) -> None:
        for ticket in self._alignment_tickets:
            ticket.cancel()
        self._alignment_tickets.clear()

    def note_pair(self, left: int, right: int) -> None:
        """The pair view now compares ``left`` with ``right`` (the window tells)."""
        self._pair = (left, right)
        self.pair_changed.emit(left, right)

    @property
    def options(self) -> ViewOptions:
        """What the reader asked every view to show (typography, site chrome)."""
        return self._options

    def set_options(self, options: ViewOptions) -> None:
        """New view options: every view that follows them redraws."""
        if options != self._options:
            self._options = options
            self.options_changed.emit(options)

    # -- the window's services ------------------------------------------------------
    def open_paths(self, paths: Sequence[str | Path], hint: str | None = None) -> None:
        self._shell.open_paths(paths, hint)

    def align_set(self, work: AlignWork, message: str, hint: str | None = None) -> None:
        self._shell.align_set(work, message, hint)

    def reveal_sentence(self, sentence_id: str, pair: tuple[int, int] | None = None) -> None:
        self._shell.reveal_sentence(sentence_id, pair)

    def show_pair(self, left: int, right: int) -> None:
        self._shell.show_pair(left, right)

    def show_message(self, text: str, msecs: int = 0) -> None:
        self._shell.show_message(text, msecs)

    # -- actions and menus -------------------------------------------------------------
    def add_action(
        self, name: str, text: str, slot: Callable[[], object], *keys: str, tip: str = ""
    ) -> QAction:
        """A window action called ``name``: shortcuts ``keys``, a tooltip that shows them."""
        action = QAction(text, self.widget)
        action.setShortcuts([QKeySequence(key) for key in keys])
        shortcut_text = ", ".join(keys)
        action.setToolTip(f"{tip or text} ({shortcut_text})" if keys else tip or text)
        action.triggered.connect(slot)
        return self.register_action(name, action)

    def register_action(self, name: str, action: QAction) -> QAction:
        """Register an action built elsewhere (a checkable one, say) under ``name``."""
        if name in self._actions:
            raise ValueError(f"an action called {name!r} is already registered")
        self.widget.addAction(action)  # shortcuts work even with the toolbar hidden
        self._actions[name] = action
        return action

    def action(self, name: str) -> QAction:
        """The action registered as ``name`` (KeyError if there is none)."""
        return self._actions[name]

    def actions(self) -> list[tuple[str, QAction]]:
        """(name, action) of every registered action, in registration order."""
        return list(self._actions.items())

    def add_menu(self, name: str, menu: QMenu) -> QMenu:
        """Register ``menu`` (a menu-bar menu, or a submenu the window places) as ``name``."""
        if name in self._menus:
            raise ValueError(f"a menu called {name!r} is already registered")
        self._menus[name] = menu
        return menu

    def menu(self, name: str) -> QMenu | None:
        return self._menus.get(name)

    # -- panels, docks, bars -------------------------------------------------------------
    def add_panel(self, name: str, title: str, widget: QWidget) -> None:
        """A view for the tab bar, next to the pair view, in registration order."""
        self._panels[name] = (title, widget)

    def panels(self) -> list[tuple[str, str, QWidget]]:
        """(name, title, widget) of every panel, in registration order."""
        return [(name, title, widget) for name, (title, widget) in self._panels.items()]

    def panel(self, name: str) -> QWidget:
        return self._panels[name][1]

    def show_panel(self, name: str) -> None:
        self._shell.show_panel_widget(self.panel(name))

    def panel_shown(self) -> str | None:
        """The name of the panel in front (None before the window placed them)."""
        current = self._shell.current_panel_widget()
        return next((n for n, (_, w) in self._panels.items() if w is current), None)

    def add_dock(
        self, name: str, title: str, widget: QWidget, dock: QDockWidget | None = None
    ) -> QDockWidget:
        """A side panel (``dock`` if given, else a new one): movable and closable,
        never floating off on its own (a floating panel lost behind the window is
        a panel the reader thinks is gone). The window places it."""
        dock = dock if dock is not None else QDockWidget(title, self.widget)
        dock.setWindowTitle(title)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self._docks[name] = dock
        return dock

    def docks(self) -> list[tuple[str, QDockWidget]]:
        """(name, dock) of every dock, in registration order."""
        return list(self._docks.items())

    def add_bar(self, name: str, widget: QWidget) -> None:
        """A bar under the panels, staying while the reader changes tabs (the find bar)."""
        self._bars[name] = widget

    def bars(self) -> list[QWidget]:
        return list(self._bars.values())
