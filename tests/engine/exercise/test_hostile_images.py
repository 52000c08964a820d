"""Issue 19 item 12: Markdown images never reach outside.

Exercise instructions rendered ``![](/etc/passwd)`` and ``![](http://…)`` as
images (the window loads local files; a browser fetches remote ones), and
notes kept remote images, so a report was not self-contained. Now only a
picture inside the exercise's own folder is shown; every other image is the
text ``[image: alt]``.
"""

from __future__ import annotations

from pathlib import Path

from support.exercises import copy_example_exercise

from newsdiff_gui.engine.annotate.notes import render_note_html
from newsdiff_gui.engine.exercise import load_exercise
from newsdiff_gui.engine.exercise.report import intro_html, submission_html, task_html
from newsdiff_gui.engine.exercise.submission import Answers

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

HOSTILE = (
    "![secret](/etc/passwd) ![tracker](http://example.invalid/pixel.png) "
    "![up](../outside.png) ![link](linked.png) ![ok](pictures/map.png) "
    "![proto](file:///etc/hostname)"
)


def test_notes_show_no_image_at_all() -> None:
    html = render_note_html(HOSTILE)
    assert "<img" not in html
    assert "[image: secret]" in html and "[image: tracker]" in html


def test_exercise_shows_only_pictures_inside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "exercise"
    copy_example_exercise(folder)
    (folder / "pictures").mkdir()
    (folder / "pictures" / "map.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG)
    (folder / "linked.png").symlink_to(tmp_path / "outside.png")
    markdown = (folder / "exercise.md").read_text("utf-8")
    head, sep, rest = markdown.partition("\n---\n")
    (folder / "exercise.md").write_text(f"{head}{sep}\n{HOSTILE}\n{rest}", "utf-8")
    exercise = load_exercise(folder)
    html = intro_html(exercise)
    assert html.count("<img") == 1
    assert (folder / "pictures" / "map.png").resolve().as_uri() in html
    for alt in ("secret", "tracker", "up", "link"):  # file: URLs stay plain text
        assert f"[image: {alt}]" in html
    # The student's HTML copy stays self-contained: no file URL at all.
    copy = submission_html(exercise, "Ada", Answers(), None, "now")
    assert "<img" not in copy and "file:" not in copy
    assert task_html(exercise, exercise.tasks[0], pictures=False).count("<img") == 0


def test_an_exercise_zip_shows_no_pictures(tmp_path: Path) -> None:
    folder = tmp_path / "exercise"
    copy_example_exercise(folder)
    exercise = load_exercise(folder)
    assert exercise.folder == folder.resolve()
    from newsdiff_gui.engine.exercise import save_exercise_zip

    zipped = load_exercise(save_exercise_zip(exercise, tmp_path / "e.zip"))
    assert zipped.folder is None
    assert "<img" not in render_note_html("![x](pictures/map.png)")
