"""Helpers the sub-commands share: loading inputs with one-line messages, and
opening them as the app does (``open_inputs``: one recipe for every command).

Loading is lenient, as in the GUI: each file that cannot be read prints one
``newsdiff: warning: FILE: reason (skipped)`` line on stderr and the command
goes on with the rest, as long as at least two versions loaded. Fewer than
two is an input error (exit 3) with a one-line message. Files past the set
limits (``engine.load.set_limits``) are one warning line, not one per file.
Long steps show one progress line on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from .errors import EXIT_INPUT, EXIT_USAGE, CommandError
from .terminal_text import for_terminal, one_line

if TYPE_CHECKING:  # the engine is imported when a command runs: --help stays light
    from ..engine.load.articles import LoadReport
    from ..engine.model import ArticleSet, Document
    from ..engine.session.open_set import OpenSet

__all__ = ["EXIT_INPUT", "EXIT_USAGE", "CommandError"]


def _one_line(text: str) -> str:
    """File names can hold newlines and escape sequences; a message must stay
    one line and must not drive the terminal (``terminal_text``)."""
    return one_line(text)


def load_inputs(
    paths: Sequence[str], minimum: int = 2, keep_duplicates: bool = False
) -> ArticleSet:
    """Load files/folders/manifests, warn about skipped ones, or raise ``CommandError``."""
    from ..engine.load.articles import load_article_set_lenient

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
    paths: Sequence[str],
    *,
    keep_duplicates: bool = False,
    corrected: bool = True,
    most: int | None = None,
) -> OpenSet:
    """Load and open the set as the app does (``engine.session.open_set``):
    the cached alignment with the reader's manual corrections applied, unless
    ``corrected`` is false. Loading messages as ``load_inputs``; a notes store
    that cannot be read is a warning; reading and aligning show progress on a
    terminal. Raises ``CommandError``, and ``TooManyVersions`` (before
    aligning) when more than ``most`` versions load."""
    from ..engine.session.open_set import TooFewVersions, open_set

    try:
        opened = open_set(
            paths,
            keep_duplicates=keep_duplicates,
            corrected=corrected,
            most=most,
            progress=_stages_on_stderr(),
        )
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
    from ..engine.load.set_limits import SET_FULL

    full = [e for e in report.skipped if e.reason.startswith(SET_FULL)]
    grouped = {id(e) for e in full[1:]}
    for error in report.skipped:
        if id(error) in grouped:
            continue  # a 3,000-file folder: one line for all the files past the limit
        print(
            _one_line(f"newsdiff: warning: {error.path}: {error.reason} (skipped)"), file=sys.stderr
        )
        if len(full) > 1 and error is full[0]:
            print(
                f"newsdiff: warning: {len(full) - 1} more files left out for the same reason",
                file=sys.stderr,
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
    print(_one_line(str(error)), file=sys.stderr)
    return error.code


def write_output(text: str, path: str | None) -> None:
    """Print to stdout, or write ``path`` atomically (temp file + rename)."""
    if not path or path == "-":
        sys.stdout.write(text)
        return
    from ..engine.store.atomic import write_text_atomic

    write_text_atomic(path, text)


def progress_on_stderr(what: str = "aligning") -> Callable[[int, int], None] | None:
    """A ``progress(done, total)`` callback that keeps one status line on
    stderr up to date, or None when stderr is not a terminal (pipes and logs
    get no progress noise). The line is erased when the work is done."""
    stream = sys.stderr
    if not stream.isatty():
        return None

    def report(done: int, total: int) -> None:
        if done >= total:
            stream.write("\r\033[K")
        else:
            stream.write(f"\rnewsdiff: {what} {done}/{total} versions…")
        stream.flush()

    return report


def _stages_on_stderr() -> Callable[[str, int, int], None] | None:
    """``progress_on_stderr`` for the session recipe's stages ("Reading",
    "Aligning"): one status line that names the stage."""
    if not sys.stderr.isatty():
        return None
    lines: dict[str, Callable[[int, int], None] | None] = {}

    def report(stage: str, done: int, total: int) -> None:
        line = lines.setdefault(stage, progress_on_stderr(stage.lower()))
        if line is not None:
            line(done, total)

    return report


def version_names(documents: Sequence[Document]) -> dict[str, str]:
    """What a terminal calls each version: the label the app shows ("C · AP
    10:02", told apart where outlets repeat) and the file it came from, made
    safe for a terminal. Three AP copies were three "copy.txt (AP)" lines."""
    from ..engine.compare.labels import version_labels

    names = {}
    for document, label in zip(documents, version_labels(documents), strict=True):
        if not document.name:
            shown = label.short
        elif label.name == PurePath(document.name).stem:  # no outlet: the file is the name
            shown = f"{label.letter} · {document.name}"
        else:
            shown = f"{label.short} ({document.name})"
        names[document.id] = for_terminal(shown)
    return names
