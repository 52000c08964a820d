"""Issue 19 item 2: a manifest may list only files in its own folder.

A shared dataset folder whose ``newsdiff.json`` lists ``../../secret`` or an
absolute path must not pull the recipient's private files into the set (and
from there into every export). Files below the folder stay readable.
"""

from __future__ import annotations

from pathlib import Path

from support.hostile_files import SECRET, hostile_set

from newsdiff_gui.engine.load.articles import load_article_set_lenient


def test_files_outside_the_manifest_folder_are_not_read(tmp_path: Path) -> None:
    folder, _ = hostile_set(tmp_path)
    report = load_article_set_lenient([folder])
    assert [d.name for d in report.documents] == ["a.txt", "b.txt"]
    assert all(SECRET not in d.text for d in report.documents)
    reasons = [error.reason for error in report.skipped]
    assert len(reasons) == 4, report.skipped_pairs
    assert sum("points outside the manifest's folder" in r for r in reasons) == 2
    assert sum("is an absolute path" in r for r in reasons) == 1
    assert sum("leads outside the manifest's folder (a link?)" in r for r in reasons) == 1
    assert all("'../../home/secret.txt'" in e.path for e in report.skipped[:1])


def test_the_manifest_given_directly_is_confined_the_same_way(tmp_path: Path) -> None:
    folder, _ = hostile_set(tmp_path)
    report = load_article_set_lenient([folder / "newsdiff.json"])
    assert len(report.documents) == 2 and len(report.skipped) == 4
