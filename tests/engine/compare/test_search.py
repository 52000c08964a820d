"""Search across versions: case, whole words, regex, errors, counts, sentences."""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.compare.search import SearchError, search
from newsdiff_gui.engine.load.articles import documents_from_texts

SET = documents_from_texts(
    [
        ("a.txt", "The U.S. Navy said 4 officials met. Officials in the U.S. declined."),
        ("b.txt", "An official said nothing. OFFICIALS later confirmed it."),
    ]
)


def _texts(result) -> list[str]:
    docs = {d.id: d for d in SET.documents}
    return [docs[h.document].text[h.start : h.end] for h in result.hits]


def test_case_insensitive_by_default_with_counts() -> None:
    result = search(SET, "officials")
    assert _texts(result) == ["officials", "Officials", "OFFICIALS"]
    assert result.counts == {"d0": 2, "d1": 1}


def test_whole_word_and_case_sensitive() -> None:
    assert _texts(search(SET, "official", whole_word=True)) == ["official"]
    assert _texts(search(SET, "U.S.", whole_word=True)) == ["U.S.", "U.S."]
    assert _texts(search(SET, "Officials", case_sensitive=True)) == ["Officials"]


def test_regex_and_literal_metacharacters() -> None:
    assert _texts(search(SET, r"\d+ official\w*", regex=True)) == ["4 officials"]
    assert search(SET, "U.S", regex=False).total == 2  # the dot is literal
    assert search(SET, "x*", regex=True).total == 0  # empty matches are skipped


def test_bad_regex_is_a_clear_error() -> None:
    with pytest.raises(SearchError, match=r"not a valid regular expression.*position"):
        search(SET, "(officials", regex=True)


def test_hits_name_their_sentence_and_empty_query_finds_nothing() -> None:
    hit = search(SET, "declined").hits[0]
    sentence = SET.sentence(hit.sentence)
    assert sentence.start <= hit.start < sentence.end and "declined" in sentence.text
    assert search(SET, "").hits == () and search(SET, "").counts == {"d0": 0, "d1": 0}
