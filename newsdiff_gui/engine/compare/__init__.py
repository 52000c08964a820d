"""Compare: pair rows, word diffs, synopsis rows, coverage grids and search over an
aligned set. View data only: nothing here draws.
"""
