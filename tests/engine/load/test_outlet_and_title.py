"""The label a version gets from its own text: its outlet and its title.

Why: a scraped page's brackets are mostly asides, not credits. "May 31, 2019
10:00AM (UTC)" labelled a Salon page "B · UTC", and a byline without its "By"
("Igor Derysh" over the date) became its title and content only it had.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff_gui.engine.load.articles import _guess_metadata, documents_from_texts

BODY = "The council approved the budget on Tuesday after a long debate.\n"


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("MOSCOW (Realist English) — ", "Realist English"),
        ("HELSINKI (AP) — ", "AP"),
        ("HELSINKI, Finland (Sputnik) – ", "Sputnik"),
        ("(Daily Wire) ", "Daily Wire"),
        ("WASHINGTON (Reuters) - ", "Reuters"),
        ("May 31, 2019 10:00AM (UTC)\n\n", "page"),
        ("Leaders met on Sunday. (July 15)\n\n", "page"),
        ("A photo of the palace. (Getty Images)\n\n", "page"),
        ("(HELSINKI) — ", "page"),
        ("She praised ties with (German Chancellor Angela Merkel) and ", "page"),
    ],
)
def test_only_a_credit_in_brackets_names_the_outlet(head: str, outlet: str) -> None:
    assert _guess_metadata(head + BODY, Path("page.txt"))[1] == outlet


def test_a_name_over_the_date_is_a_byline_not_the_title() -> None:
    page = "Igor Derysh\n\nMay 31, 2019 10:00AM (UTC)\n\n" + BODY + "\nShe said more.\n"
    document = documents_from_texts([("page.txt", page), ("other.txt", BODY)]).documents[0]
    assert document.title.startswith("The council approved")
    assert document.outlet == "page"
    labels = [(s.text, s.boilerplate) for s in document.sentences]
    assert labels[0] == ("Igor Derysh", "byline")
    assert labels[1][1] == "date line"
    assert all(label is None for _, label in labels[2:])


def test_a_short_headline_over_the_date_stays_content() -> None:
    page = "Budget Passes Council\n\nMay 31, 2019\n\n" + BODY
    sentences = documents_from_texts([("p.txt", page), ("o.txt", BODY)]).documents[0].sentences
    assert sentences[0].boilerplate is None


def test_the_agency_in_the_byline_not_the_one_credited_for_the_picture() -> None:
    """The Boston Globe's copy of an AP story opens with an AFP picture credit:
    it was labelled "via AFP"."""
    page = (
        "AFP PHOTO / SPUTNIK / Mikhail KLIMENTYEV/AFP/Getty Images/File 2017\n\n"
        "President Trump chats with President Putin at a summit in 2017.\n\n"
        "By Jonathan Lemire and Jill Colvin Associated Press\n\n" + BODY
    )
    assert _guess_metadata(page, Path("page.txt"))[1] == "via Associated Press"
    caption_only = "Leaders shake hands. (AP Photo/Pablo Martinez)\n\n" + BODY
    assert _guess_metadata(caption_only, Path("page.txt"))[1] == "page"


def test_an_outlet_the_story_cites_past_the_head_is_not_its_source() -> None:
    """Salon's census report cites "The New York Times" in a paragraph that
    starts in the head but names it later: the page is not "via" the Times."""
    head = "Documents found on a hard drive revealed the plan to the court. " * 9
    page = head + "The role was first reported by The New York Times on Thursday.\n"
    assert _guess_metadata(page, Path("page.txt"))[1] == "page"
