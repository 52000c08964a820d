"""newsdiff: compare how different outlets cover the same story."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("newsdiff")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.1.0"
