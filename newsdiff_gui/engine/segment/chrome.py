"""Furniture of scraped news pages that is not the story: one short line at a time.

Why: a page scraped from a news site carries, between and around the story's
paragraphs, its time stamps ("5:13 PM ET", "Associated Press Published 7:50
a.m. ET July 16, 2018"), photo credits in brackets ("(Photo: Manuel Balce
Ceneta/AP)"), the agency's or paper's name on a line of its own, newsletter
prompts ("You can unsubscribe at any time."), navigation ("More Stories",
"Most Popular", "show chapters", "•"), comment-policy lines, contributor
lines and left-over script. Read as content, each of them is "added" in one
version and "omitted" from the others, and identical stamps link versions
that share nothing else. On the real-coverage development gold these lines
were a third of the boilerplate the gold marks (chrome recall 0.58 on wire
copies before this module).

Each rule names a kind of line, not a site's wording, and only whole short
lines are judged (``SHORT``): a sentence that mentions a newsletter or a time
is left alone.

Public API: ``page_chrome``, ``is_photo_credit``, ``looks_like_an_authors_name``.
"""

from __future__ import annotations

import re

# Only lines this short are judged.
SHORT = 160

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
_DAYS = (
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_STAMP_WORDS = frozenset(
    (
        f"{_MONTHS}|{_DAYS}|am|pm|a|p|m|et|est|edt|ct|cst|cdt|pt|pst|pdt|mt|utc|gmt|bst|cet|"
        "cest|updated|update|published|posted|modified|last|at|on|and|of|the|today|"
        "yesterday|ago|min|mins|minute|minutes|hour|hours|hr|hrs|h|day|days|week|weeks|"
        "second|seconds|sec|s"
    ).split("|")
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# Lines of a navigation bar or a page's furniture: every word from this list.
_NAVIGATION_WORDS = frozenset(
    (
        "advertisement advertising sponsored search menu sections home more stories story "
        "most popular read watch video videos share tweet email e-mail comment comments "
        "connect linkedin facebook twitter instagram whatsapp reddit pinterest print save "
        "saved reprint reprints order purchase show hide chapters close open next previous "
        "prev back top trending latest news related recommended for you up skip to content "
        "main newsletter newsletters subscribe sign in log login logout register account "
        "image images photo photos gallery expand collapse of view all full screen "
        "fullscreen play pause mute unmute audio listen now replay embed copy link scroll page"
    ).split()
)
_PHOTO_IN_BRACKETS = re.compile(
    r"\((?:[^()]*(?:/|\bphoto\b|\bphotograph\b|\bpool\b|\bfile\b|\bAP\b|\bAFP\b|"
    r"\bReuters\b|\bGetty\b|\bEPA\b)[^()]*)\)(?:\s+(?:less|more|hide caption|toggle caption))?",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\b(unsubscribe|subscribed|newsletters?|in your inbox|news alerts?|"
    r"delivered (?:to you )?(?:every |each )?(?:weekday|daily|weekly|morning)|"
    r"sign(?:ed)? up\b|privacy policy|terms of (?:use|service))",
    re.IGNORECASE,
)
_COMMENT_POLICY = re.compile(
    r"\b(commenting|comments? (?:policy|guidelines|section)|community guidelines|"
    r"conversation guidelines|join the (?:conversation|discussion))\b",
    re.IGNORECASE,
)
_CONTRIBUTED = re.compile(
    r".{0,120}\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\.?",
    re.IGNORECASE,
)
_BEING_UPDATED = re.compile(
    r"(?:this|the) (?:story|article|report|post) (?:is being|has been|was|will be) updated\b.*",
    re.IGNORECASE,
)
# A reader poll's result over a story: "% of readers think this story is
# Fact. Add your two cents." (the figure itself lost in the scrape).
_READER_POLL = re.compile(
    r"\d*\s*% of readers think this story is (?:fact|fiction)\b.{0,40}", re.IGNORECASE
)
_MORE_FROM = re.compile(r"(?:more|latest|also) (?:from|on|in) [\w .'’&-]{2,40}", re.IGNORECASE)
_SCRIPT = re.compile(r"window\.\w|function\s*\(|=>|\bvar\s+\w+\s*=|\w+\.push\(|\);\s|\{\s*\w+\s*:")
# "Washington (CNN)", "HELSINKI (AP) —": a place and an agency in brackets, alone.
_PLACE_AND_AGENCY = re.compile(r"[A-Z][\w .,'’-]{1,40}\([A-Z][A-Za-z.&]{1,10}\)\s*[-–—:]?")
# "By David Sherfinski - The Washington Times - Sunday, July 15, 2018": a byline
# with its outlet and date.
_BYLINE_WITH_PARTS = re.compile(
    r"By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*[-–—|,]\s*[^.!?]{1,60}){1,4}"
)
_ADDRESSES_READER = re.compile(r"\b(you|your|sign|get|subscribe|join|read|please)\b", re.IGNORECASE)
# "Image 1 of 1", "Photo 3 of 15": a gallery's counter.
_GALLERY_COUNTER = re.compile(
    r"(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|/)\s+\d+", re.IGNORECASE
)
_TERMINAL = (".", "!", "?", '"', "”", "'", "’")


# Authors in capitals with their agency, the way AP signs a story:
# "JONATHAN LEMIRE, JILL COLVIN and VLADIMIR ISACHENKOV / AP".
_CAPITAL_NAME = r"[A-Z][A-Z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’\-]+){1,2}"
_AUTHORS_IN_CAPITALS = re.compile(
    rf"{_CAPITAL_NAME}(?:\s*,\s*{_CAPITAL_NAME})*(?:\s*,?\s+and\s+{_CAPITAL_NAME})?"
    r"\s*/\s*(?:(?:The\s+)?(?:AP|AFP|Reuters|Associated Press|Bloomberg|UPI|dpa|EPA))"
)


def _is_byline_with_parts(line: str) -> bool:
    """ "By Lena Vogt - The Daily Ledger - Tuesday, March 3, 2026": after "By",
    names, an outlet and a date, no sentence ("By Monday, 58 people had died")."""
    if not _BYLINE_WITH_PARTS.fullmatch(line) or len(line.split()) > 20:
        return False
    words = _TOKEN.findall(line)[1:]
    if words and words[0].lower() in _STAMP_WORDS:
        return False
    return all(
        w[:1].isupper() or w.isdigit() or w.lower() in _STAMP_WORDS or w.lower() in _JOINERS
        for w in words
    )


_BY_NAME = re.compile(r"By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?=\s)")


def _is_byline_over_a_stamp(line: str) -> bool:
    """ "By Emily Tillett CBS News July 15, 2018, 12:46 PM": after "By" and a
    name, nothing but the outlet and a time stamp."""
    match = _BY_NAME.match(line)
    if match is None or len(line) > 120:
        return False
    return _is_stamp(line[match.end() :].strip())


_JOINERS = frozenset(("and", "of", "for", "in", "at", "de", "van", "von", "al", "the"))


def _is_stamp(line: str) -> bool:
    """A time or date stamp, perhaps with the agency's name: "5:13 PM ET",
    "July 16, 2018 — 7:14am", "15m ago", "Associated Press Published 7:50 a.m.
    ET July 16, 2018", "Updated"."""
    tokens = _TOKEN.findall(line)
    if not tokens:
        return False
    names = 0
    stamp = 0
    for token in tokens:
        lower = token.lower()
        if token.isdigit() or lower in _STAMP_WORDS or re.fullmatch(r"\d+[a-z]{1,2}", lower):
            stamp += 1
        elif token[:1].isupper():
            names += 1
        else:
            return False
    has_number = any(t.isdigit() for t in tokens)
    if names == 0:
        return has_number or (len(tokens) == 1 and tokens[0].lower() in {"updated", "published"})
    # The agency's or paper's name may open or close a stamp, never stand in its middle.
    return has_number and names <= 3 and stamp >= 2


def _is_navigation(line: str) -> bool:
    """Menu and page furniture: "More Stories", "Most Popular", "show chapters",
    "CONNECT TWEET LINKEDIN COMMENTEMAILMORE", "•", "A A"."""
    if line.rstrip().endswith(_TERMINAL[:3]):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    if not words:
        return True  # bullets, arrows, counters: nothing to read
    if all(len(word) == 1 for word in words) and len(words) <= 3:
        return True  # "A A" (text-size buttons)
    if len(words) > 6:
        return False
    lower = [word.lower() for word in words]
    if all(word in _NAVIGATION_WORDS for word in lower):
        return True
    # Share bars glued together: "COMMENTEMAILMORE".
    joined = "".join(lower)
    return line.isupper() and _covered_by_navigation(joined)


def _covered_by_navigation(text: str) -> bool:
    """Can ``text`` be cut into navigation words (glued share-bar labels)?"""
    reachable = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        reachable[end] = any(
            reachable[start] and text[start:end] in _NAVIGATION_WORDS
            for start in range(max(0, end - 12), end)
        )
    return reachable[-1]


_WORD = re.compile(r"[^\W\d_]+")
_PERSON_NAME = re.compile(
    r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]\.)){1,3}"
)


def looks_like_an_authors_name(line: str, page: str) -> bool:
    """Two to four capitalised words and nothing else ("Igor Derysh", "Mary J.
    Smith"), none of them found in lower case anywhere in ``page`` and the last
    (the surname) at most twice: a byline without its "By". A headline in title
    case ("Budget Passes Council") uses words the story uses in lower case, and
    a story about a person ("Trump Meets Putin") repeats the name."""
    if not _PERSON_NAME.fullmatch(line.strip()):
        return False
    words = _WORD.findall(line)
    in_page = _WORD.findall(page)
    lower_case = {w for w in in_page if w.islower()}
    if any(w.lower() in lower_case for w in words if len(w) > 1):
        return False
    surname = words[-1].lower()
    return sum(1 for w in in_page if w.lower() == surname) <= 2


def is_photo_credit(text: str) -> bool:
    """Is ``text`` a photo credit in brackets ("(FREDERIC J. BROWN / AFP/Getty
    Images)", "(AP Photo/Evan Vucci)")?"""
    return bool(_PHOTO_IN_BRACKETS.fullmatch(text.strip()))


def page_chrome(line: str, outlet: str = "") -> str | None:
    """Why a whole short line of a scraped page is furniture, or None.

    ``outlet`` is the version's outlet name: a line that is only that name
    (or a news agency's) is a credit, not content."""
    stripped = line.strip()
    if not stripped or len(stripped) > SHORT:
        return None
    if _SCRIPT.search(stripped) and len(re.findall(r"[;{}()=]", stripped)) >= 3:
        return "script"
    if _GALLERY_COUNTER.fullmatch(stripped):
        return "site chrome"
    if _is_stamp(stripped):
        return "date line"
    if _PHOTO_IN_BRACKETS.fullmatch(stripped):
        return "photo credit"
    if _CONTRIBUTED.fullmatch(stripped) or _AUTHORS_IN_CAPITALS.fullmatch(stripped):
        return "byline"
    if _is_byline_with_parts(stripped) or _is_byline_over_a_stamp(stripped):
        return "byline"
    if _PLACE_AND_AGENCY.fullmatch(stripped):
        return "dateline"
    if _is_navigation(stripped) or _MORE_FROM.fullmatch(stripped):
        return "site chrome"
    words = len(stripped.split())
    prompt = _NEWSLETTER.search(stripped) or _COMMENT_POLICY.search(stripped)
    if words <= 25 and prompt and _ADDRESSES_READER.search(stripped):
        return "site chrome"
    if _BEING_UPDATED.fullmatch(stripped) or _READER_POLL.fullmatch(stripped):
        return "site chrome"
    if words <= 4 and _is_credit_name(stripped, outlet):
        return "credit"
    return None


_AGENCIES = frozenset(
    (
        "associated press|ap|the associated press|reuters|thomson reuters|afp|"
        "agence france-presse|agence france presse|bloomberg|bloomberg news|dpa|efe|ansa|"
        "xinhua|pa|press association|upi|cnn|cnn wire|tribune news service|"
        "tribune content agency|news service"
    ).split("|")
)


def _is_credit_name(line: str, outlet: str) -> bool:
    """A line that is only a news agency's or the version's own outlet's name."""
    name = re.sub(r"[^\w\s.&'-]", " ", line).strip(" .").lower()
    name = " ".join(name.split())
    if name in _AGENCIES:
        return True
    if not outlet:
        return False
    own = " ".join(re.sub(r"[^\w\s.&'-]", " ", outlet).lower().split())
    bare = own.removeprefix("www.").rsplit(".", 1)[0] if "." in own else own
    squeezed = name.removeprefix("the ").replace(" ", "")
    return name in {own, bare, f"the {bare}"} or squeezed == bare.replace(" ", "")
