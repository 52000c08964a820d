"""First run on a fresh desktop (issue 17, item 11): before Qt aborts with
"no Qt platform plugin could be initialized", newsdiff names the missing
X11 libraries and the command that installs them."""

from __future__ import annotations

import shutil

import pytest

from newsdiff_gui.ui.app import launch, platform_check
from newsdiff_gui.ui.app.platform_check import (
    missing_libraries,
    packages_for,
    parse_ldd,
    platform_problem,
    uses_xcb,
)

# ldd on Qt's xcb plugin on a Debian 12 desktop without libxcb-cursor0 and libxcb-icccm4.
LDD_FRESH_DESKTOP = """\
\tlinux-vdso.so.1 (0x00007ffd2a1f4000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0e3c600000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f0e3c5d0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-weird.so.9 => not found
"""


def test_the_missing_libraries_are_read_from_ldd() -> None:
    missing = parse_ldd(LDD_FRESH_DESKTOP)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-weird.so.9"]
    packages, unknown = packages_for(missing)
    assert packages == ["libxcb-cursor0", "libxcb-icccm4"]
    assert unknown == ["libxcb-weird.so.9"]


def test_the_message_names_the_apt_command() -> None:
    env = {"DISPLAY": ":0"}
    text = platform_problem(env, missing=["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert text is not None
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "make desktop-deps" in text
    assert platform_problem(env, missing=[]) is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt's Wayland plugin
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({}, False),
    ],
)
def test_only_an_x11_start_is_checked(env, expected) -> None:
    assert uses_xcb(env) is expected


@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd on this system")
def test_this_machine_runs_the_real_check() -> None:
    plugin = platform_check._xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = missing_libraries(plugin)
    assert isinstance(missing, list)
    assert all(name.endswith(tuple(f".so.{n}" for n in range(10))) for name in missing)


def test_the_launcher_stops_with_the_message_before_qt(monkeypatch, capsys) -> None:
    monkeypatch.setattr(
        platform_check,
        "platform_problem",
        lambda: "newsdiff: Qt cannot open a window …\nInstall them with:  sudo apt install x",
    )
    assert launch.launch_gui([]) == launch.EXIT_FAILURE
    assert "sudo apt install x" in capsys.readouterr().err
