"""``newsdiff changes`` and ``newsdiff profile`` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from support.cli import newsdiff

from newsdiff_gui.paths import seeds_dir

ARTICLE = (
    "Harbour bridge to close for repairs\n\n"
    "The city will close the harbour bridge for 18 months from March, two officials told the "
    "Coastal Herald.\n\nMayor Anna Keller said the repairs will cost 42 million euros.\n\n"
    "“We have no choice,” Keller said.\n"
)


def _pair(tmp_path: Path, edited: str) -> list[str]:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_json_lists_the_planted_number_change_with_spans(tmp_path: Path) -> None:
    files = _pair(tmp_path, ARTICLE.replace("42 million", "46 million"))
    done = newsdiff("changes", *files, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "newsdiff-changes/1"
    numbers = [c for c in data["changes"] if c["type"] == "number"]
    assert len(numbers) == 1
    change = numbers[0]
    assert {"id", "type", "severity", "a", "b", "explanation"} <= set(change)
    edited = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert edited[change["b"]["start"] : change["b"]["end"]] == change["b"]["text"]
    assert "46" in change["b"]["text"]


def test_untouched_copy_gives_no_changes(tmp_path: Path) -> None:
    done = newsdiff("changes", *_pair(tmp_path, ARTICLE), "--json")
    assert json.loads(done.stdout)["changes"] == []


def test_csv_round_trips(tmp_path: Path) -> None:
    files = _pair(tmp_path, ARTICLE.replace("will close", "could close"))
    done = newsdiff("changes", *files, "--csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and rows[0]["type"] == "hedging"


def test_profile_names_the_seed_traits() -> None:
    done = newsdiff("profile", str(seeds_dir()), "--json")
    profiles = {p["name"][:3]: p for p in json.loads(done.stdout)["profiles"]}
    assert any(t[0] == "spun copy" for t in profiles["000"]["traits"])
    assert profiles["004"]["likely_source"]["document"] is None


def test_unknown_pair_name_is_a_usage_error() -> None:
    done = newsdiff("changes", str(seeds_dir()), "--pair", "zzz", "000")
    assert done.returncode == 2 and "zzz" in done.stderr and "Traceback" not in done.stderr


def test_terminal_output_tells_copies_of_one_outlet_apart(tmp_path: Path) -> None:
    """Three AP copies are "A · AP …", "B · AP …", "C · AP …" in every command,
    the labels the app shows, not three times "(AP)"."""
    from support.wire_copies import write_wire_copies

    files = [str(p) for p in write_wire_copies(tmp_path)]
    profile = newsdiff("profile", *files)
    assert profile.returncode == 0, profile.stderr
    heads = [line.split(":")[0] for line in profile.stdout.splitlines() if " words, " in line]
    assert len(heads) == 3 and len(set(heads)) == 3, heads
    assert [h[:4] for h in heads] == ["A · ", "B · ", "C · "]
    assert all("AP" in h for h in heads)
    diff = newsdiff("diff", files[0], files[2])
    assert diff.returncode == 0, diff.stderr
    first, second = diff.stdout.splitlines()[:2]
    assert first.startswith("--- A · AP") and second.startswith("+++ B · AP"), (first, second)
    assert "ap-1.txt" in first and "ap-3.txt" in second
    assert first != second.replace("+++ B", "--- A")
    changes = newsdiff("changes", *files)
    assert changes.returncode == 0, changes.stderr
    pairs = [line for line in changes.stdout.splitlines() if line.startswith("== ")]
    assert pairs and all(" · AP" in line for line in pairs)
