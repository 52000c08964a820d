"""English number words as digits, so "Eleven points from fourteen games"
matches "11 points from 14 games" and "thirty-one goals" matches "31 goals".

Why here: a rewrite spells out what a wire writes in digits (and a summary
the other way round), and numbers are among the terms that tell facts apart.
Cardinals up to the thousands are read, with hyphenated or spaced tens
("twenty-one", "twenty one"), and ordinals from "third" ("eighteenth" is the
18th). "First" and "second" stay words: "the first stage", "a second day"
are rarely a rank that another version gives in digits.

Public API: ``words_to_numbers``.
"""

from __future__ import annotations

_UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_DOZEN = "dozen"


def _value(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    return _ORDINALS.get(word)


def _extends(current: int, value: int) -> bool:
    """Can ``value`` continue the number read so far ("twenty" + "one", "two
    hundred" + "twelve"), rather than start a new one ("one, two")?"""
    if current % 100 == 0:
        return value < 100
    return current % 100 >= 20 and current % 10 == 0 and value < 10


def _read(words: list[str], start: int) -> tuple[int, int]:
    """The number spelled from ``words[start]`` on, and where it ends."""
    total = current = 0
    i = start
    while i < len(words):
        word = words[i]
        value = _value(word)
        if value is not None:
            if i > start and not _extends(current, value):
                break
            current += value
            i += 1
            if word in _ORDINALS:
                break  # "twenty-third" ends the number
        elif word in _SCALES and i > start:
            if _SCALES[word] == 100:
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * 1000, 0
            i += 1
        elif word == "and" and i > start and i + 1 < len(words) and (total or current >= 100):
            following = _value(words[i + 1])
            if following is None or not _extends(current, following):
                break
            i += 1  # "two hundred and twelve"
        else:
            break
    return total + current, i


def words_to_numbers(words: list[str]) -> list[str]:
    """Lower-cased words with each run of number words replaced by its digits."""
    result: list[str] = []
    i = 0
    while i < len(words):
        if words[i] == _DOZEN:
            result.append("12")
            i += 1
        elif words[i] in _SCALES:
            result.append(str(_SCALES[words[i]]))  # "a hundred people"
            i += 1
        elif _value(words[i]) is None:
            result.append(words[i])
            i += 1
        else:
            value, i = _read(words, i)
            result.append(str(value))
    return result
