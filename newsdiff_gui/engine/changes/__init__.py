"""Read changes as a journalist would: typed changes and version profiles.

``read_changes(alignment, pairs)`` lists added/omitted content and changed
numbers, names, dates, quotes, attribution, hedging and wording between
versions; ``profile_versions(alignment)`` describes every version (spun copy,
summary, different report, likely source). Pure Python, no Qt.
"""

from .classify import default_pairs, read_changes
from .model import Change, ChangeType, Severity, Side

__all__ = ["Change", "ChangeType", "Severity", "Side", "default_pairs", "read_changes"]
