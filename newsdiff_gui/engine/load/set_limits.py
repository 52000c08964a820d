"""How much one article set may hold, so every step finishes in seconds.

Why: alignment, word diffs, the change reader and the reports all grow with
the text of the whole set, and a reader must not sit for minutes on a
folder of 3,000 files or two log dumps. Measured on a shared 2-core machine
with a load average of 6 (``python -m tests.benchmarks.bench_hostile``): two
versions of 200,000 characters, or 300 versions holding 400,000 characters
in all, load, align, diff, read and export in under 5 s a step, wall clock
(under 2.2 s of CPU); with 500 versions and 570,000 characters aligning
took 15 s on the same machine. Anything beyond is refused at load with a
reason instead of stalling.

Public API: ``MAX_SET_CHARS``, ``MAX_VERSIONS``, ``SET_FULL``, ``set_limit_problem``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document

__all__ = ["MAX_SET_CHARS", "MAX_VERSIONS", "SET_FULL", "set_limit_problem"]

# Characters of text in all versions of one set together.
MAX_SET_CHARS = 400_000
# Versions in one set (a set compares versions of one story, not a pile).
MAX_VERSIONS = 300
# How the reason for a version past ``MAX_VERSIONS`` starts (callers group them).
SET_FULL = "left out: the set already holds"


def set_limit_problem(loaded: Sequence[Document], text_chars: int) -> str | None:
    """Why a version of ``text_chars`` characters cannot join ``loaded``, or None."""
    if len(loaded) >= MAX_VERSIONS:
        return (
            f"{SET_FULL} {MAX_VERSIONS} versions, as many as newsdiff compares at once "
            "(split the folder by story)"
        )
    held = sum(len(d.text) for d in loaded)
    if held + text_chars > MAX_SET_CHARS:
        return (
            f"left out: with its {text_chars:,} characters the set would hold "
            f"{held + text_chars:,}; newsdiff compares sets of up to {MAX_SET_CHARS:,} "
            "characters in all, so every step finishes in seconds (compare fewer or "
            "shorter versions)"
        )
    return None
