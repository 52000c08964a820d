"""View ▸ reading order, typography and site chrome: the reader's choices, as actions.

* **Read in Left's / Right's Order** (Ctrl+[ / Ctrl+]) — the pair view's rows
  follow one version's own order (``PairView.set_order``); the reading bar
  has the same two buttons.
* **Show Typography and Case Changes** — off by default: curly and straight
  quotes, "…" and "...", capitals are not changes in any view (the word
  diff's ``exact``), as Meld's text filters ignore what the reader asks.
* **Show Site Chrome** — off by default: credits, datelines, bylines, page
  furniture and rows of punctuation alone are left out of the pair view and
  the synopsis; the reading bar says how many.

Both options live on the application context (``AppContext.options``) so
every view follows the same ones; the pair view hears of them here.

Public API: ``ViewOptionsController``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ...engine.compare.reading import Order
from ..base.context import AppContext
from ..base.view_options import ViewOptions
from .view import PairView


class ViewOptionsController:
    def __init__(self, context: AppContext, pair_view: PairView) -> None:
        self.context = context
        self.pair_view = pair_view
        widget = context.widget
        group = QActionGroup(widget)
        group.setExclusive(True)
        self.order_actions: dict[Order, QAction] = {}
        for order, key in ((Order.LEFT, "Ctrl+["), (Order.RIGHT, "Ctrl+]")):
            action = QAction(f"Read in the {order.value.title()} Version's Order", widget)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"Rows follow the {order.value} version's own order ({key})")
            action.triggered.connect(lambda _=False, o=order: pair_view.set_order(o))
            group.addAction(action)
            context.register_action(f"order_{order.value}", action)
            self.order_actions[order] = action
        self.order_actions[pair_view.order].setChecked(True)
        self.typography_action = self._toggle(
            "show_typography",
            "Show &Typography and Case Changes",
            "Count curly/straight quotes, “…”/“...”, dashes and capitals as word changes",
            lambda on: replace(context.options, exact=on),
        )
        self.chrome_action = self._toggle(
            "show_chrome",
            "Show Site &Chrome",
            "Show credits, datelines, bylines, page furniture and lone punctuation rows",
            lambda on: replace(context.options, show_chrome=on),
        )
        pair_view.order_changed.connect(lambda o: self.order_actions[o].setChecked(True))
        pair_view.show_chrome_requested.connect(lambda: self.chrome_action.setChecked(True))
        context.options_changed.connect(self._follow)
        pair_view.set_options(context.options)

    def _toggle(
        self, name: str, text: str, tip: str, options: Callable[[bool], ViewOptions]
    ) -> QAction:
        action = QAction(text, self.context.widget)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.toggled.connect(lambda on: self.context.set_options(options(on)))
        return self.context.register_action(name, action)

    def _follow(self, options: ViewOptions) -> None:
        """Actions and the pair view follow the options, whoever changed them."""
        for action, on in ((self.typography_action, options.exact),
                           (self.chrome_action, options.show_chrome)):  # fmt: skip
            if action.isChecked() != on:
                action.blockSignals(True)
                action.setChecked(on)
                action.blockSignals(False)
        self.pair_view.set_options(options)
