"""One spelling for what is written several ways, before anything is called a change.

Typography, letter case and spelling variants of one thing are not changes: curly
and straight quotes and apostrophes, "…" and "...", dashes, "JONATHAN LEMIRE" and
"Jonathan Lemire", "U.S." and "US", "three" and "3", "per cent" and "percent",
"$5m" and "$5 million", "Jan. 5" and "January 5", "Sen." and "Senator",
"organise" and "organize", "July 15, 2018 — 11:35pm" and "15 Jul. 2018 11:35 p.m.".

``canonical_units`` groups the word tokens of a passage into units (a token, or
a run of tokens that spells one value: a date, a sum, "per cent") and gives
each a key; the word diff compares keys, so two spellings of one thing are
equal and nothing is struck or underlined. ``canonical_text`` is the keys of a
whole passage, for "is this the same sentence" checks.

Limits: English; a variant the tables below do not list ("gaol"/"jail") is
still a difference; a phrase is only merged inside one run of tokens.

Public API: ``canonical_units``, ``canonical_text``, ``canonical_word``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ..align.numbers import words_to_numbers
from .dates import find_dates

# Combining marks of common scripts (accents written as separate characters,
# Devanagari vowel signs and virama, Arabic harakat, Hebrew points, Thai
# vowels and tones): Python's \w leaves them out, which cut every such word
# into pieces and made NFD text differ from NFC text token by token.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
)
# Han characters and kana are written without spaces: each is its own token
# (with any marks), so one changed character is one changed token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_LETTER = rf"(?![{_CJK}])[\w{_MARKS}]"
# The word diff's tokens: a word (letters, digits, inner apostrophes/dots/commas
# of numbers), one CJK character, or a single punctuation mark, plus the
# whitespace after it.
_TOKEN = re.compile(
    rf"(?:(?:(?![{_CJK}])[\w$€£%{_MARKS}])+(?:[.,'’\-]{_LETTER}+)*"
    rf"|[{_CJK}][{_MARKS}]*|[^\w\s])\s*|\s+"
)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans covering ``text`` completely and in order (the word diff's
    units; kept here so keys and tokens come from one module)."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


_QUOTES = '"“”„‟«»‹›〝〞＂'
_SINGLE_QUOTES = "'‘’‚‛`´′"
_DASHES = "-‐‑‒–—―−⸺⸻"
_APOSTROPHE = str.maketrans({c: "'" for c in _SINGLE_QUOTES})

# Titles and abbreviations written with or without a full stop, or in full.
_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
    "adm": "admiral", "cmdr": "commander", "prof": "professor", "pres": "president",
    "atty": "attorney", "dept": "department", "corp": "corporation", "inc": "inc",
    "co": "company", "ltd": "ltd", "mr": "mr", "mrs": "mrs", "ms": "ms", "dr": "dr",
    "st": "st", "jr": "jr", "sr": "sr", "vs": "versus", "v": "versus", "no": "number",
    "approx": "approximately", "est": "estimated", "govt": "government",
}  # fmt: skip
_ABBREVIATED = re.compile(
    r"(?<![\w.])(?P<word>" + "|".join(k for k in _ABBREVIATIONS if k != "no") + r")\.(?=\s+[A-Z])",
    re.I,
)
_INITIALISMS = {
    "us": "us", "uk": "uk", "un": "un", "eu": "eu", "dc": "dc", "usa": "us", "ussr": "ussr",
}  # fmt: skip
_DOTTED = re.compile(r"(?<![\w.])(?P<letters>(?:[A-Za-z]\.){2,4})(?![\w])")
# "U.S.-Russian" is "US-Russian": the hyphen is dropped inside a word anyway.
_DOTTED_COMPOUND = re.compile(
    r"(?<![\w.])(?P<letters>(?:[A-Za-z]\.){2,4})[-‐‑](?P<rest>\w+(?:[-‐‑]\w+)*)(?![\w])"
)
_LONG_NAMES = re.compile(
    r"\b(?P<name>United States(?: of America)?|United Kingdom|United Nations|European Union)\b"
)
_LONG_KEYS = {
    "united states": "us", "united states of america": "us", "united kingdom": "uk",
    "united nations": "un", "european union": "eu",
}  # fmt: skip
_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|dozen)"
)
_AMOUNT = re.compile(
    r"(?<![\w.,])(?P<cur>[$€£¥]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"(?i:" + _NUMBER_WORD + r"(?:[ \t-]+(?:and[ \t]+)?" + _NUMBER_WORD + r")*))"
    r"(?:[ \t]?(?P<scale>(?i:thousand|million|billion|trillion|mln|bln|mn|bn|tn|m|b|k))(?![\w]))?"
    r"(?P<pct>[ \t]?(?:%|(?i:per[ \t]?cent|percent|pct)(?![\w])))?"
    r"(?![\w])"
)

# British and American spellings of one word; the key is the American one.
_SPELLINGS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "centre": "center", "centres": "centers", "theatre": "theater", "metre": "meter",
    "metres": "meters", "litre": "liter", "litres": "liters", "kilometre": "kilometer",
    "kilometres": "kilometers", "fibre": "fiber", "calibre": "caliber", "sombre": "somber",
    "manoeuvre": "maneuver", "programme": "program", "programmes": "programs",
    "grey": "gray", "judgement": "judgment", "ageing": "aging", "sceptic": "skeptic",
    "sceptical": "skeptical", "scepticism": "skepticism", "mould": "mold", "plough": "plow",
    "aluminium": "aluminum", "towards": "toward", "afterwards": "afterward",
    "amongst": "among", "whilst": "while", "learnt": "learned", "spelt": "spelled",
    "burnt": "burned", "dreamt": "dreamed", "catalogue": "catalog", "analogue": "analog",
    "dialogue": "dialog", "cheque": "check", "enrol": "enroll", "fulfil": "fulfill",
    "instil": "instill", "jewellery": "jewelry", "pyjamas": "pajamas", "okay": "ok",
    "cooperate": "cooperate", "tonnes": "tons", "tonne": "ton",
}  # fmt: skip
_OUR = (
    "colo favo hono labo neighbo behavio harbo rumo humo vigo armo endeavo flavo savo odo "
    "parlo valo splendo savio fervo clamo rigo tumo"
).split()
_DOUBLED_L = (
    "travel cancel label model fuel counsel signal level total channel marvel dial equal "
    "jewel quarrel rival tunnel shovel duel pencil"
).split()
_OUR_WORD = re.compile(r"^(" + "|".join(_OUR) + r")ur(s|ed|ing|ite|ites|able|ably|ful|less)?$")
_DOUBLED = re.compile(r"^(" + "|".join(_DOUBLED_L) + r")l(ed|ing|er|ers)$")
_ISE = re.compile(r"^(\w{3,}?)is(e|es|ed|ing|ation|ations|er|ers)$")
_ISE_KEEP = frozenset("prise prised prises prising".split())
_YSE = re.compile(r"^(ana|paraly|cataly)s(e|es|ed|ing)$")
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


@lru_cache(maxsize=1 << 16)
def canonical_word(token: str) -> str:
    """The key of one word token: lower case, one apostrophe, no hyphen inside,
    no thousands separator, number words as digits, American spelling."""
    word = token.strip()
    # "é" composed (NFC) and decomposed (NFD) are one word.
    word = word if word.isascii() else unicodedata.normalize("NFC", word)
    word = word.translate(_APOSTROPHE).lower()
    if not word:
        return " "
    if len(word) == 1:
        if word in _QUOTES or word == "'":
            return '"'
        if word in _DASHES:
            return "—"
        if word == "…":
            return "..."
        return word
    if word[0].isalnum() and any(c in _DASHES for c in word):
        parts = re.split("[" + _DASHES + "]", word)
        spelled = words_to_numbers(parts)
        if len(spelled) == 1 and spelled[0].isdigit():
            return spelled[0]  # "twenty-one"
        word = "".join(parts)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", word):
        word = word.replace(",", "")
    if word in _ORDINAL_WORDS:
        return f"#{_ORDINAL_WORDS[word]}"
    ordinal = _ORDINAL_DIGITS.match(word)
    if ordinal:
        return f"#{int(ordinal.group(1))}"
    if word.endswith("'s") and len(word) > 4:
        return canonical_word(word[:-2]) + "'s"  # "organisation's" = "organization's"
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    if word in _INITIALISMS:
        return _INITIALISMS[word]
    if word in _ABBREVIATIONS and word not in {"no", "co", "st", "v", "est"}:
        return _ABBREVIATIONS[word]
    word = _OUR_WORD.sub(r"\1r\2", word)
    word = _DOUBLED.sub(r"\1\2", word)
    word = _YSE.sub(r"\1z\2", word)
    if word not in _ISE_KEEP:
        word = _ISE.sub(r"\1iz\2", word)
    converted = words_to_numbers([word])[0]
    if converted != word and word.endswith(("th", "rd", "nd", "st")):
        return f"#{converted}"  # "eighteenth" = "18th"
    return converted


def _amount_key(match: re.Match[str]) -> str | None:
    """ "$5m" = "$5 million" = "5,000,000 dollars"? no: the sum with its currency
    and percent sign; None for a lone number word (the word key does that)."""
    raw = match.group("num").lower()
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        words = re.split(r"[ \t-]+", raw)
        converted = words_to_numbers([w for w in words if w != "and"])
        if len(converted) != 1 or not converted[0].isdigit():
            return None
        value = float(converted[0])
    scale = match.group("scale")
    if scale:
        value *= _SCALE[scale.lower()]
    key = f"{value:.12g}"
    if match.group("cur"):
        key = match.group("cur").strip() + key
    if match.group("pct"):
        key += "%"
    return key


def _phrases(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Spans in ``text[start:end]`` that spell one value, with its key."""
    found: list[tuple[int, int, str]] = []
    for date in find_dates(text, start, end):
        found.append((date.start, date.end, "@" + date.key))
    for match in _AMOUNT.finditer(text, start, end):
        if match.group("scale") or match.group("pct") or " " in match.group("num").strip():
            key = _amount_key(match)
            if key is not None:
                found.append((match.start(), match.end(), key))
    for match in _DOTTED_COMPOUND.finditer(text, start, end):
        letters = match.group("letters").replace(".", "").lower()
        rest = canonical_word(match.group("rest"))
        found.append((match.start(), match.end(), _INITIALISMS.get(letters, letters) + rest))
    for match in _DOTTED.finditer(text, start, end):
        letters = match.group("letters").replace(".", "").lower()
        found.append((match.start(), match.end(), _INITIALISMS.get(letters, letters)))
    for match in _ABBREVIATED.finditer(text, start, end):
        found.append((match.start(), match.end(), _ABBREVIATIONS[match.group("word").lower()]))
    for match in _LONG_NAMES.finditer(text, start, end):
        found.append((match.start(), match.end(), _LONG_KEYS[match.group("name").lower()]))
    for match in re.finditer(r"\.(?:[ \t]?\.){2,}|-{2,}", text[start:end]):
        key = "..." if match.group(0)[0] == "." else "—"
        found.append((start + match.start(), start + match.end(), key))
    # Leftmost, then longest; no overlaps.
    found.sort(key=lambda p: (p[0], -(p[1] - p[0])))
    chosen: list[tuple[int, int, str]] = []
    for phrase in found:
        if not chosen or phrase[0] >= chosen[-1][1]:
            chosen.append(phrase)
    return chosen


def canonical_units(text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Group ``tokens`` (spans into ``text``, in order) into units with keys.

    A unit is one token or a run of adjacent tokens inside one phrase (a date,
    an amount, an abbreviation with its full stop); units cover the tokens in
    order, never merging tokens that are not adjacent in ``text``.
    """
    units: list[tuple[int, int, str]] = []
    index = 0
    while index < len(tokens):
        # The run of adjacent tokens from here.
        run_end = index + 1
        while run_end < len(tokens) and tokens[run_end][0] == tokens[run_end - 1][1]:
            run_end += 1
        run = tokens[index:run_end]
        phrases = _phrases(text, run[0][0], run[-1][1])
        cursor = 0
        for phrase_start, phrase_end, key in phrases:
            first = next((k for k in range(cursor, len(run)) if run[k][1] > phrase_start), len(run))
            if first == len(run) or run[first][0] > phrase_start:
                continue  # the phrase starts inside a token: leave it to the words
            last = first
            while last + 1 < len(run) and run[last + 1][0] < phrase_end:
                last += 1
            if run[last][0] + len(text[run[last][0] : run[last][1]].rstrip()) > phrase_end:
                continue  # the phrase ends inside a token ("Monday" of "Monday's")
            for k in range(cursor, first):
                units.append((run[k][0], run[k][1], canonical_word(text[run[k][0] : run[k][1]])))
            units.append((run[first][0], run[last][1], key))
            cursor = last + 1
        for k in range(cursor, len(run)):
            units.append((run[k][0], run[k][1], canonical_word(text[run[k][0] : run[k][1]])))
        index = run_end
    return units


@lru_cache(maxsize=4096)
def canonical_text(text: str) -> str:
    """The keys of a passage, space-separated: equal for two spellings of it."""

    return " ".join(k for _, _, k in canonical_units(text, tokenize(text)) if k != " ")
