"""The package's layers, read from the source: who may import whom.

Why a test: these rules held only by habit before, and broke quietly. Twelve
UI features took the main window and the window imported them back (a circle
of fourteen modules); the two front ends imported each other. Every import
counts here, also those under ``if TYPE_CHECKING:`` and inside functions:
a circle that only the type checker sees is still two modules that must be
changed together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsdiff_gui

PACKAGE = Path(newsdiff_gui.__file__).parent
ROOT = PACKAGE.name  # "newsdiff_gui"

# Front-end crossings that exist today and are being removed by the move of
# report writing into the engine (issue 14); delete each entry when it goes.
# Any other crossing fails.
KNOWN_FRONT_END_CROSSINGS: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    """Dotted name → file, for every module of the package (packages by their __init__)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports (a name imported from a
    package counts as its submodule when there is one)."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                stem = base[: len(base) - (node.level - 1)]
                module = ".".join([*stem, node.module] if node.module else stem)
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            child = next(edges, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return circles


def _in(module: str, layer: str) -> bool:
    prefix = f"{ROOT}.{layer}"
    return module == prefix or module.startswith(prefix + ".")


def test_the_graph_sees_the_package() -> None:
    """Guards the guard: the parser finds the modules and their imports."""
    assert len(MODULES) > 100
    window = f"{ROOT}.ui.app.main_window"
    assert f"{ROOT}.ui.base.context" in GRAPH[window]
    assert f"{ROOT}.engine.model" in GRAPH[f"{ROOT}.engine.align.aligner"]


def test_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _circles(graph) == [["a", "b", "c"]]


def test_no_import_circle_anywhere_in_the_package() -> None:
    assert _circles(GRAPH) == []


def test_only_the_app_package_knows_the_main_window() -> None:
    """Features receive an application context, never the window."""
    window = f"{ROOT}.ui.app.main_window"
    knowing = {name for name, imported in GRAPH.items() if window in imported}
    assert knowing, "the graph lost the window's importers"
    assert {name for name in knowing if not _in(name, "ui.app")} == set()
    for name, path in MODULES.items():
        if _in(name, "ui.app"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert "MainWindow" not in {alias.name for alias in node.names}, name


def test_feature_packages_never_import_the_app_package() -> None:
    outside = {
        (name, imported)
        for name, targets in GRAPH.items()
        if _in(name, "ui") and not _in(name, "ui.app")
        for imported in targets
        if _in(imported, "ui.app")
    }
    assert outside == set()


def test_the_two_front_ends_never_import_each_other() -> None:
    crossings = {
        (name, imported)
        for name, targets in GRAPH.items()
        for imported in targets
        if (_in(name, "commands") and _in(imported, "ui"))
        or (_in(name, "ui") and _in(imported, "commands"))
    }
    assert crossings - KNOWN_FRONT_END_CROSSINGS == set()
