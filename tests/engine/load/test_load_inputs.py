"""Loading what users actually drop on the window (issue 8).

Each bad input is loaded between two good files: the bad one must be
skipped with a reason that names the problem, the good ones must load as
``d0`` and ``d1``, and nothing may be written to any input. Binary and
large inputs are generated in ``tmp_path``; the hand-written saved web pages
and Markdown live in ``tests/data/inputs/``.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from support.locations import DATA as TEST_DATA

from newsdiff_gui.engine.load import articles as load
from newsdiff_gui.engine.load.articles import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    InputError,
    LoadReport,
    document_from_text,
    expand_inputs,
    load_article_set_lenient,
    load_document,
)
from newsdiff_gui.engine.load.set_limits import MAX_VERSIONS

DATA = TEST_DATA / "inputs"

GOOD_A = "Storm closes three ports\n\nA storm closed three ports on Friday, officials said.\n"
GOOD_B = "Ports shut by storm\n\nThree ports were shut on Friday, port officials said.\n"


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file: loading must change neither."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


@pytest.fixture
def good(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a_good.txt"
    b = tmp_path / "z_good.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    b.write_text(GOOD_B, encoding="utf-8")
    return a, b


def _load_between(good: tuple[Path, Path], bad: Path | str) -> tuple[LoadReport, InputError]:
    """Load good, bad, good; assert the good ones loaded; return the one skip."""
    folder = good[0].parent
    before = _snapshot(folder)
    report = load_article_set_lenient([good[0], bad, good[1]])
    assert [d.id for d in report.documents] == ["d0", "d1"]
    assert [Path(d.path).name for d in report.documents] == ["a_good.txt", "z_good.txt"]
    assert len(report.skipped) == 1, report.skipped_pairs
    assert report.skipped[0].path == str(bad)
    assert _snapshot(folder) == before, "loading changed an input file"
    return report, report.skipped[0]


# ------------------------------------------------------------- bad inputs


def test_missing_path(good: tuple[Path, Path], tmp_path: Path) -> None:
    _, error = _load_between(good, tmp_path / "nowhere.txt")
    assert error.reason == "no such file"


def test_folder_without_articles(good: tuple[Path, Path], tmp_path: Path) -> None:
    folder = tmp_path / "empty_folder"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    _, error = _load_between(good, folder)
    assert "folder holds no article files" in error.reason


def test_single_file_is_not_comparable(good: tuple[Path, Path]) -> None:
    report = load_article_set_lenient([good[0]])
    assert len(report.documents) == 1
    assert not report.comparable
    assert report.skipped == ()


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"], ids=["empty", "whitespace"])
def test_empty_file(good: tuple[Path, Path], tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "m_empty.txt"
    bad.write_bytes(content)
    _, error = _load_between(good, bad)
    assert error.reason == "is empty (no text to compare)"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pic.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        ("bundle.txt", b"PK\x03\x04" + bytes(200), "ZIP archive"),
        ("blob.txt", bytes(range(256)) * 8, "binary file"),
        ("noise.txt", bytes(range(1, 32)) * 64, "binary file"),
    ],
)
def test_binary_file(
    good: tuple[Path, Path], tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    _, error = _load_between(good, bad)
    assert expected in error.reason


def test_undecodable_bytes(good: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "m_bytes.txt"
    # 0x81 is undefined in cp1252 and invalid UTF-8: no decoder reads it.
    bad.write_bytes(b"Caf\xe9 owners said \x81 trade had collapsed.\n")
    _, error = _load_between(good, bad)
    assert "neither UTF-8, UTF-16 nor cp1252" in error.reason
    assert "0x81" in error.reason


@pytest.mark.parametrize(
    ("codec", "encoded_as"),
    [("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("latin-1", "cp1252")],
)
def test_encodings(tmp_path: Path, codec: str, encoded_as: str) -> None:
    text = "Café owners near the docks said “trade had collapsed” – 4,000 homes.\n"
    if codec == "latin-1":
        text = "Café owners near the docks said trade had collapsed, señor.\n"
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(codec))
    document = load_document(path, 0)
    assert document.text == text
    assert document.encoding == encoded_as


def test_utf16_without_bom(tmp_path: Path) -> None:
    text = "Storm closes ports. Officials said so.\n"
    path = tmp_path / "le.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert load_document(path, 0).text == text


def test_mixed_line_endings_keep_offsets(tmp_path: Path) -> None:
    text = (
        "Storm closes ports\r\n\r\nA storm hit.\rWinds rose.\nPower failed.\r\rPorts may reopen.\r"
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode("utf-8"))
    document = load_document(path, 0)
    assert document.text == text  # nothing normalised
    assert [s.text for s in document.sentences] == [
        "Storm closes ports",
        "A storm hit.",
        "Winds rose.",
        "Power failed.",
        "Ports may reopen.",
    ]
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    # A lone \r\r is a blank line: "Ports may reopen." starts a paragraph.
    assert document.sentences[-1].paragraph > document.sentences[-2].paragraph


def test_file_over_the_size_limit_is_refused_quickly(
    good: tuple[Path, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "m_huge.txt"
    line = b"The storm closed the ports on Friday, officials said. " * 20 + b"\n"
    with open(bad, "wb") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(line)
    assert bad.stat().st_size > MAX_FILE_BYTES
    started = time.perf_counter()
    _, error = _load_between(good, bad)
    assert time.perf_counter() - started < 2.0
    assert error.reason.startswith("is too large (20.0 MB")
    assert "up to 16 MB" in error.reason


def test_text_over_the_length_limit_is_refused(good: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "m_long.txt"
    bad.write_text("Word " * (MAX_TEXT_CHARS // 5 + 10), encoding="utf-8")
    _, error = _load_between(good, bad)
    assert error.reason.startswith("is too long (")


def test_longest_allowed_text_loads_in_linear_time(tmp_path: Path) -> None:
    sentence = "The storm closed three U.S. ports on Nov. 22, officials said. "
    text = "\n\n".join(sentence * 8 for _ in range(MAX_TEXT_CHARS // (len(sentence) * 8 + 2) - 1))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    document = load_document(path, 0)
    assert time.perf_counter() - started < 5.0  # measured about 0.3 s
    assert len(document.sentences) > MAX_TEXT_CHARS // 100


def test_single_200kb_line_is_not_quadratic(tmp_path: Path) -> None:
    sentence = "Officials said the U.S. storm closed ports on Nov. 22 as Mr. Reyes watched. "
    text = sentence * (200_000 // len(sentence))
    path = tmp_path / "one_line.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    document = load_document(path, 0)
    assert time.perf_counter() - started < 2.0  # was 20 s; measured 0.05 s
    assert len(document.sentences) == text.count("watched.")


@pytest.mark.parametrize(
    "text",
    # 200 KB, just under the length limit (MAX_TEXT_CHARS).
    ["." * 199_990 + "x", "a" + " " * 199_990 + "b", "x" * 199_990, "word " * 39_990],
    ids=["dots", "spaces", "one-word", "no-punctuation"],
)
def test_pathological_200kb_inputs(text: str) -> None:
    started = time.perf_counter()
    document = document_from_text(text, "odd.txt", 0)
    assert time.perf_counter() - started < 2.0
    kept = "".join("".join(s.text.split()) for s in document.sentences)
    assert kept == "".join(text.split())


def test_as_many_files_as_a_set_takes(tmp_path: Path) -> None:
    for number in range(MAX_VERSIONS):
        (tmp_path / f"{number:03d}.txt").write_text(
            f"Version {number}\n\nThe storm closed {number} ports on Friday, officials said.\n",
            encoding="utf-8",
        )
    started = time.perf_counter()
    report = load_article_set_lenient([tmp_path])
    assert time.perf_counter() - started < 10.0  # measured about 0.2 s
    assert len(report.documents) == MAX_VERSIONS
    assert report.documents[-1].id == f"d{MAX_VERSIONS - 1}"
    assert report.documents[-1].path.endswith(f"{MAX_VERSIONS - 1}.txt")


def test_duplicate_content_keeps_the_first(good: tuple[Path, Path], tmp_path: Path) -> None:
    copy = tmp_path / "m_copy.txt"
    shutil.copyfile(good[0], copy)
    _, error = _load_between(good, copy)
    assert error.reason == "duplicate of a_good.txt (same text, loaded as d0)"


def test_same_text_in_another_encoding_is_a_duplicate(
    good: tuple[Path, Path], tmp_path: Path
) -> None:
    copy = tmp_path / "m_copy16.txt"
    copy.write_bytes(GOOD_A.encode("utf-16"))
    _, error = _load_between(good, copy)
    assert error.reason.startswith("duplicate of a_good.txt")


def test_same_file_given_twice(good: tuple[Path, Path]) -> None:
    report = load_article_set_lenient([good[0], good[1], good[0]])
    assert [d.id for d in report.documents] == ["d0", "d1"]
    assert report.skipped_pairs == [(str(good[0]), "given twice (already loaded as d0)")]


def test_unreadable_file_via_access_check(
    good: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads anything, so the permission check is simulated here; the
    real check runs in ``test_unreadable_file_for_real`` when not root."""
    bad = tmp_path / "m_locked.txt"
    bad.write_text(GOOD_A + "locked", encoding="utf-8")
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        return False if Path(str(path)) == bad else real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(load.os, "access", access)
    _, error = _load_between(good, bad)
    assert error.reason == "permission denied (no read permission)"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read files without read permission",
)
def test_unreadable_file_for_real(good: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "m_locked.txt"
    bad.write_text(GOOD_A + "locked", encoding="utf-8")
    bad.chmod(0)
    try:
        _, error = _load_between(good, bad)
    finally:
        bad.chmod(0o644)
    assert error.reason == "permission denied (no read permission)"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loop(good: tuple[Path, Path], tmp_path: Path) -> None:
    loop = tmp_path / "m_loop.txt"
    try:
        loop.symlink_to(loop.name)
    except OSError:
        pytest.skip("cannot create symbolic links here")
    _, error = _load_between(good, loop)
    assert error.reason == "is a symbolic link loop"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(good: tuple[Path, Path], tmp_path: Path) -> None:
    fifo = tmp_path / "m_pipe.txt"
    os.mkfifo(fifo)
    _, error = _load_between(good, fifo)  # reading it would block forever
    assert "not a regular file" in error.reason


def test_folder_given_as_a_file_path_inside_a_set(good: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        load_document(tmp_path, 0)


def test_ids_stay_dense_after_skips(good: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_third.txt").write_text("Third version\n\nIt rained.\n", encoding="utf-8")
    report = load_article_set_lenient([tmp_path])
    assert [d.id for d in report.documents] == ["d0", "d1", "d2"]
    assert [Path(d.path).name for d in report.documents][1:] == ["c_third.txt", "z_good.txt"]
    assert [s.id for s in report.documents[1].sentences] == ["d1:s0", "d1:s1"]
    assert report.article_set.sentence("d1:s1").text == "It rained."
    assert report.skipped_pairs == [
        (str(tmp_path / "b_empty.txt"), "is empty (no text to compare)")
    ]


# ------------------------------------------------------------- formats


def test_folder_loads_supported_files_by_name_and_reports_others(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html"):
        shutil.copyfile(
            DATA / {"b.md": "wire.md", "a.txt": "plain.txt", "c.html": "harbor_times.html"}[name],
            tmp_path / name,
        )
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / "page_files").mkdir()
    report = load_article_set_lenient([tmp_path])
    assert [Path(d.path).name for d in report.documents] == ["a.txt", "b.md", "c.html"]
    assert report.skipped_pairs == [
        (str(tmp_path / "photo.jpg"), "not a file type newsdiff reads (.jpg)")
    ]
    assert expand_inputs([tmp_path]) == [tmp_path / "a.txt", tmp_path / "b.md", tmp_path / "c.html"]


def test_saved_page_harbor_times() -> None:
    document = load_document(DATA / "harbor_times.html", 0)
    assert document.title == "Storm closes ports along the coast"
    assert document.outlet == "Harbor Times"
    assert document.date == "2024-11-22"
    assert document.encoding == "html"
    text = document.text
    assert text.startswith("Storm closes ports along the coast\n\n")
    assert "A powerful storm forced the closure of three major ports on Friday" in text
    assert "Authorities expect the ports to reopen on Sunday" in text
    for chrome in (
        "Home",
        "Subscribe now",
        "Share on Facebook",
        "Most read",
        "Celebrity chef",
        "All rights reserved",
        "Privacy policy",
    ):
        assert chrome not in text, chrome
    assert [s.text for s in document.sentences][1].startswith("A powerful storm")
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_saved_page_coastal_daily() -> None:
    document = load_document(DATA / "coastal_daily.htm", 0)
    assert document.title == "Ports shut as storm batters coast"
    assert document.outlet == "Coastal Daily"
    assert document.date == "2024-11-23"
    text = document.text
    assert "Three ports were shut on Friday" in text
    assert "“never seen waves like this in November”" in text
    assert "Café owners" in text
    for chrome in (
        "cookies",
        "Log in",
        "Tweet",
        "Related stories",
        "how to prepare",
        "Contact us",
        "Advertise",
        "Newsletter",
    ):
        assert chrome not in text, chrome


def test_web_page_saved_as_txt_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    shutil.copyfile(DATA / "harbor_times.html", path)
    document = load_document(path, 0)
    assert document.encoding == "html"
    assert "<p>" not in document.text


def test_markdown_chrome_is_boilerplate_and_heading_is_title() -> None:
    document = load_document(DATA / "wire.md", 0)
    assert document.title == "Storm shuts three ports"
    reasons = {s.text: s.boilerplate for s in document.sentences}
    assert reasons["# Storm shuts three ports"] is None
    assert reasons["![Waves hitting the harbour wall](img/waves.jpg)"] == "markdown image"
    assert reasons["---"] == "markdown rule"
    assert reasons["[Read more on our site](https://example.org/storm)"] == "link only"
    assert reasons["## What happens next"] is None  # a subhead, not a caption fragment
    assert document.text == (DATA / "wire.md").read_text(encoding="utf-8")


def _docx_bytes(paragraphs: list[str], title: str = "") -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(
        _docx_bytes(
            ["Storm closes ports", "", "A storm closed three ports.", "Power failed."],
            title="Storm story",
        )
    )
    document = load_document(path, 0)
    assert document.text == "Storm closes ports\n\nA storm closed three ports.\n\nPower failed."
    assert document.title == "Storm story"
    assert document.encoding == "docx"
    assert [s.text for s in document.sentences][-1] == "Power failed."


def test_docx_saved_as_txt_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(_docx_bytes(["Storm closes ports.", "Power failed."]))
    assert load_document(path, 0).text == "Storm closes ports.\n\nPower failed."


def test_broken_docx(good: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "m_broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    _, error = _load_between(good, bad)
    assert "Word document" in error.reason


def test_missing_optional_library_is_an_input_error(
    good: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now fails
    bad = tmp_path / "m_page.html"
    shutil.copyfile(DATA / "harbor_times.html", bad)
    _, error = _load_between(good, bad)
    assert "needs the Python package 'trafilatura'" in error.reason


# ------------------------------------------------------------- manifests


def _copy_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    shutil.copytree(DATA, folder)
    return folder


def test_manifest_in_folder_orders_and_overrides(tmp_path: Path) -> None:
    folder = _copy_inputs(tmp_path)
    report = load_article_set_lenient([folder])
    names = [Path(d.path).name for d in report.documents]
    assert names == ["harbor_times.html", "plain.txt", "wire.md"]  # manifest order
    first, second, third = report.documents
    assert (first.outlet, first.date) == ("Harbor Times (print)", "2024-11-21")  # over the page's
    assert first.title == "Storm closes ports along the coast"  # not overridden: kept
    assert (second.outlet, second.title) == ("Wire copy", "Storm wire")
    assert third.title == "Storm shuts three ports"  # guessed
    # coastal_daily.htm is in the folder but not listed: the manifest defines the set.
    assert report.skipped == ()


def test_manifest_given_directly_and_as_csv(tmp_path: Path) -> None:
    folder = _copy_inputs(tmp_path)
    (folder / "newsdiff.json").unlink()
    manifest = folder / "manifest.csv"
    manifest.write_text(
        "file,outlet,date,title\ncoastal_daily.htm,Coastal,2024-11-24,\nplain.txt,,,Plain\n",
        encoding="utf-8",
    )
    for given in (folder, manifest):
        report = load_article_set_lenient([given])
        assert [Path(d.path).name for d in report.documents] == ["coastal_daily.htm", "plain.txt"]
        assert report.documents[0].outlet == "Coastal"
        assert report.documents[0].date == "2024-11-24"
        assert report.documents[0].title == "Ports shut as storm batters coast"
        assert report.documents[1].title == "Plain"


def test_manifest_problems_are_reported(good: tuple[Path, Path], tmp_path: Path) -> None:
    manifest = tmp_path / "newsdiff.json"
    manifest.write_text('{"documents": [{"outlet": "no file"}, {"file": "gone.txt"}]}', "utf-8")
    report = load_article_set_lenient([good[0], manifest, good[1]])
    assert [d.id for d in report.documents] == ["d0", "d1"]
    assert report.skipped_pairs == [
        (f"{manifest} entry 1", "names no file (needs a 'file' field)"),
        (str(tmp_path / "gone.txt"), "no such file"),
    ]
    manifest.write_text("{not json", encoding="utf-8")
    _, error = _load_between(good, manifest)
    assert error.reason.startswith("this manifest is not valid JSON")


# ------------------------------------------------------------- pasted text


def test_document_from_text() -> None:
    document = document_from_text("Pasted headline\r\n\r\nOfficials said it.", "Pasted 1", 3)
    assert document.id == "d3"
    assert document.path == "Pasted 1"
    assert document.title == "Pasted headline"
    assert document.encoding == "pasted"
    assert [s.id for s in document.sentences] == ["d3:s0", "d3:s1"]
    with pytest.raises(InputError, match="is empty"):
        document_from_text(" \n ", "Pasted 2", 4)


def test_progress_callback(good: tuple[Path, Path]) -> None:
    calls: list[tuple[int, int]] = []
    load_article_set_lenient(list(good), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
