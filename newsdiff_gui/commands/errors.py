"""``CommandError``: stops a command with a one-line message and an exit code.

Its own module, standard library only, so ``newsdiff_gui.cli`` can catch it
without importing what the commands import (``--version`` and ``--help``
stay fast). ``commands.common`` re-exports it.

Public API: ``CommandError``, ``EXIT_USAGE``, ``EXIT_INPUT``.
"""

from __future__ import annotations

__all__ = ["EXIT_INPUT", "EXIT_USAGE", "CommandError"]

EXIT_USAGE, EXIT_INPUT = 2, 3


class CommandError(Exception):
    """Stops a command with a one-line message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code
