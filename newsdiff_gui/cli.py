"""Command-line front end: every engine capability is reachable headless.

``newsdiff [FILES|FOLDER]`` opens the GUI (on the bundled seeds when no file
is given); ``newsdiff COMMAND …`` runs a headless command. Each command lives
in ``newsdiff_gui/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int`` and is imported only when used, so headless commands
never import Qt.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 input error, 130 interrupted
(Ctrl+C: one ``newsdiff: interrupted`` line). Long steps show progress on
stderr when it is a terminal.

No traceback ever reaches the terminal: ``main`` catches whatever a command
did not, prints one ``newsdiff: internal error: …`` line and writes the
traceback to a log file under the platform's user log folder, so a bug
report can quote it and the user is not shown a wall of Python.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Only light modules here: ``newsdiff --version`` and ``--help`` import this
# file and nothing of the engine (tests/cli/test_cli_startup.py checks).
from ._version import __version__
from .commands.errors import CommandError
from .commands.terminal_text import one_line
from .engine.load.errors import InputError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT

# name -> (module, one-line help). Add a command by adding a module and a line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "align": ("newsdiff_gui.commands.align", "align versions and print the alignment"),
    "diff": ("newsdiff_gui.commands.diff", "word diff of two versions in the terminal"),
    "eval": ("newsdiff_gui.commands.evaluate", "score the alignment against a gold file"),
    "pairs": ("newsdiff_gui.commands.pairs", "same-content decision for sentence pairs (TSV)"),
    "changes": ("newsdiff_gui.commands.changes", "typed changes between versions"),
    "profile": ("newsdiff_gui.commands.profile", "what each version is and its likely source"),
    "export": ("newsdiff_gui.commands.export", "report as HTML, PDF, JSON, CSV or TEI"),
    "exercise": ("newsdiff_gui.commands.exercise", "classroom exercises: check, make, key"),
    "batch": ("newsdiff_gui.commands.batch", "group a pile of articles into stories, compare each"),
}


def _gui_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10} {text}" for name, (_, text) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="newsdiff",
        description="Compare how different outlets cover the same story.",
        epilog=f"commands (newsdiff COMMAND --help for details):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILES|FOLDER",
        help="article files or a folder of them (default: the bundled example set)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the main window offscreen to PNG and exit",
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    return parser


def _crash_log_dir() -> Path:
    """Where internal-error tracebacks go: ``NEWSDIFF_LOG_DIR`` (as the README
    and the GUI's crash handler say), else the platform's user log folder."""
    from .engine.store.storage import log_dir

    return log_dir()


def _log_internal_error(exc: BaseException) -> str:
    """Write the traceback to a new log file; return its path, or why not."""
    import time
    import traceback

    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        from .engine.store.atomic import write_text_atomic

        path = _crash_log_dir() / f"internal-error-{stamp}-{os.getpid()}.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, f"newsdiff {__version__}\n{text}")
    except Exception as log_exc:  # the log is a courtesy; never fail twice
        return f"could not write a log: {log_exc}"
    return f"details in {path}"


def _tolerant_streams() -> None:
    """Print what cannot be encoded (a file name that is not valid UTF-8 is a
    lone surrogate in Python) as an escape instead of failing mid-output."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; always return an exit code, never raise a traceback."""
    _tolerant_streams()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        return EXIT_OK
    except InputError as exc:
        print(_one_line(f"newsdiff: {exc.path}: {exc.reason}"), file=sys.stderr)
        return EXIT_INPUT
    except CommandError as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return exc.code
    except Exception as exc:
        where = _log_internal_error(exc)
        print(
            _one_line(f"newsdiff: internal error: {type(exc).__name__}: {exc} ({where})"),
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _interrupted() -> int:
    """Ctrl+C: one line (after any progress line), exit 130 as shells expect."""
    with contextlib.suppress(OSError, ValueError):
        print(
            "\r\033[Knewsdiff: interrupted" if sys.stderr.isatty() else "newsdiff: interrupted",
            file=sys.stderr,
        )
    return EXIT_INTERRUPTED


def _one_line(text: str) -> str:
    """One line, other people's control characters shown as escapes."""
    return one_line(text)


def _main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        name = args_list[0]
        module = importlib.import_module(COMMANDS[name][0])
        parser = argparse.ArgumentParser(prog=f"newsdiff {name}", description=COMMANDS[name][1])
        module.add_arguments(parser)
        try:
            args = parser.parse_args(args_list[1:])
        except SystemExit as exc:
            return int(exc.code or 0)
        try:
            return int(module.run(args))
        except KeyboardInterrupt:
            return _interrupted()
        except BrokenPipeError:
            return EXIT_OK
    parser = _gui_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    from .ui.app.launch import launch_gui  # Qt is imported only for the GUI

    return int(launch_gui(args.files, screenshot=args.screenshot))


if __name__ == "__main__":
    sys.exit(main())
