"""A small pile of articles with known stories, for the batch tests.

Each story has its own people, places and things (made-up words) told in
sentences of shared news wording, in several perturbed versions
(``synthetic.perturb``: dropped, split, fused and spun sentences), one version
an exact copy of another (a wire copy reposted unchanged); unrelated one-off
articles are added. Every record says which story it belongs to.

Why not ``synthetic.base_story``: its stories all draw their subjects, names
and objects from the same short lists, so two of them read like two versions
of one story (grouping rightly joins them); a day's stories differ in who,
where and what.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .synthetic import perturb

PUBLISHERS = ["wire.example", "daily.example", "times.example", "post.example", "blog.example"]


_SYLLABLES = "ka lo mi ren sut val dor pen tis bra gul hem nor fes lin quo zar wet".split()
_VERBS = ["approved", "postponed", "criticised", "announced", "rejected", "funded", "reviewed"]
_DETAILS = ["worth {n} million euros", "after {n} weeks of talks", "affecting {n} households"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def story_sentences(rng: random.Random, sentences: int) -> list[str]:
    """A story about its own few people, places and things."""
    people = [f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(3)]
    places = [_word(rng).capitalize() for _ in range(3)]
    things = [f"{_word(rng)} {_word(rng)}" for _ in range(3)]
    story = []
    for day in range(1, sentences + 1):
        detail = rng.choice(_DETAILS).format(n=rng.randint(2, 900))
        story.append(
            f"{rng.choice(people)} {rng.choice(_VERBS)} the {rng.choice(things)} in "
            f"{rng.choice(places)} {detail}, officials said on day {day}."
        )
    return story


def pile_records(
    stories: int = 4, versions: int = 4, singles: int = 3, seed: int = 1
) -> list[dict]:
    rng = random.Random(seed)
    records: list[dict] = []
    for story in range(stories):
        base = story_sentences(rng, 14)
        for number in range(versions):
            version = perturb(rng, base, f"v{number}", drop=0.15, spin=0.2, split=0.1, fuse=0.1)
            records.append(
                {
                    "id": f"story{story}-v{number}",
                    "text": version.text,
                    "publisher": PUBLISHERS[number % len(PUBLISHERS)],
                    "date": "2024-05-0" + str(1 + story % 9),
                    "story": f"story{story}",
                }
            )
        copy = dict(records[-versions])
        copy.update(id=f"story{story}-copy", publisher="aggregator.example")
        records.append(copy)
    for single in range(singles):
        text = " ".join(story_sentences(rng, 6))
        records.append({"id": f"single{single}", "text": text, "story": f"single{single}"})
    rng.shuffle(records)
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path
