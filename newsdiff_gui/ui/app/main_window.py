"""The main window: versions sidebar, view tabs, toolbar, menus and status bar.

The window owns the data flow for the UI: it loads files and aligns them on
the ``TaskRunner`` (topic ``"align"``, so opening a second set while the
first is still aligning drops the first), then hands the ``Alignment`` to
every view. Views never compute alignment themselves.

Adding a view later: build a widget, call ``add_panel(title, widget)`` and
connect ``alignment_ready`` to the widget's setter; the tab bar appears as
soon as there is more than one panel.

Signals: ``alignment_ready(Alignment)``, ``view_filled()`` (the pair view
shows rows for the current alignment), ``load_failed(str)`` (fewer than two
versions could be read, or the engine failed).

Loading and aligning report progress (files read, versions placed) to the
status bar's ``ProgressIndicator``, whose Cancel button stops the work; the
view shown before stays, and the status bar says "Cancelled". A failure in
the engine is a bug: it is logged and shown with its traceback (``crash``).

Public API: ``MainWindow``, ``SkippedReporter``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...engine.compare.pairing import PairCounts
from ...engine.load.articles import SUPPORTED_SUFFIXES, InputError
from ...engine.model import Alignment
from ..base.legend import Legend
from ..base.worker import TaskRunner
from ..changes.controller import ChangesController
from ..coverage.controller import CoverageController
from ..exercise.controller import ExerciseController
from ..export.action import ExportController
from ..notes.annotations import AnnotationsController
from ..notes.panel import NotesDock
from ..pair.actions import PairActions
from ..pair.view import PairView
from ..search.controller import SearchController
from ..sets.editing import SetEditingController
from ..sets.loading import load_and_align
from ..sets.recent import RecentSetsController
from ..sets.skipped_dialog import show_nothing_to_compare, show_skipped_files
from ..sets.stories_controller import StoriesController
from ..sets.versions_sidebar import VersionsSidebar
from ..synopsis.controller import SynopsisController
from .about import show_about
from .crash import report_error
from .progress import ProgressIndicator

ALIGN_TOPIC = "align"
SPLITTER_SIZES = (260, 1100)  # sidebar and views, in pixels, at start

# Called with the skipped files and how many versions loaded.
SkippedReporter = Callable[[Sequence[InputError], int], None]


class MainWindow(QMainWindow):
    """newsdiff's main window."""

    alignment_ready = Signal(object)
    view_filled = Signal()
    load_failed = Signal(str)
    set_opened = Signal(list)  # the paths of a set opened from disk, once it is aligned

    def __init__(
        self,
        *,
        inline: bool = False,
        skipped_reporter: SkippedReporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``inline`` runs engine work synchronously (tests); ``skipped_reporter``
        replaces the skipped-files dialog (screenshot mode prints instead)."""
        super().__init__(parent)
        self.setWindowTitle("newsdiff")
        self.setAcceptDrops(True)
        self.runner = TaskRunner(self, inline=inline)
        self._skipped_reporter = skipped_reporter or (
            lambda skipped, loaded: show_skipped_files(self, skipped, loaded)
        )
        self._alignment: Alignment | None = None
        self._status_hint: str | None = None  # shown instead of "N versions aligned."
        self._opening: list[str] | None = None  # paths being opened (for Open Recent)

        self.sidebar = VersionsSidebar()
        self.pair_view = PairView(self.runner)
        self.legend = Legend()
        pair_page = QWidget()
        pair_layout = QVBoxLayout(pair_page)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.setSpacing(0)
        pair_layout.addWidget(self.legend)
        pair_layout.addWidget(self.pair_view, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)  # one panel today: no lonely tab
        self.tabs.addTab(pair_page, "Pair")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(SPLITTER_SIZES))
        splitter.setChildrenCollapsible(False)
        self.sidebar.setMinimumWidth(180)
        self.setCentralWidget(splitter)

        self._build_actions()
        self._build_status_bar()

        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.progress.connect(self._on_progress)
        self.runner.busy_changed.connect(self._set_busy)
        self.pair_view.filled.connect(self.view_filled)
        self.pair_view.counts_changed.connect(self._show_counts)
        self.pair_view.pair_changed.connect(self._on_pair_changed)
        self.sidebar.show_left.connect(lambda n: self.pair_view.set_pair(n, self.pair_view.pair[1]))
        self.sidebar.show_right.connect(
            lambda n: self.pair_view.set_pair(self.pair_view.pair[0], n)
        )
        # Typed changes dock and the versions' profiles (changes_controller.py).
        self.changes = ChangesController(self)
        # Paste as new version, version details, cancel (set_editing.py).
        self.editing = SetEditingController(self)
        # File → Export Report… (export_action.py).
        self.exporting = ExportController(self)
        # Units × versions coverage map in its own tab (coverage_controller.py).
        self.coverage = CoverageController(self)
        # All versions as columns against a chosen base (synopsis_controller.py).
        self.synopsis = SynopsisController(self)
        # Notes and manual corrections, kept per set (annotations.py), and the
        # pair view's context menu and keys that make them (pair_actions.py).
        self.annotations = AnnotationsController(self)
        self.pair_actions = PairActions(self)
        self.notes = NotesDock(self)
        # Ctrl+F: find in all versions, hits marked in the pair view (search_controller.py).
        self.search = SearchController(self)
        # File → Open Recent, reopen at start (recent_sets.py); folders of stories (stories_*.py).
        self.recent = RecentSetsController(self)
        self.stories = StoriesController(self)
        self._add_panel_toggles()
        # Classroom exercises: File → Open Exercise…, Help → Example Exercise (exercise_*.py).
        self.exercises = ExerciseController(self)

    # -- construction -----------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], *keys: str, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        shortcut_text = ", ".join(keys)
        action.setToolTip(f"{tip or text} ({shortcut_text})" if keys else tip or text)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the toolbar hidden
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open Files…", self.open_files_dialog, "Ctrl+O")
        self.open_folder_action = self._action(
            "Open &Folder…", self.open_folder_dialog, "Ctrl+Shift+O"
        )
        quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.next_action = self._action(
            "▼ Next change",
            lambda: self._step_change(1),
            "F7",
            "Alt+Down",
            "N",
            tip="Go to the next added, omitted or reworded row",
        )
        self.previous_action = self._action(
            "▲ Previous change",
            lambda: self._step_change(-1),
            "Shift+F7",
            "Alt+Up",
            "P",
            tip="Go to the previous added, omitted or reworded row",
        )
        self.swap_action = self._action(
            "⇄ Swap sides",
            self.pair_view.swap_sides,
            "Ctrl+Shift+S",
            tip="Swap the left and right versions",
        )

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.open_action, self.open_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([self.next_action, self.previous_action])
        view_menu.addSeparator()
        view_menu.addAction(self.swap_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About newsdiff", lambda: show_about(self)))

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.open_folder_action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addAction(self.swap_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = ProgressIndicator()
        self.progress.cancel_requested.connect(self.cancel_work)
        self.busy_bar = self.progress  # visible exactly while work runs
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _step_change(self, direction: int) -> bool:
        """Next/previous change in the view being read: the synopsis's rows on
        its tab, the pair view's everywhere else."""
        if self.tabs.currentWidget() is self.synopsis.view:
            return self.synopsis.view.step_change(direction)
        if direction > 0:
            return self.pair_view.next_change()
        return self.pair_view.previous_change()

    def _add_panel_toggles(self) -> None:
        """View → the side panels, so one closed with its ✕ can come back."""
        view_menu = self.menu("View")
        if view_menu is None:
            return
        view_menu.addSeparator()
        for dock in (self.changes.dock, self.notes, self.stories.dock):
            action = dock.toggleViewAction()
            action.setText(f"{dock.windowTitle().split(' — ')[0]} Panel")
            view_menu.addAction(action)

    # -- public -------------------------------------------------------------------
    @property
    def alignment(self) -> Alignment | None:
        return self._alignment

    def menu(self, title: str) -> QMenu | None:
        """The menu-bar menu called ``title`` ("File", "Edit", …), for controllers."""
        for action in self.menuBar().actions():
            if action.text().replace("&", "") == title and action.menu() is not None:
                return action.menu()  # type: ignore[return-value]
        return None

    def add_panel(self, title: str, widget: QWidget) -> int:
        """Add a view as a tab next to the pair view; returns its tab index."""
        return self.tabs.addTab(widget, title)

    def open_paths(self, paths: Sequence[str | Path], hint: str | None = None) -> None:
        """Load and align ``paths`` (files or folders) off the UI thread.

        ``hint`` stays in the status bar once they are aligned (the example set
        says how to open your own articles); any later open clears it.
        """
        names = [str(path) for path in paths]
        if self.stories.claims(names):  # a folder of story folders: the Stories list
            return
        self._status_hint = hint
        self._opening = names
        self.statusBar().showMessage(f"Reading and aligning {len(names)} item(s)…")
        self.runner.submit(ALIGN_TOPIC, load_and_align(names), with_progress=True)

    def set_status_hint(self, hint: str | None) -> None:
        """Show ``hint`` instead of "N versions aligned." once the next
        alignment is shown (e.g. "pasted text is kept in memory")."""
        self._status_hint = hint

    def cancel_work(self) -> None:
        """Ask the running work to stop; ``_on_cancelled`` reports when it has."""
        self.runner.cancel_all()

    def open_files_dialog(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open versions of a story", "", f"Articles ({patterns});;All files (*)"
        )
        if files:
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of versions")
        if folder:
            self.open_paths([folder])

    # -- results --------------------------------------------------------------------
    def _on_finished(self, topic: str, result: object) -> None:
        if topic != ALIGN_TOPIC:
            return
        loaded, opened_set = result  # type: ignore[misc]
        opened, self._opening = self._opening, None
        count = len(loaded.article_set)
        if loaded.skipped:
            self._skipped_reporter(loaded.skipped, count)
        if opened_set is None:
            message = (
                f"{'Only 1 version' if count else 'No version'} could be read — "
                "nothing to compare. "
                "Open two or more versions of the story, or add one with "
                "Edit → Paste as New Version (Ctrl+Shift+V)."
            )
            self._alignment = None
            self.sidebar.versions.set_documents(loaded.article_set.documents)
            self.pair_view.set_alignment(None)
            self.pair_view.list_view.set_placeholder(message)
            self.counts_label.clear()
            self.statusBar().showMessage(message)
            show_nothing_to_compare(self, message)
            self.load_failed.emit(message)
            return
        if self._status_hint:
            self.statusBar().showMessage(self._status_hint)
        else:
            self.statusBar().showMessage(f"{count} versions aligned.", 5000)
        self.show_alignment(self.annotations.attach(opened_set))
        if opened:
            self.set_opened.emit(opened)

    def show_alignment(self, alignment: Alignment) -> None:
        """Hand ``alignment`` (corrections applied) to every view."""
        self._alignment = alignment
        self.sidebar.versions.set_documents(alignment.documents)
        self.pair_view.set_alignment(alignment)
        self.alignment_ready.emit(alignment)

    def _on_failed(self, topic: str, message: str) -> None:
        what = "align the versions" if topic == ALIGN_TOPIC else f"finish ({topic})"
        text = f"newsdiff could not {what}: {message}"
        self.statusBar().showMessage(text)
        report_error(text, self.runner.traceback_of(topic), self, block=False)
        self.load_failed.emit(text)

    def _on_cancelled(self, topic: str) -> None:
        if topic == ALIGN_TOPIC:
            self.statusBar().showMessage("Cancelled — the previous view is kept.")

    def _on_progress(self, topic: str, label: str, done: int, total: int) -> None:
        if topic == ALIGN_TOPIC:
            self.progress.set_progress(label, done, total)

    def _set_busy(self, busy: bool) -> None:
        self.progress.set_busy(busy)

    def _show_counts(self, counts: PairCounts) -> None:
        self.counts_label.setText(
            f"{counts.shared} shared · {counts.reworded} reworded · "
            f"{counts.only_left} omitted (only left) · {counts.only_right} added (only right)"
        )

    def _on_pair_changed(self, left: int, right: int) -> None:
        self.sidebar.versions.set_pair(left, right)
        if self._alignment is not None:
            documents = self._alignment.documents
            self.setWindowTitle(f"{documents[left].outlet} ⇄ {documents[right].outlet} — newsdiff")

    # -- events -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files and folders dropped anywhere on the window."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop engine work before the window (and its signal receivers) go away."""
        self.runner.cancel_all()
        self.runner.wait(3000)
        super().closeEvent(event)
