"""Dates and times as values: years, months, days, weekdays, clock times and
relative dates ("last week", "two days ago"), each read into fields.

Why values and not words: "March 2027" → "March 2028" is a changed fact, while
"Jan. 5" / "January 5" / "5 January", "11:35pm" / "11:35 p.m." and "2018-07-15"
/ "July 15, 2018" are one date written twice. A date's ``key`` lists its fields
(``y=2027 m=03``); two dates *conflict* when a field both give differs and are
*compatible* when every field both give agrees ("Monday" and "Monday, July 16").

Context checks keep words that only look like dates out: "may" and "May" at the
start of a sentence before a verb are the modal verb (the month needs a day, a
year, a capital inside the sentence or a preposition such as "in May"); "Theresa
May" is a name; a four-digit number before "people" or after "about" is a count.

Public API: ``DateMention``, ``find_dates``, ``conflict``, ``compatible``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..align.numbers import words_to_numbers

MONTHS = (
    "january february march april may june july august september october november december"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "september"}
_WEEKDAY_ABBR = {d[:3]: d for d in WEEKDAYS} | {
    "tues": "tuesday",
    "thur": "thursday",
    "thurs": "thursday",
}

# Month names (capitalised, or all capitals in a dateline); abbreviations only
# with a full stop or before a day/year ("Jan. 5", "Jan 5", "Sept 2018").
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d)))"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?=,?\s+(?:" + _MONTH + r"|\d)))"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_ZONE = (
    r"(?:[ \t]*(?:\(?(?:ET|EDT|EST|CT|CDT|CST|MT|MDT|PT|PDT|PST|GMT|BST|UTC|CET|CEST|EET|EEST|"
    r"MSK|IST|JST|AEST|local time)\)?)(?![\w]))?"
)
_AMPM = r"(?P<ampm>a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.)(?![\w])"
_CLOCK = (
    r"(?:(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?[ \t]*" + _AMPM
    + r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    r"|(?P<named>noon|midday|midnight))" + _ZONE
)  # fmt: skip
_ISO = (
    r"(?P<iy>20\d\d|19\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2]\d|3[01])"
    r"(?:[T ](?P<ih>[01]\d|2[0-3]):(?P<imin>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
_NUMERIC = r"(?P<na>\d{1,2})/(?P<nb>\d{1,2})/(?P<ny>20\d\d|19\d\d)"

_UNIT = r"(?:day|week|month|year|decade|hour|minute)s?"
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a few|several|a couple of|many)"
)
_SEASON = r"(?:week|month|year|weekend|spring|summer|autumn|fall|winter|decade)"
_RELATIVE = (
    r"(?P<ago>(?P<count>" + _COUNT + r")[ \t]+(?P<unit>" + _UNIT + r")[ \t]+"
    r"(?:ago|earlier|later|before))"
    r"|(?P<edge>(?:earlier|later)[ \t]+this[ \t]+(?:week|month|year))"
    r"|(?P<near>(?:this|last|next|coming|past)[ \t]+" + _SEASON
    + r"|(?:this|last|next)[ \t]+(?:morning|afternoon|evening|night|season)"
    r"|tonight|yesterday|today|tomorrow)"
    r"|(?P<span>(?:in|within|over)[ \t]+(?:the[ \t]+)?(?:coming|next|past|last|recent)[ \t]+"
    r"(?:few[ \t]+)?(?:days|weeks|months|years))"
)  # fmt: skip

_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iso>" + _ISO + r")"
    r"|(?P<numeric>" + _NUMERIC + r")"
    r"|(?:(?P<wd1>"
    + _WEEKDAY
    + r"),?[ \t]+)?(?:the[ \t]+)?(?P<d1>"
    + _DAY
    + r")[ \t]+(?:of[ \t]+)?(?P<mo1>"
    + _MONTH
    + r")(?:,?[ \t]+(?P<y1>"
    + _YEAR
    + r"))?"
    r"|(?:(?P<wd2>"
    + _WEEKDAY
    + r"),?[ \t]+)?(?:mid-)?(?P<mo2>"
    + _MONTH
    + r")(?:[ \t]+(?P<d2>"
    + _DAY
    + r"))?(?:,?[ \t]+(?P<y2>"
    + _YEAR
    + r"))?"
    r"|(?P<wd3>" + _WEEKDAY + r")"
    r"|(?P<clock>" + _CLOCK + r")"
    r"|(?P<relative>(?i:" + _RELATIVE + r"))"
    r"|(?P<year>(?:mid-)?" + _YEAR + r"(?:[-–/](?:\d\d)(?!\d))?)"
    r")(?![\w])",
)

# A year is a count after these ("about 2000") or before these ("2000 people").
_COUNT_BEFORE = re.compile(
    r"(?:[$€£]|\babout|\bsome|\bnearly|\balmost|\baround|\broughly|\bapproximately|\bover|"
    r"\bthan|\bat least|\bup to|\bestimated|\btotal of|\bNo\.|\bnumber of)\s*$",
    re.I,
)
_COUNT_AFTER = re.compile(
    r"\s*(?:%|per ?cent|percent|people|persons|residents|troops|soldiers|votes|voters|jobs|"
    r"workers|members|employees|students|cases|deaths|homes|acres|hectares|km|kilometres|"
    r"kilometers|miles|metres|meters|feet|tons|tonnes|units|copies|signatures|delegates|"
    r"pounds|dollars|euros|rubles|yuan|barrels|points|words|pages)\b",
)
# Words after which "May" (capitalised at a sentence start) is still the month.
_SURELY_MONTH = re.compile(
    r"(?:\b(?:in|since|until|till|early|late|mid|last|next|this|during)[ \t]+|mid-)$", re.I
)
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|of|early|late|mid|last|next|this|the|through|"
    r"before|after|during|between|each|every)[ \t]+|mid-)$",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date or time in a passage: ``key`` lists its fields (``y=2018 m=07
    d=15``, ``wd=monday``, ``t=23:35``, ``rel=last week``); ``slot`` is the
    coarsest kind it names, for pairing a changed date with its replacement."""

    start: int
    end: int
    key: str
    slot: str

    def fields(self) -> dict[str, str]:
        return dict(part.split("=", 1) for part in self.key.split(";") if part)


def _month(word: str) -> str:
    lowered = word.lower().rstrip(".")
    if lowered in MONTHS:
        return lowered
    return _MONTH_ABBR[lowered[:4] if lowered.startswith("sept") else lowered[:3]]


def _weekday(word: str) -> str:
    lowered = word.lower().rstrip(".")
    return lowered if lowered in WEEKDAYS else _WEEKDAY_ABBR[lowered]


def _clock(match: re.Match[str]) -> str:
    if match.group("named"):
        return "00:00" if match.group("named").lower() == "midnight" else "12:00"
    if match.group("h24") is not None:
        return f"{int(match.group('h24')):02d}:{match.group('m24')}"
    hour = int(match.group("h12")) % 12
    if match.group("ampm").lower().startswith("p"):
        hour += 12
    return f"{hour:02d}:{match.group('m12') or '00'}"


def _relative(match: re.Match[str]) -> str:
    text = " ".join(match.group("relative").lower().split())
    if match.group("ago"):
        count = " ".join(words_to_numbers(match.group("count").lower().split()))
        count = {"a": "1", "an": "1"}.get(count, count)
        unit = match.group("unit").lower().rstrip("s")
        return f"{count} {unit} {text.split()[-1]}"
    if match.group("edge"):
        # "earlier this week" is this week, told as past; "later this week" is to come.
        return text.replace("earlier ", "")
    if match.group("span"):
        words = text.split()
        when = "past" if any(w in ("past", "last", "recent") for w in words) else "coming"
        return f"{when} {words[-1]}"
    return text.replace("coming ", "next ")


def _not_the_month(text: str, match: re.Match[str], start: int) -> bool:
    """A capitalised "May" with nothing that makes it the month: the modal verb
    at a sentence start, or a person ("Theresa May", "Mrs. May appeared",
    "offered May an apology"). The month needs a day or a year after it, or a
    word before it such as "in", "since", "early", "mid-"; and no verb after
    it ("after May rolled out")."""
    word = match.group("mo2")
    if word not in ("May", "MAY") or match.group("d2") or match.group("y2") or match.group("wd2"):
        return False
    before = text[max(start, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 24]
    if _SURELY_MONTH.search(before):
        return False  # "announced in May resulted …"
    if re.match(r"[ \t]+(?:[a-z]+(?:ed|es)|said|says|told|has|had|is|was|will|would)\b", after):
        return True  # "after May rolled out"
    return not _MONTH_CONTEXT.search(before)


def _year_is_count(text: str, match: re.Match[str], start: int) -> bool:
    before = text[max(start, match.start() - 16) : match.start()]
    return bool(_COUNT_BEFORE.search(before)) or bool(_COUNT_AFTER.match(text, match.end()))


def find_dates(text: str, start: int, end: int) -> list[DateMention]:
    """Dates and times in ``text[start:end]``, each with its fields."""
    found = []
    for match in _DATE.finditer(text, start, end):
        fields: dict[str, str] = {}
        slot = ""
        if match.group("iso"):
            fields = {
                "y": match.group("iy"),
                "m": match.group("im"),
                "d": f"{int(match.group('id')):02d}",
            }
            if match.group("ih"):
                fields["t"] = f"{match.group('ih')}:{match.group('imin')}"
            slot = "date"
        elif match.group("numeric"):
            first, second = int(match.group("na")), int(match.group("nb"))
            month_number, day_number = (second, first) if first > 12 else (first, second)
            if not (1 <= month_number <= 12 and 1 <= day_number <= 31):
                continue
            fields = {"y": match.group("ny"), "m": f"{month_number:02d}", "d": f"{day_number:02d}"}
            slot = "date"
        elif match.group("mo1") or match.group("mo2"):
            if _not_the_month(text, match, start):
                continue
            number = "1" if match.group("mo1") else "2"
            month = _month(match.group("mo" + number))
            fields["m"] = f"{MONTHS.index(month) + 1:02d}"
            day = match.group("d" + number)
            if day:
                fields["d"] = f"{int(day.rstrip('stndrh')):02d}"
            if match.group("y" + number):
                fields["y"] = match.group("y" + number)
            if match.group("wd" + number):
                fields["wd"] = _weekday(match.group("wd" + number))
            slot = "date" if day else "month"
        elif match.group("wd3"):
            fields, slot = {"wd": _weekday(match.group("wd3"))}, "weekday"
        elif match.group("clock"):
            fields, slot = {"t": _clock(match)}, "time"
        elif match.group("relative"):
            fields, slot = {"rel": _relative(match)}, "relative"
        else:
            if _year_is_count(text, match, start):
                continue
            fields, slot = {"y": match.group("year").lower().removeprefix("mid-")}, "year"
        key = ";".join(f"{k}={v}" for k, v in sorted(fields.items()))
        found.append(DateMention(match.start(), match.end(), key, slot))
    return found


def conflict(a: DateMention, b: DateMention) -> bool:
    """Both name a field and give it different values ("2027" / "2028",
    "Monday" / "Tuesday", "last week" / "next week")."""
    one, two = a.fields(), b.fields()
    shared = one.keys() & two.keys()
    if "rel" in shared:
        return one["rel"] != two["rel"] and _same_scale(one["rel"], two["rel"])
    return any(one[k] != two[k] for k in shared)


def _same_scale(one: str, two: str) -> bool:
    """ "last week" and "next week" are comparable, "last week" and "tonight" too
    (both near today); "two years ago" and "last week" are not."""
    return one.split()[-1] == two.split()[-1] or not (one[0].isdigit() or two[0].isdigit())


def compatible(a: DateMention, b: DateMention) -> bool:
    """Every field both give agrees, and they share at least one."""
    one, two = a.fields(), b.fields()
    shared = one.keys() & two.keys()
    return bool(shared) and all(one[k] == two[k] for k in shared)
