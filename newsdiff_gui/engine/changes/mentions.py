"""Find the things journalists check in a passage: numbers, names, dates,
quotes, attribution and hedging — each with a span and a normalised key.

Why keys: two versions say the same thing in different spellings ("four" /
"4", "$50m" / "$50 million", "U.S." / "United States", "Nov 16" / "November
16", curly / straight quotes). Comparing keys, not surfaces, keeps those
equivalences from being reported as changes.

Public API: ``Mention``, ``numbers``, ``entities``, ``names_anywhere``,
``state_abbreviation_in``, ``dates``, ``quotes``, ``normalise_quote``.
Attribution and hedging are in ``sourcing.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compare.dates import find_dates
from ..compare.normalize import canonical_text


@dataclass(frozen=True)
class Mention:
    kind: str
    key: str  # what is compared across versions
    start: int  # into the document text
    end: int
    level: float = 0.0  # certainty, for hedges
    alias: str = ""  # another key meaning the same: a name's initials ("uaw")
    detail: str = ""  # a subtype: a named source's class ("person"), a date's slot ("year")


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
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# A month just before a number makes the number a day of a date.
_MONTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*$"
)
# Quotation marks as scraped pages have them: “…”, "…", and two single marks
# standing for a double one (‘‘…’’, ''…'': the Boston Globe's AP copies).
_QUOTE = re.compile(r"(?:[“\"]|‘‘|'')((?:(?!‘‘|’’|'')[^“”\"]){8,}?)(?:[”\"]|’’|'')")
_NAME_WORD = r"[A-Z][a-zA-Z'’\-]+"
_INITIALS = r"[A-Z]\.(?:[A-Z]\.)+"
_ENTITY = re.compile(
    rf"(?<![\w.])(?:{_INITIALS}|{_NAME_WORD})"
    rf"(?:[ \t]+(?:(?:de|la|los|del|of|the)[ \t]+){{0,2}}(?:{_INITIALS}|{_NAME_WORD}|[A-Z]\.))*"
)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$")
_NOT_NAMES = frozenset(
    """the a an he she it they we i this that these those his her its their but and or
    however meanwhile mr mrs ms president secretary defence defense reports reporting
    two three four both some most all human washington's
    on in at for with after before during from by as if when while of
    sen rep gov gen dr vice chair chairman chairwoman senator democrat democrats
    republican republicans""".split()
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
# The AP's state abbreviations, which party tags use ("Sen. Ben Sasse,
# R-Neb." where another copy writes "Republican of Nebraska").
_STATES = {
    "alabama": "ala", "arizona": "ariz", "arkansas": "ark", "california": "calif",
    "colorado": "colo", "connecticut": "conn", "delaware": "del", "florida": "fla",
    "georgia": "ga", "illinois": "ill", "indiana": "ind", "kansas": "kan",
    "kentucky": "ky", "louisiana": "la", "maryland": "md", "massachusetts": "mass",
    "michigan": "mich", "minnesota": "minn", "mississippi": "miss", "missouri": "mo",
    "montana": "mont", "nebraska": "neb", "nevada": "nev", "new hampshire": "n.h",
    "new jersey": "n.j", "new mexico": "n.m", "new york": "n.y", "north carolina": "n.c",
    "north dakota": "n.d", "oklahoma": "okla", "oregon": "ore", "pennsylvania": "pa",
    "rhode island": "r.i", "south carolina": "s.c", "south dakota": "s.d",
    "tennessee": "tenn", "vermont": "vt", "virginia": "va", "washington": "wash",
    "west virginia": "w.va", "wisconsin": "wis", "wyoming": "wyo",
}  # fmt: skip


def state_abbreviation_in(name: str, text: str) -> bool:
    """Does lower-cased ``text`` write the state ``name`` as the AP abbreviates
    it in a party tag ("R-Neb.", "(D-S.D.)")?"""
    abbreviation = _STATES.get(" ".join(name.lower().split()))
    if abbreviation is None:
        return False
    return re.search(rf"(?<![\w.]){re.escape(abbreviation)}\.", text) is not None


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


# A number glued to a name is part of it: "G-20", "COVID-19", "F-16", "MH17"
# (not a sum: "US$50 billion").
_NAME_BEFORE = re.compile(r"[A-Za-z][\-‐‑]?$")


# Spelled "one" that counts nothing: a pronoun or a set phrase ("one of the
# women", "no one", "a one-on-one meeting", "at one point"). Reported as
# "Number added: one" it was noise on real coverage.
_ONE_AFTER = re.compile(
    r"^(?:\s+(?:of|another|day|point|time|thing|way)\b|[\-‐‑]\s*(?:on|to|by|for)\b|\s*[.,;:!?)])",
    re.IGNORECASE,
)
_ONE_BEFORE = re.compile(
    r"\b(?:no|the|this|that|any|every|which|each|someone|everyone|as)\s+$|[\-‐‑]$"
    r"|\b(?:a|an|the)\s+[a-z]+\s+$",  # "a political one"
    re.IGNORECASE,
)


# "the two leaders", "these three countries": a spelled number after "the"
# points back at people or things already named; it counts nothing new.
_POINTS_BACK = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_SMALL_WORDS = frozenset(("two", "three", "four", "five", "six"))


def _counts_nothing(text: str, match: re.Match[str]) -> bool:
    """Is this a spelled "one" used as a pronoun or in a set phrase, or a small
    spelled number pointing back ("the two leaders")?"""
    word = match.group("num").lower()
    if match.group("scale") or match.group("pct"):
        return False
    before = text[max(0, match.start() - 12) : match.start()]
    if word in _SMALL_WORDS:
        return bool(_POINTS_BACK.search(before))
    if word != "one":
        return False
    after = text[match.end() : match.end() + 12]
    return bool(_ONE_AFTER.match(after) or _ONE_BEFORE.search(before))


def plain_digits(match: re.Match[str]) -> bool:
    return not match.group("cur") and match.group("num")[0].isdigit()


def numbers(text: str, start: int, end: int) -> list[Mention]:
    """Quantities with value keys; days, years and times belong to ``dates``."""
    found = []
    taken = [(d.start, d.end) for d in find_dates(text, start, end)]
    for match in _NUMBER.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in taken):
            continue  # a year, a day of a date, a clock time, "two days ago"
        if _counts_nothing(text, match):
            continue
        after = text[match.end() : match.end() + 3]
        ordinal = _ORDINAL_OR_DATE_CONTEXT.match(after)
        if ordinal and not match.group("num").isdigit():
            continue
        if plain_digits(match) and _NAME_BEFORE.search(
            text[max(start, match.start() - 2) : match.start()]
        ):
            continue
        before = text[max(start, match.start() - 12) : match.start()].lower().rstrip(". ")
        plain = not match.group("cur")
        if plain and _MONTH_BEFORE.search(before):
            continue  # the day of a date ("Nov 16"), compared as a date
        digits = match.group("num")
        if plain and digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue  # a year: a date, not a quantity
        if ordinal:  # "his 80th birthday": a rank, compared as one
            stop = match.end() + ordinal.end()
            found.append(Mention("number", f"#{match.group('num')}", match.start(), stop))
            continue
        found.append(Mention("number", _number_value(match), match.start(), match.end()))
    return found


_GEOGRAPHY = frozenset(
    "ocean sea river gulf bay island islands mountains lake coast strait peninsula".split()
)


def _fold_name(name: str) -> str:
    """Compare names by their last word's first six letters: "Nicolas Maduro",
    "Mr Maduro" and "Maduro's" agree, and so do "Venezuela", "Venezuelan" and
    "Venezuela-related"."""
    lowered = name.lower().replace("’", "'")
    lowered = re.sub(r"^(?:the|while|however|but|and)\s+(?:the\s+)?", "", lowered)
    if lowered in _FOLD:
        return _FOLD[lowered]
    words = [w for w in re.split(r"\s+", lowered) if w not in {"mr", "mrs", "ms", "the", "of"}]
    while len(words) > 1 and words[-1] in _GEOGRAPHY:
        words.pop()  # "Pacific Ocean" is the Pacific
    last = words[-1] if words else lowered
    last = re.sub(r"('s|')$", "", last).split("-")[0]
    return _FOLD.get(last, last[:6])


def _initials(name: str) -> str:
    """Initials of a multi-word name, so "United Auto Workers" meets "UAW"."""
    words = [
        w
        for w in name.split()
        if w[:1].isupper() and "." not in w and w.lower() not in {"the", "of"}
    ]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


# An opening quotation mark after a sentence end also starts a sentence; a
# closing one after a comma ('state," Keller said') does not.
_SENTENCE_START = re.compile(r"(?:[.!?][”\"’)]*|(?:^|[.!?:]\s*)[“\"])\s*$")


def _opens_sentence(text: str, start: int, at: int) -> bool:
    """``_SENTENCE_START.search(text[start:at])``, looking back only over the
    marks and spaces just before ``at``: searching the whole prefix for every
    name made a long unpunctuated sentence quadratic (59 s at 400,000 characters)."""
    end = at
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    if text[end - 1] in '“"':  # an opening quotation mark: at the start or after an end mark
        mark = end - 1
        if mark == start:
            return True
        before = mark
        while before > start and text[before - 1].isspace():
            before -= 1
        if before > start and text[before - 1] in ".!?:":
            return True
    closing = end
    while closing > start and text[closing - 1] in '”"’)':
        closing -= 1
    return closing > start and text[closing - 1] in ".!?"


def entities(text: str, start: int, end: int, keep_initial: bool = False) -> list[Mention]:
    """Capitalised names with folded keys. ``keep_initial`` keeps a one-word
    name that opens the sentence (callers that know it is a speaker)."""
    found = []
    for match in _ENTITY.finditer(text, start, end):
        name = match.group(0)
        if not re.search(r"(?:^|\s)(?:[A-Z]\.)+$", name):
            name = name.rstrip(".")  # a full stop, unless it closes initials
        # A leading function word ("The Trump administration") is not part of the name.
        while len(name.split()) > 1 and name.split()[0].lower() in _NOT_NAMES:
            name = name.split(None, 1)[1]
        offset = match.group(0).find(name)
        first = name.split()[0].lower().strip("'’")
        at = match.start() + offset  # after a stripped leading word ("In Helsinki")
        sentence_start = at == start or _opens_sentence(text, start, at)
        if first in _NOT_NAMES and len(name.split()) == 1:
            continue
        if len(name.split()) > 1 and name.isupper():
            continue  # a subhead in capitals ("NEW OPTIONS AFTER …"), not a name
        single = len(name.split()) == 1 and not _ACRONYM.match(name)
        if sentence_start and single and name.lower() not in _FOLD and not keep_initial:
            continue  # a capitalised first word is not evidence of a name
        key = _fold_name(name)
        if key in _NOT_NAMES or len(key) < 2:
            continue
        alias = _initials(name)
        if _ACRONYM.match(name):
            key = alias = _FOLD.get(name.lower(), name.replace(".", "").lower())
        begin = match.start() + offset
        found.append(Mention("entity", key, begin, begin + len(name), alias=alias))
    return found


def names_anywhere(text: str, start: int, end: int) -> list[Mention]:
    """``entities`` with a one-word name that opens a sentence kept: asking
    whether a source is still named, "Trump tweeted." names Trump."""
    return entities(text, start, end, keep_initial=True)


def dates(text: str, start: int, end: int) -> list[Mention]:
    """Dates and times as values (``dates.py``): the key lists their fields,
    ``detail`` names the slot (year, month, date, weekday, time, relative)."""
    return [
        Mention("date", d.key, d.start, d.end, detail=d.slot) for d in find_dates(text, start, end)
    ]


def normalise_quote(text: str) -> str:
    """Words of a quotation, compared without case, punctuation, quote style
    or spelling variants ("twenty years" = "20 years", "U.S." = "US"): the
    normalised keys of ``normalize.py`` without punctuation marks."""
    return " ".join(k for k in canonical_text(text).split() if any(c.isalnum() for c in k))


def quotes(text: str, start: int, end: int) -> list[Mention]:
    return [
        Mention("quote", normalise_quote(m.group(1)), m.start(), m.end())
        for m in _QUOTE.finditer(text, start, end)
        if len(m.group(1).split()) >= 2
    ]
