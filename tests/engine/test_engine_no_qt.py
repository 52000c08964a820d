"""The engine, the CLI front end and the headless commands never import Qt."""

from __future__ import annotations

import subprocess
import sys

from support.locations import ROOT

PROBE = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
            raise ImportError(f"Qt import blocked: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import newsdiff_gui.engine as engine
import newsdiff_gui.commands as commands
names = [m.name for m in pkgutil.walk_packages(engine.__path__, "newsdiff_gui.engine.")]
names += [m.name for m in pkgutil.walk_packages(commands.__path__, "newsdiff_gui.commands.")]
for name in names + ["newsdiff_gui.cli"]:
    importlib.import_module(name)
assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
print(len(names))
"""


def test_engine_and_commands_import_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10
