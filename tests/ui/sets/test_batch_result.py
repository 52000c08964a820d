"""File → Open Batch Result…: the day's stories in the Stories panel; a click opens one."""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from support.batch_result import make_batch_result

from newsdiff_gui.engine.batch.result import BatchStory
from newsdiff_gui.ui.sets.batch_stories_model import ARTICLES, CHURN, OUTLETS, TITLE
from newsdiff_gui.ui.sets.stories_model import STORY_ROLE


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    return make_batch_result(tmp_path_factory.mktemp("batch-ui"), "parquet")


def _column(window, column: int) -> list[str]:
    proxy = window.stories.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def _boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.windowTitle() == "Open Batch Result"]


def _click(qtbot, window, row: int) -> None:
    table = window.stories.table
    rect = table.visualRect(window.stories.proxy.index(row, TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_file_menu_opens_a_result_and_lists_its_stories(
    window, day, monkeypatch, qtmodeltester
) -> None:
    out, _records = day
    assert window.stories.batch.open_action in window.menu("File").actions()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: str(out))
    window.stories.batch.open_action.trigger()
    stories = window.stories
    assert stories.dock.isVisible() and stories.dock.windowTitle() == f"Stories — {out.name}"
    qtmodeltester.check(stories.batch.model)
    assert _column(window, ARTICLES) == ["4", "4", "4", "1", "1", "1"]  # largest first
    assert _column(window, OUTLETS)[:3] == ["4", "4", "4"]
    churn = _column(window, CHURN)
    assert all(c.endswith("%") and 50 <= int(c[:-1]) <= 100 for c in churn[:3]), churn
    assert churn[3:] == ["—", "—", "—"]  # one article: no churn
    titles = _column(window, TITLE)
    assert all(titles) and len(set(titles)) == 6
    tip = stories.proxy.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "aggregator.example" in tip and "Median churn" in tip
    assert window.alignment is None  # nothing opens until the reader chooses
    assert "6 stories (3 of two or more articles) from 15 articles" in (
        window.statusBar().currentMessage()
    )


def test_each_column_sorts_by_what_it_means(window, day) -> None:
    window.stories.batch.open_result(day[0])
    table = window.stories.table
    table.sortByColumn(CHURN, Qt.SortOrder.AscendingOrder)
    churn = [c for c in _column(window, CHURN) if c != "—"]
    assert _column(window, CHURN)[:3] == ["—"] * 3
    assert [int(c[:-1]) for c in churn] == sorted(int(c[:-1]) for c in churn)
    table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    titles = _column(window, TITLE)
    assert titles == sorted(titles, key=str.lower)
    table.sortByColumn(ARTICLES, Qt.SortOrder.AscendingOrder)
    assert _column(window, ARTICLES) == ["1", "1", "1", "4", "4", "4"]


def test_clicking_a_story_opens_its_versions_in_the_pair_view(qtbot, window, day) -> None:
    out, records = day
    window.open_paths([out])  # a result folder opened like any folder is recognised
    table = window.stories.table
    table.sortByColumn(CHURN, Qt.SortOrder.DescendingOrder)  # the most churned story first
    chosen = window.stories.proxy.index(0, TITLE).data(STORY_ROLE)
    publisher = {r["id"]: r.get("publisher", "") for r in records}
    text_of = {r["id"]: r["text"] for r in records}
    _click(qtbot, window, 0)
    alignment = window.alignment
    assert alignment is not None and len(alignment.documents) == 3
    ids = {a.id for a in chosen.articles}
    assert {d.text for d in alignment.documents} == {text_of[i] for i in ids}
    story_publishers = {publisher[i] for i in ids}
    assert all(d.outlet.split(" (also ")[0] in story_publishers for d in alignment.documents)
    assert window.pair_view.alignment is alignment and window.pair_view.model.rowCount() > 0
    assert window.stories.batch.model.current >= 0  # shown in bold

    by_story: dict[str, set[str]] = defaultdict(set)
    for record in records:
        by_story[record["story"]].add(record["id"])
    _click(qtbot, window, 1)  # another story replaces it
    other = window.stories.proxy.index(1, TITLE).data(STORY_ROLE)
    assert {d.text for d in window.alignment.documents} == {text_of[a.id] for a in other.articles}
    assert frozenset(a.id for a in other.articles) in {frozenset(v) for v in by_story.values()}


def test_a_one_article_story_says_there_is_nothing_to_compare(qtbot, window, day) -> None:
    window.stories.batch.open_result(day[0])
    _click(qtbot, window, 5)  # sorted largest first: the last is one article
    assert window.alignment is None
    assert "one article" in window.statusBar().currentMessage()


def test_a_story_of_identical_copies_says_so(window, tmp_path) -> None:
    copies = BatchStory("s1", 3, ("a.example", "b.example"), "Reposted", distinct_texts=1)
    batch = window.stories.batch
    batch.model.set_stories([replace(copies, folder=tmp_path)])
    batch.open_story(0)
    assert window.alignment is None
    assert "same text" in window.statusBar().currentMessage()
    tip = batch.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "same text" in tip and "a.example, b.example" in tip


def test_a_bad_or_partial_folder_is_one_line_in_a_dialog(window, day, tmp_path) -> None:
    window.stories.batch.open_result(tmp_path)
    (box,) = _boxes(window)
    assert box.text().count("\n") == 0 and "no batch result" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()

    unfinished = tmp_path / "unfinished"
    (unfinished / ".parts" / "stories").mkdir(parents=True)
    window.stories.batch.open_result(unfinished)
    assert any("has not finished" in b.text() for b in _boxes(window))
    assert not window.stories.dock.isVisible()


def test_a_result_without_texts_lists_stories_and_says_why_they_do_not_open(
    qtbot, window, day, tmp_path
) -> None:
    older = tmp_path / "older"
    shutil.copytree(day[0], older)
    shutil.rmtree(older / "stories")
    window.stories.batch.open_result(older)
    assert _column(window, ARTICLES) == ["4", "4", "4", "1", "1", "1"]
    (notice,) = _boxes(window)
    assert notice.icon() == QMessageBox.Icon.Information and "--fresh" in notice.text()
    _click(qtbot, window, 0)
    assert window.alignment is None and "No texts" in window.statusBar().currentMessage()


def test_a_collection_after_a_result_shows_the_collection(window, day, tmp_path, seeds) -> None:
    window.stories.batch.open_result(day[0])
    root = tmp_path / "collection"
    for name, picks in (("first", seeds[:2]), ("second", seeds[2:4])):
        (root / name).mkdir(parents=True)
        for seed in picks:
            shutil.copy(seed, root / name / seed.name)
    window.open_paths([root])
    assert window.stories.proxy.sourceModel() is window.stories.model
    assert _column(window, 0) == ["first", "second"]
    assert len(window.alignment.documents) == 2
