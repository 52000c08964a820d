"""newsdiff's engine: load, segment, align, diff and read article sets.

Pure Python (no Qt import anywhere below this package): usable as a library,
by the CLI with no display, and by the GUI on a worker thread.
"""
