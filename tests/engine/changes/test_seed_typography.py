"""A copy of a seed that changes only typography gives no change at all.

The copy is made at test time: straight quotes and apostrophes for curly
ones, "..." for "…", a hyphen for the en dash, US for U.S., and the first
short line (the dateline or site label, where a byline would be) in capitals.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import newsdiff
from support.typography import typography_only

from newsdiff_gui.paths import seed_files


@pytest.mark.parametrize("seed", seed_files(), ids=lambda p: Path(p).name[:3])
def test_typography_only_copy_of_a_seed_gives_no_change(seed, tmp_path: Path) -> None:
    original = Path(seed).read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(typography_only(original), encoding="utf-8")
    assert copy.read_text(encoding="utf-8") != original
    done = newsdiff("changes", str(seed), str(copy), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changes"] == []
