"""PySide6 user interface: windows, views, Qt models, workers and theme.

Nothing in here computes alignment: views read the engine's ``Alignment`` and
``PairRow`` records, produced on a worker thread (``worker.py``). Only this
package imports Qt, so the CLI and the engine stay headless.

Entry point: ``newsdiff_gui.ui.launch.launch_gui``.
"""

from ._none_guard import protect_none

protect_none()  # before any Qt call; see _none_guard.py for the PySide6 bug it covers
