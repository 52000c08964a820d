"""Helpers the sub-commands share: loading inputs with one-line messages, and
opening them as the app does (``open_inputs``: one recipe for every command).

Loading is lenient, as in the GUI: each file that cannot be read prints one
``newsdiff: warning: FILE: reason (skipped)`` line on stderr and the command
goes on with the rest, as long as at least two versions loaded. Fewer than
two is an input error (exit 3) with a one-line message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import EXIT_INPUT, EXIT_USAGE, CommandError

if TYPE_CHECKING:
    from ..engine.load.articles import LoadReport
    from ..engine.model import ArticleSet
    from ..engine.session.open_set import OpenSet

__all__ = ["EXIT_INPUT", "EXIT_USAGE", "CommandError", "fail", "load_inputs", "write_output"]


def _one_line(text: str) -> str:
    """File names can hold newlines; a message must stay one line."""
    return " ".join(text.splitlines())


def load_inputs(
    paths: Sequence[str], minimum: int = 2, keep_duplicates: bool = False
) -> ArticleSet:
    """Load files/folders/manifests, warn about skipped ones, or raise ``CommandError``."""

    from ..engine.load.articles import load_article_set_lenient  # loaded when a command runs

    report = load_article_set_lenient(paths, keep_duplicates=keep_duplicates)
    _tell_loading(report, minimum)
    return report.article_set


def add_corrections_option(parser: argparse.ArgumentParser) -> None:
    """``--no-corrections``: the aligner's own alignment, as ``open_inputs`` explains."""
    parser.add_argument(
        "--no-corrections",
        action="store_true",
        help="ignore the links and unlinks you made by hand for these files",
    )


def open_inputs(
    paths: Sequence[str], *, keep_duplicates: bool = False, corrected: bool = True
) -> OpenSet:
    """Load and open the set as the app does (``engine.session.open_set``):
    the cached alignment with the reader's manual corrections applied, unless
    ``corrected`` is false. Loading messages as ``load_inputs``; a notes store
    that cannot be read is a warning. Raises ``CommandError``."""
    from ..engine.session.open_set import TooFewVersions, open_set  # loaded when a command runs

    try:
        opened = open_set(paths, keep_duplicates=keep_duplicates, corrected=corrected)
    except TooFewVersions as error:
        _tell_loading(error.report, error.minimum)  # raises CommandError
        raise  # not reached
    _tell_loading(opened.loaded, 2)
    for warning in opened.warnings:
        print(_one_line(f"newsdiff: warning: notes: {warning}"), file=sys.stderr)
    return opened


def _tell_loading(report: LoadReport, minimum: int) -> None:
    """Print the notes and warnings of a load; raise ``CommandError`` when fewer
    than ``minimum`` versions loaded."""
    for note in report.identical:
        print(_one_line(f"newsdiff: note: {note.path}: {note.reason}"), file=sys.stderr)
    loaded = len(report.article_set)
    if loaded == 0 and len(report.skipped) == 1:
        # The one problem is the whole story: say it once, as the error.
        error = report.skipped[0]
        raise CommandError(_one_line(f"newsdiff: {error.path}: {error.reason}"))
    for error in report.skipped:
        print(
            _one_line(f"newsdiff: warning: {error.path}: {error.reason} (skipped)"), file=sys.stderr
        )
    if loaded >= minimum:
        return
    if not report.skipped:
        message = (
            f"newsdiff: only {loaded} version given — nothing to compare "
            f"(give at least {minimum} files or a folder)"
        )
    else:
        message = (
            f"newsdiff: only {loaded} version{'s' if loaded != 1 else ''} could be loaded "
            f"({len(report.skipped)} skipped) — nothing to compare"
        )
    raise CommandError(_one_line(message))


def fail(error: CommandError) -> int:
    print(error, file=sys.stderr)
    return error.code


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write ``path`` atomically (temp file + rename)."""
    if not path or path == "-":
        sys.stdout.write(text)
        return
    from ..engine.store.atomic import write_text_atomic

    write_text_atomic(path, text)
