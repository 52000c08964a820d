"""Numbers and dates in a span of text, with keys that make equal spellings equal.

Why keys: a rewrite says "four" where the wire said "4", "4,000" for "4000",
"$50m" for "$50 million", "Nov 16" for "November 16". Comparing keys (value,
currency, percent; weekday or month-day) reports only real changes. Dates are
found first and numbers inside them are not counted again as quantities.
"""

from __future__ import annotations

import re

from .model import Mention

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "hundred": 100,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# "one" is left out on purpose: "one of the officials", "no one" are not counts.
_WORDS = "|".join(sorted((w for w in _UNITS if w != "one"), key=len, reverse=True))
_TAILS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER = re.compile(
    r"(?P<cur>[$€£]\s?)?"
    rf"(?:(?P<digits>\d+(?:[,\u202f]\d{{3}})*(?:\.\d+)?)(?:st|nd|rd|th)?|(?P<word>\b(?:{_WORDS})(?:-(?:{_TAILS}))?\b))"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|m|b|k)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent|percent))?",
    re.IGNORECASE,
)

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "may": "may",
    "jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted({*_MONTHS, *_MONTHS.values()}, key=len, reverse=True))
_RELATIVE = {
    "coming days": r"(?:in|within|over)\s+the\s+(?:coming|next|following)\s+days",
    "coming weeks": r"(?:in|within|over)\s+the\s+(?:coming|next|following)\s+(?:few\s+)?weeks",
    "recent weeks": r"in\s+(?:recent|latest|current|the\s+past|the\s+last)\s+weeks",
    "last week": r"last\s+week",
    "next week": r"next\s+week",
    "this week": r"this\s+week",
    "last month": r"last\s+month",
    "next month": r"next\s+month",
    "today": r"today",
    "yesterday": r"yesterday",
    "tomorrow": r"tomorrow",
    "tonight": r"tonight",
}
_DATE = re.compile(
    "|".join(
        [
            rf"(?P<month>\b(?:{_MONTH_NAMES})\b\.?)(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>\d{{4}})\b)?",
            rf"(?P<weekday>\b(?:{'|'.join(_WEEKDAYS)})\b)",
            r"(?P<yearonly>\b(?:19|20)\d\d\b)",
            *(rf"(?P<rel{i}>\b{p}\b)" for i, p in enumerate(_RELATIVE.values())),
        ]
    ),
    re.IGNORECASE,
)
_RELATIVE_KEYS = list(_RELATIVE)


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _number_key(match: re.Match[str]) -> str:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", "").replace("\u202f", ""))
    else:
        value = float(sum(_UNITS[p.lower()] for p in match.group("word").split("-")))
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    prefix = (match.group("cur") or "").strip()
    suffix = "%" if match.group("pct") else ""
    return f"{prefix}{_format(value)}{suffix}"


def _overlaps(start: int, end: int, spans: list[Mention]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def dates(text: str, start: int, end: int) -> list[Mention]:
    """Weekdays, month + day, years and relative times ("in the coming days")."""
    found = []
    for match in _DATE.finditer(text, start, end):
        if match.group("month"):
            word = match.group("month").rstrip(".").lower()
            if word == "may" and not match.group("day"):
                continue  # the modal verb, not the month
            key = _MONTHS.get(word[:4] if word.startswith("sept") else word[:3], word)
            # The year is left out of the key: "Nov 16" and "November 16, 2025" agree.
            key = f"{key} {match.group('day')}" if match.group("day") else key
        elif match.group("weekday"):
            key = match.group("weekday").lower()
        elif match.group("yearonly"):
            key = match.group("yearonly")
        else:
            name = next(n for n, v in match.groupdict().items() if v and n.startswith("rel"))
            key = _RELATIVE_KEYS[int(name[3:])]
        found.append(Mention(match.start(), match.end(), key))
    return found


def numbers(text: str, start: int, end: int, skip: list[Mention] | None = None) -> list[Mention]:
    """Quantities (counts, money, percentages, ages) outside the ``skip`` spans (dates)."""
    skip = skip if skip is not None else dates(text, start, end)
    found = []
    for match in _NUMBER.finditer(text, start, end):
        if not (match.group("digits") or match.group("word")):
            continue
        m_end = match.end()
        while m_end > match.start() and text[m_end - 1].isspace():
            m_end -= 1
        if _overlaps(match.start(), m_end, skip):
            continue
        before = text[match.start() - 1] if match.start() > 0 else " "
        if before.isalpha() or (before in "-/" and match.group("digits")):
            continue  # part of an identifier such as "F-35" or "COVID-19"
        found.append(Mention(match.start(), m_end, _number_key(match)))
    return found
