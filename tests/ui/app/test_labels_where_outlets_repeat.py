"""Window title, search counts and the Versions tab name wire copies by label.

Three copies of one AP story (same outlet, same headline) read "AP ⇄ AP"
in the title bar and "AP: 2 hit(s)" three times in the search tooltip;
each now has its label ("B · AP ap-2"), the full identity in the tooltip.
"""

from __future__ import annotations

from pathlib import Path

from support.wire_copies import write_wire_copies


def test_the_window_title_names_the_pair_by_label(window, tmp_path: Path) -> None:
    window.open_paths(write_wire_copies(tmp_path))
    assert window.windowTitle() == "A · AP ap-1 ⇄ B · AP ap-2 — newsdiff"
    window.pair_view.set_pair(2, 1)
    assert window.windowTitle() == "C · AP ap-3 ⇄ B · AP ap-2 — newsdiff"


def test_search_counts_name_each_copy_with_its_identity(window, tmp_path: Path) -> None:
    window.open_paths(write_wire_copies(tmp_path))
    search = window.search
    search.open()
    search.bar.field.setText("Wednesday")
    search.run()
    tip = search.bar.counts.toolTip()
    for label in ("A · AP ap-1: 1 hit(s)", "B · AP ap-2: 1 hit(s)", "C · AP ap-3: 1 hit(s)"):
        assert label in tip
    assert tip.count("Storm closes the coast road") == 3 and "ap-2.txt" in tip


def test_the_versions_tab_heads_each_profile_by_label(window, tmp_path: Path) -> None:
    window.open_paths(write_wire_copies(tmp_path))
    html = window.changes.profiles.browser.toHtml()
    for label in ("A · AP ap-1", "B · AP ap-2", "C · AP ap-3"):
        assert label in html
