"""Change the open set without touching any file: paste a new version, edit a
version's outlet/title/date, and cancel a running alignment.

Why in memory only: newsdiff never writes to the files it reads. A pasted
version exists only in this session (the status bar says so); edited details
relabel the version everywhere it is shown.

Public API: ``SetEditingController``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QPushButton

from ..engine.align import align
from ..engine.load import InputError, document_from_text
from ..engine.model import ArticleSet, Document
from .loading import LoadResult
from .paste_dialog import VersionTextDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

ALIGN_TOPIC = "align"


class SetEditingController:
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
            tip="Change the outlet, title or date shown for the left version",
        )
        edit_menu.addActions([self.paste_action, self.details_action])
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the running alignment; the current view stays")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.cancel_button)
        window.runner.busy_changed.connect(self.cancel_button.setVisible)
        self.dialog_factory = VersionTextDialog  # tests replace it

    def _documents(self) -> list[Document]:
        alignment = self.window.alignment
        return list(alignment.documents) if alignment else []

    def _realign(self, documents: list[Document], message: str) -> None:
        article_set = ArticleSet(tuple(documents))

        def work(should_cancel):  # type: ignore[no-untyped-def]
            return LoadResult(article_set, ()), align(article_set, should_cancel=should_cancel)

        self.window.statusBar().showMessage(message)
        self.window.runner.submit(ALIGN_TOPIC, work)

    def paste_version(self) -> None:
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

    def edit_details(self) -> None:
        documents = self._documents()
        if not documents:
            return
        left = self.window.pair_view.pair[0]
        current = documents[left]
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
        documents[left] = replace(
            current,
            outlet=values["outlet"] or current.outlet,
            title=values["title"] or current.title,
            date=values["date"] or None,
        )
        self._realign(documents, f"Details of {current.name} changed (the file is untouched).")

    def cancel(self) -> None:
        self.window.runner.cancel_all()
        self.window.statusBar().showMessage("Cancelled — the previous view is kept.")
