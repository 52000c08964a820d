"""The View menu's choices come back at the next start (kept in the settings file)."""

from __future__ import annotations

from newsdiff_gui.engine.compare.pairing import RowKind
from newsdiff_gui.engine.compare.reading import Order
from newsdiff_gui.engine.store.settings import SettingsStore
from newsdiff_gui.ui.app.main_window import MainWindow


def _window(qtbot, skipped) -> MainWindow:
    window = MainWindow(inline=True, skipped_reporter=skipped)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window._panels_fitted)
    qtbot.wait(20)  # fit_panels runs on a zero timer after the first show
    return window


def _dock(window: MainWindow, name: str):
    return dict(window.context.docks())[name]


def test_view_choices_are_restored_at_the_next_start(qtbot, skipped, seeds) -> None:
    first = _window(qtbot, skipped)
    assert not first.context.options.exact and not first.context.options.show_chrome
    first.view_options.typography_action.trigger()
    first.view_options.chrome_action.trigger()
    first.view_options.order_actions[Order.RIGHT].trigger()
    first.legend_action.trigger()  # the reader folds the legend
    _dock(first, "notes-dock").close()
    first.close()
    saved = SettingsStore().settings.view
    assert saved["show_typography"] is True and saved["order"] == "right"

    second = _window(qtbot, skipped)
    options = second.context.options
    assert options.exact and options.show_chrome
    assert second.view_options.typography_action.isChecked()
    assert second.view_options.chrome_action.isChecked()
    assert second.pair_view.order is Order.RIGHT
    assert second.view_options.order_actions[Order.RIGHT].isChecked()
    assert not second.legend_action.isChecked() and not second.legend.isVisible()
    assert _dock(second, "notes-dock").isHidden()
    assert not _dock(second, "changes-dock").isHidden()
    # The views follow: site chrome rows are in the pair view of a set opened now.
    second.open_paths(seeds)
    kinds = {
        second.pair_view.model.row_at(n).kind for n in range(second.pair_view.model.rowCount())
    }
    assert RowKind.BOILERPLATE in kinds
    assert second.pair_view.reading().order is Order.RIGHT


def test_a_first_start_has_the_defaults_and_saves_only_choices(qtbot, skipped) -> None:
    window = _window(qtbot, skipped)
    options = window.context.options
    assert not options.exact and not options.show_chrome
    assert window.pair_view.order is Order.LEFT
    assert window.legend_action.isChecked()  # a tall window shows the legend
    assert "legend" not in SettingsStore().settings.view  # not chosen by the reader
    window.view_options.chrome_action.trigger()
    window.view_options.chrome_action.trigger()
    assert SettingsStore().settings.view["show_chrome"] is False


def test_a_short_window_folds_the_legend_unless_the_reader_chose(qtbot, skipped) -> None:
    first = _window(qtbot, skipped)
    first.resize(1024, 500)
    first.fit_panels()
    assert not first.legend_action.isChecked()  # folded for the height
    first.legend_action.trigger()  # the reader wants it anyway
    first.close()
    second = MainWindow(inline=True, skipped_reporter=skipped)
    qtbot.addWidget(second)
    second.resize(1024, 500)
    second.show()
    second.fit_panels()
    assert second.legend_action.isChecked()
