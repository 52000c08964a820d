"""The bundled example's alignment ships with the package and is current."""

from __future__ import annotations

import json
from importlib import resources

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.cache import BUNDLED_ENTRY, AlignmentCache, entry_key
from newsdiff_gui.engine.contract import alignment_to_dict
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files


def _shipped() -> dict:  # type: ignore[type-arg]
    text = (resources.files("newsdiff_gui.data") / BUNDLED_ENTRY).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _without_paths(data: dict) -> dict:  # type: ignore[type-arg]
    for document in data["documents"]:
        document["path"] = document["path"].replace("\\", "/").rsplit("/", 1)[-1]
    return data


def test_the_shipped_entry_was_made_by_this_aligner() -> None:
    article_set = load_article_set(seed_files())
    assert _shipped()["key"] == entry_key(article_set, None), (
        "the aligner changed: rebuild the bundled example's alignment with "
        "`python -m tools.build_seed_alignment`"
    )
    assert _shipped()["alignment"] == _without_paths(alignment_to_dict(align(article_set)))
    assert all("/" not in d["path"] for d in _shipped()["alignment"]["documents"])


def test_an_empty_cache_serves_the_example_at_once_and_keeps_it(tmp_path) -> None:
    cache = AlignmentCache(tmp_path)
    article_set = load_article_set(seed_files())
    found = cache.get(article_set)
    assert found is not None
    assert _without_paths(alignment_to_dict(found)) == _shipped()["alignment"]
    assert [d.path for d in found.documents] == [d.path for d in article_set.documents]
    assert cache.path_for(article_set).exists(), "copied into the user's cache"


def test_another_set_is_not_served_from_the_bundle(tmp_path) -> None:
    cache = AlignmentCache(tmp_path)
    assert cache.get(load_article_set(seed_files()[:3])) is None
