"""The View menu's choices are kept in the settings file, beside the other settings."""

from __future__ import annotations

import json
from pathlib import Path

from newsdiff_gui.engine.store.settings import SettingsStore


def test_view_choices_survive_a_restart_and_keep_other_settings(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.settings.view == {}
    store.set_reopen_last(True)
    store.set_view("show_chrome", True)
    store.set_view("order", "right")
    again = SettingsStore(tmp_path)
    assert again.settings.view == {"show_chrome": True, "order": "right"}
    assert again.settings.reopen_last
    again.set_view("show_chrome", False)
    assert SettingsStore(tmp_path).settings.view["show_chrome"] is False


def test_an_unchanged_choice_writes_nothing(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.set_view("legend", False)
    before = store.path.stat().st_mtime_ns
    store.path.write_text(store.path.read_text(encoding="utf-8"), encoding="utf-8")
    touched = store.path.stat().st_mtime_ns
    store.set_view("legend", False)
    assert store.path.stat().st_mtime_ns == touched >= before


def test_view_values_of_another_shape_are_dropped(tmp_path: Path) -> None:
    path = SettingsStore(tmp_path).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"schema": "newsdiff-settings/1",
                    "view": {"show_chrome": True, "order": "left", "zoom": 3, "x": [1]}}),
        encoding="utf-8",
    )  # fmt: skip
    assert SettingsStore(tmp_path).settings.view == {"show_chrome": True, "order": "left"}
    path.write_text('{"schema": "newsdiff-settings/1", "view": [1, 2]}', encoding="utf-8")
    assert SettingsStore(tmp_path).settings.view == {}
