"""The CLI on bad inputs (issue 8): exit codes, one line per problem, no traceback.

Run as a user would, in a subprocess (``python -m newsdiff_gui``): 0 ok,
2 usage error, 3 input error; each skipped file is one warning line naming
the file and the reason, and the command goes on while two versions remain.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.locations import DATA as TEST_DATA

from newsdiff_gui import cli

DATA = TEST_DATA / "inputs"
GOOD_A = "Storm closes three ports\n\nA storm closed three ports on Friday, officials said.\n"
GOOD_B = "Ports shut by storm\n\nThree ports were shut on Friday, port officials said.\n"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_clean(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


@pytest.fixture
def good(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    b.write_text(GOOD_B, encoding="utf-8")
    return a, b


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Every bad input of the issue that a subprocess can see, with its reason."""
    bad = tmp_path / "bad"
    bad.mkdir()
    cases: dict[str, tuple[Path, str]] = {}

    def make(name: str, data: bytes, reason: str) -> None:
        path = bad / name
        path.write_bytes(data)
        cases[name] = (path, reason)

    make("empty.txt", b"", "is empty (no text to compare)")
    make("blank.txt", b" \n\r\n\t", "is empty (no text to compare)")
    make("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "this is a PNG image, not an article text")
    make("paper.txt", b"%PDF-1.4\n", "this is a PDF document, not an article text")
    make("bundle.txt", b"PK\x03\x04\x00\x00", "this is a ZIP archive (or Office document)")
    make("bytes.txt", b"caf\xe9 \x81\x8d", "its bytes are neither UTF-8, UTF-16 nor cp1252 text")
    make("copy.txt", GOOD_A.encode(), "duplicate of a.txt (same text, loaded as d0)")
    with open(bad / "huge.txt", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse: 20 MB without writing them
    cases["huge.txt"] = (
        bad / "huge.txt",
        "is too large (20.0 MB; newsdiff reads files up to 16 MB)",
    )
    (bad / "loop.txt").symlink_to("loop.txt")
    cases["loop.txt"] = (bad / "loop.txt", "is a symbolic link loop")
    cases["missing.txt"] = (bad / "missing.txt", "no such file")
    empty_folder = bad / "empty_folder"
    empty_folder.mkdir()
    cases["empty_folder"] = (empty_folder, "folder holds no article files")
    return cases


def test_each_bad_input_is_one_warning_and_the_rest_aligns(
    good: tuple[Path, Path], tmp_path: Path
) -> None:
    cases = _bad_files(tmp_path)
    for name, (path, reason) in cases.items():
        result = _run("align", "--json", good[0], path, good[1])
        lines = _assert_clean(result)
        assert result.returncode == 0, (name, result.stderr)
        assert len(lines) == 1, (name, lines)
        # Some reasons go on with details (the undecodable byte, the file types).
        assert lines[0].startswith(f"newsdiff: warning: {path}: {reason}"), (name, lines)
        assert lines[0].endswith("(skipped)")
        documents = json.loads(result.stdout)["documents"]
        assert [d["path"] for d in documents] == [str(good[0]), str(good[1])]
        assert [d["id"] for d in documents] == ["d0", "d1"]


def test_single_file_is_nothing_to_compare(good: tuple[Path, Path]) -> None:
    result = _run("align", good[0])
    assert result.returncode == 3
    assert _assert_clean(result) == [
        "newsdiff: only 1 version given — nothing to compare (give at least 2 files or a folder)"
    ]
    assert result.stdout == ""


def test_single_missing_file_is_one_line(tmp_path: Path) -> None:
    result = _run("align", tmp_path / "nowhere.txt")
    assert result.returncode == 3
    assert _assert_clean(result) == [f"newsdiff: {tmp_path / 'nowhere.txt'}: no such file"]


def test_fewer_than_two_after_skipping(good: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run("align", good[0], empty)
    assert result.returncode == 3
    assert _assert_clean(result) == [
        f"newsdiff: warning: {empty}: is empty (no text to compare) (skipped)",
        "newsdiff: only 1 version could be loaded (1 skipped) — nothing to compare",
    ]


def test_folder_with_mixed_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("harbor_times.html", "coastal_daily.htm", "wire.md", "plain.txt"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    (folder / "cp1252.txt").write_bytes(
        "Café owners said trade had “collapsed” after the storm.\r\n".encode("cp1252")
    )
    (folder / "utf16.txt").write_bytes(
        "Ports reopened on Sunday.\rShips came in.\r".encode("utf-16")
    )
    result = _run("align", "--json", folder)
    assert result.returncode == 0, result.stderr
    assert _assert_clean(result) == []
    documents = json.loads(result.stdout)["documents"]
    assert [Path(d["path"]).name for d in documents] == [
        "coastal_daily.htm",
        "cp1252.txt",
        "harbor_times.html",
        "plain.txt",
        "utf16.txt",
        "wire.md",
    ]
    for document in documents:  # offsets index the text the contract carries
        for sentence in document["sentences"]:
            assert document["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    page = documents[2]
    assert (page["title"], page["outlet"], page["date"]) == (
        "Storm closes ports along the coast",
        "Harbor Times",
        "2024-11-22",
    )
    assert "Subscribe now" not in page["text"]


def test_manifest_given_directly(tmp_path: Path) -> None:
    result = _run("align", "--json", DATA / "newsdiff.json")
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [d["outlet"] for d in documents] == ["Harbor Times (print)", "Wire copy", "wire"]


def test_usage_error_exits_2() -> None:
    result = _run("align", "--no-such-option", "x.txt")
    assert result.returncode == 2
    lines = _assert_clean(result)
    assert lines[-1].startswith("newsdiff align: error:")


def test_unreadable_file_is_reported(good: tuple[Path, Path], tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read files without read permission (see test_load_inputs)")
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked story.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = _run("align", good[0], locked, good[1])
    finally:
        locked.chmod(0o644)
    assert result.returncode == 0
    assert _assert_clean(result) == [
        f"newsdiff: warning: {locked}: permission denied (no read permission) (skipped)"
    ]


def test_internal_error_is_one_line_and_logged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdiff_gui.commands import align as align_command

    def boom(args: object) -> int:
        raise RuntimeError("something broke\nacross lines")

    monkeypatch.setattr(align_command, "run", boom)
    monkeypatch.setattr(cli, "_crash_log_dir", lambda: tmp_path / "logs")
    code = cli.main(["align", "x.txt", "y.txt"])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("newsdiff: internal error: RuntimeError: something broke across lines")
    (log,) = (tmp_path / "logs").iterdir()
    assert log.name.startswith("internal-error-")
    content = log.read_text(encoding="utf-8")
    assert "Traceback" in content and "RuntimeError: something broke" in content
    assert str(log) in err[0]
