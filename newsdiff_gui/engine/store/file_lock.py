"""An exclusive lock between processes on one of the program's own files.

Why: two windows (or a window and ``newsdiff export``) may save notes of
the same set at the same moment. Atomic writes keep the file whole, but
without a lock each process overwrites the other's records with its own
copy: a save must read, merge and write while nobody else does.

How: an advisory lock on a separate, empty lock file (``fcntl.flock`` on
POSIX, ``msvcrt.locking`` on Windows); the data file itself cannot carry
the lock because every save replaces it with a new file. The operating
system releases the lock when the process dies, even by ``kill -9``, so a
crash never leaves a set locked. A lock file is never deleted (deleting it
would let two processes lock two different files); ``lock_file_for`` keeps
them in a ``locks`` folder beside the data's folder, out of the user's way.

Also here: ``remove_stale_temporaries``, called while the lock is held, when
no writer of that file can be half-way through: the temporary files of
``atomic.write_bytes_atomic`` (``.<name>.*.tmp``) that a killed process left.

Public API: ``locked``, ``lock_file_for``, ``remove_stale_temporaries``,
``LOCK_TIMEOUT_S``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["LOCK_TIMEOUT_S", "lock_file_for", "locked", "remove_stale_temporaries"]

# A save takes milliseconds; a lock held this long belongs to a hung process.
LOCK_TIMEOUT_S = 30.0
_POLL_S = 0.01


def lock_file_for(path: str | os.PathLike[str]) -> Path:
    """The lock file of ``folder/name``: ``locks/folder-name.lock`` beside ``folder``."""
    target = Path(path)
    return target.parent.parent / "locks" / f"{target.parent.name}-{target.name}.lock"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def locked(
    path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT_S, best_effort: bool = False
) -> Iterator[bool]:
    """Hold the exclusive lock of data file ``path`` (``lock_file_for(path)``) for the block.

    Yields whether the lock is held. Raises ``TimeoutError`` (an ``OSError``)
    when another process holds it longer than ``timeout`` seconds, and
    ``OSError`` when the lock file cannot be made (a read-only folder: then no
    save could succeed either) — unless ``best_effort``, for readers: then
    the block runs unlocked (reads are safe anyway, files are replaced whole).
    """
    target = Path(path)
    lock_file = lock_file_for(target)
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        if not best_effort:
            raise
        yield False
        return
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{target.name} is being saved by another newsdiff process (waited "
                    f"{timeout:.0f} s)"
                )
            time.sleep(_POLL_S)
        try:
            yield True
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(path: str | os.PathLike[str]) -> int:
    """Delete temporary files an interrupted atomic write of ``path`` left;
    return how many. Call it only while holding ``locked(path)``."""
    target = Path(path)
    removed = 0
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{target.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
    return removed
