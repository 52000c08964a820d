"""Run the ``newsdiff`` command line as a user would: a separate process,
from the repository root, output captured (tests read stdout, stderr, exit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def newsdiff(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff_gui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
