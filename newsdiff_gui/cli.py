"""Command-line front end: every engine capability is reachable headless.

``newsdiff [FILES|FOLDER]`` opens the GUI (on the bundled seeds when no file
is given); ``newsdiff COMMAND …`` runs a headless command. Each command lives
in ``newsdiff_gui/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int`` and is imported only when used, so headless commands
never import Qt.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 input error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3

# name -> (module, one-line help). Add a command by adding a module and a line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "align": ("newsdiff_gui.commands.align", "align versions and print the alignment"),
    "diff": ("newsdiff_gui.commands.diff", "word diff of two versions in the terminal"),
    "eval": ("newsdiff_gui.commands.evaluate", "score the alignment against a gold file"),
    "pairs": ("newsdiff_gui.commands.pairs", "same-content decision for sentence pairs (TSV)"),
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


def main(argv: Sequence[str] | None = None) -> int:
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
            return 130
        except BrokenPipeError:
            return EXIT_OK
    parser = _gui_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    from .ui.launch import launch_gui  # Qt is imported only for the GUI

    return launch_gui(args.files, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
