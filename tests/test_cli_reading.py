"""newsdiff changes / profile from the reading stage: JSON, CSV and text."""

from __future__ import annotations

import json
from pathlib import Path

from newsdiff_gui.cli import main

SEEDS = Path(__file__).parents[1] / "seeds"


def test_changes_json_schema(capsys) -> None:
    assert main(["read-changes", str(SEEDS), "--json", "--pair", "000", "003"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["schema"] == "newsdiff-changes/1"
    assert {d["id"] for d in payload["documents"]} >= {"d0", "d3"}
    for change in payload["changes"]:
        assert set(change) == {"id", "type", "severity", "a", "b", "explanation", "unit"}
        for side in (change["a"], change["b"]):
            assert side is None or set(side) == {"document", "start", "end", "text"}


def test_changes_csv_and_text(capsys) -> None:
    assert main(["read-changes", str(SEEDS), "--csv", "--pair", "000", "001"]) == 0
    assert capsys.readouterr().out.startswith("id,type,severity,a_document")
    assert main(["read-changes", str(SEEDS), "--pair", "000", "001"]) == 0
    assert "omitted (" in capsys.readouterr().out


def test_profile_json(capsys) -> None:
    assert main(["read-profile", str(SEEDS), "--json"]) == 0
    profiles = json.loads(capsys.readouterr().out)["profiles"]
    assert [p["document"] for p in profiles] == ["d0", "d1", "d2", "d3", "d4"]
