"""Of the links an earlier aligner made, how many wrong ones are gone and right ones kept?

The question a careful reader's verdicts ask: take the links an older
version of newsdiff made on real coverage, judge each (here: by the
real-coverage gold beside the repository, a link being a pair of gold
sentences that shared one of its units), and see which the current
aligner still makes. Two steps, so the older aligner can be any commit:

    git worktree add ../newsdiff-old <commit>
    PYTHONPATH=../newsdiff-old .venv/bin/python tools/links_kept.py dump old.json
    .venv/bin/python tools/links_kept.py dump new.json
    .venv/bin/python tools/links_kept.py compare old.json new.json

``dump`` imports only what every version since the first gold scorer has
(``align``, ``load_article_set``, the gold reader), so it runs against old
checkouts; the gold sets are found in ``NEWSDIFF_REAL_GOLD`` or
``../real-gold`` beside this repository.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def gold_root() -> Path:
    named = os.environ.get("NEWSDIFF_REAL_GOLD")
    return Path(named) if named else HERE.parent / "real-gold"


def dump(out: Path) -> None:
    from newsdiff_gui.engine.align.aligner import align
    from newsdiff_gui.engine.align.evaluate import GoldStandard, _map_sentences
    from newsdiff_gui.engine.load.articles import load_article_set

    root = gold_root()
    found: dict[str, list[tuple[str, str]]] = {}
    for gold_path in sorted(root.glob("*/*/gold.json")):
        gold = GoldStandard.read(gold_path)
        alignment = align(load_article_set([gold_path.parent / f for f in gold.files]))
        mapping = _map_sentences(gold, alignment)
        pairs: set[tuple[str, str]] = set()
        for unit in alignment.units:
            mapped = sorted(set().union(*(mapping.get(m, set()) for m in unit.members)))
            for a, b in itertools.combinations(mapped, 2):
                if gold.spans[a][0] != gold.spans[b][0]:
                    pairs.add((a, b))
        found[gold_path.parent.relative_to(root).as_posix()] = sorted(pairs)
    out.write_text(json.dumps(found, indent=0), encoding="utf-8")
    print(f"{len(found)} sets written to {out}")


def compare(old_path: Path, new_path: Path) -> None:
    from newsdiff_gui.engine.align.evaluate import GoldStandard

    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    for name in sorted(old):
        gold = GoldStandard.read(gold_root() / name / "gold.json")
        right_pairs = {tuple(sorted(p)) for p in gold.pairs}
        before = {tuple(p) for p in old[name]}
        after = {tuple(p) for p in new.get(name, [])}
        judged_wrong, judged_right = before - right_pairs, before & right_pairs
        row = [
            len(judged_wrong),
            len(judged_wrong & after),
            len(judged_right),
            len(judged_right & after),
        ]
        print(
            f"{name:<24} wrong {row[0]:3d}, still made {row[1]:3d} | "
            f"right {row[2]:3d}, still made {row[3]:3d}"
        )
        split = name.split("/")[0]
        totals[split] = [x + y for x, y in zip(totals.get(split, [0] * 4), row, strict=True)]
    for split, (wrong, wrong_kept, right, right_kept) in totals.items():
        print(
            f"{split}: wrong links still made {wrong_kept}/{wrong} "
            f"({wrong_kept / max(1, wrong):.2f}); right links still made "
            f"{right_kept}/{right} ({right_kept / max(1, right):.2f})"
        )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
