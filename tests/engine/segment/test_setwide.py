"""Boilerplate decided for the whole set (engine/segment/setwide.py)."""

from __future__ import annotations

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.segment.setwide import REPEAT

LEAD = "The harbour bridge will close for 18 months from March, two officials said on Monday."
FIRST = (
    "Bridge to close\n\nBy Anna Keller, Staff Writer\n\n"
    f"{LEAD}\n\nThe repairs will cost 42 million euros, the city said.\n"
)
# The second copy prints the byline line without the "By" the first page's rule needs,
# and repeats its lead in a "more on this story" box.
SECOND = (
    "Harbour bridge repairs\n\nAnna Keller, Staff Writer\n\n"
    f"{LEAD}\n\nMayor Jan Ekberg said the work could not wait.\n\nMore on this story\n\n{LEAD}\n"
)


def _labels(text_index: int, article_set) -> dict[str, str | None]:
    return {s.text: s.boilerplate for s in article_set.documents[text_index].sentences}


def test_a_line_that_is_chrome_in_one_version_is_chrome_in_all() -> None:
    plain = documents_from_texts([("b.txt", SECOND)])
    both = documents_from_texts([("a.txt", FIRST), ("b.txt", SECOND)])
    byline = "Anna Keller, Staff Writer"
    first = _labels(0, both)
    assert first["By Anna Keller, Staff Writer"] is not None
    assert _labels(0, plain)[byline] is None  # alone, the page cannot tell
    assert _labels(1, both)[byline] == first["By Anna Keller, Staff Writer"]


def test_a_page_that_repeats_its_lead_has_one_lead_of_content() -> None:
    article_set = documents_from_texts([("a.txt", FIRST), ("b.txt", SECOND)])
    second = article_set.documents[1]
    leads = [s for s in second.sentences if s.text == LEAD]
    assert [s.boilerplate for s in leads] == [None, REPEAT]
    alignment = align(article_set)
    first_lead = next(s.id for s in article_set.documents[0].sentences if s.text == LEAD)
    (unit,) = alignment.units_of(first_lead)
    assert leads[0].id in unit.members and leads[1].id not in unit.members


def test_short_sentences_said_twice_stay_content() -> None:
    text = "Talks resume\n\nHe declined.\n\nThe minister was asked twice about the deal.\n\nHe declined.\n"
    article_set = documents_from_texts([("a.txt", text), ("b.txt", text.replace("deal", "pact"))])
    assert all(
        s.boilerplate is None
        for s in article_set.documents[0].sentences
        if s.text == "He declined."
    )
