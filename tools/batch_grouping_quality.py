"""Grouping quality of ``newsdiff batch`` on the labelled corpus pile.

Reads ../shared/corpus/provenance-2018.jsonl (539 real articles of three
events) and tests/data/batch/provenance-2018-stories.csv (257 of them
labelled by reading with the story they belong to, split by story into a
development half, used to choose the settings, and a held-out half, only
reported). Prints, per candidate finder and clustering threshold:

* same-story recall — of the pairs of articles labelled one story, the share
  grouped together;
* different-story separation — of the pairs of labelled articles of one event
  but different stories, the share kept apart;
* different-event separation — of all pairs of articles of different events
  (the corpus says the event of every article), the share kept apart;
* grouping time.

Settings are chosen with ``--split dev`` (held-out figures not printed) and
the chosen one is then reported with both.

Usage: python -m tools.batch_grouping_quality [--finder minhash|tfidf]
       [--join 0.05,0.06] [--lead 0,0.05] [--attach 0,0.2] [--margin 0.05]
       [--short-terms 250] [--attach-from 1] [--meaning 0,0.1] [--meaning-from 0.5]
       [--split dev|heldout|both]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsdiff_gui.engine.batch.run import BatchOptions, group_pile
from newsdiff_gui.engine.batch.terms import article_terms, grouping_text, lead_terms
from newsdiff_gui.engine.batch.verify import (
    GroupingConfig,
    day_number,
    pile_idf,
    similarity_matrix,
)

ROOT = Path(__file__).resolve().parents[1]


CORPUS = ROOT.parent / "shared" / "corpus" / "provenance-2018.jsonl"
LABELS = ROOT / "tests" / "data" / "batch" / "provenance-2018-stories.csv"


def labelled() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    with open(LABELS, newline="", encoding="utf-8") as handle:
        labels = {row["id"]: (row["story"], row["split"]) for row in csv.DictReader(handle)}
    events = {}
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            events[record["id"]] = record["event"]
    return labels, events


def scores(
    stories: list[list[str]],
    labels: dict[str, tuple[str, str]],
    events: dict[str, str],
    hide: str | None = None,
) -> dict[str, tuple[int, int]]:
    """(agreeing, total) pairs per measure and split; articles labelled in the
    split ``hide`` are left out of every measure (``--split dev`` hides held-out)."""
    story_of = {key: n for n, story in enumerate(stories) for key in story}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b in itertools.combinations(sorted(labels), 2):
        (label_a, split_a), (label_b, split_b) = labels[a], labels[b]
        if split_a != split_b:
            continue
        together = story_of[a] == story_of[b]
        if label_a == label_b:
            name, good = f"same-story recall ({split_a})", together
        elif events[a] == events[b]:
            name, good = f"different-story separation ({split_a})", not together
        else:
            name, good = f"different-event separation ({split_a})", not together
        counts[name][0] += good
        counts[name][1] += 1
    keys = sorted(k for k in events if hide is None or labels.get(k, ("", ""))[1] != hide)
    apart = total = 0
    for a, b in itertools.combinations(keys, 2):
        if events[a] != events[b]:
            total += 1
            apart += story_of[a] != story_of[b]
    everyone = "all" if hide is None else f"all but {hide}"
    counts[f"different-event separation ({everyone}, {len(keys)})"] = [apart, total]
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}


# --- The learned second stage, measured (--pair-model; development half only) ---
#
# Would a model that decides "same story" from more evidence than the term
# cosine group better? Each pair of articles gets the features below; a
# logistic regression is trained on development pairs with five folds by
# story (a fold's stories are never in its training pairs), the whole pile is
# clustered by average linkage over the model's probabilities, and each
# fold's pairs are scored with the model that did not see them.

_NAME = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r'[“"]([^”"\n]{12,400})[”"]')
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
FEATURES = ("cosine", "names", "numbers", "quotes", "copied", "lead", "days")
FEATURE_SETS = (
    ("cosine",),
    ("cosine", "copied"),
    ("cosine", "quotes"),
    ("cosine", "numbers"),
    ("cosine", "names"),
    ("cosine", "lead"),
    ("cosine", "names", "lead"),
    FEATURES,
)


def _hashed(kind: str, items: Iterable[str]) -> frozenset[int]:
    return frozenset(zlib.crc32(f"{kind}:{item}".encode()) & 0x3FFFFF for item in items)


def _shingles(words: Sequence[str], size: int) -> list[str]:
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def _evidence(text: str) -> dict[str, frozenset[int]]:
    """What a pair is judged on, per article (``FEATURES``)."""
    head = grouping_text(text)
    quoted = [w.lower() for q in _QUOTED.findall(head) for w in _WORDS.findall(q)]
    words = [w.lower() for w in _WORDS.findall(head)]
    return {
        "cosine": article_terms(text),
        "names": _hashed("n", (m.lower() for m in _NAME.findall(head))),
        "numbers": _hashed("d", (m.replace(",", "") for m in _NUMBER.findall(head))),
        "quotes": _hashed("q", _shingles(quoted, 4)),
        "copied": _hashed("s", _shingles(words, 6)),
        "lead": lead_terms(text),
    }


def _overlap(sets: Sequence[frozenset[int]]) -> tuple[Any, Any]:
    """Shared members of every pair of sets, and each set's size."""
    import numpy as np
    from scipy.sparse import csr_matrix

    columns: dict[int, int] = {}
    indices = [columns.setdefault(t, len(columns)) for s in sets for t in s]
    indptr = np.cumsum([0] + [len(s) for s in sets])
    matrix = csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(sets), max(len(columns), 1)),
    )
    return (matrix @ matrix.T).toarray(), np.asarray(matrix.sum(axis=1)).ravel()


def feature_matrices(texts: Sequence[str], days: Sequence[int | None]) -> dict[str, Any]:
    """One n × n matrix per feature over the pile's distinct texts."""
    import numpy as np

    found = [_evidence(t) for t in texts]
    out = {}
    for kind in ("cosine", "names", "numbers", "lead"):
        frequency = Counter(t for e in found for t in e[kind])
        idf = {t: pile_idf(df, len(texts)) for t, df in frequency.items()}
        out[kind] = similarity_matrix([tuple(e[kind]) for e in found], idf)
    shared, _ = _overlap([e["quotes"] for e in found])
    out["quotes"] = np.log1p(shared)
    shared, size = _overlap([e["copied"] for e in found])
    out["copied"] = shared / np.maximum(np.minimum.outer(size, size), 1)
    day = np.asarray([d if d is not None else 0 for d in days], dtype=np.int64)
    known = np.asarray([d is not None for d in days])
    out["days"] = np.where(
        known[:, None] & known[None, :], np.minimum(np.abs(day[:, None] - day[None, :]), 3), 0
    )
    return out


def _design(matrices: dict[str, Any], names: Sequence[str]) -> Any:
    import numpy as np

    columns = [
        matrices[n] if n in ("quotes", "days") else np.sqrt(np.clip(matrices[n], 0, 1))
        for n in names
    ]
    return np.stack(columns, axis=-1)


def pair_model_cv(labels: dict[str, tuple[str, str]], events: dict[str, str]) -> None:
    """Cross-validated grouping quality of learned pair models (dev only)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsdiff_gui.engine.batch.linkage import average_linkage

    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    first: dict[str, int] = {}
    owner: dict[str, int] = {}  # article id -> distinct text
    texts: list[str] = []
    days: list[int | None] = []
    for record in records:
        number = first.setdefault(record["text"], len(texts))
        if number == len(texts):
            texts.append(record["text"])
            days.append(day_number(record.get("scrape_time")))
        owner[record["id"]] = number
    window = GroupingConfig().date_window_days or 0
    matrices = feature_matrices(texts, days)
    far = matrices["days"] > window  # capped at 3: a window of 3 days or less
    dev = sorted(k for k, (_, split) in labels.items() if split == "dev")
    story = {k: labels[k][0] for k in dev}
    names = sorted(set(story.values()))
    distinct = sorted({owner[k] for k in dev})
    story_of_text = {owner[k]: story[k] for k in dev}
    pairs = np.asarray(list(itertools.combinations(distinct, 2)))
    same = np.asarray([story_of_text[a] == story_of_text[b] for a, b in pairs])
    print(
        f"learned pair models, 5 folds by story x 3 seeds, dev only ({len(dev)} articles, "
        f"{len(names)} stories); pairs of one event, each counted once per seed"
    )

    def fold_scores(similarity: Any, fold: dict[str, int], k: int, join: float) -> Any:
        similarity = similarity.copy()
        similarity[far] = 0.0
        np.fill_diagonal(similarity, 1.0)
        group: dict[int, int] = {}
        for n, members in enumerate(average_linkage(similarity, join)):
            group.update((m, n) for m in members)
        counts = np.zeros(4)
        for a, b in itertools.combinations(dev, 2):
            if k not in (fold[story[a]], fold[story[b]]) or events[a] != events[b]:
                continue
            together = group[owner[a]] == group[owner[b]]
            if story[a] == story[b]:
                counts[:2] += (together, 1)
            else:
                counts[2:] += (not together, 1)
        return counts

    seeds = (0, 1, 2)
    folds = []
    for seed in seeds:
        order = np.random.RandomState(seed).permutation(names)
        folds.append({name: n % 5 for n, name in enumerate(order)})
    baseline = sum(
        fold_scores(matrices["cosine"], fold, k, GroupingConfig().join_at)
        for fold in folds
        for k in range(5)
    )
    print(f"  {'cosine, no model, join at 0.07':<44} {_rates(baseline)}")
    for chosen in FEATURE_SETS:
        design = _design(matrices, chosen)
        flat = design.reshape(-1, len(chosen))
        totals = {t: np.zeros(4) for t in (0.5, 0.6, 0.7, 0.8)}
        for fold in folds:
            for k in range(5):
                train = np.asarray(
                    [fold[story_of_text[a]] != k and fold[story_of_text[b]] != k for a, b in pairs]
                )
                model = LogisticRegression(class_weight="balanced", max_iter=3000)
                model.fit(design[pairs[train, 0], pairs[train, 1]], same[train])
                probability = model.predict_proba(flat)[:, 1].reshape(len(texts), len(texts))
                for threshold in totals:
                    totals[threshold] += fold_scores(probability, fold, k, threshold)
        for threshold, counts in totals.items():
            label = "all seven" if chosen == FEATURES else "+".join(chosen)
            label = f"{label}, join at {threshold}"
            print(f"  {label:<44} {_rates(counts)}")


def _rates(counts: Any) -> str:
    recall, separation = counts[0] / counts[1], counts[2] / counts[3]
    return f"recall {recall:6.1%}  separation (one event) {separation:6.1%}"


def _values(text: str, default: float) -> list[float]:
    """A comma-separated list of settings, or the default alone."""
    return [float(v) for v in text.split(",")] if text else [default]


def use_contextual_vectors(path: Path, kind: str) -> None:
    """Make the grouping's meaning cosines those of the full sentence model's
    article vectors (``tools/contextual_article_vectors.py``), looked up by each
    article's terms, which is all a block carries. Measurement only."""
    import numpy as np

    from newsdiff_gui.engine.batch import verify

    stored = np.load(path)
    vector_of = dict(zip(stored["ids"].tolist(), stored[kind], strict=True))
    by_terms: dict[frozenset[int], Any] = {}
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            by_terms[frozenset(article_terms(record["text"]))] = vector_of[record["id"]]
    width = stored[kind].shape[1]

    def contextual_cosines(terms: Sequence[Any], idf: Any) -> Any:
        rows = np.array([by_terms.get(frozenset(t), np.zeros(width)) for t in terms])
        cosines = rows @ rows.T
        np.fill_diagonal(cosines, 1.0)
        return cosines

    verify.meaning_matrix = contextual_cosines  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--finder", default="minhash", choices=("minhash", "tfidf"))
    parser.add_argument("--join", default="", help="comma-separated clustering thresholds")
    parser.add_argument("--lead", default="", help="comma-separated lead-check thresholds")
    parser.add_argument("--check-from", type=int, default=None, help="lead check group size")
    parser.add_argument("--attach", default="", help="comma-separated short-page attach levels")
    parser.add_argument("--margin", default="", help="comma-separated attach margins")
    parser.add_argument("--short-terms", default="", help="comma-separated short-page sizes")
    parser.add_argument("--attach-from", default="", help="comma-separated own-group sizes")
    parser.add_argument("--meaning", default="", help="comma-separated meaning weights")
    parser.add_argument("--meaning-from", default="", help="comma-separated meaning floors")
    parser.add_argument("--split", default="both", choices=("dev", "heldout", "both"))
    parser.add_argument(
        "--contextual",
        type=Path,
        default=None,
        help="article vectors from tools/contextual_article_vectors.py instead of static ones",
    )
    parser.add_argument("--contextual-kind", default="sentences", choices=("sentences", "lead"))
    parser.add_argument(
        "--pair-model", action="store_true", help="cross-validate learned pair models on dev"
    )
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"no corpus at {CORPUS.relative_to(ROOT.parent)}; nothing to measure")
        return 0
    labels, events = labelled()
    if args.contextual is not None:
        use_contextual_vectors(args.contextual, args.contextual_kind)
    if args.pair_model:
        pair_model_cv(labels, events)
        return 0
    default = GroupingConfig()
    joins = _values(args.join, default.join_at)
    leads = _values(args.lead, default.lead_at)
    attaches = _values(args.attach, default.attach_at)
    margins = _values(args.margin, default.attach_margin)
    shorts = [int(v) for v in _values(args.short_terms, default.short_page_terms)]
    froms = [int(v) for v in _values(args.attach_from, default.attach_from)]
    meanings = _values(args.meaning, default.meaning_weight)
    floors = _values(args.meaning_from, default.meaning_from)
    for join, lead, attach, margin, short, size, meaning, floor in itertools.product(
        joins, leads, attaches, margins, shorts, froms, meanings, floors
    ):
        grouping = replace(
            default,
            join_at=join,
            lead_at=lead,
            attach_at=attach,
            attach_margin=margin,
            short_page_terms=short,
            attach_from=size,
            meaning_weight=meaning,
            meaning_from=floor,
        )
        if args.check_from is not None:
            grouping = replace(grouping, lead_check_from=args.check_from)
        options = BatchOptions(finder=args.finder, grouping=grouping)
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            stories = group_pile([str(CORPUS)], work, options)
            seconds = time.perf_counter() - started
        multi = sum(1 for s in stories if len(s) > 1)
        print(
            f"finder {args.finder}, join at {join}, lead check at {lead}, short pages "
            f"(<= {short} terms, groups <= {size}) attached at {attach} (margin {margin}), "
            f"meaning {meaning} over {floor}: "
            f"{len(stories)} stories "
            f"({multi} of 2+, largest {max(len(s) for s in stories)}), {seconds:.1f} s"
        )
        hide = {"dev": "heldout", "heldout": "dev", "both": None}[args.split]
        for name, (good, total) in scores(stories, labels, events, hide).items():
            if hide is not None and f"({hide})" in name:
                continue
            print(f"  {name:<40} {good / total:7.1%}  ({good}/{total} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
