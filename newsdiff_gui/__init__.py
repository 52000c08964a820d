"""newsdiff: compare how different outlets cover the same story."""

from __future__ import annotations

from ._version import __version__

__all__ = ["__version__"]
