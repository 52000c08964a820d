"""A short, unique, stable name for every version of a set, used everywhere.

Why: five wire copies of one story share the outlet ("AP") and the headline,
so pickers, column headers and "only in AP" could not tell them apart. Each
version gets:

* ``letter`` — its place in the set, A, B, … Z, AA, AB …: always unique,
  one or two characters, for tight places (compact columns, "only in C");
* ``name`` — the outlet (or the file name when there is none), and where
  two versions share it, what tells them apart: the time or the day they
  carry, else the file name, else "#2", "#3" in set order;
* ``short`` — "C · AP 10:02", the label of pickers, headers and reports;
* ``full`` — outlet, title, date and file: the identity one hover away.

Stable: the same set in the same order always gets the same labels (letters
follow the order the versions were given; nothing random, nothing from the
clock). Pure Python, no Qt.

Public API: ``VersionLabel``, ``version_labels``, ``label_names``, ``letter_for``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from ..model import Document

NAME_LIMIT = 22  # characters of an outlet kept in a label; longer ones are cut with "…"
_STEM_LIMIT = 16  # a file name tells versions apart only when it is this short
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?")
_CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*([ap])\.?m\.?|\b(\d{1,2}):(\d{2})\b", re.I)


@dataclass(frozen=True)
class VersionLabel:
    letter: str  # "A", "B" … "AA": the version's place in the set
    name: str  # "AP 10:02": outlet, told apart from same-outlet versions
    full: str  # "AP — <title> · 2018-07-15 · ap-3.txt": the whole identity

    @property
    def short(self) -> str:
        """Letter and name: what a picker, a header or a report calls the version."""
        return f"{self.letter} · {self.name}"

    def __str__(self) -> str:
        return self.short


def letter_for(number: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA" (spreadsheet columns)."""
    if number < 0:
        raise ValueError("a version's place is never negative")
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cut(text: str, limit: int = NAME_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _stem(document: Document) -> str:
    return PurePath(document.name).stem if document.name else ""


def _when(date: str | None) -> tuple[str | None, str | None]:
    """(day, time) a date string carries: ("Jul 15", "06:34"), either may be None."""
    if not date:
        return None, None
    day = time = None
    iso = _ISO.search(date)
    if iso:
        month = int(iso.group(2))
        if 1 <= month <= 12:
            day = f"{_MONTHS[month - 1]} {int(iso.group(3))}"
        if iso.group(4) is not None:
            time = f"{int(iso.group(4)):02d}:{iso.group(5)}"
    if time is None:
        clock = _CLOCK.search(date)
        if clock and clock.group(1):
            hour = int(clock.group(1)) % 12 + (12 if clock.group(3).lower() == "p" else 0)
            time = f"{hour:02d}:{clock.group(2)}"
        elif clock:
            time = f"{int(clock.group(4)):02d}:{clock.group(5)}"
    if day is None:
        day = _cut(date.strip(), 12) or None
    return day, time


def _distinct(values: list[str | None]) -> bool:
    return all(values) and len(set(values)) == len(values)


def _telling_apart(group: list[Document]) -> list[str]:
    """What to add to a shared outlet so each version of ``group`` reads differently."""
    whens = [_when(d.date) for d in group]
    days = [w[0] for w in whens]
    times = [w[1] for w in whens]
    if _distinct(times) and len(set(days)) == 1:
        return [t or "" for t in times]
    if _distinct(days):
        return [d or "" for d in days]
    both = [f"{d} {t}" if d and t else None for d, t in whens]
    if _distinct(both):
        return [b or "" for b in both]
    stems = [_stem(d) for d in group]
    if _distinct(list(stems)) and all(len(s) <= _STEM_LIMIT for s in stems):
        return stems
    return [f"#{n}" for n in range(1, len(group) + 1)]


def _full(document: Document) -> str:
    parts = [p for p in (document.outlet, document.title) if p]
    head = " — ".join(parts) or document.name
    tail = [p for p in (document.date, document.name) if p]
    return " · ".join([head, *tail])


def version_labels(documents: Sequence[Document]) -> tuple[VersionLabel, ...]:
    """Labels of ``documents`` in their order (see the module docstring)."""
    bases = [_cut(d.outlet.strip()) if d.outlet.strip() else _cut(_stem(d)) for d in documents]
    bases = [b or "version" for b in bases]
    names = list(bases)
    groups: dict[str, list[int]] = {}
    for number, base in enumerate(bases):
        groups.setdefault(base.casefold(), []).append(number)
    for members in groups.values():
        if len(members) < 2:
            continue
        extras = _telling_apart([documents[n] for n in members])
        for number, extra in zip(members, extras, strict=True):
            names[number] = f"{bases[number]} {extra}".strip()
    # A told-apart name may still meet another outlet's name ("AP 2" the outlet):
    # the letter keeps the short label unique regardless.
    return tuple(VersionLabel(letter_for(n), names[n], _full(d)) for n, d in enumerate(documents))


def label_names(documents: Sequence[Document]) -> dict[str, str]:
    """Each document id's short label: what explanations and headers call it."""
    return {
        d.id: label.short for d, label in zip(documents, version_labels(documents), strict=True)
    }
