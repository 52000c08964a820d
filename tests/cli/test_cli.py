"""The command line: the alignment contract, the terminal diff, version and help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import ROOT, newsdiff

from newsdiff_gui.paths import seed_files, seeds_dir


@pytest.fixture(scope="module")
def contract() -> dict:
    done = newsdiff("align", *map(str, seed_files()), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_align_json_follows_the_contract(contract: dict) -> None:
    assert contract["schema"] == "newsdiff-alignment/1"
    assert len(contract["documents"]) == 5
    ids = set()
    for document in contract["documents"]:
        assert {"id", "path", "title", "outlet", "text", "paragraphs", "sentences"} <= set(document)
        text = document["text"]
        for sentence in document["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
            ids.add(sentence["id"])
    for unit in contract["units"]:
        assert set(unit["members"]) <= ids
    for link in contract["links"]:
        assert set(link["a"]) <= ids and set(link["b"]) <= ids
        assert link["relation"] in {"verbatim", "reworded", "partial"}
        assert 0 <= link["score"] <= 1


def test_align_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = newsdiff("align", str(seeds_dir()), "-o", str(out))
    assert done.returncode == 0 and done.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "newsdiff-alignment/1"


def test_diff_is_plain_when_piped() -> None:
    a, b = seed_files()[1], seed_files()[2]
    done = newsdiff("diff", str(a), str(b))
    assert done.returncode == 0
    assert "\033[" not in done.stdout
    assert "[-" in done.stdout and "{+" in done.stdout
    assert "shared" in done.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: (p / "empty.txt").write_text("  \n") and p / "empty.txt", "empty"),
        (
            lambda p: (
                (p / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)) and p / "pic.txt"
            ),
            "PNG",
        ),
    ],
)
def test_bad_file_alone_is_one_line_and_exit_3(tmp_path: Path, make, reason: str) -> None:
    bad = make(tmp_path)
    done = newsdiff("align", str(bad), str(seed_files()[0]))
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert bad.name in done.stderr and reason in done.stderr


def test_version_and_help_list_the_commands() -> None:
    assert newsdiff("--version").stdout.startswith("newsdiff ")
    help_text = newsdiff("--help").stdout
    for command in ("align", "diff", "eval", "pairs"):
        assert command in help_text


def test_eval_matches_the_gold_scorer_floor() -> None:
    gold = ROOT / "tests" / "data" / "gold" / "seeds" / "seeds-alignment.json"
    done = newsdiff("eval", str(gold), str(seeds_dir()), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pairs"]["f1"] >= 0.80


def test_pairs_keeps_one_line_per_input(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "p1\tFour U.S. officials told Reuters the plan was ready.\t"
        "4 US officers informed Reuters the scheme was prepared.\n"
        "p2\tThe CIA declined to comment.\tMaduro celebrates his birthday on Sunday.\n",
        encoding="utf-8",
    )
    done = newsdiff("pairs", str(tsv))
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert [line[0] for line in lines] == ["p1", "p2"]
    assert lines[0][2] == "1" and lines[1][2] == "0"


def test_pairs_tells_a_restatement_from_another_fact_about_the_same_people(
    tmp_path: Path,
) -> None:
    """The pair model reads both passages at once: names and topic in common
    are not the same fact; the lexical method is still there on request."""
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "id\ttext_a\ttext_b\n"
        "same\tPutin arrived almost an hour late for his meeting with Trump in Helsinki.\t"
        "Vladimir Putin kept Donald Trump waiting for nearly an hour in Helsinki.\n"
        "other\tTrump and Putin will hold their first summit in Helsinki on Monday.\t"
        "Putin arrived almost an hour late for his meeting with Trump in Helsinki.\n",
        encoding="utf-8",
    )
    done = newsdiff("pairs", str(tsv))
    assert done.returncode == 0, done.stderr
    header, same, other = (line.split("\t") for line in done.stdout.splitlines())
    assert header == ["id", "score", "linked", "similarity"]
    assert same[2] == "1" and other[2] == "0"
    assert float(same[1]) > float(other[1]) and 0 <= float(same[3]) <= 5
    lexical = newsdiff("pairs", str(tsv), "--method", "lexical")
    assert lexical.returncode == 0 and len(lexical.stdout.splitlines()[1].split("\t")) == 3
