"""Typed changes on hand-written articles with one planted edit each, and on the seeds.

The articles (tests/support/planted_articles.py) are written for these tests.
Each edited copy changes one thing a journalist checks; the reader must find
exactly that type (plus, at most, wording-level changes) with spans covering
the edited words, and an untouched copy must give no change at all.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from support.planted_articles import ARTICLES, EQUIVALENT, PLANTS, Plant, edited

from newsdiff_gui.commands import changes as changes_command
from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import Change, ChangeType, read_changes, read_set_changes
from newsdiff_gui.engine.load.articles import documents_from_texts, load_article_set
from newsdiff_gui.paths import seed_files


def _changes(original: str, edited_text: str, intact: bool = False) -> list[Change]:
    alignment = align(documents_from_texts([("a.txt", original), ("b.txt", edited_text)]))
    return read_changes(alignment, include_intact=intact)


def _typed(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.type != ChangeType.WORDING]


def _covers(side, text: str, words: str, near: int) -> bool:
    start = text.index(words, max(0, near - len(words)))
    return side is not None and side.start <= start and start + len(words) <= side.end


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_untouched_copy_has_no_changes(name: str) -> None:
    assert _changes(ARTICLES[name], ARTICLES[name]) == []


@pytest.mark.parametrize("plant", PLANTS, ids=[p.label for p in PLANTS])
def test_planted_change_is_found_with_its_type_and_spans(plant: Plant) -> None:
    base = ARTICLES[plant.article]
    new = edited(plant.article, plant.old, plant.new)
    typed = _typed(_changes(base, new))
    assert {c.type.value for c in typed} == {plant.kind}, [(c.type, c.explanation) for c in typed]
    at = base.index(plant.old)
    for change in typed:
        assert change.a is not None and change.b is not None  # a change inside shared content
        for side, text in ((change.a, base), (change.b, new)):
            assert text[side.start : side.end] == side.text
    assert any(
        (plant.a_words is None or _covers(c.a, base, plant.a_words, at))
        and (plant.b_words is None or _covers(c.b, new, plant.b_words, at))
        for c in typed
    ), [(c.explanation, c.a and c.a.text, c.b and c.b.text) for c in typed]


@pytest.mark.parametrize(("article", "old", "new"), EQUIVALENT)
def test_equivalent_spellings_are_not_changes(article: str, old: str, new: str) -> None:
    assert _typed(_changes(ARTICLES[article], edited(article, old, new))) == []


def test_removed_paragraph_is_omitted_and_new_one_added() -> None:
    new = edited(
        "bridge",
        "The harbour authority declined to comment.\n",
        "A petition against the tolls has 5,000 signatures.\n",
    )
    changes = _changes(ARTICLES["bridge"], new)
    omitted = [c for c in changes if c.type == ChangeType.OMITTED]
    added = [c for c in changes if c.type == ChangeType.ADDED]
    assert len(omitted) == len(added) == 1
    assert omitted[0].b is None and "declined to comment" in omitted[0].a.text
    assert added[0].a is None and "petition" in added[0].b.text


def test_a_lone_punctuation_line_is_not_added_or_omitted_content() -> None:
    """A scraped page's stray "." or "—" line is layout: neither the pair's
    changes nor the set-wide ones list it, while a real new sentence still is."""
    new = ARTICLES["bridge"] + "\n.\n\n—\n\nA petition against the tolls has 5,000 signatures.\n"
    alignment = align(documents_from_texts([("a.txt", ARTICLES["bridge"]), ("b.txt", new)]))
    for changes in (read_changes(alignment), read_set_changes(alignment)):
        added = [c.b.text.strip() for c in changes if c.type == ChangeType.ADDED and c.b]
        assert added == ["A petition against the tolls has 5,000 signatures."]
    reverse = align(documents_from_texts([("a.txt", new), ("b.txt", ARTICLES["bridge"])]))
    omitted = [c.a.text for c in read_changes(reverse) if c.type == ChangeType.OMITTED and c.a]
    assert len(omitted) == 1 and "petition" in omitted[0]


def test_quote_kept_verbatim_is_reported_intact_on_request() -> None:
    base = ARTICLES["bridge"]
    changes = _changes(base, edited("bridge", "Engineers found", "Inspectors found"), True)
    quotes = [c for c in changes if c.type == ChangeType.QUOTE]
    assert len(quotes) == 1 and quotes[0].severity.value == "info"
    assert quotes[0].explanation == "Quote intact." and quotes[0].detail == "intact"


def test_cli_json_on_two_files_reports_only_the_planted_change(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["plant"], encoding="utf-8")
    new = edited("plant", "fallen 23% since", "fallen 32% since")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    out = tmp_path / "changes.json"
    parser = argparse.ArgumentParser()
    changes_command.add_arguments(parser)
    args = parser.parse_args(
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json", "-o", str(out)]
    )
    assert changes_command.run(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["type"] for c in data["changes"]] == ["number"]
    change = data["changes"][0]
    assert change["a"]["text"] == "23%" and change["b"]["text"] == "32%"
    assert new[change["b"]["start"] : change["b"]["end"]] == "32%"
    assert change["documents"] == ["d0", "d1"]


# -- the seeds -------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    alignment = align(load_article_set(seed_files()))
    return alignment, {d.name[:3]: d for d in alignment.documents}


def test_seed_four_and_4_are_not_a_number_change(seeds) -> None:
    alignment, docs = seeds
    for other in ("001", "002", "003"):
        for change in read_changes(alignment, [(docs["000"], docs[other])]):
            if change.type == ChangeType.NUMBER:
                assert not {change.a.text.lower(), change.b.text.lower()} <= {"4", "four"}
                assert change.a.text not in ("$50 million", "November 16")


def test_seed_quotes_kept_and_altered(seeds) -> None:
    alignment, docs = seeds
    kept = read_changes(alignment, [(docs["002"], docs["003"])], include_intact=True)
    intact = [c for c in kept if c.type == ChangeType.QUOTE and c.detail == "intact"]
    assert any("every element of American power" in c.a.text for c in intact)
    spun = read_changes(alignment, [(docs["000"], docs["002"])])
    altered = [c for c in spun if c.type == ChangeType.QUOTE and c.detail == "altered"]
    # The spinner rewrote words inside quotation marks ("each factor of American energy").
    assert any("American energy" in c.a.text and "American power" in c.b.text for c in altered)


def test_seed_sourcing_made_vaguer_and_numbers_dropped(seeds) -> None:
    alignment, docs = seeds
    changes = read_changes(alignment, [(docs["002"], docs["003"])])
    vaguer = [c for c in changes if c.type == ChangeType.ATTRIBUTION and c.detail == "vaguer"]
    assert any(c.a.text == "four officials said" and c.b.text == "reportedly" for c in vaguer)
    numbers = [c for c in changes if c.type == ChangeType.NUMBER]
    assert any(c.a.text == "Three" for c in numbers)  # "Three international airlines" → "several"


def test_set_changes_name_what_only_one_version_has(seeds) -> None:
    alignment, docs = seeds
    changes = read_set_changes(alignment)
    birthday = [c for c in changes if c.b and "63rd birthday" in c.b.text]
    assert birthday and birthday[0].type == ChangeType.ADDED
    assert birthday[0].documents == ("set", docs["002"].id)
    omitted_from_004 = [
        c for c in changes if c.type == ChangeType.OMITTED and c.documents[1] == docs["004"].id
    ]
    assert omitted_from_004 and all(c.b is None and c.a for c in omitted_from_004)
