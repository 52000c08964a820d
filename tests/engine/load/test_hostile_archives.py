"""Issue 19 item 1: Word files and exercise zips that inflate without limit.

The hostile files are built in ``tmp_path`` at test time. Each refusal is
timed and measured in a fresh child process (its peak resident memory is
what the operating system reports), because a zip bomb that is refused late
has already done its damage: the bar is 2 s and 200 MB.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from support.exercises import copy_example_exercise
from support.hostile_files import (
    declare_size,
    empty_paragraphs,
    inflating_bytes,
    paragraphs,
    write_docx,
)
from support.locations import ROOT

from newsdiff_gui.engine.exercise import load_exercise
from newsdiff_gui.engine.load.articles import InputError, load_document
from newsdiff_gui.engine.load.formats.archive_limits import MAX_MEMBER_BYTES
from newsdiff_gui.engine.load.formats.docx import MAX_PARAGRAPHS
from newsdiff_gui.paths import seed_files

pytest.importorskip("docx")
resource = pytest.importorskip("resource")

TIME_LIMIT_S = 2.0
MEMORY_LIMIT_MB = 200

_CHILD = """
import json, resource, sys, time
from newsdiff_gui.engine.load.articles import InputError, load_document
from newsdiff_gui.engine.exercise import ExerciseError, load_exercise
start = time.perf_counter()
try:
    if sys.argv[1] == "exercise":
        load_exercise(sys.argv[2])
        message = None
    else:
        load_document(sys.argv[2], 0)
        message = None
except (InputError, ExerciseError) as error:
    message = str(error)
seconds = time.perf_counter() - start
# VmHWM is this program's own peak: ru_maxrss keeps the parent's across exec on
# Linux, so a child of a large test run would report the test run's memory.
try:
    with open("/proc/self/status") as status:
        peak_kb = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"error": message, "seconds": seconds, "peak_mb": peak_kb / 1024}))
"""


def _refusal_in_child(kind: str, path: Path) -> dict[str, object]:
    """Load ``path`` in a fresh interpreter; its error, seconds and peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _assert_refused_fast(result: dict[str, object], reason: str) -> None:
    assert result["error"] is not None and reason in str(result["error"]), result
    assert float(result["seconds"]) < TIME_LIMIT_S, result  # type: ignore[arg-type]
    if sys.platform.startswith("linux"):  # ru_maxrss is in KiB on Linux only
        assert float(result["peak_mb"]) < MEMORY_LIMIT_MB, result  # type: ignore[arg-type]


def test_a_docx_inflating_to_hundreds_of_megabytes_is_refused_fast(tmp_path: Path) -> None:
    bomb = write_docx(tmp_path / "bomb.docx", inflating_bytes(300))
    assert bomb.stat().st_size < 2 * 2**20  # small on disk: the cap on file size lets it in
    result = _refusal_in_child("docx", bomb)
    _assert_refused_fast(result, "inflates to more than newsdiff reads")
    assert "word/document.xml" in str(result["error"])


def test_millions_of_empty_paragraphs_are_refused_fast(tmp_path: Path) -> None:
    bomb = write_docx(tmp_path / "empty.docx", empty_paragraphs(16_700_000))
    _assert_refused_fast(_refusal_in_child("docx", bomb), "inflates to more than")


def test_too_many_paragraphs_under_the_size_cap_are_counted_and_refused(tmp_path: Path) -> None:
    count = 5_000_000  # 30 MB of XML: under the per-part cap
    assert count * len(b"<w:p/>") < MAX_MEMBER_BYTES
    bomb = write_docx(tmp_path / "many.docx", empty_paragraphs(count))
    result = _refusal_in_child("docx", bomb)
    _assert_refused_fast(result, f"more than {MAX_PARAGRAPHS:,} paragraphs")


def test_a_zip_that_lies_about_its_inflated_size_is_refused(tmp_path: Path) -> None:
    liar = write_docx(tmp_path / "liar.docx", inflating_bytes(60))
    declare_size(liar, "word/document.xml", 1000)
    start = time.perf_counter()
    with pytest.raises(InputError, match="not a readable Word document"):
        load_document(liar, 0)
    assert time.perf_counter() - start < TIME_LIMIT_S


def test_an_ordinary_long_docx_still_loads(tmp_path: Path) -> None:
    text = "\n\n".join(
        f"Paragraph {n}: the council approved the plan on Monday, officials said." * 3
        for n in range(800)
    )
    path = write_docx(tmp_path / "long.docx", [paragraphs(text)])
    document = load_document(path, 0)
    assert document.text.startswith("Paragraph 0: the council")
    assert len(document.paragraphs) == 800


def _exercise_zip_with(tmp_path: Path, docx: Path) -> Path:
    """The bundled example exercise, zipped, with article A replaced by ``docx``
    (and no key: the key indexes the replaced article's text)."""
    folder = tmp_path / "exercise"
    copy_example_exercise(folder)
    (folder / "key.json").unlink()
    markdown = (folder / "exercise.md").read_text("utf-8")
    first = next(p.name for p in sorted(folder.glob("000_*.txt")))
    (folder / first).unlink()
    shutil.copy(docx, folder / "000.docx")
    (folder / "exercise.md").write_text(markdown.replace(first, "000.docx"), "utf-8")
    archive = tmp_path / "exercise.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.iterdir()):
            out.write(path, path.name)
    return archive


def test_the_same_docx_inside_an_exercise_zip_is_refused_fast(tmp_path: Path) -> None:
    bomb = write_docx(tmp_path / "bomb.docx", inflating_bytes(300))
    archive = _exercise_zip_with(tmp_path, bomb)
    assert archive.stat().st_size < 2 * 2**20
    result = _refusal_in_child("exercise", archive)
    _assert_refused_fast(result, "000.docx this Word document inflates to more than")


def test_an_exercise_zip_of_a_good_docx_still_loads(tmp_path: Path) -> None:
    first = sorted(seed_files())[0]
    good = write_docx(tmp_path / "good.docx", [paragraphs(first.read_text("utf-8"))])
    exercise = load_exercise(_exercise_zip_with(tmp_path, good))
    assert exercise.articles[0].file == "000.docx"
    assert exercise.articles[0].document.encoding == "docx"
