"""Number words read as the digits another version writes."""

from __future__ import annotations

import pytest

from newsdiff_gui.engine.align.features import normalise_words
from newsdiff_gui.engine.align.numbers import words_to_numbers


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("Eleven points from fourteen games", ["11", "14"]),
        ("thirty-one goals conceded", ["31"]),
        ("two hundred and twelve appearances", ["212"]),
        ("three thousand four hundred rescued", ["3400"]),
        ("they finished eighteenth", ["18"]),
        ("they finished 18th", ["18"]),
        ("a dozen villages", ["12"]),
        ("four million pounds", ["4"]),
        ("won five-nil", ["5", "0"]),
    ],
)
def test_spelled_numbers_become_digits(text: str, digits: list[str]) -> None:
    assert [w for w in normalise_words(text) if w.isdigit()] == digits


def test_separate_numbers_stay_separate() -> None:
    assert words_to_numbers("one two three".split()) == ["1", "2", "3"]
    assert words_to_numbers("twenty thirty".split()) == ["20", "30"]


def test_first_and_second_stay_words() -> None:
    assert words_to_numbers("for a second day the first stage".split()) == (
        "for a second day the first stage".split()
    )
