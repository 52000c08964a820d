"""Time to the first visible window, ours and Meld's, side by side under Xvfb.

Used by ``bench_startup.py``. Both programs start on one private X server
(``Xvfb``), alternately, run after run; a window counts from the moment the X
server says it is mapped and viewable (``xdotool search --onlyvisible
--name``), polled every 5 ms: ``xdotool search --sync`` waits the same way
but polls every half second, too coarse for a number near half a second.

For newsdiff, the app also notes (``NEWSDIFF_STARTUP_TRACE``) when its start
window, the set's first rows (drawn in the start window from the alignment
cache), its main window and the aligned set were on screen
(``ui/app/launch.py``). Each program's settings and caches go to a fresh
temporary home for the run series, so the reader's own are never touched.
newsdiff starts twice per run: *cold*, with an empty alignment cache of its
own (a set never opened, or the first start after installing), and *warm*,
with the cache the series keeps (a set opened before: every later start).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

POLL_S = 0.005
TIMEOUT_S = 60.0


@dataclass
class WindowTimes:
    """Seconds from launch, per run."""

    visible: list[float] = field(default_factory=list)
    marks: dict[str, list[float]] = field(default_factory=dict)


def missing_tools(meld: bool) -> list[str]:
    tools = ["Xvfb", "xdotool"] + (["meld"] if meld else [])
    return [tool for tool in tools if shutil.which(tool) is None]


def _display_number(server: subprocess.Popen[bytes], pipe: int) -> int:
    """The display number Xvfb chose and wrote to ``pipe`` (``-displayfd``)."""
    deadline = time.monotonic() + 10
    written = b""
    while not written.endswith(b"\n"):
        if time.monotonic() > deadline or server.poll() is not None:
            raise RuntimeError("Xvfb did not start")
        ready, _, _ = select.select([pipe], [], [], 0.1)
        if ready:
            written += os.read(pipe, 16)
    return int(written)


@contextmanager
def private_display() -> Iterator[dict[str, str]]:
    """A private Xvfb server; yields an environment that points at it.

    Xvfb picks a free display itself (``-displayfd``): choosing a number that
    looked free raced with other programs starting X servers at the same time.
    """
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default the server resets when its last client leaves,
        # and a program launched during the reset cannot connect (seen here).
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            "1600x1000x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        number = _display_number(server, read_end)
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "DISPLAY": f":{number}", "HOME": home}
            for kind in ("CONFIG", "DATA", "CACHE", "STATE"):
                env[f"XDG_{kind}_HOME"] = str(Path(home) / kind.lower())
            env.pop("WAYLAND_DISPLAY", None)
            yield env
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


def _visible(name: str, env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=env,
        capture_output=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _stop(process: subprocess.Popen[bytes], name: str, env: dict[str, str]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    deadline = time.monotonic() + 5
    while _visible(name, env) and time.monotonic() < deadline:
        time.sleep(0.05)


def time_window(
    command: Sequence[str],
    name: str,
    env: dict[str, str],
    wait_for_mark: str | None = None,
) -> tuple[float, dict[str, float]]:
    """Launch ``command``; seconds until a window named ``name`` is visible,
    and the app's own marks (seconds from launch) when it writes them."""
    marks: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        trace = Path(tmp) / "trace.txt"
        run_env = {**env, "NEWSDIFF_STARTUP_TRACE": str(trace)}
        launched_at = time.time()
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while not _visible(name, env):
                if time.perf_counter() - started > TIMEOUT_S or process.poll() is not None:
                    raise RuntimeError(f"no window named {name!r} from {command[0]}")
                time.sleep(POLL_S)
            visible = time.perf_counter() - started
            while wait_for_mark and wait_for_mark not in marks:
                if time.perf_counter() - started > TIMEOUT_S:
                    raise RuntimeError(f"{command[0]} never reported {wait_for_mark!r}")
                time.sleep(0.02)
                marks = _read_marks(trace, launched_at)
        finally:
            _stop(process, name, env)
    return visible, marks


def _read_marks(trace: Path, launched_at: float) -> dict[str, float]:
    if not trace.is_file():
        return {}
    marks = {}
    for line in trace.read_text(encoding="utf-8").splitlines():
        event, _, stamp = line.partition(" ")
        if stamp:
            marks[event] = float(stamp) - launched_at
    return marks


def side_by_side(
    ours: Sequence[str],
    meld: Sequence[str] | None,
    runs: int,
    our_env: dict[str, str] | None = None,
) -> tuple[WindowTimes, WindowTimes, WindowTimes | None]:
    """``runs`` launches of each, alternating on one private X server: newsdiff
    with an empty alignment cache (cold), newsdiff with a filled one (warm), Meld."""
    cold, warm = WindowTimes(), WindowTimes()
    theirs = WindowTimes() if meld else None
    with private_display() as env:
        qt_env = {**env, "QT_QPA_PLATFORM": "xcb", **(our_env or {})}
        time_window(ours, "newsdiff", qt_env, wait_for_mark="drawn")  # fills the warm cache
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as empty:
                cold_env = {**qt_env, "NEWSDIFF_CACHE_DIR": empty}
                for times, run_env in ((cold, cold_env), (warm, qt_env)):
                    visible, marks = time_window(ours, "newsdiff", run_env, wait_for_mark="drawn")
                    times.visible.append(visible)
                    # Aligned rows are on screen at the first of the two marks.
                    marks["rows-shown"] = min(
                        marks.get("first-rows", marks["drawn"]), marks["drawn"]
                    )
                    for event, seconds in marks.items():
                        times.marks.setdefault(event, []).append(seconds)
            if meld and theirs is not None:
                visible, _ = time_window(meld, "Meld", env)
                theirs.visible.append(visible)
    return cold, warm, theirs
