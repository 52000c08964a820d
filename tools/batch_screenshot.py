"""Render the README's batch screenshot: a day's stories in the Stories panel.

Makes a small synthetic day (``tests.support.batch_pile``: made-up people,
places and things, no corpus text), runs ``newsdiff batch`` on it, opens the
result with File → Open Batch Result and the most-covered story in the pair
view, and saves the window offscreen.

    QT_QPA_PLATFORM=offscreen NEWSDIFF_THEME=light \\
        .venv/bin/python -m tools.batch_screenshot -o docs/screenshots/batch-stories.png
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from tests.support.batch_pile import pile_records, write_jsonl

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def synthetic_day() -> list[dict]:
    """Stories of six, four and one articles (each with a reposted copy), and one-offs."""
    records = []
    for prefix, stories, versions, singles, seed in (
        ("a", 2, 5, 0, 3),
        ("b", 3, 3, 0, 4),
        ("c", 1, 1, 4, 5),
    ):
        for record in pile_records(stories, versions, singles, seed):
            records.append(dict(record, id=f"{prefix}-{record['id']}"))
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True, help="PNG to write")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from newsdiff_gui.engine.batch import BatchOptions, run_batch
    from newsdiff_gui.engine.store.storage import use_private_user_dirs
    from newsdiff_gui.ui.app.main_window import MainWindow
    from newsdiff_gui.ui.base.theme import apply_env_theme

    use_private_user_dirs()  # the picture must not show this machine's own notes or fixes
    scratch = Path(tempfile.mkdtemp(prefix="newsdiff-batch-shot-"))
    pile = write_jsonl(scratch / "day.jsonl", synthetic_day())
    out = scratch / "day-2024-05-01"
    run_batch([pile], out, BatchOptions(workers=1))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_env_theme(app)  # type: ignore[arg-type]
    window = MainWindow(inline=True, skipped_reporter=lambda *_: None)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    stories = window.stories
    stories.batch.open_result(out)
    stories.batch.open_story(stories.proxy.mapToSource(stories.proxy.index(0, 0)).row())
    stories.table.selectRow(0)
    stories.dock.raise_()
    window.resizeDocks([stories.dock], [560], Qt.Orientation.Horizontal)
    for _ in range(3):
        app.processEvents()
    ok = window.grab().save(args.output, "PNG")
    print(f"wrote {args.output}" if ok else f"could not write {args.output}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
