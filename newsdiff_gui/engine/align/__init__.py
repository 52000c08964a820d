"""Align: sentences of every version into units of shared content, with scored links.

The aligner (``aligner``) places versions one by one and runs its final passes
(``final_passes``) over records (``records``); ``features``, ``similarity``,
``vectors``, ``clauses`` and ``numbers`` score sentence pairs; ``cache`` keeps
results on disk; ``evaluate`` scores an alignment against a gold standard.
"""
