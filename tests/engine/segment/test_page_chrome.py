"""Scraped-page furniture is told from story text, one whole short line at a time.

The lines are invented in the shapes news sites print them; the story lines
are the kinds of short sentences and headlines a rule must never take.
"""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.segment.chrome import page_chrome


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("4:07 PM ET", "date line"),
        ("March 3, 2026 — 9:41am", "date line"),
        ("12 hours ago", "date line"),
        ("25m ago", "date line"),
        ("Updated", "date line"),
        ("Northern Wire Published 7:15 a.m. ET March 3, 2026", "date line"),
        ("Posted: 10:02 AM, March 3, 2026", "date line"),
        ("Image 2 of 9", "site chrome"),
        ("(Photo: Ana Lindqvist / Northern Wire)", "photo credit"),
        ("(Ola Berg/pool photo via AP, file) less", "photo credit"),
        ("Associated Press", "credit"),
        ("Reuters", "credit"),
        ("More Stories", "site chrome"),
        ("Most Popular", "site chrome"),
        ("show chapters", "site chrome"),
        ("•", "site chrome"),
        ("A \xa0 A", "site chrome"),
        ("CONNECT TWEET LINKEDIN COMMENTEMAILMORE", "site chrome"),
        ("More from The Daily Ledger", "site chrome"),
        ("You can unsubscribe at any time.", "site chrome"),
        ("Get breaking news alerts and special reports.", "site chrome"),
        ("Please read our commenting guidelines before you post.", "site chrome"),
        ("Rosa Kint and Omar Haddad contributed to this report.", "byline"),
        ("By Lena Vogt - The Daily Ledger - Tuesday, March 3, 2026", "byline"),
        ("Riverton (CNN)", "dateline"),
        ("This story is being updated, so check back for more.", "site chrome"),
        ("window._ads = window._ads || []; _ads.push({ mode: 'grid' });", "script"),
    ],
)
def test_page_furniture_is_recognised(line: str, reason: str) -> None:
    assert page_chrome(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Ferry strike ends after 12 days",
        "The minister resigned at 4 pm on Tuesday.",
        "Share prices fell 12% in early trading.",
        "The newsletter first reported the merger in May.",
        "Watchdog fines bank $40 million",
        "More than 300 homes were evacuated.",
        "The vote passed 97-2.",
        "He was 35 minutes late.",
        "Why the ferry strike matters",
        "Police said the photo was taken in 2019 (before the fire).",
    ],
)
def test_story_lines_are_left_alone(line: str) -> None:
    assert page_chrome(line) is None


def test_a_line_of_only_the_versions_own_outlet_is_a_credit() -> None:
    assert page_chrome("The Daily Ledger", outlet="dailyledger.example") == "credit"
    assert page_chrome("The Daily Ledger", outlet="") is None


def test_a_positional_guess_does_not_spread_to_a_headline() -> None:
    """A page that repeats its own headline lower down, as a short unpunctuated
    line, may have that copy taken for a caption fragment; the headline on top
    stays content (a positional guess is not the line's nature)."""
    headline = "Ferry operator drops Sunday timetable"
    body = "The operator said on Friday that it would stop Sunday sailings from May."
    page = "\n\n".join(
        [headline, "5 hours ago", "Other story in the list", "2 hours ago", headline, body, body]
    )
    other = "\n\n".join([headline, body])
    first = documents_from_texts([("page.txt", page), ("copy.txt", other)]).documents[0]
    assert first.sentences[0].text == headline
    assert first.sentences[0].boilerplate is None


def _labels(text: str) -> dict[str, str | None]:
    """Each sentence of ``text`` (opened beside another version) and its label."""
    sentences = documents_from_texts([("a.txt", text), ("b.txt", "Other.")]).documents[0].sentences
    return {s.text: s.boilerplate for s in sentences}


def test_a_credit_on_its_own_line_inside_a_paragraph_is_chrome() -> None:
    text = (
        "The harbour board approved the terminal.\n"
        "(Ana Lindqvist / Northern Wire)\n"
        "Works begin in spring.\n\nThe old pier closes."
    )
    labels = _labels(text)
    assert labels["(Ana Lindqvist / Northern Wire)"] == "photo credit"
    assert labels["The harbour board approved the terminal."] is None
    assert labels["Works begin in spring."] is None


def test_a_credit_after_its_caption_on_the_same_line_is_chrome() -> None:
    """A scraped caption keeps its credit on its line; the caption stays content
    (as the gold keeps it), the bracketed credit is chrome; a bracketed aside
    inside a paragraph's prose is not."""
    text = (
        "Headline about the ferry\n\n"
        "The ferry leaves the harbour on Friday after the operator dropped its winter "
        "timetable, ending Sunday sailings. (ANA LINDQVIST / AFP/Getty Images)\n\n"
        "The operator said fares will rise. (AP reported the rise first.) Works begin soon."
    )
    labels = _labels(text)
    assert labels["(ANA LINDQVIST / AFP/Getty Images)"] == "photo credit"
    assert labels[next(t for t in labels if t.startswith("The ferry leaves"))] is None
    assert all(label is None for t, label in labels.items() if "AP reported" in t)


def test_a_guessed_title_skips_the_pages_furniture(tmp_path) -> None:
    from newsdiff_gui.engine.load.articles import load_article_set

    page = tmp_path / "page.txt"
    page.write_text(
        "A \xa0 A\n\nShare on Facebook Share on Twitter\n\n"
        "Ferry operator drops Sunday timetable\n\n"
        "The operator said on Friday that it would stop Sunday sailings from May.\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.txt"
    other.write_text("Ferry timetable cut\n\nSunday sailings end in May.\n", encoding="utf-8")
    first = load_article_set([page, other]).documents[0]
    assert first.title == "Ferry operator drops Sunday timetable"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("JONATHAN LEMIRE, JILL COLVIN and VLADIMIR ISACHENKOV / AP", "byline"),
        ("JILL COLVIN / AP", "byline"),
        ("Scroll to top of page", "site chrome"),
        ("DONALD TRUMP / VLADIMIR PUTIN", None),
        ("NATO / EU", None),
        ("Scroll down to read the report.", None),
        ("By Emily Tillett CBS News July 15, 2018, 12:46 PM", "byline"),
        ("% of readers think this story is Fact. Add your two cents.", "site chrome"),
        ("62% of readers think this story is Fiction.", "site chrome"),
        ("By Julian E. Barnes New York Times July 14, 2018 — 5:07pm", "byline"),
        ("By Monday, 58 people had died.", None),
        ("By Tuesday Morning Trump Had Left Helsinki", None),
    ],
)
def test_capital_authors_with_their_agency_and_scroll_links(line: str, reason: str | None) -> None:
    """AP signs in capitals with a slash; "Scroll to top of page" became one
    page's title. Headings with a slash stay content."""
    assert page_chrome(line) == reason
