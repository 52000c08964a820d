"""The main window: versions sidebar, view tabs, toolbar, menus and status bar.

The window owns the data flow for the UI: it loads files and aligns them on
the ``TaskRunner`` (topic ``"align"``, so opening a second set while the
first is still aligning drops the first), then hands the ``Alignment`` to
every view through the application context (``ui.base.context``). Views never
compute alignment themselves.

It is also the one owner of layout and menus. Each feature is built with the
context (and, when it needs one, another feature's object, passed
explicitly); it registers its actions, panels, docks and bars by name, and
the window places them afterwards (``layout.py``), so the order features are
built in never shows. Adding a
view later: build a widget, ``context.add_panel(name, title, widget)``, listen
to ``context.alignment_changed``; the tab bar appears as soon as there is more
than one panel.

Signals: ``alignment_ready(Alignment)``, ``view_filled()`` (the pair view
shows rows for the current alignment), ``load_failed(str)`` (fewer than two
versions could be read, or the engine failed), ``set_opened(list)``.

Loading and aligning report progress (files read, versions placed) to the
status bar's ``ProgressIndicator``, whose Cancel button stops the work; the
view shown before stays, and the status bar says "Cancelled". A failure in
the engine is a bug: it is logged and shown with its traceback (``crash``).

Public API: ``MainWindow``, ``SkippedReporter``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...engine.compare.labels import version_labels
from ...engine.compare.pairing import PairCounts
from ...engine.load.articles import SUPPORTED_SUFFIXES, InputError
from ...engine.model import Alignment
from ...marks_font import install_marks_font
from ..base.context import AlignWork, AppContext
from ..base.file_dialogs import existing_directory, open_file_names
from ..base.legend import Legend
from ..base.session import OpenedSet
from ..base.worker import TaskFailure, TaskRunner
from ..changes.controller import ChangesController
from ..coverage.controller import CoverageController
from ..exercise.controller import ExerciseController
from ..export.action import ExportController
from ..notes.annotations import AnnotationsController
from ..notes.panel import NotesDock
from ..pair.actions import PairActions
from ..pair.options import ViewOptionsController
from ..pair.view import EMPTY_TEXT, PairView
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
from .help import show_shortcuts, show_user_guide
from .layout import DOCK_WIDTH, place_registered
from .panel_tabs import PanelTabs
from .progress import ProgressIndicator
from .status_bar import CountsLabel, StatusBar
from .view_settings import ViewSettings

ALIGN_TOPIC = "align"
SPLITTER_SIZES = (260, 1100)  # sidebar and views, in pixels, at start
SIDEBAR_MIN_WIDTH = 150
# The pair area while the first set is read and aligned (not "Open two or more…").
STORIES_DOCK_MIN = 340  # pixels: the Stories panel's names beside its numbers
LEGEND_MIN_WINDOW_HEIGHT = 560  # logical pixels: below this the legend starts folded
LOADING_TEXT = "Reading and aligning the versions… (Cancel in the status bar stops it)"
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
        install_marks_font()  # ✋ ⓘ … drawn even where no system font has them
        self.setWindowTitle("newsdiff")
        self.setAcceptDrops(True)
        self.runner = TaskRunner(self, inline=inline)
        self.context = context = AppContext(self, self, self.runner)
        self._skipped_reporter = skipped_reporter or (
            lambda skipped, loaded: show_skipped_files(self, skipped, loaded)
        )
        self._status_hint: str | None = None  # shown instead of "N versions aligned."
        self._panels_fitted = False  # fit_panels runs once, when first shown

        self.sidebar = VersionsSidebar()
        self.pair_view = PairView(self.runner)
        self.legend = Legend()
        pair_page = QWidget()
        pair_layout = QVBoxLayout(pair_page)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.setSpacing(0)
        pair_layout.addWidget(self.legend)
        pair_layout.addWidget(self.pair_view, 1)
        context.add_panel("pair", "Pair", pair_page)

        self.tabs = PanelTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)  # one panel: no lonely tab
        views = QWidget()  # the tabs, and under them the bars (find) that stay across tabs
        self._views_layout = QVBoxLayout(views)
        self._views_layout.setContentsMargins(0, 0, 0, 0)
        self._views_layout.setSpacing(0)
        self._views_layout.addWidget(self.tabs, 1)

        self._splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(views)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(SPLITTER_SIZES))
        splitter.setChildrenCollapsible(False)
        self.sidebar.setMinimumWidth(SIDEBAR_MIN_WIDTH)
        self.setCentralWidget(splitter)

        # The sidebar and the pair view take a new alignment before any feature hears of it.
        context.alignment_changed.connect(self._show_in_views)
        context.alignment_changed.connect(self.alignment_ready)
        context.load_failed.connect(self.load_failed)
        context.set_opened.connect(self.set_opened)
        self._build_actions()
        self._build_status_bar()

        self.runner.failed.connect(self._on_failed)
        self.runner.busy_changed.connect(self._set_busy)
        self.pair_view.filled.connect(self.view_filled)
        self.pair_view.counts_changed.connect(self._show_counts)
        self.pair_view.pair_changed.connect(self._on_pair_changed)
        self.sidebar.show_left.connect(lambda n: self.pair_view.set_pair(n, self.pair_view.pair[1]))
        self.sidebar.show_right.connect(
            lambda n: self.pair_view.set_pair(self.pair_view.pair[0], n)
        )
        self._build_features()
        self._lay_out()
        self.view_settings = ViewSettings(self.context, self.pair_view, self.legend_action)

    # -- construction -----------------------------------------------------------
    def _build_actions(self) -> None:
        add = self.context.add_action
        self.open_action = add("open", "&Open Files…", self.open_files_dialog, "Ctrl+O")
        self.open_folder_action = add(
            "open_folder", "Open &Folder…", self.open_folder_dialog, "Ctrl+Shift+O"
        )
        add("quit", "&Quit", self.close, "Ctrl+Q")
        self.next_action = add(
            "next_change",
            "▼ Next change",
            lambda: self._step_change(1),
            "F7",
            "Alt+Down",
            "N",
            tip="Go to the next added, omitted or reworded row",
        )
        self.previous_action = add(
            "previous_change",
            "▲ Previous change",
            lambda: self._step_change(-1),
            "Shift+F7",
            "Alt+Up",
            "P",
            tip="Go to the previous added, omitted or reworded row",
        )
        self.swap_action = add(
            "swap_sides",
            "⇄ Swap sides",
            self.pair_view.swap_sides,
            "Ctrl+Shift+S",
            tip="Swap the left and right versions",
        )
        self.legend_action = QAction("&Legend", self)
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.setToolTip("Show the legend of marks above the pair view")
        self.legend_action.toggled.connect(self.legend.setVisible)
        self.context.register_action("legend", self.legend_action)
        add("user_guide", "&User Guide", lambda: self._keep(show_user_guide(self)), "F1")
        add(
            "shortcuts",
            "&Keyboard Shortcuts",
            lambda: self._keep(show_shortcuts(self.context, self)),
            "Ctrl+/",
        )
        add("about", "&About newsdiff", lambda: show_about(self))

    def _keep(self, dialog: QWidget) -> None:
        """Help windows stay open beside the app; one of each kind is kept."""
        self.help_windows = [w for w in getattr(self, "help_windows", []) if w.isVisible()]
        self.help_windows.append(dialog)

    def _build_status_bar(self) -> None:
        self.setStatusBar(StatusBar(self))
        self.counts_label = CountsLabel()
        self.progress = ProgressIndicator()
        self.progress.cancel_requested.connect(self.cancel_work)
        self.busy_bar = self.progress  # visible exactly while work runs
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_features(self) -> None:
        """Every feature, with the context and what else it names in its constructor."""
        context = self.context
        # Typed changes dock and the versions' profiles.
        self.changes = ChangesController(context, self.pair_view)
        # Paste as new version, version details.
        self.editing = SetEditingController(context, self.sidebar)
        # All versions as columns against a chosen base.
        self.synopsis = SynopsisController(context)
        # Units × versions coverage map in its own tab.
        self.coverage = CoverageController(context, self.synopsis.view)
        # Notes and manual corrections, kept per set, and the pair view's
        # context menu, keys and gutter marks that make and show them.
        self.annotations = AnnotationsController(context)
        self.pair_actions = PairActions(context, self.pair_view, self.annotations)
        # View ▸ reading order, typography and site chrome (every view follows).
        self.view_options = ViewOptionsController(context, self.pair_view)
        self.notes = NotesDock(context, self.annotations, self.pair_actions.note_current)
        # File → Export Report….
        self.exporting = ExportController(context, self.annotations, self.synopsis)
        # Ctrl+F: find in all versions, hits marked in the pair view and the synopsis.
        self.search = SearchController(
            context, self.pair_view, self.synopsis.view, self.sidebar.versions
        )
        # File → Open Recent, reopen at start; folders of stories.
        self.recent = RecentSetsController(context)
        self.stories = StoriesController(context)
        self.stories.dock.visibilityChanged.connect(self._widen_for_stories)
        # Classroom exercises: File → Open Exercise…, Help → Example Exercise.
        self.exercises = ExerciseController(context)
        # The synopsis asks for the same three things as the pair view's rows.
        synopsis = self.synopsis.view
        synopsis.link_requested.connect(self.annotations.link)
        synopsis.unlink_requested.connect(lambda a, b: self.annotations.unlink([(a, b)]))
        synopsis.note_requested.connect(lambda s: self.pair_actions.add_note("sentence", s))
        synopsis.partner_link_requested.connect(self.annotations.link_pairs)
        synopsis.partner_dismiss_requested.connect(self.annotations.dismiss)

    def _lay_out(self) -> None:
        """Place what the features registered: tabs, side panels, bars, menus, toolbar."""
        self.toolbar = place_registered(self, self.context, self.tabs, self._views_layout)

    def fit_panels(self) -> None:
        """Share the window's width out: the sidebar and the side panels take a
        fixed share, within bounds, so a 1024-pixel window keeps room for the
        pair view (the start sizes suit 1400 pixels and took half of 1024)."""
        width = self.width()
        sidebar = max(SIDEBAR_MIN_WIDTH + 20, min(SPLITTER_SIZES[0], round(width * 0.19)))
        dock = max(200, min(DOCK_WIDTH, round(width * 0.27)))
        if not self.stories.dock.isHidden():
            dock = max(dock, self._stories_width())
        docks = [d for _, d in self.context.docks() if not d.isHidden()]
        if docks:
            self.resizeDocks([docks[0]], [dock], Qt.Orientation.Horizontal)
        self._splitter.setSizes([sidebar, max(1, width - sidebar - dock)])
        # A short window keeps its height for the text: the legend folds away
        # (View → Legend brings it back), unless the reader chose once.
        chosen, tall = self.view_settings.legend, self.height() >= LEGEND_MIN_WINDOW_HEIGHT
        self.legend_action.setChecked(tall if chosen is None else chosen)

    def _widen_for_stories(self, visible: bool) -> None:
        """The Stories list needs room for its names beside three number columns:
        its panel takes a third of the window (a 1024-pixel window left the
        names a few pixels and they showed as "…")."""
        dock = self.stories.dock
        if visible and not dock.isFloating() and dock.width() < self._stories_width():
            self.resizeDocks([dock], [self._stories_width()], Qt.Orientation.Horizontal)

    def _stories_width(self) -> int:
        return min(max(STORIES_DOCK_MIN, round(self.width() * 0.36)), self.width() // 2)

    def _step_change(self, direction: int) -> bool:
        """Next/previous change in the view being read: the synopsis's rows on
        its tab, the pair view's everywhere else."""
        if self.context.panel_shown() == "synopsis":
            return self.synopsis.view.step_change(direction)
        if direction > 0:
            return self.pair_view.next_change()
        return self.pair_view.previous_change()

    # -- public -------------------------------------------------------------------
    @property
    def alignment(self) -> Alignment | None:
        return self.context.alignment

    def menu(self, title: str) -> QMenu | None:
        """The menu-bar menu called ``title`` ("File", "Edit", …)."""
        return self.context.menu(title)

    def open_paths(self, paths: Sequence[str | Path], hint: str | None = None) -> None:
        """Load and align ``paths`` (files or folders) off the UI thread.

        ``hint`` stays in the status bar once they are aligned (the example set
        says how to open your own articles); any later open clears it.
        """
        names = [str(path) for path in paths]
        if self.stories.claims(names):  # a folder of story folders: the Stories list
            return
        self.statusBar().showMessage(f"Reading and aligning {len(names)} item(s)…")
        self._align(load_and_align(names), hint, opened=names)

    def align_set(self, work: AlignWork, message: str, hint: str | None) -> None:
        """Run ``work`` (a pasted or relabelled set) as the set's alignment, like
        an open: progress, Cancel, and a newer open replaces it."""
        if message:
            self.statusBar().showMessage(message)
        self._align(work, hint, opened=None)  # not a set on disk: not for Open Recent

    def _align(self, work: AlignWork, hint: str | None, opened: list[str] | None) -> None:
        """The set's alignment, on the topic ``"align"``: a newer one replaces it."""
        self._status_hint = hint
        if self.context.alignment is None:  # nothing on screen: say what is happening
            self.pair_view.list_view.set_placeholder(LOADING_TEXT)
        self.runner.submit(
            work,
            on_progress=self.progress.set_progress,
            on_done=lambda result: self._on_opened(result, opened),
            on_cancelled=self._on_cancelled,
            topic=ALIGN_TOPIC,
        )

    def set_status_hint(self, hint: str | None) -> None:
        """Show ``hint`` instead of "N versions aligned." once the next
        alignment is shown (e.g. "pasted text is kept in memory")."""
        self._status_hint = hint

    def show_alignment(self, alignment: Alignment) -> None:
        """Hand ``alignment`` (corrections applied) to every view."""
        self.context.show_alignment(alignment)

    def reveal_sentence(self, sentence_id: str, pair: tuple[int, int] | None = None) -> None:
        self.pair_view.reveal_sentence(sentence_id, pair)

    def show_pair(self, left: int, right: int) -> None:
        self.pair_view.set_pair(left, right)

    def show_panel_widget(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    def current_panel_widget(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def show_message(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

    def cancel_work(self) -> None:
        """Ask the running work to stop; ``_on_cancelled`` reports when it has."""
        self.runner.cancel_all()

    def open_files_dialog(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        files = open_file_names(
            self, "open", "Open versions of a story", f"Articles ({patterns});;All files (*)"
        )
        if files:
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        folder = existing_directory(self, "open", "Open a folder of versions")
        if folder:
            self.open_paths([folder])

    # -- results --------------------------------------------------------------------
    def _on_opened(self, loaded: OpenedSet, opened: list[str] | None) -> None:
        """Show what an open (``opened``: its paths) or a re-alignment produced."""
        opened_set = loaded.opened
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
            self.context.clear_alignment()
            self.sidebar.versions.set_documents(loaded.article_set.documents)
            self.pair_view.set_alignment(None)
            self.pair_view.list_view.set_placeholder(message)
            self.counts_label.clear()
            self.statusBar().showMessage(message)
            show_nothing_to_compare(self, message)
            self.context.load_failed.emit(message)
            return
        if self._status_hint:
            self.statusBar().showMessage(self._status_hint)
        else:
            self.statusBar().showMessage(f"{count} versions aligned.", 5000)
        self.context.set_alignment(opened_set.raw, self.annotations.attach(opened_set))
        if opened:
            self.context.set_opened.emit(opened)

    def _show_in_views(self, alignment: Alignment) -> None:
        self.sidebar.versions.set_documents(alignment.documents)
        self.pair_view.set_alignment(alignment)

    def _on_failed(self, failure: TaskFailure) -> None:
        """Any work that raised: a bug, shown with its traceback and logged."""
        if failure.topic == ALIGN_TOPIC:
            what = "align the versions"
        else:
            what = f"finish ({failure.topic or 'a background task'})"
        text = f"newsdiff could not {what}: {failure.message}"
        self.statusBar().showMessage(text)
        self._placeholder_unless_shown()
        report_error(text, failure.traceback, self, block=False)
        self.context.load_failed.emit(text)

    def _on_cancelled(self) -> None:
        self.statusBar().showMessage("Cancelled — the previous view is kept.")
        self._placeholder_unless_shown()

    def _placeholder_unless_shown(self) -> None:
        """No set on screen after all: the pair area invites to open one again."""
        if self.context.alignment is None:
            self.pair_view.list_view.set_placeholder(EMPTY_TEXT)

    def _set_busy(self, busy: bool) -> None:
        self.progress.set_busy(busy)

    def _show_counts(self, counts: PairCounts) -> None:
        self.counts_label.set_counts(
            f"{counts.shared} shared · {counts.reworded} reworded · "
            f"{counts.only_left} omitted (only left) · {counts.only_right} added (only right)",
            f"{counts.shared} = · {counts.reworded} ≈ · {counts.only_left} − · "
            f"{counts.only_right} +",
        )

    def _on_pair_changed(self, left: int, right: int) -> None:
        self.context.note_pair(left, right)
        self.sidebar.versions.set_pair(left, right)
        alignment = self.context.alignment
        if alignment is not None:
            labels = version_labels(alignment.documents)  # not outlets: "AP ⇄ AP"
            self.setWindowTitle(f"{labels[left].short} ⇄ {labels[right].short} — newsdiff")

    # -- events -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Share the width out once the window has its size on screen."""
        super().showEvent(event)
        if not self._panels_fitted:
            self._panels_fitted = True
            QTimer.singleShot(0, self.fit_panels)

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
        """Ask the exercise editors about unsaved work, then stop engine work
        before the window (and its signal receivers) go away."""
        if not self.exercises.close_editors():
            event.ignore()
            return
        self.runner.cancel_all()
        self.runner.wait(3000)
        super().closeEvent(event)
