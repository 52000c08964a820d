"""Property tests: segmentation never loses or duplicates text, and loading
never writes to its inputs, whatever the text looks like.

Invariant (segment.py's contract): sentences are in order and do not
overlap, each one's ``text`` is ``document.text[start:end]`` with no
surrounding whitespace, and everything outside the sentences is whitespace —
so every non-space character is in exactly one sentence.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff_gui.engine.load.articles import (
    InputError,
    document_from_text,
    load_article_set_lenient,
)
from newsdiff_gui.engine.model import Document
from newsdiff_gui.engine.segment.sentences import segment_document

_PIECES = st.sampled_from(
    [
        "U.S.",
        "Mr.",
        "Nov. 22",
        "R.",
        "(Reuters)",
        "WASHINGTON",
        "—",
        "“",
        "”",
        "'",
        '"',
        ".",
        "...",
        "?!",
        "…",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "\r\r",
        "\u2028",
        "\u00a0",
        "# ",
        "---",
        "![x](y.png)",
        "[link](http://x)",
        "Photo: AP",
        "Share this",
        "The",
        "storm",
        "closed",
        "ports",
        "officials said",
        "é",
        "中文",
        "🙂",
        "x" * 300,
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(_PIECES, max_size=80).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=60).map("".join),
)


def _check(document: Document) -> None:
    text = document.text
    cursor = 0
    outside = []
    for sentence in document.sentences:
        assert cursor <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        outside.append(text[cursor : sentence.start])
        cursor = sentence.end
        paragraph = document.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
    outside.append(text[cursor:])
    assert all(not gap.strip() for gap in outside), outside
    ids = [s.id for s in document.sentences]
    assert ids == [f"{document.id}:s{i}" for i in range(len(ids))]
    kept = "".join("".join(s.text.split()) for s in document.sentences)
    assert kept == "".join(text.split())


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_sentences_cover_every_non_space_character_once(text: str) -> None:
    _check(segment_document(Document("d0", "t.txt", text, "t", "o"), 0))


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_carriage_returns_segment_like_newlines(text: str) -> None:
    """Old Mac line endings give the same sentences as Unix ones."""
    unix = text.replace("\r\n", "\n").replace("\r", "\n")
    old_mac = unix.replace("\n", "\r")
    a = segment_document(Document("d0", "a", unix, "t", "o"), 0)
    b = segment_document(Document("d0", "b", old_mac, "t", "o"), 0)
    _check(b)
    assert [(s.start, s.end, s.boilerplate) for s in a.sentences] == [
        (s.start, s.end, s.boilerplate) for s in b.sentences
    ]


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_pasted_text_is_kept_exactly(text: str) -> None:
    try:
        document = document_from_text(text, "Pasted", 2)
    except InputError as error:
        assert not text.strip()
        assert error.reason == "is empty (no text to compare)"
        return
    assert document.text == text
    _check(document)


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(_TEXT, _ENCODINGS, st.binary(max_size=64)), min_size=1, max_size=5))
def test_loading_never_writes_to_inputs(
    tmp_path: Path, files: list[tuple[str, str, bytes]]
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example
    for number, (text, codec, junk) in enumerate(files):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            data = junk  # arbitrary bytes: binary, undecodable or lucky text
        (folder / f"{number}.txt").write_bytes(data)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    report = load_article_set_lenient([folder])
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before
    assert len(report.documents) + len(report.skipped) == len(files)
    assert [d.id for d in report.documents] == [f"d{i}" for i in range(len(report.documents))]
    for document in report.documents:
        _check(document)
