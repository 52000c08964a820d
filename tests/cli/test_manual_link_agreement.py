"""After a reader links two sentences by hand, every front end agrees.

``newsdiff changes``, ``newsdiff export --format json``, ``newsdiff align`` and
the app's own path (the window's load work, then the change reader on the
pair view's rows) all open the set through ``engine.session.open_set``. Before
that, ``changes`` and ``align`` aligned afresh and ignored the correction.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import newsdiff

from newsdiff_gui.engine.annotate.corrections import link_correction
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.changes import read_changes
from newsdiff_gui.engine.compare.pairing import RowKind, pair_rows
from newsdiff_gui.engine.load.articles import load_article_set_lenient
from newsdiff_gui.engine.model import Sentence
from newsdiff_gui.engine.session.open_set import open_set
from newsdiff_gui.paths import seed_files
from newsdiff_gui.ui.sets.loading import load_and_align


@pytest.fixture
def linked() -> tuple[Sentence, Sentence]:
    """Store a manual link between a sentence only the first seed has and one
    only the second has (in the test's private data folder, which the
    command-line processes inherit); return the two sentences."""
    seeds = [str(p) for p in seed_files()]
    opened = open_set(seeds, keep_duplicates=True)
    left, right = opened.alignment.documents[:2]
    rows = pair_rows(opened.alignment, left, right)
    a = next(r.left[0] for r in rows if r.kind == RowKind.ONLY_LEFT)
    b = next(r.right[0] for r in rows if r.kind == RowKind.ONLY_RIGHT)
    article_set = load_article_set_lenient(seeds, keep_duplicates=True).article_set
    NotesStore(article_set).add_correction(link_correction(article_set, a.id, b.id))
    return a, b


def _json(*args: str) -> dict:
    done = newsdiff(*args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_changes_export_align_and_the_app_agree_after_a_manual_link(
    linked: tuple[Sentence, Sentence], tmp_path: Path
) -> None:
    a, b = (s.id for s in linked)
    seeds = [str(p) for p in seed_files()]
    changes = _json("changes", *seeds, "--json")["changes"]
    out = tmp_path / "report.json"
    done = newsdiff("export", *seeds, "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["changes"] == changes
    assert len(exported["corrections"]) == 1

    # The link is in every alignment the commands print ...
    manual = [k for k in _json("align", *seeds, "--json")["links"] if k.get("manual")]
    assert [(k["a"], k["b"]) for k in manual] in ([([a], [b])], [([b], [a])])

    # ... and it matters: without it the second version omits the first sentence.
    def omits(listed: list[dict]) -> bool:
        first, second = linked
        pair = [first.id.split(":")[0], second.id.split(":")[0]]
        return any(
            c["type"] == "omitted" and c["documents"] == pair and c["a"]["start"] == first.start
            for c in listed
        )

    assert omits(_json("changes", *seeds, "--json", "--no-corrections")["changes"])
    assert not omits(changes)

    # The app: the window's load work (Qt-free), then the change reader on the
    # pair view's rows, for the pair it opens on (the first two versions).
    loaded = load_and_align(seeds)(lambda: False, lambda *_: None)
    app_set = loaded.opened
    assert app_set is not None and not loaded.skipped
    alignment = app_set.alignment
    left, right = alignment.documents[:2]
    rows = {(left.id, right.id): pair_rows(alignment, left, right)}
    app_changes = read_changes(alignment, [(left, right)], True, rows=rows)
    cli_pair = _json("changes", *seeds, "--json", "--pair", left.id, right.id, "--all")
    assert [c.as_dict() for c in app_changes] == cli_pair["changes"]
