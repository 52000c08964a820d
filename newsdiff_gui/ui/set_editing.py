"""Change the open set without touching any file: paste a new version, and
edit a version's outlet/title/date.

Why in memory only: newsdiff never writes to the files it reads. A pasted
version exists only in this session (the status bar says so); edited details
relabel the version everywhere it is shown, until the set is opened again
(keeping edits across sessions belongs with notes, later).

Editing details does not re-align: units and links refer to sentences by id,
and the sentences do not change, so the same units and links are wrapped
around the relabelled documents. Pasting a version re-aligns the whole set
on the worker, with progress and Cancel like opening files.

Public API: ``SetEditingController``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ..engine.align import align
from ..engine.load import InputError, document_from_text
from ..engine.model import Alignment, ArticleSet, Document
from ..engine.set_limits import set_limit_problem
from .loading import LoadResult
from .paste_dialog import VersionTextDialog
from .worker import Report

if TYPE_CHECKING:
    from .main_window import MainWindow

ALIGN_TOPIC = "align"  # the main window's topic: a new open replaces a paste


class SetEditingController:
    """Edit menu actions over the main window's current set."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        edit_menu = QMenu("&Edit", window)
        window.menuBar().insertMenu(window.menuBar().actions()[1], edit_menu)  # after File
        self.paste_action = window._action(
            "&Paste as New Version…",
            self.paste_version,
            "Ctrl+Shift+V",
            tip="Add the text on the clipboard as another version of the story",
        )
        self.details_action = window._action(
            "Edit Version &Details…",
            self.edit_details,
            "Ctrl+E",
            tip="Change the outlet, title or date shown for the selected (or left) version",
        )
        edit_menu.addActions([self.paste_action, self.details_action])
        window.sidebar.edit_requested.connect(self.edit_details)
        self.dialog_factory: Callable[..., VersionTextDialog] = VersionTextDialog  # tests

    def _documents(self) -> list[Document]:
        """The versions shown in the sidebar (also when fewer than two loaded)."""
        versions = self.window.sidebar.versions
        return [versions.document(number) for number in range(versions.rowCount())]

    def _realign(self, documents: list[Document], message: str) -> None:
        article_set = ArticleSet(tuple(documents))

        def work(should_cancel: Callable[[], bool], report: Report) -> tuple[LoadResult, object]:
            if len(article_set) < 2:
                return LoadResult(article_set, ()), None
            alignment = align(
                article_set,
                should_cancel=should_cancel,
                progress=lambda done, total: report("Aligning", done, total),
            )
            return LoadResult(article_set, ()), alignment

        self.window.set_status_hint(message)
        self.window.statusBar().showMessage(f"Aligning {len(documents)} versions…")
        self.window.runner.submit(ALIGN_TOPIC, work, with_progress=True)

    def paste_version(self) -> None:
        """Ask for the text (prefilled from the clipboard) and add it as a version."""
        clipboard = QGuiApplication.clipboard().text()
        dialog = self.dialog_factory("Paste as New Version", text=clipboard, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        documents = self._documents()
        name = f"pasted-{len(documents) + 1}.txt"
        try:
            document = document_from_text(values["text"], name, len(documents))
        except InputError as error:
            QMessageBox.warning(self.window, "newsdiff", f"Cannot add this text: {error.reason}")
            return
        too_much = set_limit_problem(documents, len(document.text))
        if too_much:
            QMessageBox.warning(self.window, "newsdiff", f"Cannot add this text: {too_much}")
            return
        document = replace(
            document,
            outlet=values["outlet"] or document.outlet,
            title=values["title"] or document.title,
            date=values["date"] or document.date,
        )
        self._realign(
            [*documents, document],
            f"Added {document.outlet} from the clipboard (kept in memory, no file written).",
        )

    def _chosen_version(self) -> int:
        """The version selected in the sidebar, else the left one."""
        index = self.window.sidebar.currentIndex()
        return index.row() if index.isValid() else self.window.pair_view.pair[0]

    def edit_details(self, number: int | None = None) -> None:
        """Relabel version ``number`` (default: the chosen one) in the app only."""
        documents = self._documents()
        if number is None or isinstance(number, bool):  # triggered(bool) from the menu
            number = self._chosen_version()
        if not 0 <= number < len(documents):
            return
        current = documents[number]
        dialog = self.dialog_factory(
            f"Details of {current.name}",
            outlet=current.outlet,
            headline=current.title,
            date=current.date or "",
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        documents[number] = replace(
            current,
            outlet=values["outlet"] or current.outlet,
            title=values["title"] or current.title,
            date=values["date"] or None,
        )
        # The engine's own alignment: the reader's corrections are applied on top again.
        old = self.window.annotations.raw if self.window.alignment else None
        if old is None:  # one version, nothing compared: only the sidebar shows it
            self.window.sidebar.versions.set_documents(tuple(documents))
            return
        article_set = ArticleSet(tuple(documents))
        alignment = Alignment(article_set, old.units, old.links)
        self.window.set_status_hint(
            f"Details of {current.name} changed in newsdiff only (the file is untouched)."
        )
        # Through the runner so every view takes the relabelled set as after an
        # open; the work is only the wrapping done above, so it returns at once.
        self.window.runner.submit(
            ALIGN_TOPIC, lambda _cancel: (LoadResult(article_set, ()), alignment)
        )
