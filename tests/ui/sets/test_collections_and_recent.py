"""Collections (a folder of story folders), the alignment cache behind them,
File → Open Recent and reopening the last set at start."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdiff_gui.engine.align import cache as cache_module
from newsdiff_gui.engine.store.storage import config_dir
from newsdiff_gui.ui.sets.recent import startup_paths
from newsdiff_gui.ui.sets.stories_model import NAME, SHARED, VERSIONS


@pytest.fixture
def collection(tmp_path: Path, seeds: list[Path]) -> Path:
    root = tmp_path / "stories"
    for name, picks in (("venezuela-reuters", seeds[:3]), ("venezuela-summary", seeds[3:])):
        folder = root / name
        folder.mkdir(parents=True)
        for seed in picks:
            shutil.copy(seed, folder / seed.name)
    (root / "notes-about-nothing").mkdir()  # no articles: not a story
    return root


@pytest.fixture
def align_calls(monkeypatch) -> list[int]:
    """Count real alignments (cache misses)."""
    calls: list[int] = []
    real = cache_module.align

    def counting(article_set, *args, **kwargs):
        calls.append(len(article_set))
        return real(article_set, *args, **kwargs)

    monkeypatch.setattr(cache_module, "align", counting)
    return calls


def test_a_folder_of_stories_lists_them_and_opens_the_first(window, collection, align_calls):
    window.open_paths([collection])
    stories = window.stories
    assert stories.dock.isVisible()
    model = stories.model
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == [
        "venezuela-reuters",
        "venezuela-summary",
    ]
    assert [model.index(r, VERSIONS).data() for r in range(model.rowCount())] == ["3", "2"]
    assert len(window.alignment.documents) == 3  # the first story, not all five merged
    shares = [model.index(r, SHARED).data() for r in range(model.rowCount())]
    assert all(share.endswith("%") for share in shares), shares  # filled in by the worker


def test_switching_stories_back_is_a_cache_hit(window, collection, align_calls):
    window.open_paths([collection])
    stories = window.stories
    before = len(align_calls)
    stories.open_story(1)
    assert len(window.alignment.documents) == 2
    stories.open_story(0)
    stories.open_story(1)
    assert len(align_calls) == before, "both stories were aligned once, then read from the cache"


def test_a_changed_file_invalidates_its_story(window, collection, align_calls):
    window.open_paths([collection])
    window.stories.open_story(1)
    calls = len(align_calls)
    changed = next((collection / "venezuela-summary").glob("003_*"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line.", "utf-8")
    window.stories.open_story(1)
    assert len(align_calls) == calls + 1
    assert "A new closing line." in window.alignment.documents[0].text


def test_open_recent_lists_and_reopens_sets(window, seeds):
    window.open_paths(seeds[:2])
    window.open_paths(seeds[2:])
    settings = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert settings["recent_sets"][0] == [str(p.absolute()) for p in seeds[2:]]
    window.recent.rebuild()
    labels = [a.text() for a in window.recent.menu.actions() if a.text()]
    assert labels[0].startswith("&1  ") and "and 2 more" in labels[0]
    assert labels[1].startswith("&2  ") and "and 1 more" in labels[1]
    window.recent.menu.actions()[1].trigger()
    assert [d.text for d in window.alignment.documents] == [
        p.read_text(encoding="utf-8") for p in seeds[:2]
    ]


def test_a_recent_set_whose_files_are_gone_is_dropped(window, seeds, tmp_path):
    copies = []
    for seed in seeds[:2]:
        copies.append(tmp_path / seed.name)
        shutil.copy(seed, copies[-1])
    window.open_paths(copies)
    for copy in copies:
        copy.unlink()
    window.recent.open_recent([str(c) for c in copies])
    assert "no longer there" in window.statusBar().currentMessage()
    assert not window.recent.store.settings.recent_sets


def test_reopen_last_set_at_start(window, seeds):
    window.open_paths(seeds[1:3])
    assert startup_paths() is None  # not asked for
    window.recent.reopen_action.setChecked(True)
    assert startup_paths() == [str(p.absolute()) for p in seeds[1:3]]
