"""Version profiles on the seeds: the traits a reader sees, with reasons."""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes.profile import VersionProfile, profile_versions
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.paths import seed_files


@pytest.fixture(scope="module")
def seeds() -> dict[str, VersionProfile]:
    profiles = profile_versions(align(load_article_set(seed_files())))
    return {p.name[:3]: p for p in profiles}


def _traits(profile: VersionProfile) -> set[str]:
    return {trait for trait, _ in profile.traits}


def test_spun_copy_summary_and_different_report(seeds) -> None:
    assert "spun copy" in _traits(seeds["000"])
    assert "condensed rewrite or summary" in _traits(seeds["003"])
    assert "different or translated report" in _traits(seeds["004"])
    assert not _traits(seeds["002"]) & {"spun copy", "different or translated report"}
    for profile in seeds.values():
        assert all(reason for _, reason in profile.traits)


def test_likely_sources_with_evidence(seeds) -> None:
    assert seeds["004"].likely_source.document is None
    rewrite = seeds["002"].likely_source
    assert rewrite.document == "d0" and rewrite.confidence > 0.5
    assert any("keeps the same order" in e for e in rewrite.evidence)


def test_only_here_and_dropped(seeds) -> None:
    assert len(seeds["004"].only_here) > 20  # a different story
    assert len(seeds["003"].dropped) > len(seeds["002"].dropped)  # the summary leaves more out


def test_identical_copy_is_near_verbatim() -> None:
    text = (
        "The council approved the budget on Monday after a long debate. "
        "It includes 12 million euros for schools and a new bus line to the harbour. "
        "The opposition voted against it, calling the tax rises unfair. "
        "The mayor said the first works will start in spring."
    )
    profiles = profile_versions(align(documents_from_texts([("a.txt", text), ("b.txt", text)])))
    assert "near-verbatim copy" in _traits(profiles[1])
