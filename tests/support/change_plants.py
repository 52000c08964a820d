"""Planted edits on real articles, for the change reader's tests and figures.

The real articles come from ``../shared/corpus/provenance-2018.jsonl`` beside
the repository (third-party texts: never copied into the repository, read at
test time only; ``corpus_rows`` returns ``[]`` when the file is absent). Each
plant finds a spot in one article's story paragraphs with a pattern and edits
it there, so the text around the edit is the publisher's own.

Two plant sets: ``DEV_PLANTS`` (the reader was developed against them) and
``HELD_OUT_PLANTS`` (other articles, other replacements; built before the
reader changed and only scored, never studied). Articles are split between
them by a hash of the article id, so no article serves both.

Run ``python tests/engine/change_plants.py [--held-out]`` from the repository
root for the figures: planted found with the right type / total, false typed
changes around them, and the controls.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "provenance-2018.jsonl"


@cache
def corpus_rows() -> tuple[dict, ...]:
    """The corpus articles with distinct story text, or () when it is absent."""
    if not CORPUS.exists():
        return ()
    rows, seen = [], set()
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            story = [p for p in row["text"].split("\n\n") if len(p.split()) >= 25]
            if len(story) < 4:
                continue
            key = story[0][:120]
            if key in seen:
                continue  # the same wire copy on another site
            seen.add(key)
            rows.append(row)
    return tuple(rows)


def is_held_out(article_id: str) -> bool:
    return zlib.crc32(article_id.encode()) % 3 == 0


@dataclass(frozen=True)
class Edit:
    """``text[start:end]`` replaced by ``new``; ``kind`` is the change type expected."""

    article: str
    kind: str
    start: int
    end: int
    new: str
    label: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


Replace = Callable[[re.Match[str]], str | None]


@dataclass(frozen=True)
class Plant:
    """Where (``pattern``; group 1 is replaced, or the whole match) and how."""

    label: str
    kind: str
    pattern: str
    replace: Replace
    flags: int = 0
    outside_quotes: bool = True


_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _story_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of 25 words or more: the story, not its chrome."""
    spans, cursor = [], 0
    for paragraph in text.split("\n\n"):
        if len(paragraph.split()) >= 25:
            spans.append((cursor, cursor + len(paragraph)))
        cursor += len(paragraph) + 2
    return spans


def _in_quote(text: str, start: int, end: int) -> bool:
    return any(m.start() < start and end <= m.end() for m in _QUOTED.finditer(text))


def place(plant: Plant, article: dict, skip: int = 0) -> Edit | None:
    """The plant's edit in this article (its ``skip``-th usable spot), or None."""
    text = article["text"]
    usable = 0
    pattern = re.compile(plant.pattern, plant.flags)
    for start, end in _story_spans(text):
        for match in pattern.finditer(text, start, end):
            group = 1 if match.re.groups else 0
            if plant.outside_quotes and _in_quote(text, match.start(), match.end()):
                continue
            new = plant.replace(match)
            if new is None:
                continue
            if usable < skip:
                usable += 1
                continue
            return Edit(
                article["id"], plant.kind, match.start(group), match.end(group), new, plant.label
            )
    return None


def _shift_year(by: int) -> Replace:
    return lambda m: str(int(m.group(1)) + by)


def _next(names: list[str], by: int = 1) -> Replace:
    return lambda m: names[(names.index(m.group(1)) + by) % len(names)]


def _swap(table: dict[str, str]) -> Replace:
    return lambda m: table.get(m.group(1)) or table.get(m.group(1).lower())


def _plus(by: int) -> Replace:
    return lambda m: str(int(m.group(1)) + by)


_UNNEGATE = {
    "did not": "did", "does not": "does", "do not": "do", "is not": "is", "was not": "was",
    "are not": "are", "were not": "were", "cannot": "can", "can't": "can", "can’t": "can",
    "won't": "will", "won’t": "will", "didn't": "did", "didn’t": "did", "doesn't": "does",
    "doesn’t": "does", "isn't": "is", "isn’t": "is", "wasn't": "was", "wasn’t": "was",
    "has not": "has", "have not": "have", "would not": "would", "will not": "will",
    "could not": "could", "should not": "should",
}  # fmt: skip
_NEGATABLE = r"\b((?:is|was|will|would|can|could|should|has|have|are|were) )(?=[a-z]{3,} )"
_PERSON_SAID = r"\b(?<!the )(?<!The )([A-Z][a-z]+ [A-Z][a-z]+) (said|says|told)\b"
_ORGS = (
    "the Kremlin|the White House|the State Department|the Pentagon|the Justice Department|"
    "the Foreign Ministry|the Commerce Department|the Defense Department|Spotify|the company"
)
_OUTLETS = (
    "Reuters|The Associated Press|the Associated Press|The New York Times|The Washington Post|"
    "CNN|Fox News|Bloomberg|NBC News|The Wall Street Journal|Politico|The Times|Axios|RIA Novosti"
)
_PLACES = {
    "Helsinki": "Oslo", "Moscow": "Kiev", "Finland": "Sweden", "Syria": "Iraq",
    "Ukraine": "Georgia", "Crimea": "Donbas", "Germany": "France", "Brussels": "Paris",
    "London": "Dublin", "China": "Japan", "Iran": "Turkey", "Hamburg": "Munich",
}  # fmt: skip

DEV_PLANTS: list[Plant] = [
    Plant("year +1", "date", r"\b(?:in|since|of|until|by|a|the|from|before)\s+((?:19[6-9]|20[0-2])\d)\b", _shift_year(1)),
    Plant("weekday", "date", r"\b(" + "|".join(_WEEKDAYS) + r")\b", _next(_WEEKDAYS)),
    Plant("month", "date", r"\b(" + "|".join(m for m in _MONTHS if m != "May") + r")\b(?= \d)", _next(_MONTHS, 2)),
    Plant("relative date", "date", r"\b(last|next) (?:week|month|year)\b", _swap({"last": "next", "next": "last"})),
    Plant("number", "number", r"(?<![\w.,$-])(\d{2,3})(?![\d,.:%-])(?! (?:p\.m|a\.m))", _plus(7)),
    Plant("said -> claimed", "hedging", r"\b[A-Z][a-z]+ (said)\b", lambda m: "claimed"),
    Plant("will -> could", "hedging", r"\b(will)\b(?! not)", lambda m: "could"),
    Plant("negation dropped", "negation", r"\b(" + "|".join(map(re.escape, _UNNEGATE)) + r")\b", lambda m: _UNNEGATE[m.group(1)], outside_quotes=False),
    Plant("negation added", "negation", _NEGATABLE, lambda m: m.group(1) + "not "),
    Plant("person -> role", "attribution", _PERSON_SAID, lambda m: "a senior official"),
    Plant("org -> officials", "attribution", r"\b(" + _ORGS + r") (?:said|says)\b", lambda m: "officials"),
    Plant("outlet -> reported", "attribution", r"(?:^|, |\. )((?:" + _OUTLETS + r") reported)\b", lambda m: "it was reported"),
    Plant("place swapped", "entity", r"\b(" + "|".join(_PLACES) + r")\b(?!['’])", _swap(_PLACES)),
]  # fmt: skip

HELD_OUT_PLANTS: list[Plant] = [
    Plant("year -2", "date", r"\b((?:19[6-9]|20[0-2])\d)\b(?!-)", _shift_year(-2)),
    Plant("weekday", "date", r"\b(" + "|".join(_WEEKDAYS) + r")\b", _next(_WEEKDAYS, 3)),
    Plant("month", "date", r"\b(" + "|".join(m for m in _MONTHS if m != "May") + r")\b", _next(_MONTHS, 5)),
    Plant("relative date", "date", r"\b(yesterday|today|tomorrow|this week|last week|this month)\b", _swap({"yesterday": "today", "today": "yesterday", "tomorrow": "today", "this week": "last week", "last week": "this week", "this month": "last month"})),
    Plant("number", "number", r"(?<![\w.,$-])(\d{1,3}(?:,\d{3})*)(?![\d,.:%-])(?! (?:p\.m|a\.m))", lambda m: str(int(m.group(1).replace(",", "")) * 2)),
    Plant("said -> insisted", "hedging", r"\b(?:he|she|they|[A-Z][a-z]+) (said)\b", lambda m: "insisted"),
    Plant("said -> admitted", "hedging", r"\b[A-Z][a-z]+ (says)\b", lambda m: "admits"),
    Plant("would -> might", "hedging", r"\b(would)\b(?! not)", lambda m: "might"),
    Plant("negation dropped", "negation", r"\b(" + "|".join(map(re.escape, _UNNEGATE)) + r")\b", lambda m: _UNNEGATE[m.group(1)], outside_quotes=False),
    Plant("never dropped", "negation", r"\b(never )(?=[a-z]+)", lambda m: ""),
    Plant("person -> role", "attribution", _PERSON_SAID, lambda m: "an aide"),
    Plant("according to -> reportedly", "attribution", r"(, according to [^,.;]{3,60})[.,]", lambda m: ", reportedly"),
    Plant("place swapped", "entity", r"\b(" + "|".join(_PLACES) + r")\b(?!['’])", lambda m: "Vienna"),
]  # fmt: skip


def _ordered(rows: tuple[dict, ...], plant: Plant) -> list[dict]:
    """A fixed, plant-specific order of articles, so plants spread over articles."""
    return sorted(rows, key=lambda r: zlib.crc32((plant.label + r["id"]).encode()))


def edits(held_out: bool, per_plant: int = 4) -> list[Edit]:
    """Up to ``per_plant`` edits of every plant of the chosen set, each in another article."""
    rows = tuple(r for r in corpus_rows() if is_held_out(r["id"]) == held_out)
    found = []
    for plant in HELD_OUT_PLANTS if held_out else DEV_PLANTS:
        used = 0
        for row in _ordered(rows, plant):
            edit = place(plant, row)
            if edit is not None:
                found.append(edit)
                used += 1
                if used == per_plant:
                    break
    return found


def article(article_id: str) -> dict:
    return next(r for r in corpus_rows() if r["id"] == article_id)


# -- controls: copies that change nothing a reader checks ----------------------

_CURLY = str.maketrans({"'": "’"})


def typography_only(text: str) -> str:
    """Curly quotes and apostrophes, one-character ellipses, em dashes, the byline
    in capitals, U.S. as US and a timestamp in another format."""
    text = re.sub(r'"([^"\n]*)"', r"“\1”", text)
    text = text.translate(_CURLY).replace("...", "…").replace(" - ", " — ").replace(" -- ", " — ")
    text = re.sub(r"(?m)^By [^\n]+$", lambda m: m.group(0).upper(), text)
    text = text.replace("U.S.", "US")
    return re.sub(
        r"\b(" + "|".join(_MONTHS) + r") (\d{1,2}), (20\d\d)",
        lambda m: f"{int(m.group(2))} {m.group(1)[:3]}. {m.group(3)}",
        text,
        count=1,
    )


def paragraphs_swapped(text: str) -> str:
    """The first two story paragraphs after the lead change places."""
    spans = _story_spans(text)
    if len(spans) < 3:
        return text
    (a0, a1), (b0, b1) = spans[1], spans[2]
    if a1 + 2 != b0:
        return text
    return text[:a0] + text[b0:b1] + "\n\n" + text[a0:a1] + text[b1:]


def chrome_added(text: str) -> str:
    """Site furniture lines between the paragraphs of a copy."""
    spans = _story_spans(text)
    lines = ["Advertisement", "Share this article", "Sign up for our newsletter"]
    for (_, end), line in sorted(zip(spans[:3], lines, strict=False), reverse=True):
        text = text[:end] + "\n\n" + line + text[end:]
    return text


CONTROLS: dict[str, Callable[[str], str]] = {
    "identical": lambda text: text,
    "typography only": typography_only,
    "two paragraphs swapped": paragraphs_swapped,
    "site chrome added": chrome_added,
}


def control_articles(count: int = 12) -> list[dict]:
    rows = sorted(corpus_rows(), key=lambda r: zlib.crc32(("control" + r["id"]).encode()))
    return [r for r in rows if not is_held_out(r["id"])][:count]


# -- scoring ------------------------------------------------------------------


def score(edit: Edit, changes: list) -> tuple[bool, list]:
    """Is the planted edit found with its type (a span touching it on either
    side), and which other typed changes were reported."""
    a_span = (edit.start, max(edit.end, edit.start + 1))
    b_span = (edit.start, max(edit.start + len(edit.new), edit.start + 1))

    def touches(side, span: tuple[int, int]) -> bool:
        return side is not None and side.start < span[1] and span[0] < side.end

    def right(change) -> bool:
        return change.type.value == edit.kind and (
            touches(change.a, a_span) or touches(change.b, b_span)
        )

    typed = [c for c in changes if c.type.value != "wording"]
    hit = any(right(c) for c in typed)
    if edit.kind == "negation":
        hit = any(right(c) and c.severity.value == "high" for c in typed)
    others = [c for c in typed if not (touches(c.a, a_span) or touches(c.b, b_span))]
    return hit, others


def read_pair(original: str, edited: str) -> list:
    from newsdiff_gui.engine.align.aligner import align
    from newsdiff_gui.engine.changes import read_changes
    from newsdiff_gui.engine.load.articles import documents_from_texts

    alignment = align(documents_from_texts([("a.txt", original), ("b.txt", edited)]))
    return read_changes(alignment)


def main(argv: list[str]) -> int:
    held_out = "--held-out" in argv
    if not corpus_rows():
        print("no corpus beside the repository")
        return 1
    chosen = edits(held_out)
    found = extra = 0
    by_label: dict[str, list[int]] = {}
    for edit in chosen:
        text = article(edit.article)["text"]
        changes = read_pair(text, edit.apply(text))
        hit, others = score(edit, changes)
        found += hit
        extra += len(others)
        by_label.setdefault(edit.label, [0, 0])
        by_label[edit.label][0] += hit
        by_label[edit.label][1] += 1
        if "-v" in argv and (not hit or others):
            old = text[max(0, edit.start - 60) : edit.end + 60].replace("\n", " ")
            print(
                f"  {'MISS' if not hit else 'ok  '} {edit.label} {edit.article}: …{old}… -> {edit.new!r}"
            )
            for change in changes:
                if change.type.value != "wording" or not hit:
                    print(
                        f"       {change.type.value} {change.severity.value}: {change.explanation[:150]}"
                    )
    name = "held-out" if held_out else "dev"
    for label, (hits, total) in by_label.items():
        print(f"{name} {label}: {hits}/{total}")
    print(
        f"{name} planted found with the right type: {found}/{len(chosen)}; other typed changes: {extra}"
    )
    if "--controls" in argv:
        for label, make in CONTROLS.items():
            typed = total = 0
            for row in control_articles():
                changes = read_pair(row["text"], make(row["text"]))
                total += len(changes)
                typed += sum(c.type.value not in ("wording", "added", "omitted") for c in changes)
                if "-v" in argv:
                    for change in changes:
                        print(
                            f"    {label} {row['id']}: {change.type.value}: {change.explanation[:140]}"
                        )
            print(f"control {label}: {typed} typed changes, {total} changes in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
