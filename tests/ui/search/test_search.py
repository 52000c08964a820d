"""Find in all versions (Ctrl+F): what is marked, where next/previous land, counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from newsdiff_gui.ui.sets.versions_model import HITS_ROLE


def _search(win, text: str, **options: bool) -> None:
    win.search.open()
    bar = win.search.bar
    bar.case.setChecked(options.get("case_sensitive", False))
    bar.whole.setChecked(options.get("whole_word", False))
    bar.regex.setChecked(options.get("regex", False))
    bar.field.setText(text)
    win.search.run()


def _marked_cells(win) -> list[tuple[int, bool, list[tuple[str, bool]]]]:
    """(row, left?, [(marked text, is it the current hit)]) for every cell with hits."""
    view = win.pair_view
    delegate = view.delegate
    width = delegate._text_width(view.list_view.viewport().width())
    theme = delegate.theme
    found = []
    for row in range(view.model.rowCount()):
        index = view.model.index(row, 0)
        for left in (True, False):
            document = delegate.document(index, left, width)
            marks: list[tuple[str, bool]] = []
            cursor = QTextCursor(document)
            text = document.toPlainText()
            run = ""
            current = False
            for position in range(len(text)):
                cursor.setPosition(position + 1)
                fmt = cursor.charFormat()
                bold = fmt.fontWeight() == QFont.Weight.Bold
                colour = fmt.background().color()
                if bold and colour in (theme.search_hit_bg, theme.search_current_bg):
                    run += text[position]
                    current = current or colour == theme.search_current_bg
                elif run:
                    marks.append((run, current))
                    run, current = "", False
            if run:
                marks.append((run, current))
            if marks:
                found.append((row, left, marks))
    return found


def test_every_hit_on_screen_is_marked_and_one_is_current(seeded):
    _search(seeded, "maduro")
    cells = _marked_cells(seeded)
    marks = [text for _, _, runs in cells for text, _ in runs]
    left, right = seeded.pair_view.model.left_document, seeded.pair_view.model.right_document
    counts = seeded.search.result.counts
    assert len(marks) == counts[left.id] + counts[right.id]
    assert {m.lower() for m in marks} == {"maduro"}
    assert sum(current for _, _, runs in cells for _, current in runs) == 1


def test_counts_per_version_in_the_sidebar_and_the_bar(seeded):
    _search(seeded, "Maduro")
    versions = seeded.sidebar.versions
    texts = [d.text for d in seeded.alignment.documents]
    for row, text in enumerate(texts):
        assert versions.index(row, 0).data(HITS_ROLE) == text.count("Maduro")
    total = sum(text.count("Maduro") for text in texts)
    assert f"of {total}," in seeded.search.bar.counts.text()
    seeded.search.bar.close_bar()
    assert versions.index(0, 0).data(HITS_ROLE) is None
    assert _marked_cells(seeded) == []


def test_next_and_previous_walk_through_all_versions(seeded):
    _search(seeded, "fentanyl")
    result = seeded.search.result
    on_screen = {seeded.pair_view.model.left_document.id, seeded.pair_view.model.right_document.id}
    elsewhere = next(n for n, hit in enumerate(result.hits) if hit.document not in on_screen)
    while seeded.search.current != elsewhere:
        seeded.search.next_hit()
    hit = seeded.search.current_hit()
    assert seeded.pair_view.model.left_document.id == hit.document  # brought on screen
    row = seeded.pair_view.current_row()
    assert any(s.start <= hit.start < s.end for s in seeded.pair_view.model.row_at(row).left)
    assert any(current for _, left, runs in _marked_cells(seeded) for _, current in runs if left)
    seeded.search.previous_hit()
    assert seeded.search.current == (elsewhere - 1) % result.total


def test_enter_and_shift_enter_in_the_field(seeded, qtbot):
    _search(seeded, "officials")
    start = seeded.search.current
    qtbot.keyClick(seeded.search.bar.field, Qt.Key.Key_Return)
    assert seeded.search.current == start + 1
    qtbot.keyClick(seeded.search.bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert seeded.search.current == start
    qtbot.keyClick(seeded.search.bar.field, Qt.Key.Key_Escape)
    assert not seeded.search.bar.isVisible()


def test_whole_words_case_and_bad_regex(seeded):
    _search(seeded, "US", case_sensitive=True, whole_word=True)
    exact = seeded.search.result.total
    _search(seeded, "us")
    assert seeded.search.result.total > exact  # "thus", "because", "U.S."…
    _search(seeded, "(unclosed", regex=True)
    assert seeded.search.result is None
    assert "regular expression" in seeded.search.bar.counts.text()
    assert _marked_cells(seeded) == []


def test_no_hits_says_so(seeded):
    _search(seeded, "zebra crossing")
    assert seeded.search.result.total == 0
    assert "No hits" in seeded.search.bar.counts.text()


def test_on_the_synopsis_tab_hits_are_marked_in_every_column_and_selected(seeded):
    synopsis = seeded.synopsis.view
    seeded.tabs.setCurrentWidget(synopsis)
    _search(seeded, "fentanyl")
    delegate = synopsis.table.delegate
    theme = delegate.theme
    marked_columns = set()
    model = synopsis.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            document = delegate.document(row, column, 300)
            cursor = QTextCursor(document)
            for position in range(1, len(document.toPlainText()) + 1):
                cursor.setPosition(position)
                fmt = cursor.charFormat()
                if fmt.fontOverline() and fmt.background().color() == theme.search_hit_bg:
                    marked_columns.add(column)
                    break
    carrying = {
        n for n, d in enumerate(seeded.alignment.documents) if seeded.search.result.counts[d.id]
    }
    assert marked_columns == carrying and len(carrying) >= 2
    seeded.search.next_hit()
    assert seeded.tabs.currentWidget() is synopsis  # stays on the synopsis
    hit = seeded.search.current_hit()
    row, column = synopsis.current_cell()
    assert row == model.row_of_sentence(hit.sentence)
    assert seeded.alignment.documents[column].id == hit.document


def test_search_runs_on_the_worker_in_the_real_window(qtbot, seeds):
    from newsdiff_gui.ui.app.main_window import MainWindow

    win = MainWindow(skipped_reporter=lambda *_: None)  # threaded, as in the app
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.view_filled, timeout=20000):
        win.open_paths(seeds)
    win.search.open()
    win.search.bar.field.setText("Maduro")
    qtbot.waitUntil(lambda: win.search.result is not None, timeout=5000)
    assert win.search.result.total > 0
    assert "Hit " in win.search.bar.counts.text()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=20000)
    win.close()
