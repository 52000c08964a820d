"""Typed changes on small hand-written article pairs and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff_gui.engine.align import align
from newsdiff_gui.engine.load import documents_from_texts, load_article_set
from newsdiff_gui.engine.reading import ChangeType, profile_versions, read_changes

BASE = (
    "The city council will vote on the new budget on Tuesday, four officials told Reuters. "
    "The plan sets aside $50 million for repairs to 4,000 homes damaged in the floods. "
    "“We cannot wait another winter,” said Mayor Anna Kovacs, who proposed the measure. "
    "Opposition members said the money would come from the transport fund."
)


def changes(a: str, b: str, include_intact: bool = False):
    alignment = align(documents_from_texts([("a.txt", a), ("b.txt", b)]))
    return read_changes(alignment, [("d0", "d1")], include_intact=include_intact)


def types(found) -> set[str]:
    return {c.type.value for c in found} - {"wording"}


def test_identical_files_have_no_changes() -> None:
    assert changes(BASE, BASE) == []


def test_equivalent_spellings_are_not_changes() -> None:
    b = BASE.replace("four", "4").replace("$50 million", "$50m").replace("4,000", "4000")
    b = b.replace("“", '"').replace("”", '"').replace("on Tuesday", "on Tuesday")
    assert changes(BASE, b) == []


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("4,000 homes", "3,000 homes", "number"),
        ("“We cannot wait another winter,”", "“We cannot wait another year,”", "quote"),
        ("four officials told Reuters", "reportedly", "attribution"),
        ("will vote", "could vote", "hedging"),
        ("on Tuesday", "on Friday", "date"),
        (" said Mayor Anna Kovacs, who proposed the measure", " its backers said", "attribution"),
    ],
)
def test_one_planted_change_is_found_with_its_span(old: str, new: str, kind: str) -> None:
    b = BASE.replace(old, new)
    assert b != BASE
    found = changes(BASE, b)
    assert types(found) == {kind}, [c.explanation for c in found]
    hit = next(c for c in found if c.type.value == kind)
    edited = b.index(new), b.index(new) + len(new)
    if hit.b is not None:
        assert hit.b.start < edited[1] and edited[0] < hit.b.end


def test_entity_dropped() -> None:
    a = "The Pentagon referred questions to the White House. The CIA declined to comment."
    b = "Officials referred questions to the White House. The CIA declined to comment."
    found = changes(a, b)
    assert [c.a.text for c in found if c.type == ChangeType.ENTITY] == ["Pentagon"]


def test_same_person_named_differently_is_not_a_change() -> None:
    a = "President Nicolas Maduro, in power since 2013, denied the claims on Saturday."
    b = "Mr Maduro, in power since 2013, denied the claims on Saturday."
    assert not [c for c in changes(a, b) if c.type == ChangeType.ENTITY]


def test_quote_intact_only_when_asked() -> None:
    assert changes(BASE, BASE, include_intact=True)[0].explanation == "Quote intact."


SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds():
    return align(load_article_set([str(p) for p in SEEDS]))


def test_no_false_number_for_four_and_4_in_seeds(seeds) -> None:
    found = read_changes(seeds, [("d0", "d1")])
    numbers = [c for c in found if c.type == ChangeType.NUMBER]
    assert not [c for c in numbers if c.a and c.a.text.lower() in ("4", "four") and c.b]
    assert not [c for c in numbers if c.a and c.a.start < 200]  # the ledes: "4" vs "four"


def test_seed_profiles(seeds) -> None:
    traits = {p.document: {t.name for t in p.traits} for p in profile_versions(seeds)}
    assert "spun copy" in traits["d0"]
    assert "summary" in traits["d3"]
    assert any("different" in t for t in traits["d4"])
