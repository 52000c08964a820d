"""The change reader on an invented article with one planted edit per case:
dates as values, several changes in one sentence, hedges and stance verbs,
sources by kind, negation flips, normalisation, look-alikes that must not
fire, and severity that falls with the link's confidence.

The article is written for this test (no corpus or seed text).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.changes import Change, ChangeType, Severity, read_changes
from newsdiff_gui.engine.compare.worddiff import diff_words
from newsdiff_gui.engine.load.articles import documents_from_texts
from newsdiff_gui.engine.model import OpKind

ARTICLE = """Port authority delays ferry terminal to 2027

The Lindmark port authority said on Tuesday that the new ferry terminal will open in March 2027, a year later than planned.

The delay follows a 2019 survey that found weak ground under the old quay, engineers said.

Harbour director Petra Voss told the Baltic Courier that the delay would cost about 14 million euros.

The Transport Ministry said it did not expect further delays and can't compel the builder to pay the extra cost.

The Lindmark Times reported that the builder, Nordkai Construction, appeared set to approve a new schedule at a board meeting this month.

“We are confident the terminal will be worth the wait,” Voss said at a briefing.

Residents were allegedly warned about the ground in 2017, according to the groups that sued the agency.

It is easy to imagine the terminal being used by cruise ships within a decade.

Engineers said it is inevitable that the quay will need new piles.

The council voted to police the car park with wardens after complaints from drivers.

The port may reopen the old quay in May for freight traffic.

Ministers will discuss the terminal at the G-20 meeting in Osaka next spring.

The first ferries are due to dock at 6:30 a.m. on the opening day, three years after work began.
"""


def _read(original: str, edited: str) -> list[Change]:
    alignment = align(documents_from_texts([("a.txt", original), ("b.txt", edited)]))
    return read_changes(alignment)


def _edit(old: str, new: str) -> str:
    assert ARTICLE.count(old) == 1, old
    return ARTICLE.replace(old, new)


def _typed(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.type != ChangeType.WORDING]


def _kinds(changes: list[Change]) -> set[str]:
    return {c.type.value for c in _typed(changes)}


# (old, new, expected type, words the b side of that change must hold)
SINGLE_EDITS = [
    ("in March 2027, a year", "in March 2028, a year", "date", "March 2028"),
    ("follows a 2019 survey", "follows a 2017 survey", "date", "2017"),
    ("said on Tuesday that", "said on Wednesday that", "date", "Wednesday"),
    ("board meeting this month.", "board meeting last month.", "date", "last month"),
    ("dock at 6:30 a.m. on", "dock at 8:30 a.m. on", "date", "8:30 a.m."),
    ("old quay in May for", "old quay in June for", "date", "June"),
    ("authority said on Tuesday", "authority claimed on Tuesday", "hedging", "claimed"),
    ("were allegedly warned", "were warned", "hedging", None),
    (
        "It is easy to imagine the terminal being used",
        "The terminal will be used",
        "hedging",
        "will",
    ),
    ("it is inevitable that the quay", "it is possible that the quay", "hedging", "possible"),
    ("The port may reopen", "The port will reopen", "hedging", "will"),
    ("did not expect further", "expected further", "negation", "expected"),
    ("can't compel the builder", "can compel the builder", "negation", "compel"),
    (
        "Harbour director Petra Voss told the Baltic Courier",
        "A port executive told the Baltic Courier",
        "attribution",
        "executive",
    ),
    ("The Transport Ministry said it", "Officials said it", "attribution", "Officials"),
    ("The Lindmark Times reported that", "It was reported that", "attribution", "reported"),
    (
        "the ground in 2017, according to the groups that sued the agency.",
        "the ground in 2017, reportedly.",
        "attribution",
        "reportedly",
    ),
    ("wait,” Voss said at", "wait,” Nordkai chief Jan Ekberg said at", "quote", "Ekberg"),
]


@pytest.mark.parametrize(("old", "new", "kind", "b_words"), SINGLE_EDITS)
def test_single_edit_is_found_with_its_type(old: str, new: str, kind: str, b_words) -> None:
    changes = _typed(_read(ARTICLE, _edit(old, new)))
    assert _kinds(changes) == {kind}, [(c.type.value, c.explanation) for c in changes]
    if b_words:
        assert any(c.b and b_words in c.b.text for c in changes), [c.explanation for c in changes]


def test_a_changed_year_is_a_date_change_with_both_values() -> None:
    (change,) = _typed(_read(ARTICLE, _edit("March 2027, a year", "March 2028, a year")))
    assert change.type == ChangeType.DATE and change.severity == Severity.HIGH
    assert "March 2027" in change.explanation and "March 2028" in change.explanation


def test_sources_are_explained_by_what_they_were() -> None:
    cases = {
        ("Harbour director Petra Voss told", "A port executive told"): "named → role",
        ("The Transport Ministry said it", "Officials said it"): "organisation → officials",
        ("The Lindmark Times reported that", "It was reported that"): "outlet → reported",
    }
    for (old, new), detail in cases.items():
        (change,) = _typed(_read(ARTICLE, _edit(old, new)))
        assert change.detail == detail, change.explanation


def test_a_source_still_named_in_another_form_is_no_attribution_change() -> None:
    for old, new in (
        (
            "Harbour director Petra Voss told the Baltic Courier",
            "Voss, the harbour director, told the Baltic Courier",
        ),
        ("The Transport Ministry said it did not", "The ministry said it did not"),
    ):
        assert _kinds(_read(ARTICLE, _edit(old, new))) == set(), new


def test_a_described_source_made_vague_names_the_description() -> None:
    old = "the ground in 2017, according to the groups that sued the agency."
    (change,) = _typed(_read(ARTICLE, _edit(old, "the ground in 2017, reportedly.")))
    assert change.detail == "vaguer"
    assert "groups that sued the agency" in change.explanation
    assert "no source given" not in change.explanation


def test_negation_flips_are_high() -> None:
    for old, new in (("did not expect", "expected"), ("can't compel", "can compel")):
        (change,) = _typed(_read(ARTICLE, _edit(old, new)))
        assert change.type == ChangeType.NEGATION and change.severity == Severity.HIGH


def test_two_changes_in_one_sentence_are_both_reported() -> None:
    old = "the builder, Nordkai Construction, appeared set to approve"
    kinds = _kinds(_read(ARTICLE, _edit(old, "the builder will approve")))
    assert kinds == {"entity", "hedging"}
    old = "Voss told the Baltic Courier that the delay would cost about 14 million"
    new = "Voss told the Baltic Courier that the delay could cost about 19 million"
    assert _kinds(_read(ARTICLE, _edit(old, new))) == {"hedging", "number"}


LOOK_ALIKES = [
    # (old, new): an edit elsewhere in a sentence holding a look-alike; the
    # look-alike must not become a change of its own.
    ("car park with wardens", "car park with two wardens", {"number"}),  # "to police"
    ("reopen the old quay in May for freight", "reopen the old quay in May for cargo", set()),
    ("at the G-20 meeting in Osaka", "at the G-20 summit in Osaka", set()),
]


@pytest.mark.parametrize(("old", "new", "kinds"), LOOK_ALIKES)
def test_look_alikes_never_fire(old: str, new: str, kinds: set[str]) -> None:
    assert _kinds(_read(ARTICLE, _edit(old, new))) == kinds


SPELLINGS = [
    ("three years after", "3 years after"),
    ("“We are confident", '"We are confident'),
    ("the wait,” Voss", 'the wait," Voss'),
    ("14 million euros", "14m euros"),
    ("Lindmark port authority", "LINDMARK PORT AUTHORITY"),
    ("G-20 meeting", "G20 meeting"),
    ("6:30 a.m.", "6.30am"),
]


@pytest.mark.parametrize(("old", "new"), SPELLINGS)
def test_spelling_variants_are_no_change_at_all(old: str, new: str) -> None:
    assert _read(ARTICLE, _edit(old, new)) == []


def test_normalised_word_diff_neither_strikes_nor_underlines_variants() -> None:
    pairs = [
        ("“Quoted…” – U.S. Sen. Ann Lee, Jan. 5", '"Quoted..." - US Senator Ann Lee, January 5'),
        ("five per cent of $5m", "5% of $5 million"),
        ("Published 14:05 GMT, 7 June 2025", "Published 2:05pm GMT, June 7, 2025"),
        ("the organisation's labour centre", "the organization's labor center"),
    ]
    for a, b in pairs:
        assert {op.kind for op in diff_words(a, b)} == {OpKind.EQUAL}, (a, b)
        assert {op.kind for op in diff_words(a, b, exact=True)} != {OpKind.EQUAL}
    changed = diff_words("in March 2027", "in March 2028")
    assert [op.kind for op in changed if op.kind != OpKind.EQUAL] == [OpKind.REPLACE]


def test_severity_falls_with_the_link_confidence() -> None:
    edited = _edit("about 14 million euros", "about 19 million euros")
    alignment = align(documents_from_texts([("a.txt", ARTICLE), ("b.txt", edited)]))
    (sure,) = _typed(read_changes(alignment))
    assert sure.type == ChangeType.NUMBER and sure.severity == Severity.HIGH

    def with_scores(score: float):
        links = tuple(replace(link, score=score) for link in alignment.links)
        return replace(alignment, links=links)

    (unsure,) = _typed(read_changes(with_scores(0.55)))
    (doubtful,) = _typed(read_changes(with_scores(0.2)))
    assert unsure.severity == Severity.MEDIUM and "confidence 0.55" in unsure.explanation
    assert doubtful.severity == Severity.LOW


def test_a_sum_in_us_dollars_is_a_number_and_g20_is_not() -> None:
    from newsdiff_gui.engine.changes.mentions import numbers

    text = "Russia will invest US$50 billion; the G-20, COVID-19 and MH17 were named."
    assert [m.key for m in numbers(text, 0, len(text))] == ["$5e+10"]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Joycelyn Savage, one of the women, spoke.", []),
        ("No one was hurt in the one-on-one meeting.", []),
        ("At one point, the two leaders met again.", []),
        ("One person died and one was injured.", ["1", "1"]),
        ("Only one senator voted against it.", ["1"]),
        ("The real goal was a political one, they said.", []),
        ("They had two cars and one bike.", ["2", "1"]),
        ("The two leaders met for two hours.", ["2"]),
        ("Those three countries sent 3 envoys.", ["3"]),
    ],
)
def test_a_spelled_one_counts_only_as_a_quantity(text: str, keys: list[str]) -> None:
    """ "one of the women" or "no one" is no number: reported as "Number added:
    one" it was noise on real coverage; "one person died" still is one."""
    from newsdiff_gui.engine.changes.mentions import numbers

    assert [m.key for m in numbers(text, 0, len(text))] == keys


def test_names_swapped_in_bulk_are_dropped_and_added_not_paired() -> None:
    """With two names gone and two new, which replaced which is a guess: the
    reader listed "Name changed: ACLU → Justice Department". One for one is
    still a change; a possessive ("Hofeller's") is the same name."""
    before = (
        "The ACLU and the DOJ disputed Hofeller's role in the census case on Thursday, "
        "lawyers said."
    )
    after = (
        "Hofeller played a role in the census case, the Justice Department and Texas "
        "officials said on Thursday."
    )
    read = _read(ARTICLE + "\n" + before + "\n", ARTICLE + "\n" + after + "\n")
    found = [c.explanation for c in _typed(read) if c.type.value == "entity"]
    assert found
    assert not any("changed" in text for text in found)
    assert not any("Hofeller" in text for text in found)
    assert any(text.startswith("Names dropped: ACLU, DOJ") for text in found)
    single = _typed(
        _read(
            ARTICLE + "\nMaduro met the Pope on Friday in Rome for an hour.\n",
            ARTICLE + "\nMaduro met Guterres on Friday in Rome for an hour.\n",
        )
    )
    assert [c.explanation for c in single if c.type.value == "entity"] == [
        "Name changed: Pope → Guterres."
    ]


def test_a_split_quote_keeps_its_speaker_in_the_sentence_beside_it() -> None:
    """CNN split Warner's quote over two sentences and named him in the first:
    the second is not a "Named source dropped" against a version that names
    him in the same sentence."""
    one = ARTICLE + '\n"Putin is a trained spy who does his homework," Warner said on Sunday.\n'
    two = (
        ARTICLE + '\n"We need other Americans in the room," Warner said. '
        '"Putin is a trained spy who does his homework on Sunday."\n'
    )
    sourcing = [c for c in _typed(_read(one, two)) if c.type.value == "attribution"]
    assert not any("dropped" in c.explanation for c in sourcing)


def test_a_negation_said_another_way_on_the_other_side_is_no_flip() -> None:
    """ "no further Russian interference" and "they don't interfere" both negate
    the interference; the cue's first word ("Russian") is not what it denies."""
    one = ARTICLE + (
        "\nThe first point of the agenda should be no further Russian interference "
        "in our elections, Warner said.\n"
    )
    two = ARTICLE + (
        "\nWarner said someone must press the Russians on making sure they don't "
        "interfere in our elections.\n"
    )
    assert not [c for c in _typed(_read(one, two)) if c.type.value == "negation"]


def test_a_source_opening_its_sentence_is_still_named() -> None:
    """'… obstruct!" Trump tweeted.' names Trump: no "Named source dropped"
    against 'Trump says the media is the enemy of the people.'"""
    one = ARTICLE + "\nTrump says much of the news media is the enemy of the people.\n"
    two = ARTICLE + '\n"Much of the news media is the enemy of the people!" Trump tweeted.\n'
    sourcing = [c for c in _typed(_read(one, two)) if c.type.value == "attribution"]
    assert not any("dropped" in c.explanation for c in sourcing)


def test_two_single_marks_standing_for_double_ones_are_a_quotation() -> None:
    """The Boston Globe's copy of an AP story writes ‘‘…’’: the reader said
    "Quote paraphrased or kept without quotation marks" for every quote."""
    one = ARTICLE + '\n"We are confident the new quay will be worth the wait," Voss said.\n'
    two = ARTICLE + "\n‘‘We are confident the new quay will be worth the wait,’’ Voss said.\n"
    assert not [c for c in _typed(_read(one, two)) if c.type.value == "quote"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("On Meet the Press, Sen. Mark Warner spoke.", ["Meet the Press", "Mark Warner"]),
        ("In Helsinki, Putin waited.", ["Helsinki", "Putin"]),
        ("He told CNN's State of the Union on Sunday.", ["CNN's State of the Union"]),
        ("The Vice Chair said the Virginia Democrat agreed.", ["Virginia Democrat"]),
    ],
)
def test_names_without_their_titles_and_opening_prepositions(text: str, names: list[str]) -> None:
    """Real coverage listed "Names added: On Meet the Press, Sen, State, Union":
    a title, a capitalised preposition and a show's name cut in two."""
    from newsdiff_gui.engine.changes.mentions import entities

    assert [text[m.start : m.end] for m in entities(text, 0, len(text))] == names


def test_a_headline_in_title_case_is_not_a_row_of_names() -> None:
    """US outlets capitalise every headline word: "Trump Arrives in Helsinki
    for Meeting With Putin" gave "Names added: Trump Arrives, Meeting With
    Putin". In a title-case line only the words the page never writes in
    lower case count as names."""
    headline = "Port authority delays ferry terminal to 2027"
    titled = "Lindmark Port Authority Said the New Terminal Will Open a Year Later Than Planned"
    two = ARTICLE.replace(headline, titled, 1)
    names = [c.explanation for c in _typed(_read(ARTICLE, two)) if c.type.value == "entity"]
    assert set(names) <= {"Name added: Lindmark."}, names


def test_a_senators_state_is_not_the_source() -> None:
    """ "Senator John Thune, Republican of South Dakota, who …, warned" took
    South Dakota for the speaker, so "(R-S.D.)" in a copy read as "Named
    source dropped: South Dakota"."""
    from newsdiff_gui.engine.changes.sourcing import speakers

    text = (
        "Senator John Thune, Republican of South Dakota, who recently returned from "
        "a visit to Moscow, warned that the Russians are ready."
    )
    assert not [m for m in speakers(text, 0, len(text)) if "dakota" in m.key]


def test_a_state_in_full_and_in_the_party_tag_is_the_same_name() -> None:
    """The Boston Globe writes "Republican of Nebraska", the Post "R-Neb.":
    no "Name dropped: Nebraska"."""
    one = ARTICLE + "\nBen Sasse, Republican of Nebraska, called the harbour plan a mistake.\n"
    two = ARTICLE + "\nSen. Ben Sasse, R-Neb., called the harbour plan a mistake.\n"
    names = [c.explanation for c in _typed(_read(one, two)) if c.type.value == "entity"]
    assert not any("Nebraska" in n for n in names), names


def test_a_word_in_capitals_for_emphasis_is_no_name() -> None:
    """Trump's tweet "Our relationship with Russia has NEVER been worse" gave
    "Names dropped: Twitter, Russia, NEVER"; an acronym (NATO) still counts."""
    one = ARTICLE + (
        "\nThe harbour has NEVER been busier since NATO ships came to the quay.\n"
        "\nThe mayor said the old pier will never reopen.\n"
    )
    two = ARTICLE + "\nThe harbour has seldom been this busy since the ships came to the quay.\n"
    names = [c.explanation for c in _typed(_read(one, two)) if c.type.value == "entity"]
    assert not any("NEVER" in n for n in names), names
    assert any("NATO" in n for n in names), names
