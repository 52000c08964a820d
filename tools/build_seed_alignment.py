"""Write the bundled example's alignment into the package (newsdiff_gui/data).

Why: on a fresh install the alignment cache is empty, so the first start
aligned the example set before drawing it (0.64 s to the first rows instead
of 0.45 s from the cache). The entry ships with the package under the cache
key of this aligner; ``AlignmentCache`` uses it only when the key matches,
and ``tests/engine/align/test_bundled_seed_alignment.py`` fails when the
aligner changed without it being rebuilt.

Usage (from the repository root):

    .venv/bin/python -m tools.build_seed_alignment
"""

from __future__ import annotations

import json
from pathlib import Path

from newsdiff_gui.engine.align.aligner import align
from newsdiff_gui.engine.align.cache import BUNDLED_ENTRY, entry_key
from newsdiff_gui.engine.contract import alignment_to_dict
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.engine.store.atomic import write_text_atomic
from newsdiff_gui.paths import seed_files
from tools.gold_sets import ROOT

OUT = ROOT / "newsdiff_gui" / "data" / BUNDLED_ENTRY


def main() -> None:
    article_set = load_article_set(seed_files())
    alignment = alignment_to_dict(align(article_set))
    for document in alignment["documents"]:
        # Where this checkout lives is no part of the alignment (and must not ship).
        document["path"] = Path(document["path"]).name
    payload = {"key": entry_key(article_set, None), "alignment": alignment}
    write_text_atomic(OUT, json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
