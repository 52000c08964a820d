"""PySide6 user interface: windows, views, Qt models, workers and theme.

Nothing in here computes alignment: views read the engine's ``Alignment`` and
``PairRow`` records, produced on a worker thread (``worker.py``). Only this
package imports Qt, so the CLI and the engine stay headless.

Entry point: ``newsdiff_gui.ui.app.launch.launch_gui``.
"""
