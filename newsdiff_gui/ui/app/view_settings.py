"""The View menu's choices, kept in the settings and restored at start.

Why: a reader who shows site chrome, reads in the right version's order or
folds the legend had to do it again on every start. Each choice is saved
(``SettingsStore.set_view``) the moment the reader makes it, by name:

* ``show_typography``, ``show_chrome`` — the ``ViewOptions`` every view follows;
* ``order`` — ``"left"`` or ``"right"``: whose order the pair view reads in;
* ``legend`` — only once the reader toggles it (until then the window folds
  it on short screens, ``MainWindow.fit_panels``);
* ``panel:changes-dock``, ``panel:notes-dock`` — the side panels shown or
  closed. The Stories panel is not kept: it comes with a folder of stories.

A settings file that cannot be written loses nothing on screen: the status
bar says the choice will not be remembered.

Public API: ``ViewSettings``, ``KEPT_PANELS``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from ...engine.compare.reading import Order
from ...engine.store.settings import SettingsStore
from ..base.context import AppContext
from ..base.view_options import ViewOptions
from ..pair.view import PairView

KEPT_PANELS = ("changes-dock", "notes-dock")


class ViewSettings:
    def __init__(
        self,
        context: AppContext,
        pair_view: PairView,
        legend: QAction,
        store: SettingsStore | None = None,
    ) -> None:
        self.context = context
        self.store = store or SettingsStore()
        saved = dict(self.store.settings.view)
        self._docks = {name: dock for name, dock in context.docks() if name in KEPT_PANELS}
        # Restore first, then listen: what is restored is not saved again.
        options = context.options
        exact, chrome = _flag(saved, "show_typography"), _flag(saved, "show_chrome")
        context.set_options(
            replace(
                options,
                exact=options.exact if exact is None else exact,
                show_chrome=options.show_chrome if chrome is None else chrome,
            )
        )
        if saved.get("order") in {o.value for o in Order}:
            pair_view.set_order(Order(str(saved["order"])))
        self.legend = _flag(saved, "legend")
        if self.legend is not None:
            legend.setChecked(self.legend)
        for name, dock in self._docks.items():
            shown = _flag(saved, f"panel:{name}")
            if shown is not None:
                dock.setHidden(not shown)
        context.options_changed.connect(self._keep_options)
        pair_view.order_changed.connect(lambda order: self._keep("order", order.value))
        legend.triggered.connect(self._keep_legend)
        for name, dock in self._docks.items():
            dock.visibilityChanged.connect(lambda _on, n=name, d=dock: self._keep_panel(n, d))

    def _keep_options(self, options: ViewOptions) -> None:
        self._keep("show_typography", options.exact)
        self._keep("show_chrome", options.show_chrome)

    def _keep_legend(self, shown: bool) -> None:
        self.legend = shown
        self._keep("legend", shown)

    def _keep_panel(self, name: str, dock: QDockWidget) -> None:
        # Tabbed behind another panel is not closed: only a hidden dock is.
        self._keep(f"panel:{name}", not dock.isHidden())

    def _keep(self, name: str, value: bool | str) -> None:
        try:
            self.store.set_view(name, value)
        except OSError as error:
            self.context.show_message(f"View choices will not be remembered: {error}", 10000)


def _flag(saved: dict[str, bool | str], name: str) -> bool | None:
    """A saved yes/no choice, or None when there is none (or it is not a yes/no)."""
    value = saved.get(name)
    return value if isinstance(value, bool) else None
