"""Alignment cache: a second load is a hit and fast; a changed file or engine misses."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.synthetic import synthetic_set

from newsdiff_gui.engine.align import cache as cache_module
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.cache import AlignmentCache, cached_align
from newsdiff_gui.engine.contract import alignment_from_dict, alignment_to_dict
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for version in synthetic_set(6, words=600, seed=5, spin=0.2):
        path = tmp_path / "set" / version.name
        path.parent.mkdir(exist_ok=True)
        path.write_text(version.text, encoding="utf-8")
        paths.append(path)
    return paths


def test_contract_round_trip() -> None:
    article_set = load_article_set(seed_files())
    alignment = align(article_set)
    assert alignment_from_dict(alignment_to_dict(alignment), article_set) == alignment


def test_second_load_hits_without_aligning(tmp_path: Path, monkeypatch) -> None:
    """The second open of the same files is read from the cache: the aligner
    does not run at all (asserted by behaviour, not by a timing that a busy
    machine can flip)."""
    from newsdiff_gui.engine.align import cache as cache_module

    paths = _files(tmp_path)
    cache = AlignmentCache(tmp_path / "cache")
    first, hit = cached_align(load_article_set(paths), cache=cache)
    assert not hit

    def must_not_align(*_args, **_kwargs):
        raise AssertionError("aligned again on a cache hit")

    monkeypatch.setattr(cache_module, "align", must_not_align)
    second, hit = cached_align(load_article_set(paths), cache=cache)
    assert hit and second == first


def test_an_edited_file_misses(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    cache = AlignmentCache(tmp_path / "cache")
    cached_align(load_article_set(paths), cache=cache)
    paths[2].write_text(paths[2].read_text(encoding="utf-8") + "\nA new line.\n", "utf-8")
    _, hit = cached_align(load_article_set(paths), cache=cache)
    assert not hit
    _, hit = cached_align(load_article_set(paths), cache=cache)
    assert hit


def test_an_engine_change_misses(tmp_path: Path, monkeypatch) -> None:
    paths = _files(tmp_path)
    cache = AlignmentCache(tmp_path / "cache")
    cached_align(load_article_set(paths), cache=cache)
    monkeypatch.setattr(cache_module, "aligner_key", lambda: "a newer aligner")
    _, hit = cached_align(load_article_set(paths), cache=cache)
    assert not hit


def test_a_bad_entry_is_a_miss_and_replaced(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    cache = AlignmentCache(tmp_path / "cache")
    article_set = load_article_set(paths)
    alignment, _ = cached_align(article_set, cache=cache)
    entry = cache.path_for(article_set)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["documents"][0]["sentences"][0]["end"] += 1  # segmented differently
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert cache.get(article_set) is None and not entry.exists()
    entry.write_text("{", encoding="utf-8")
    again, hit = cached_align(article_set, cache=cache)
    assert not hit and again == alignment and cache.get(article_set) == alignment


def test_the_cache_key_covers_every_module_the_aligner_runs() -> None:
    """A change to any module the aligner imports must miss the cache."""
    engine = Path(cache_module.__file__).parent
    seen, todo = set(), ["aligner"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = (engine / f"{name}.py").read_text(encoding="utf-8")
        todo += re.findall(r"^from \.(\w+) import", source, flags=re.MULTILINE)
    assert seen - {"model"} <= set(cache_module._ALIGNER_MODULES)


def test_two_frozen_builds_of_one_version_do_not_share_entries(tmp_path, monkeypatch) -> None:
    """A frozen build has no sources to hash; its key names the build, so a
    rebuilt app of the same version does not read the old build's entries."""
    import sys

    from newsdiff_gui.engine.align import cache as cache_module

    app = tmp_path / "newsdiff"
    app.write_bytes(b"first build")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    first = cache_module._build_identity()
    app.write_bytes(b"second, longer build")
    assert cache_module._build_identity() != first
