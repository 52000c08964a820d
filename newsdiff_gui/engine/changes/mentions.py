"""Find the things journalists check in a passage: numbers, names, dates,
quotes, attribution and hedging — each with a span and a normalised key.

Why keys: two versions say the same thing in different spellings ("four" /
"4", "$50m" / "$50 million", "U.S." / "United States", "Nov 16" / "November
16", curly / straight quotes). Comparing keys, not surfaces, keeps those
equivalences from being reported as changes.

Public API: ``Mention``, ``numbers``, ``entities``, ``dates``, ``quotes``,
``attributions``, ``hedges``, ``normalise_quote``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    kind: str
    key: str  # what is compared across versions
    start: int  # into the document text
    end: int
    level: float = 0.0  # certainty, for hedges


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fifteen": 15,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_NUMBER = re.compile(
    r"(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)\b)?"
    r"(?P<pct>\s?(?:%|per\s?cent|percent))?",
    re.IGNORECASE,
)
_ORDINAL_OR_DATE_CONTEXT = re.compile(r"^(st|nd|rd|th)\b")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBR = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH_NAME = (
    r"(?:" + "|".join(_MONTHS) + r")\b"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?(?=\s*\d)"
)
_DATE = re.compile(
    r"\b(?P<month>" + _MONTH_NAME + r")"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?"
    r"|\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
    r"|\b(?P<relative>in the coming (?:days|weeks|months)|within (?:the coming )?(?:days|weeks)|"
    r"last (?:week|month|year)|earlier this (?:week|month|year)|next (?:week|month|year)|"
    r"this week|for months|in recent weeks|since (?:september|20\d\d))\b",
    re.IGNORECASE,
)
# A month just before a number makes the number a day of a date.
_MONTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*$"
)
_QUOTE = re.compile(r"[“\"]([^“”\"]{8,}?)[”\"]")
_NAME_WORD = r"[A-Z][a-zA-Z'’\-]+"
_ENTITY = re.compile(
    rf"(?<![\w.])(?:{_NAME_WORD}|[A-Z]\.(?:[A-Z]\.)+)"
    rf"(?:[ \t]+(?:(?:de|la|los|del|of|the)[ \t]+)?(?:{_NAME_WORD}|[A-Z]\.))*"
)
_NOT_NAMES = frozenset(
    """the a an he she it they we i this that these those his her its their but and or
    however meanwhile mr mrs ms president secretary defence defense reports reporting
    two three four both some most all human washington's""".split()
    + _MONTHS
    + _WEEKDAYS
)
_FOLD = {
    "u.s.": "us",
    "us": "us",
    "united states": "us",
    "america": "us",
    "u.s": "us",
    "american": "us",
    "u.k.": "uk",
    "britain": "uk",
    "united kingdom": "uk",
}

# Attribution: who says it. Keys name the kind of source, so "four officials
# told Reuters" and "officials said" agree on "officials", differ on "reuters".
_ATTRIBUTION = [
    (re.compile(r"\breportedly\b", re.I), "reportedly"),
    (re.compile(r"\baccording to\b", re.I), "said"),
    (re.compile(r"\b(?:told|informed|tells)\s+(?:the\s+)?((?:[A-Z][\w&'’.-]*\s?)+)"), "told {0}"),
    (re.compile(r"\bciting\b", re.I), "said"),
    (
        re.compile(
            r"\b(?:(?:\w+|U\.S\.)\s+){0,3}?(?:official|officer|spokesm[ae]n|spokesperson|"
            r"spokeswoman)s?\b",
            re.I,
        ),
        "officials",
    ),
    (re.compile(r"\bsources?\b", re.I), "sources"),
    (re.compile(r"\b(?:anonymity|anonymously|not authori[sz]ed to speak)\b", re.I), "anonymous"),
    (re.compile(r"\bfamiliar with\b", re.I), "familiar with"),
    (re.compile(r"\b(?:said|says|stated|mentioned|added|acknowledged|confirmed)\b", re.I), "said"),
]
# Hedging: how sure the sentence is. Higher is more certain.
_HEDGES = [
    (re.compile(r"\b(?:will|is going to|are going to)\b(?!\s+not)", re.I), "will", 1.0),
    (re.compile(r"\b(?:plans? to|is planning to|intends? to)\b", re.I), "plans to", 0.8),
    (re.compile(r"\b(?:is|are) (?:poised|set|preparing|gearing up) to\b", re.I), "poised to", 0.8),
    (re.compile(r"\b(?:expected to|is expected)\b", re.I), "expected to", 0.7),
    (re.compile(r"\b(?:likely|probably)\b", re.I), "likely", 0.6),
    (
        re.compile(r"\b(?:could|may|might|would possibly|potentially|possibly)\b", re.I),
        "could",
        0.4,
    ),
    (
        re.compile(
            r"\b(?:did not|didn’t|didn't|would not|has not|have not) rule[ds]? "
            r"(?:anything |something )?out\b|\bnot (?:rule|ruled) out\b",
            re.I,
        ),
        "did not rule out",
        0.4,
    ),
    (re.compile(r"\breportedly\b", re.I), "reportedly", 0.5),
    (re.compile(r"\b(?:unclear|not clear|uncertain)\b", re.I), "unclear", 0.3),
]


def _number_value(match: re.Match[str]) -> str:
    raw = match.group("num").lower().replace(",", "")
    value = float(_NUMBER_WORDS.get(raw, raw)) if raw in _NUMBER_WORDS else float(raw)
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    key = f"{value:g}"
    if match.group("cur"):
        key = match.group("cur").strip() + key
    if match.group("pct"):
        key += "%"
    return key


def numbers(text: str, start: int, end: int) -> list[Mention]:
    found = []
    for match in _NUMBER.finditer(text, start, end):
        after = text[match.end() : match.end() + 3]
        if _ORDINAL_OR_DATE_CONTEXT.match(after):
            continue
        before = text[max(start, match.start() - 12) : match.start()].lower().rstrip(". ")
        plain = not match.group("cur")
        if plain and _MONTH_BEFORE.search(before):
            continue  # the day of a date ("Nov 16"), compared as a date
        digits = match.group("num")
        if plain and digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue  # a year: a date, not a quantity
        found.append(Mention("number", _number_value(match), match.start(), match.end()))
    return found


def _fold_name(name: str) -> str:
    """Compare names by their last word's first six letters: "Nicolas Maduro",
    "Mr Maduro" and "Maduro's" agree, and so do "Venezuela", "Venezuelan" and
    "Venezuela-related"."""
    lowered = name.lower().replace("’", "'")
    lowered = re.sub(r"^(?:the|while|however|but|and)\s+(?:the\s+)?", "", lowered)
    if lowered in _FOLD:
        return _FOLD[lowered]
    words = [w for w in re.split(r"\s+", lowered) if w not in {"mr", "mrs", "ms", "the", "of"}]
    last = words[-1] if words else lowered
    last = re.sub(r"('s|')$", "", last).split("-")[0]
    return _FOLD.get(last, last[:6])


def entities(text: str, start: int, end: int) -> list[Mention]:
    found = []
    for match in _ENTITY.finditer(text, start, end):
        name = match.group(0).rstrip(".")
        # A leading function word ("The Trump administration") is not part of the name.
        while len(name.split()) > 1 and name.split()[0].lower() in _NOT_NAMES:
            name = name.split(None, 1)[1]
        offset = match.group(0).find(name)
        first = name.split()[0].lower().strip("'’")
        sentence_start = match.start() == start or re.search(
            r"[.!?“\"]\s*$", text[start : match.start()]
        )
        if first in _NOT_NAMES and len(name.split()) == 1:
            continue
        if sentence_start and len(name.split()) == 1 and name.lower() not in _FOLD:
            continue  # a capitalised first word is not evidence of a name
        key = _fold_name(name)
        if key in _NOT_NAMES or len(key) < 2:
            continue
        begin = match.start() + offset
        found.append(Mention("entity", key, begin, begin + len(name)))
    return found


def dates(text: str, start: int, end: int) -> list[Mention]:
    found = []
    for match in _DATE.finditer(text, start, end):
        if match.group("month"):
            month = _MONTH_ABBR[match.group("month").lower()[:3]]
            if month == "may" and not match.group("day"):
                continue  # the verb "may"
            key = f"{month} {int(match.group('day'))}" if match.group("day") else str(month)
        elif match.group("weekday"):
            key = match.group("weekday").lower()
        else:
            # "within the coming days" and "in the coming days" say the same.
            key = re.sub(r"^(?:in|within)\s+(?:the\s+)?", "", match.group("relative").lower())
        found.append(Mention("date", key, match.start(), match.end()))
    return found


def normalise_quote(text: str) -> str:
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text.lower().replace("’", "'"))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def quotes(text: str, start: int, end: int) -> list[Mention]:
    return [
        Mention("quote", normalise_quote(m.group(1)), m.start(), m.end())
        for m in _QUOTE.finditer(text, start, end)
        if len(m.group(1).split()) >= 2
    ]


def _outside_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of the passage outside direct quotes: hedges and sources inside a
    quotation are the speaker's words, not the reporter's framing."""
    pieces, cursor = [], start
    for match in _QUOTE.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if b > a]


def attributions(text: str, start: int, end: int) -> list[Mention]:
    return [x for a, b in _outside_quotes(text, start, end) for x in _attributions(text, a, b)]


def hedges(text: str, start: int, end: int) -> list[Mention]:
    return [x for a, b in _outside_quotes(text, start, end) for x in _hedges(text, a, b)]


# Used with match(pos): no "^", which would only match at the start of the text.
_SPEECH = re.compile(r"[ \t,]*(?:\w+[ \t]+)?(?:said|says|told|added|stated|mentioned)\b")


def _attributions(text: str, start: int, end: int) -> list[Mention]:
    found = []
    # A name that speaks ("Mayor Anna Keller said") is a named source.
    for name in entities(text, start, end):
        if _SPEECH.match(text, name.end, end):
            found.append(Mention("attribution", "named source", name.start, name.end))
    for pattern, key in _ATTRIBUTION:
        for match in pattern.finditer(text, start, end):
            label = (
                key.format(*(g.lower().strip() for g in match.groups())) if "{0}" in key else key
            )
            found.append(Mention("attribution", label, match.start(), match.end()))
    return found


def _hedges(text: str, start: int, end: int) -> list[Mention]:
    found = []
    for pattern, key, level in _HEDGES:
        for match in pattern.finditer(text, start, end):
            found.append(Mention("hedging", key, match.start(), match.end(), level))
    return found
