"""The two front ends never import each other: ``commands/`` reaches the
engine (and the neutral ``pdf_writer``), ``ui/`` reaches the engine; what
both need lives in the engine (report writing, the session recipe)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsdiff_gui"


def _imports(path: Path) -> set[str]:
    """Absolute module names imported by ``path`` (relative imports resolved)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                here = parts if path.name == "__init__.py" else parts[:-1]
                base = here[: len(here) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _crossing(front: str, other: str) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / front).rglob("*.py")
        for name in _imports(path)
        if name == f"newsdiff_gui.{other}" or name.startswith(f"newsdiff_gui.{other}.")
    )


def test_commands_never_import_ui() -> None:
    assert _crossing("commands", "ui") == []


def test_ui_never_imports_commands() -> None:
    assert _crossing("ui", "commands") == []


def test_the_check_sees_relative_imports() -> None:
    export = _imports(PACKAGE / "commands" / "export.py")
    assert "newsdiff_gui.engine.report" in export
    assert "newsdiff_gui.commands.common" in export
