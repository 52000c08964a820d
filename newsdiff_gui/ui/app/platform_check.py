"""Before the first window: can Qt open one here? If not, say what to install.

Why: on a fresh Debian or Ubuntu desktop Qt's X11 platform plugin (xcb)
needs system libraries that are often missing (libxcb-cursor0,
libxcb-icccm4 and friends). Qt then aborts with "no Qt platform plugin
could be initialized", naming the wrong library or none, and the program
never gets to say anything. So before Qt is touched, the plugin's own
dependencies are resolved with ``ldd`` (the dynamic linker's answer, so the
list is exact for this machine and this Qt), and what is missing is named
with the command that installs it.

Runs without Qt (only the PySide6 package's location is looked up), so it
works in the situation it is for. ``python -m newsdiff_gui.ui.app.platform_check``
prints the verdict and exits 1 when libraries are missing (``make run``
and ``make desktop-deps`` use it).

Public API: ``missing_libraries``, ``packages_for``, ``platform_problem``,
``uses_xcb``, ``XCB_PACKAGES``, ``apt_command``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Shared object → the Debian/Ubuntu package that provides it.
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# What `make desktop-deps` installs: everything the xcb plugin of Qt 6 loads.
DESKTOP_PACKAGES = tuple(sorted(set(XCB_PACKAGES.values())))


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        plugin = Path(root) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def parse_ldd(output: str) -> list[str]:
    """The shared objects ``ldd`` reports as ``not found``, in order, once each."""
    missing: list[str] = []
    for line in output.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip().startswith("not found") and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """Libraries Qt's xcb plugin needs and this system lacks ([] if unknown)."""
    plugin = plugin or _xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_ldd(done.stdout)


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, libraries with no known package)."""
    packages: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        package = XCB_PACKAGES.get(library)
        if package is None:
            unknown.append(library)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def apt_command(packages: list[str] | tuple[str, ...]) -> str:
    return "sudo apt install " + " ".join(packages)


def uses_xcb(environ: Mapping[str, str] | None = None) -> bool:
    """Will Qt pick its X11 platform? (Linux, a display, no other platform asked for;
    a Wayland session uses Qt's Wayland plugin unless xcb is forced.)"""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY"):
        return False
    return bool(env.get("DISPLAY"))


def platform_problem(
    environ: Mapping[str, str] | None = None, missing: list[str] | None = None
) -> str | None:
    """What to tell the user when Qt could not open a window here, else None."""
    if not uses_xcb(environ):
        return None
    lacking = missing_libraries() if missing is None else missing
    if not lacking:
        return None
    packages, unknown = packages_for(lacking)
    lines = [
        "newsdiff: Qt cannot open a window: its X11 platform needs libraries this "
        f"system lacks ({', '.join(lacking)}).",
    ]
    if packages:
        lines.append(f"Install them with:  {apt_command(packages)}")
    if unknown:
        lines.append(f"Find the package for {', '.join(unknown)} with:  apt-file search NAME")
    lines.append(
        "(or, in a checkout: make desktop-deps). Then start newsdiff again. "
        "The command-line tools work without them."
    )
    return "\n".join(lines)


def main() -> int:
    problem = platform_problem(environ={**os.environ, "QT_QPA_PLATFORM": "xcb"})
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print("newsdiff: Qt's X11 platform has every library it needs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
