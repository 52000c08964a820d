"""The application context on its own, with a stand-in for the window (the ``Shell``).

Why: features now depend on the context, not on the main window; these tests
pin what it promises them — registries by name, and that work computed from
one alignment never lands after another alignment (or none) is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import Alignment
from newsdiff_gui.ui.base.context import AlignWork, AppContext
from newsdiff_gui.ui.base.worker import TaskRunner


class FakeShell:
    """Records what features ask the window to do."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.front: QWidget | None = None

    def open_paths(self, paths: Sequence[str | Path], hint: str | None = None) -> None:
        self.calls.append(("open", list(paths), hint))

    def align_set(self, work: AlignWork, message: str, hint: str | None) -> None:
        self.calls.append(("align", message, hint))

    def reveal_sentence(self, sentence_id: str, pair: tuple[int, int] | None = None) -> None:
        self.calls.append(("reveal", sentence_id, pair))

    def show_pair(self, left: int, right: int) -> None:
        self.calls.append(("pair", left, right))

    def show_panel_widget(self, widget: QWidget) -> None:
        self.front = widget

    def current_panel_widget(self) -> QWidget | None:
        return self.front

    def show_message(self, text: str, msecs: int = 0) -> None:
        self.calls.append(("message", text, msecs))


def _alignment() -> Alignment:
    article_set = documents_from_texts([("a.txt", "One sentence."), ("b.txt", "Another one.")])
    return Alignment(article_set, (), ())


@pytest.fixture
def context(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return AppContext(FakeShell(), widget, TaskRunner(widget))


def test_actions_menus_and_panels_are_registered_by_name(context) -> None:
    triggered: list[bool] = []
    action = context.add_action("find", "&Find", lambda: triggered.append(True), "Ctrl+F")
    assert context.action("find") is action
    assert action.toolTip() == "&Find (Ctrl+F)"
    assert action in context.widget.actions()  # its shortcut works without a menu
    action.trigger()
    assert triggered == [True]
    with pytest.raises(ValueError, match="already registered"):
        context.add_action("find", "Again", lambda: None)
    with pytest.raises(KeyError):
        context.action("missing")
    first, second = QLabel("one"), QLabel("two")
    context.add_panel("one", "One", first)
    context.add_panel("two", "Two", second)
    assert [name for name, _, _ in context.panels()] == ["one", "two"]
    context.show_panel("two")
    assert context.panel_shown() == "two"
    dock = context.add_dock("notes-dock", "Notes", QLabel("notes"))
    assert context.docks() == [("notes-dock", dock)]
    assert dock.objectName() == "notes-dock" and dock.windowTitle() == "Notes"


def test_requests_go_to_the_window(context) -> None:
    context.reveal_sentence("d0s1", pair=(0, 2))
    context.show_pair(1, 0)
    context.open_paths(["a.txt"], hint="hi")
    context.show_message("Saved", 4000)
    assert context._shell.calls == [
        ("reveal", "d0s1", (0, 2)),
        ("pair", 1, 0),
        ("open", ["a.txt"], "hi"),
        ("message", "Saved", 4000),
    ]


def test_work_on_an_alignment_is_dropped_once_another_is_shown(qtbot, context) -> None:
    first, second = _alignment(), _alignment()
    context.set_alignment(first, first)
    release, stopped = threading.Event(), threading.Event()
    answers: list[str] = []

    def slow(cancel) -> str:
        release.wait(5)
        if cancel():
            stopped.set()
        return "for the first alignment"

    ticket = context.run_on_alignment(slow, answers.append, topic="coverage", background=True)
    shown: list[Alignment] = []
    context.alignment_changed.connect(shown.append)
    context.show_alignment(second)
    assert not ticket.running  # dropped before anyone heard of the new alignment
    release.set()
    assert context.runner.wait(5000)
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=5000)
    assert stopped.is_set()
    assert answers == []
    assert shown == [second] and context.alignment is second


def test_clearing_the_set_drops_its_work_too(qtbot, context) -> None:
    alignment = _alignment()
    context.set_alignment(alignment, alignment)
    release = threading.Event()
    answers: list[str] = []
    context.run_on_alignment(
        lambda cancel: release.wait(5) and "late", answers.append, topic="synopsis"
    )
    context.clear_alignment()
    release.set()
    assert context.runner.wait(5000)
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=5000)
    assert answers == []
    assert context.alignment is None and context.raw_alignment is None
