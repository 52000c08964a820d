"""``InputError``: an input that cannot be read as an article.

Its own module, standard library only, so the command line can catch it
(``newsdiff_gui.cli``) without importing the loader and what it imports:
``newsdiff --version`` and ``--help`` must start in a blink.

Public API: ``InputError``.
"""

from __future__ import annotations

import os

__all__ = ["InputError"]


class InputError(Exception):
    """An input file that cannot be read as an article.

    ``path`` names the file (or folder, or manifest entry) and ``reason``
    says why in words, without the path, e.g. ``"no such file"``.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
