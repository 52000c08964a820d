"""Clauses are cut where writers join facts, and only there."""

from __future__ import annotations

from newsdiff_gui.engine.clauses import split_clauses
from newsdiff_gui.engine.features import sentence_features


def test_a_summary_is_cut_into_its_facts() -> None:
    text = (
        "Some 140,000 homes have no electricity, at least 30,000 hectares of farmland are "
        "under water, and up to 80 millimetres of further rain is forecast for Tuesday."
    )
    assert split_clauses(text) == [
        "Some 140,000 homes have no electricity",
        "at least 30,000 hectares of farmland are under water",
        "up to 80 millimetres of further rain is forecast for Tuesday.",
    ]


def test_a_dash_and_a_conjunction_cut_too() -> None:
    assert split_clauses("Washington accuses Maduro of drug trafficking — allegations he rejects.")[
        1
    ] == ("allegations he rejects.")
    assert len(split_clauses("The minister resigned on Monday but the party kept its majority.")) == 2


def test_one_fact_is_not_cut() -> None:
    assert split_clauses("The council approved the budget on Monday.") == []
    # Numbers keep their thousands separator; "said" alone is no clause.
    assert split_clauses("About 140,000 homes lost power, officials said.") == []


def test_numbers_keep_their_point_unit_and_kind() -> None:
    assert "4.2" in sentence_features("He took 4.2 million crowns.").terms
    assert "42" not in sentence_features("He took 4.2 million crowns.").terms
    assert "40" in sentence_features("The water came within 40cm of the crest.").terms
    shares = sentence_features("Shares fell as much as 11% on Wednesday.").terms
    assert "11pct" in shares and "11" not in shares
    assert "11pct" in sentence_features("Shares fell 11 per cent.").terms
    assert "11" in sentence_features("Eleven fires were reported.").terms
