"""Typed changes on hand-written articles with one planted edit each.

The base article is written for these tests. Each edited copy changes one
thing a journalist checks; the reader must find exactly that type (plus, at
most, wording-level changes), and an untouched copy must give no change.
"""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.align import align
from newsdiff_gui.engine.changes import ChangeType, read_changes
from newsdiff_gui.engine.load import documents_from_texts

BASE = """City council approves harbour bridge repairs

The city council on Tuesday approved a 42 million euro plan to repair the Old Harbour bridge, two officials told the Coastal Herald.

Mayor Anna Keller said the work will start in March and last eighteen months.

“We cannot leave a bridge that carries 30,000 cars a day in this state,” Keller said at a press conference.

The opposition Green Party voted against the plan, arguing that the cost had doubled since 2021.

Engineers found corrosion in 14 of the bridge's 60 steel cables during an inspection last year.

The harbour authority declined to comment.
"""


def _edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def _changes(original: str, edited: str, intact: bool = False):
    alignment = align(documents_from_texts([("a.txt", original), ("b.txt", edited)]))
    return read_changes(alignment, include_intact=intact)


def _typed(changes) -> list:
    return [c for c in changes if c.type != ChangeType.WORDING]


def test_untouched_copy_has_no_changes() -> None:
    assert _changes(BASE, BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "kind", "edited_words"),
    [
        ("42 million euro", "48 million euro", ChangeType.NUMBER, "48 million"),
        ("in 14 of the bridge's", "in 19 of the bridge's", ChangeType.NUMBER, "19"),
        (
            "carries 30,000 cars a day in this state",
            "carries 30,000 cars a day in this shape",
            ChangeType.QUOTE,
            "this shape",
        ),
        (
            "two officials told the Coastal Herald",
            "reportedly",
            ChangeType.ATTRIBUTION,
            "reportedly",
        ),
        (
            "the work will start in March",
            "the work could start in March",
            ChangeType.HEDGING,
            "could",
        ),
        (
            "Mayor Anna Keller said the work",
            "An official said the work",
            ChangeType.ATTRIBUTION,
            "official",
        ),
        ("repair the Old Harbour bridge", "repair the bridge", ChangeType.ENTITY, None),
        ("on Tuesday approved", "on Thursday approved", ChangeType.DATE, "Thursday"),
    ],
)
def test_planted_change_is_found_with_its_type(old, new, kind, edited_words) -> None:
    changes = _changes(BASE, _edit(old, new))
    typed = _typed(changes)
    assert typed, f"no typed change for {kind}"
    assert {c.type for c in typed} == {kind}, [(c.type, c.explanation) for c in typed]
    change = typed[0]
    assert change.a is not None and change.b is not None
    if edited_words:
        assert edited_words in change.b.text or change.b.text in edited_words


def test_dropped_named_source_is_attribution() -> None:
    edited = _edit(", two officials told the Coastal Herald", "")
    kinds = {c.type for c in _typed(_changes(BASE, edited))}
    assert ChangeType.ATTRIBUTION in kinds


def test_removed_paragraph_is_omitted_and_new_one_added() -> None:
    edited = _edit(
        "The harbour authority declined to comment.\n",
        "A petition against the tolls has 5,000 signatures.\n",
    )
    kinds = [c.type for c in _changes(BASE, edited)]
    assert ChangeType.OMITTED in kinds and ChangeType.ADDED in kinds


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("eighteen months", "18 months"),
        ("30,000 cars", "30000 cars"),
        ("42 million euro", "42m euro"),
        ("“We cannot leave", '"We cannot leave'),
        ("in this state,”", 'in this state,"'),
    ],
)
def test_equivalent_spellings_are_not_changes(old: str, new: str) -> None:
    assert _typed(_changes(BASE, _edit(old, new))) == []


def test_quote_kept_verbatim_is_reported_intact_on_request() -> None:
    changes = _changes(BASE, _edit("Engineers found", "Inspectors found"), intact=True)
    intact = [c for c in changes if c.type == ChangeType.QUOTE]
    assert intact and all(c.explanation == "Quote intact." for c in intact)


def test_seed_four_and_4_are_not_a_number_change() -> None:
    from newsdiff_gui.engine.load import load_article_set
    from newsdiff_gui.paths import seed_files

    alignment = align(load_article_set(seed_files()))
    spun, rewrite = alignment.documents[0], alignment.documents[1]
    numbers = [c for c in read_changes(alignment, [(spun, rewrite)]) if c.type == ChangeType.NUMBER]
    assert not any(
        c.a and c.b and c.a.text.strip() == "4" and c.b.text.strip().lower() == "four"
        for c in numbers
    )
    assert all("4 → four" not in c.explanation for c in numbers)
