"""One app id everywhere, and the packaging metadata is what the installers expect.

Why: the .desktop file name, the metainfo id, the icon name, Qt's desktop
file name and the packaging scripts must agree, or docks show a generic icon
and software centres lose the app. No Qt needed except for the icon test.
"""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET

import pytest
from support.locations import ROOT

from newsdiff_gui.paths import bundled_dir

APP_ID = "io.github.newsdiff.Newsdiff"


def test_resources_share_one_app_id() -> None:
    resources = bundled_dir("resources")
    assert (resources / f"{APP_ID}.desktop").is_file()
    assert (resources / "icons" / f"{APP_ID}.svg").is_file()
    component = ET.parse(resources / f"{APP_ID}.metainfo.xml").getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]


def test_desktop_entry_launches_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(bundled_dir("resources") / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "newsdiff"
    assert desktop["Icon"] == APP_ID
    assert desktop["Categories"] == "Office;Education;"


def test_packaging_scripts_use_the_same_id() -> None:
    for script in ("packaging/newsdiff.spec", "packaging/render_icons.py"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert re.search(rf'APP_ID = "{re.escape(APP_ID)}"', text), script


def test_qt_identity_and_about() -> None:
    pytest.importorskip("PySide6")
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    from newsdiff_gui.ui.app.about import about_html, app_version
    from newsdiff_gui.ui.base.icon import APP_ID as QT_APP_ID
    from newsdiff_gui.ui.base.icon import app_icon

    assert QT_APP_ID == APP_ID
    assert not app_icon().pixmap(64, 64).isNull()
    text = about_html()
    assert app_version() in text
    for licence in ("MIT", "LGPL-3.0", "Apache-2.0", "BSD-3-Clause"):
        assert licence in text
