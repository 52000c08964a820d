"""``newsdiff align --json`` lists the possible partners; ``newsdiff changes``
reads links only, so it never reports a typed change across one.

The bridge story (``support.suggestions``) runs in this process, with the
stand-in link model that doubts the one pair whose numbers conflict, so the
suggestion is known; the seeds run as a user runs them (a separate process,
the bundled model) for the property that holds whatever the model doubts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import newsdiff
from support.suggestions import (
    DOUBT,
    TOLL_DAILY,
    TOLL_WIRE,
    use_toll_doubting_model,
    write_bridge_story,
)

from newsdiff_gui.cli import main
from newsdiff_gui.engine.annotate.corrections import dismiss_correction, link_correction
from newsdiff_gui.engine.annotate.notes import NotesStore
from newsdiff_gui.engine.load.articles import load_article_set
from newsdiff_gui.paths import seed_files


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def _sentence(alignment: dict, fragment: str) -> dict:
    return next(s for d in alignment["documents"] for s in d["sentences"] if fragment in s["text"])


def _across(changes: list[dict], a: dict, b: dict) -> list[dict]:
    """Changes with one side inside sentence ``a`` and the other inside ``b``."""

    def inside(side: dict | None, sentence: dict) -> bool:
        return (
            side is not None
            and side["document"] == sentence["id"].split(":")[0]
            and side["start"] < sentence["end"]
            and sentence["start"] < side["end"]
        )

    return [
        c
        for c in changes
        if (inside(c["a"], a) and inside(c["b"], b)) or (inside(c["a"], b) and inside(c["b"], a))
    ]


@pytest.fixture
def bridge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    use_toll_doubting_model(monkeypatch)
    return [str(p) for p in write_bridge_story(tmp_path / "bridge")]


def test_align_json_lists_the_suggestion_and_no_link_for_it(bridge, capsys) -> None:
    alignment = _run(capsys, "align", *bridge, "--json")
    wire, daily = _sentence(alignment, TOLL_WIRE), _sentence(alignment, TOLL_DAILY)
    assert alignment["suggestions"] == [{"a": [wire["id"]], "b": [daily["id"]], "score": DOUBT}]
    assert not any(
        wire["id"] in link["a"] + link["b"] and daily["id"] in link["a"] + link["b"]
        for link in alignment["links"]
    )


def test_changes_never_reads_across_a_suggestion_until_it_is_linked(bridge, capsys) -> None:
    alignment = _run(capsys, "align", *bridge, "--json")
    wire, daily = _sentence(alignment, TOLL_WIRE), _sentence(alignment, TOLL_DAILY)
    changes = _run(capsys, "changes", *bridge, "--json", "--all")["changes"]
    assert _across(changes, wire, daily) == []
    # The two sentences are read as what they are now: one omitted, one added.
    types = {(c["type"], (c["a"] or c["b"])["start"]) for c in changes}
    assert ("omitted", wire["start"]) in types and ("added", daily["start"]) in types

    # The reader confirms the partner (stored with the notes, as the app does).
    article_set = load_article_set(bridge)
    NotesStore(article_set).add_correction(link_correction(article_set, wire["id"], daily["id"]))
    linked = _run(capsys, "changes", *bridge, "--json")["changes"]
    assert "number" in {c["type"] for c in _across(linked, wire, daily)}
    assert _run(capsys, "align", *bridge, "--json")["suggestions"] == []


def test_a_dismissed_suggestion_is_no_longer_listed(bridge, capsys) -> None:
    alignment = _run(capsys, "align", *bridge, "--json")
    wire, daily = _sentence(alignment, TOLL_WIRE), _sentence(alignment, TOLL_DAILY)
    article_set = load_article_set(bridge)
    NotesStore(article_set).add_correction(dismiss_correction(article_set, wire["id"], daily["id"]))
    assert _run(capsys, "align", *bridge, "--json")["suggestions"] == []
    # The aligner's own view (--no-corrections) still has it.
    raw = _run(capsys, "align", *bridge, "--json", "--no-corrections")
    assert len(raw["suggestions"]) == 1


def test_on_the_seeds_no_change_crosses_any_suggestion() -> None:
    """Whatever the bundled model doubts on the seeds, ``changes`` over every
    pair reports nothing typed across those pairs."""
    seeds = [str(p) for p in seed_files()]
    done = newsdiff("align", *seeds, "--json")
    assert done.returncode == 0, done.stderr
    alignment = json.loads(done.stdout)
    assert "suggestions" in alignment
    by_id = {s["id"]: s for d in alignment["documents"] for s in d["sentences"]}
    done = newsdiff("changes", *seeds, "--json", "--all-pairs", "--all")
    assert done.returncode == 0, done.stderr
    changes = json.loads(done.stdout)["changes"]
    assert alignment["suggestions"], "the seeds have doubted links and recovered offers"
    for suggestion in alignment["suggestions"]:
        assert suggestion["score"] < 1
        for a in suggestion["a"]:
            for b in suggestion["b"]:
                assert _across(changes, by_id[a], by_id[b]) == [], (a, b)
