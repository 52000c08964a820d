"""Start fast: ``newsdiff --version`` and ``--help`` import nothing heavy.

Run as a user would (``python -X importtime -m newsdiff_gui …`` in a fresh
interpreter) and read which modules were imported. Heavy libraries and the
engine's loader must wait until a command needs them; the lists below are
what used to be imported eagerly or would be by a careless top-level import.
(``-X importtime`` reports ``import`` statements, not ``importlib.import_module``
calls; every heavy library here is reached through statements.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "PySide6",
    "numpy",
    "scipy",
    "trafilatura",
    "docx",
    "lxml",
    "certifi",
    "pyarrow",
    "datasketch",
    "tqdm",
    "importlib.metadata",
    "newsdiff_gui.engine.load.articles",
    "newsdiff_gui.engine.align",
)
_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def _imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newsdiff_gui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    modules = {m[1] for line in result.stderr.splitlines() if (m := _IMPORTED.match(line))}
    return modules, result


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_version_and_help_import_nothing_heavy(args: tuple[str, ...]) -> None:
    modules, result = _imported(*args)
    assert result.returncode == 0, result.stderr[-500:]
    assert "newsdiff_gui.cli" in modules  # the measurement saw our imports
    assert _heavy(modules) == []
    if args == ("--version",):
        assert re.fullmatch(r"newsdiff \d+\.\d+\.\d+\S*\n", result.stdout)
    else:
        assert "batch" in result.stdout  # every command is listed without importing it
        assert not any(
            m.startswith("newsdiff_gui.commands.")
            and m not in {"newsdiff_gui.commands.errors", "newsdiff_gui.commands.terminal_text"}
            for m in modules
        )


def test_a_command_help_imports_only_that_command() -> None:
    modules, result = _imported("batch", "--help")
    assert result.returncode == 0, result.stderr[-500:]
    assert "--scheduler" in result.stdout
    # The command module itself is imported by importlib.import_module, which
    # -X importtime does not report; what it imports in turn is reported.
    assert "newsdiff_gui.commands.common" in modules
    assert _heavy(modules) == []


def test_the_version_is_the_one_pyproject_declares() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    assert declared is not None
    from newsdiff_gui import __version__

    assert __version__ == declared[1]
