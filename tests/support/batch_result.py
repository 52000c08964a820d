"""A small ``newsdiff batch`` result, made as a user makes one, for the reader's tests.

The pile is ``batch_pile``'s (made-up stories, no corpus text): three stories
of three perturbed versions and an identical copy, and three one-off articles.
"""

from __future__ import annotations

from pathlib import Path

from .batch_pile import pile_records, write_jsonl
from .cli import newsdiff


def pile(folder: Path) -> tuple[Path, list[dict]]:
    records = pile_records(stories=3, versions=3, singles=3, seed=11)
    folder.mkdir(parents=True, exist_ok=True)
    return write_jsonl(folder / "pile.jsonl", records), records


def make_batch_result(folder: Path, fmt: str = "jsonl") -> tuple[Path, list[dict]]:
    """Run ``newsdiff batch`` on the pile into ``folder/out-<fmt>``; the result
    folder and the pile's records."""
    path, records = pile(folder)
    out = folder / f"out-{fmt}"
    result = newsdiff("batch", str(path), "-o", str(out), "--format", fmt, "--workers", "1")
    assert result.returncode == 0, result.stderr
    return out, records
