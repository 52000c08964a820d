"""Read changes as a journalist would: typed changes and version profiles.

``read_changes(alignment, pairs)`` lists added/omitted content and changed
numbers, names, dates, quotes, attribution, hedging and wording between
pairs of versions (the pair view); ``read_set_changes(alignment)`` lists what
each version alone carries and what it leaves out of the set (the overview);
``profile_versions(alignment)`` (in ``.profile``) describes every version
(spun copy, summary, different report, likely source). Pure Python, no Qt.
"""

from .classify import default_pairs, read_changes
from .model import Change, ChangeType, Severity, Side
from .setwide import read_set_changes

__all__ = [
    "Change",
    "ChangeType",
    "Severity",
    "Side",
    "default_pairs",
    "read_changes",
    "read_set_changes",
]
