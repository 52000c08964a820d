"""``newsdiff batch`` speed and memory on synthetic days (run by hand; not a pytest test).

A synthetic day of N articles: stories of 1 to 60 versions (most stories have
one article, a few many, as on a real day), each story made of as many
sentences as a corpus article has (../shared/corpus, when present; else
made-up sentences), dealt at random from all the corpus's distinct prose
sentences (each once before any is used again), with its
names replaced by names of its own, and its versions made by the project's
synthetic-version tools (``synthetic.perturb``: dropped, split, fused and
spun sentences, shuffled paragraphs), one in five versions an exact repost.
Why sentences drawn from the whole corpus rather than one article's: the
corpus gives 416 articles of six sentences or more, so a day of 10,000 articles (3,260 stories) made
each story from one of them, and two stories made from one article, with
only their names told apart, were grouped as one: 278 stories found, some of
several hundred texts, which were then not compared at all. Stories made of
dealt sentences share little prose (at 10,000 articles each sentence serves
about ten stories, so some stories still share one or two sentences).

For each N, runs ``newsdiff batch`` in a fresh process and prints wall time,
articles per second, the stories found against the stories made (pairwise
recall and separation), the driver's peak RSS and the largest worker's peak
RSS, then how time and memory grow with N.

With ``--grouping`` it measures the driver's part alone — reading, candidate
finding and grouping (``run.group_pile``), which one process does for the
whole day — for both candidate finders (or the one named by ``--finder``),
each in a fresh process: time (in all, and of the stage before verification,
which a real run does before comparing starts), articles per second, peak
RSS and the same-story recall and separation of the stories found.

Usage: python -m tests.benchmarks.bench_batch [N ...]   (default: 1000 10000)
       python -m tests.benchmarks.bench_batch --grouping [--finder minhash|tfidf] [N ...]
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tests.support.batch_pile import story_sentences
from tests.support.synthetic import perturb

ROOT = Path(__file__).resolve().parents[2]


CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = "ka lo mi ren sut val dor pen tis bra gul hem nor fes lin quo zar wet".split()


def corpus_stories() -> list[list[str]]:
    """Sentences of each corpus article's prose (lines of 8+ words), 6 to 40 of them."""
    if not CORPUS.is_file():
        return []
    stories = []
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            prose = " ".join(p for p in text.splitlines() if len(p.split()) >= 8)
            sentences = [s.strip() for s in _SENTENCE.split(prose) if len(s.split()) >= 5]
            if len(sentences) >= 6:
                stories.append(sentences[:40])
    return stories


def _renamed(rng: random.Random, sentences: list[str]) -> list[str]:
    """The story with every capitalised name replaced, consistently, by a made-up one."""
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        if word not in names:
            made = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
            names[word] = made.capitalize()
        return names[word]

    return [sentences[0]] + [_NAME.sub(rename, s) for s in sentences[1:]]


def story_sizes(rng: random.Random, articles: int) -> list[int]:
    """1 to 60 versions, heavy-tailed: about half the stories have one article."""
    sizes: list[int] = []
    while sum(sizes) < articles:
        size = 1 if rng.random() < 0.5 else min(60, int(rng.paretovariate(1.1)) + 1)
        sizes.append(min(size, articles - sum(sizes)))
    return sizes


def make_day(path: Path, articles: int, seed: int = 0) -> dict[str, int]:
    rng = random.Random(seed)
    bases = corpus_stories()
    # Each distinct sentence once, dealt without replacement (reshuffled when
    # used up): at 10,000 articles every sentence serves about ten stories.
    pool = list(dict.fromkeys(sentence for base in bases for sentence in base))
    deck: list[str] = []
    story_of: dict[str, int] = {}
    with open(path, "w", encoding="utf-8") as out:
        for story, size in enumerate(story_sizes(rng, articles)):
            if bases:
                base = []
                for _ in range(len(rng.choice(bases))):
                    if not deck:
                        deck = rng.sample(pool, len(pool))
                    base.append(deck.pop())
            else:
                base = story_sentences(rng, rng.randint(8, 30))
            base = _renamed(rng, base)
            previous = None
            for number in range(size):
                if previous is not None and rng.random() < 0.2:
                    text = previous
                else:
                    text = perturb(
                        rng,
                        base,
                        "v",
                        drop=0.15,
                        spin=0.1,
                        split=0.05,
                        fuse=0.05,
                        shuffle_paragraphs=rng.random() < 0.2,
                    ).text
                previous = text
                key = f"s{story}-v{number}"
                story_of[key] = story
                record = {"id": key, "text": text, "publisher": f"outlet{rng.randrange(300)}"}
                out.write(json.dumps(record) + "\n")
    return story_of


def stories_written(out: Path) -> dict[str, str]:
    """Each article's story, as a run wrote it."""
    found: dict[str, str] = {}
    with open(out / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            found[row["id"]] = row["story"]
    return found


def pair_scores(found: dict[str, str], story_of: dict[str, int]) -> tuple[float, float]:
    """Pairwise recall of made stories, and separation measured on a sample of pairs."""
    members: dict[int, list[str]] = defaultdict(list)
    for key, story in story_of.items():
        members[story].append(key)
    together = total = 0
    for keys in members.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                total += 1
                together += found[a] == found[b]
    rng = random.Random(1)
    keys = list(story_of)
    apart = sampled = 0
    while sampled < 200_000:
        a, b = rng.choice(keys), rng.choice(keys)
        if story_of[a] != story_of[b]:
            sampled += 1
            apart += found[a] != found[b]
    return together / max(total, 1), apart / sampled


def _peak_mb(pid: int) -> float:
    """A live process's own peak resident memory (``VmHWM``), 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text(encoding="ascii").split()]
        except (OSError, ValueError):
            continue
    return found


def run(articles: int) -> tuple[float, float, float, float]:
    """One whole run: (articles, seconds, driver's peak MB, largest worker's peak MB).

    Peaks are each process's own (``VmHWM``, read every half second while it
    runs), so the driver's memory is told apart from its workers'.
    """
    with tempfile.TemporaryDirectory() as work:
        pile = Path(work) / "day.jsonl"
        story_of = make_day(pile, articles)
        command = [
            sys.executable,
            "-m",
            "newsdiff_gui",
            "batch",
            str(pile),
            "-o",
            str(Path(work) / "out"),
            "--format",
            "jsonl",
        ]
        driver = worker = 0.0
        with open(Path(work) / "stderr.txt", "w+", encoding="utf-8") as errors:
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
            while process.poll() is None:
                driver = max(driver, _peak_mb(process.pid))
                for child in _children(process.pid):
                    worker = max(worker, _peak_mb(child))
                time.sleep(0.5)
            seconds = time.perf_counter() - started
            errors.seek(0)
            said = errors.read().strip()
        if process.returncode != 0:
            raise SystemExit(said)
        recall, separation = pair_scores(stories_written(Path(work) / "out"), story_of)
    made = len(set(story_of.values()))
    print(
        f"{articles:>7} articles, {made} stories made: {seconds:7.1f} s, "
        f"{articles / seconds:6.1f} articles/s, peak RSS driver {driver:4.0f} MB, "
        f"largest worker {worker:4.0f} MB; same-story recall {recall:.1%}, "
        f"different-story separation {separation:.2%}  ({said})",
        flush=True,
    )
    return articles, seconds, driver, worker


_GROUP_ONLY = """
import json, resource, sys, time
from newsdiff_gui.engine.batch.run import BatchOptions, group_pile

class Phases:
    def __init__(self):
        self.started = {{}}
        self.seconds = {{}}
        self.phase = None
    def start(self, phase, total, unit):
        self.phase = phase
        self.started[phase] = time.perf_counter()
    def advance(self, count=1, **status):
        pass
    def finish(self):
        self.seconds[self.phase] = time.perf_counter() - self.started[self.phase]

phases = Phases()
started = time.perf_counter()
stories = group_pile([{pile!r}], {work!r}, BatchOptions(finder={finder!r}), phases)
seconds = time.perf_counter() - started
with open({found!r}, "w", encoding="utf-8") as out:
    json.dump({{key: str(n) for n, story in enumerate(stories) for key in story}}, out)
print(json.dumps({{
    "seconds": seconds,
    "driver": phases.seconds["reading"] + phases.seconds["grouping"],
    "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "stories": len(stories),
}}))
"""


def run_grouping(articles: int, finders: list[str]) -> dict[str, tuple[float, float, float]]:
    """The driver's part alone, per finder: (seconds, driver-stage seconds, peak MB).

    The driver stage is what ``newsdiff batch`` does in one process before
    comparing starts: reading, candidates and blocks. The total adds the
    verification of every block, which a real run does in its workers.
    """
    measured: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        pile = Path(work) / "day.jsonl"
        story_of = make_day(pile, articles)
        for finder in finders:
            found = Path(work) / "found.json"
            code = _GROUP_ONLY.format(pile=str(pile), work=work, finder=finder, found=str(found))
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
            )
            if done.returncode != 0:
                print(f"{articles:>7} articles, {finder}: failed: {done.stderr[-300:]}")
                continue
            said = json.loads(done.stdout)
            seconds, driver, peak = said["seconds"], said["driver"], said["peak"]
            recall, separation = pair_scores(json.loads(found.read_text("utf-8")), story_of)
            print(
                f"{articles:>7} articles, {finder:<7}: grouping {seconds:7.1f} s "
                f"({articles / seconds:5.0f} articles/s; reading, candidates and blocks "
                f"{driver:6.1f} s), peak RSS {peak:5.0f} MB, {said['stories']} stories; "
                f"same-story recall {recall:.2%}, different-story separation {separation:.2%}",
                flush=True,
            )
            measured[finder] = (seconds, driver, peak)
    return measured


def _growth(sizes: list[int], measured: list[dict[str, tuple[float, float, float]]]) -> None:
    for (n0, m0), (n1, m1) in itertools.pairwise(zip(sizes, measured, strict=True)):
        for finder in m0.keys() & m1.keys():
            (t0, d0, p0), (t1, d1, p1) = m0[finder], m1[finder]
            print(
                f"{n0} -> {n1}, {finder}: grouping grows as N^{math.log(t1 / t0) / math.log(n1 / n0):.2f}, "
                f"reading, candidates and blocks as N^{math.log(d1 / d0) / math.log(n1 / n0):.2f}; "
                f"peak RSS {p0:.0f} -> {p1:.0f} MB"
            )


def main() -> None:
    arguments = sys.argv[1:]
    if arguments and arguments[0] == "--grouping":
        finders = ["minhash", "tfidf"]
        if arguments[1:2] == ["--finder"]:
            finders, arguments = [arguments[2]], arguments[2:]
        sizes = [int(v) for v in arguments[1:]] or [1000, 10000, 100000]
        _growth(sizes, [run_grouping(n, finders) for n in sizes])
        return
    sizes = [int(v) for v in arguments] or [1000, 10000]
    results = [run(n) for n in sizes]
    for (n0, t0, d0, w0), (n1, t1, d1, w1) in itertools.pairwise(results):
        growth = math.log(t1 / t0) / math.log(n1 / n0)
        print(
            f"{n0} -> {n1}: time grows as N^{growth:.2f}; peak RSS driver {d0:.0f} -> "
            f"{d1:.0f} MB, largest worker {w0:.0f} -> {w1:.0f} MB"
        )


if __name__ == "__main__":
    main()
