"""Synthetic article sets with known truth, for property tests and benchmarks.

A base story of numbered sentences is perturbed the ways real coverage sets
differ: sentences dropped, inserted (content only one version has),
paragraphs shuffled, a sentence split in two or two fused into one, and
words replaced by spinner-style substitutes. Each generated version records,
for every sentence it contains, which base sentences it carries, so a test
can check the aligner put the right sentences together.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_SUBJECTS = [
    "The finance ministry",
    "Local officials",
    "The harbour authority",
    "Two senior engineers",
    "The city council",
    "Regional prosecutors",
    "The airline",
    "Hospital managers",
    "The energy regulator",
    "Union leaders",
    "The central bank",
    "Court filings",
]
_VERBS = [
    "approved",
    "postponed",
    "criticised",
    "announced",
    "investigated",
    "rejected",
    "expanded",
    "suspended",
    "reviewed",
    "funded",
]
_OBJECTS = [
    "a bridge repair plan",
    "the new tram line",
    "emergency water rationing",
    "a tax rebate for farmers",
    "the stadium contract",
    "night flights over the bay",
    "a vaccination drive in schools",
    "the merger of two ports",
    "flood barriers upstream",
    "a pension reform",
    "the coal plant closure",
    "rent controls downtown",
]
_DETAILS = [
    "worth {n} million euros",
    "affecting {n} households",
    "after {n} weeks of talks",
    "covering {n} districts",
    "with {n} new inspectors",
    "despite {n} formal complaints",
]
_NAMES = [
    "Anna Keller",
    "Tomas Ruiz",
    "Mei Lin",
    "Jonas Berg",
    "Sara Okafor",
    "Piotr Nowak",
    "Lena Haas",
    "Omar Farouk",
    "Clara Moss",
    "Ivan Petrov",
]
_SPIN = {
    "approved": "sanctioned",
    "postponed": "delayed",
    "criticised": "slammed",
    "announced": "declared",
    "investigated": "probed",
    "rejected": "dismissed",
    "officials": "officers",
    "plan": "scheme",
    "new": "recent",
    "said": "stated",
}


@dataclass(frozen=True)
class Version:
    name: str
    text: str
    # Per sentence in order: the content it carries, as halves of base sentences
    # (ids 2i and 2i+1 are the two halves of base sentence i).
    carries: tuple[frozenset[int], ...]


_SYLLABLES = "ka lo mi ren sut val dor pen tis bra gul hem nor fes lin quo zar wet".split()


def _coined_word(rng: random.Random) -> str:
    """A made-up content word: real stories name things no other sentence names."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def base_story(rng: random.Random, sentences: int) -> list[str]:
    """Sentences mixing shared topic words (as every article repeats its topic)
    with words and numbers particular to each fact."""
    story = []
    for i in range(sentences):
        detail = rng.choice(_DETAILS).format(n=rng.randint(2, 900))
        name = rng.choice(_NAMES)
        place = _coined_word(rng).capitalize()
        thing = " ".join(_coined_word(rng) for _ in range(2))
        shape = rng.randrange(3)
        subject, verb, obj = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS)
        if shape == 0:
            sentence = f"{subject} in {place} {verb} {obj} {detail}, {name} said on day {i + 1}."
        elif shape == 1:
            sentence = f"On day {i + 1} the {thing} in {place} was {verb}, {detail}."
        else:
            sentence = f"{name} of {place} {verb} the {thing}, {obj} {detail} since day {i + 1}."
        story.append(sentence)
    return story


def _spin(rng: random.Random, sentence: str, rate: float) -> str:
    words = sentence.split(" ")
    return " ".join(_SPIN.get(w, w) if w in _SPIN and rng.random() < rate else w for w in words)


def _split(sentence: str) -> tuple[str, str] | None:
    head, sep, tail = sentence.partition(", ")
    if not sep:
        return None
    return head + ".", tail[0].upper() + tail[1:]


def _halves(index: int) -> frozenset[int]:
    """Content ids of base sentence ``index``: its two halves, so a split piece
    carries one half and a whole or fused sentence carries both."""
    return frozenset({2 * index, 2 * index + 1})


def perturb(
    rng: random.Random,
    story: list[str],
    name: str,
    *,
    drop: float = 0.1,
    insert: float = 0.05,
    spin: float = 0.0,
    split: float = 0.05,
    fuse: float = 0.05,
    shuffle_paragraphs: bool = False,
) -> Version:
    pieces: list[tuple[str, frozenset[int]]] = []
    index = 0
    while index < len(story):
        sentence = story[index]
        if rng.random() < drop:
            index += 1
            continue
        if rng.random() < fuse and index + 1 < len(story):
            second = story[index + 1].rstrip(".")
            fused = sentence.rstrip(".") + ", while " + second[0].lower() + second[1:] + "."
            carried = _halves(index) | _halves(index + 1)
            pieces.append((_spin(rng, fused, spin), carried))
            index += 2
            continue
        parts = _split(sentence) if rng.random() < split else None
        if parts:
            for half, part in enumerate(parts):
                pieces.append((_spin(rng, part, spin), frozenset({2 * index + half})))
        else:
            pieces.append((_spin(rng, sentence, spin), _halves(index)))
        if rng.random() < insert:
            extra = (
                f"{_coined_word(rng).capitalize()} {_coined_word(rng)} reported that "
                f"{_coined_word(rng)} {_coined_word(rng)} {_coined_word(rng)}."
            )
            pieces.append((extra, frozenset()))
        index += 1
    paragraphs = [pieces[i : i + 3] for i in range(0, len(pieces), 3)]
    if shuffle_paragraphs:
        rng.shuffle(paragraphs)
    ordered = [p for paragraph in paragraphs for p in paragraph]
    text = "\n\n".join(" ".join(s for s, _ in paragraph) for paragraph in paragraphs) + "\n"
    return Version(name, text, tuple(c for _, c in ordered))


def synthetic_set(
    versions: int, words: int = 1000, seed: int = 0, **perturbation: float | bool
) -> list[Version]:
    """``versions`` perturbed copies of one base story of about ``words`` words."""
    rng = random.Random(seed)
    story = base_story(rng, max(3, words // 17))
    return [perturb(rng, story, f"v{i:03d}.txt", **perturbation) for i in range(versions)]


def truth_and_prediction(versions: list[Version]) -> tuple[set, set] | None:
    """Align ``versions``; return the cross-version sentence pairs that truly
    share content (by what each sentence carries) and the pairs the aligner
    put in one unit. ``None`` when segmentation did not cut the sentences the
    generator wrote (then nothing can be compared)."""
    import itertools

    from newsdiff_gui.engine.align.aligner import align
    from newsdiff_gui.engine.load.articles import documents_from_texts

    article_set = documents_from_texts([(v.name, v.text) for v in versions])
    alignment = align(article_set)
    carries: dict[str, frozenset[int]] = {}
    for version, document in zip(versions, article_set.documents, strict=True):
        content = [s for s in document.sentences if not s.is_boilerplate]
        if len(content) != len(version.carries):
            return None
        for sentence, carried in zip(content, version.carries, strict=True):
            carries[sentence.id] = carried
    truth = {
        (a, b)
        for a, b in itertools.combinations(sorted(carries), 2)
        if a.split(":")[0] != b.split(":")[0] and carries[a] & carries[b]
    }
    predicted = {
        (a, b)
        for unit in alignment.units
        for a, b in itertools.combinations(sorted(unit.members), 2)
        if a.split(":")[0] != b.split(":")[0]
    }
    return truth, predicted
