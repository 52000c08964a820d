"""Helpers the sub-commands share: loading inputs with one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..engine.load import InputError, expand_inputs, load_article_set
from ..engine.model import ArticleSet

EXIT_USAGE, EXIT_INPUT = 2, 3


class CommandError(Exception):
    """Stops a command with a one-line message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


def load_inputs(paths: Sequence[str], minimum: int = 2) -> ArticleSet:
    """Load files/folders or raise ``CommandError`` naming the bad file."""
    try:
        files = expand_inputs(paths)
        article_set = load_article_set(files)
    except InputError as exc:
        raise CommandError(f"newsdiff: {exc.path}: {exc.reason}") from None
    if len(article_set) < minimum:
        raise CommandError(
            f"newsdiff: only {len(article_set)} version given — nothing to compare "
            f"(give at least {minimum} files or a folder)"
        )
    return article_set


def fail(error: CommandError) -> int:
    print(error, file=sys.stderr)
    return error.code


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write ``path`` atomically (temp file + rename)."""
    if not path or path == "-":
        sys.stdout.write(text)
        return
    from ..engine.atomic import write_text_atomic

    write_text_atomic(path, text)
