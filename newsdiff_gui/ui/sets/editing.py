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

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from ...engine.load.articles import InputError, document_from_text
from ...engine.load.set_limits import set_limit_problem
from ...engine.model import Alignment, Document
from ...engine.segment.setwide import article_set as build_article_set
from ...engine.session.open_set import open_article_set, with_corrections
from ..base.context import AppContext
from ..base.session import OpenedSet
from ..base.worker import Report, ShouldCancel
from .paste_dialog import VersionTextDialog
from .versions_sidebar import VersionsSidebar


class SetEditingController:
    """Edit menu actions over the current set (the versions in ``sidebar``)."""

    def __init__(self, context: AppContext, sidebar: VersionsSidebar) -> None:
        self.context = context
        self.sidebar = sidebar
        self.paste_action = context.add_action(
            "paste_version",
            "&Paste as New Version…",
            self.paste_version,
            "Ctrl+Shift+V",
            tip="Add the text on the clipboard as another version of the story",
        )
        self.details_action = context.add_action(
            "version_details",
            "Edit Version &Details…",
            self.edit_details,
            "Ctrl+E",
            tip="Change the outlet, title or date shown for the selected (or left) version",
        )
        sidebar.edit_requested.connect(self.edit_details)
        self.dialog_factory: Callable[..., VersionTextDialog] = VersionTextDialog  # tests

    def _documents(self) -> list[Document]:
        """The versions shown in the sidebar (also when fewer than two loaded)."""
        versions = self.sidebar.versions
        return [versions.document(number) for number in range(versions.rowCount())]

    def _realign(self, documents: list[Document], message: str) -> None:
        article_set = build_article_set(documents)

        def work(should_cancel: ShouldCancel, report: Report) -> OpenedSet:
            if len(article_set) < 2:
                return OpenedSet(article_set, (), None)
            # Not through the cache: its entries hold the texts, and a pasted
            # version is promised to stay in memory.
            opened = open_article_set(
                article_set, cached=False, should_cancel=should_cancel, progress=report
            )
            return OpenedSet(article_set, (), opened)

        # As the set's alignment: a new open replaces a paste still aligning.
        self.context.align_set(work, f"Aligning {len(documents)} versions…", hint=message)

    def paste_version(self) -> None:
        """Ask for the text (prefilled from the clipboard) and add it as a version."""
        clipboard = QGuiApplication.clipboard().text()
        dialog = self.dialog_factory(
            "Paste as New Version", text=clipboard, parent=self.context.widget
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        documents = self._documents()
        name = f"pasted-{len(documents) + 1}.txt"
        try:
            document = document_from_text(values["text"], name, len(documents))
        except InputError as error:
            QMessageBox.warning(
                self.context.widget, "newsdiff", f"Cannot add this text: {error.reason}"
            )
            return
        too_much = set_limit_problem(documents, len(document.text))
        if too_much:
            QMessageBox.warning(
                self.context.widget, "newsdiff", f"Cannot add this text: {too_much}"
            )
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
        index = self.sidebar.currentIndex()
        return index.row() if index.isValid() else self.context.pair[0]

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
            parent=self.context.widget,
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
        old = self.context.raw_alignment if self.context.alignment else None
        if old is None:  # one version, nothing compared: only the sidebar shows it
            self.sidebar.versions.set_documents(tuple(documents))
            return
        article_set = build_article_set(documents)
        alignment = Alignment(article_set, old.units, old.links)
        # As the set's alignment so every view takes the relabelled set as after
        # an open; the work is only the wrapping done above, so it returns at once.
        self.context.align_set(
            lambda _cancel, _report: OpenedSet(article_set, (), with_corrections(alignment)),
            "",
            hint=f"Details of {current.name} changed in newsdiff only (the file is untouched).",
        )
