"""Reading changes as a journalist would: typed changes between versions and
version profiles (spun copy, summary, different report, likely source).

Pure Python on top of the alignment (no Qt). Public API:
``read_changes(alignment, pairs=None, include_intact=False) -> list[Change]`` and
``profile_versions(alignment, changes=None) -> list[VersionProfile]``.
"""

from __future__ import annotations

from .classify import default_pairs, read_changes
from .model import Change, ChangeType, Severity, Side, SourceGuess, Trait, VersionProfile
from .profile import likely_sources, profile_versions

__all__ = [
    "Change",
    "ChangeType",
    "Severity",
    "Side",
    "SourceGuess",
    "Trait",
    "VersionProfile",
    "default_pairs",
    "likely_sources",
    "profile_versions",
    "read_changes",
]
