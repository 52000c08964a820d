"""Do two versions get the same links with only them open as with the whole set?

For every development gold set (the seeds, the invented stories and, when
present, the real-coverage sets) and every pair of its versions, the sentence
pairs linked between the two are compared when the whole set is aligned and
when only the two are. Printed: pairs linked in both views, only with all
open, only with the two open, and the agreement (both / all three).

Usage (from the repository root):

    .venv/bin/python -m tools.view_agreement [--test]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.model import Alignment
from tools.gold_sets import gold_sets, real_gold_sets


def linked_between(alignment: Alignment, first: Path, second: Path) -> set[tuple[int, int]]:
    """Sentence pairs (by start offset) that share a unit, ``first`` to ``second``."""
    path_of = {d.id: d.path for d in alignment.documents}
    start_of = {s.id: s.start for d in alignment.documents for s in d.sentences}
    found = set()
    for unit in alignment.units:
        left = [m for m in unit.members if path_of[m.split(":")[0]] == str(first)]
        right = [m for m in unit.members if path_of[m.split(":")[0]] == str(second)]
        found |= {(start_of[a], start_of[b]) for a in left for b in right}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="the test sets instead")
    args = parser.parse_args()
    group = "test" if args.test else "dev"
    both = only_all = only_two = 0
    for _name, _gold, files in gold_sets(group) + real_gold_sets(group):
        whole = align(load_article_set(files))
        for first, second in itertools.combinations(files, 2):
            two = align(load_article_set([first, second]))
            in_whole = linked_between(whole, first, second)
            in_two = linked_between(two, first, second)
            both += len(in_whole & in_two)
            only_all += len(in_whole - in_two)
            only_two += len(in_two - in_whole)
    total = max(1, both + only_all + only_two)
    print(
        f"{group}: linked in both views {both}, only with all open {only_all}, "
        f"only with the two open {only_two}; agreement {both / total:.3f}"
    )


if __name__ == "__main__":
    main()
