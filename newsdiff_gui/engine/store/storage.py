"""Where the program keeps its own files, and how it reads them back safely.

Notes, settings and the alignment cache live only under the ``platformdirs``
user folders (DESIGN.md, "Files the program writes"). Tests and portable
setups redirect them with ``NEWSDIFF_DATA_DIR``, ``NEWSDIFF_CONFIG_DIR`` and
``NEWSDIFF_CACHE_DIR``, or by passing a folder to each store.

A JSON file that cannot be read back is never silently replaced: it is moved
aside to ``<name>.bak`` (``<name>.<timestamp>.bak`` when a ``.bak`` exists)
and the caller gets a one-line warning to show the user.

Public API: ``data_dir``, ``config_dir``, ``cache_dir``, ``log_dir``, ``use_private_user_dirs``,
``content_hash``, ``set_key``, ``read_json``, ``write_json``, ``copy_aside``, ``set_aside``,
``StoreWarning``.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from ..model import ArticleSet
from .atomic import write_bytes_atomic

APP_NAME = "newsdiff"


class StoreWarning(str):
    """A message for the user about a file that was set aside (a plain ``str``)."""


def _user_dir(env: str, kind: str, base: str | os.PathLike[str] | None) -> Path:
    if base is not None:
        return Path(base)
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    finder = getattr(platformdirs, f"user_{kind}_dir")
    return Path(finder(APP_NAME, appauthor=False))


def data_dir(base: str | os.PathLike[str] | None = None) -> Path:
    """Notes and manual corrections (``NEWSDIFF_DATA_DIR`` overrides)."""
    return _user_dir("NEWSDIFF_DATA_DIR", "data", base)


def config_dir(base: str | os.PathLike[str] | None = None) -> Path:
    """Settings and the recent sets (``NEWSDIFF_CONFIG_DIR`` overrides)."""
    return _user_dir("NEWSDIFF_CONFIG_DIR", "config", base)


def cache_dir(base: str | os.PathLike[str] | None = None) -> Path:
    """Cached alignments, safe to delete (``NEWSDIFF_CACHE_DIR`` overrides)."""
    return _user_dir("NEWSDIFF_CACHE_DIR", "cache", base)


def log_dir(base: str | os.PathLike[str] | None = None) -> Path:
    """Crash and internal-error logs of the CLI and the app (``NEWSDIFF_LOG_DIR`` overrides).

    One place for both front ends: they used to pick different folders on Windows.
    """
    return _user_dir("NEWSDIFF_LOG_DIR", "log", base)


def use_private_user_dirs(prefix: str = "newsdiff-scratch-") -> Path:
    """Point notes, settings and the cache of this process (and its children)
    at a fresh temporary folder; returns it.

    For scripts that drive the app (screenshots, benchmarks): they must
    neither read the reader's own notes and corrections (a picture for the
    README would show them) nor write recent sets into the reader's settings.
    """
    import tempfile

    base = Path(tempfile.mkdtemp(prefix=prefix))
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"NEWSDIFF_{name}_DIR"] = str(base / name.lower())
    return base


def content_hash(text: str) -> str:
    """sha256 of a document's decoded text: its identity whatever the file is called."""
    # surrogatepass: a badly decoded file may hold lone surrogates; hash them too.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def set_key(article_set: ArticleSet) -> str:
    """Identity of an article set by content, independent of file names and order.

    Why sorted hashes: reopening the same files in another order, from
    another folder or under new names must bring the same notes back.
    """
    digests = sorted(content_hash(d.text) for d in article_set.documents)
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()


def _backup_name(path: Path) -> Path:
    backup = path.with_name(path.name + ".bak")
    if backup.exists():
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.{stamp}.bak")
        number = 1
        while backup.exists():
            backup = path.with_name(f"{path.name}.{stamp}-{number}.bak")
            number += 1
    return backup


def _set_aside(path: Path) -> Path:
    backup = _backup_name(path)
    os.replace(path, backup)
    return backup


def set_aside(path: Path, problem: object) -> StoreWarning:
    """Move an unusable file to a ``.bak`` name; the warning says where (or why not).

    ``problem`` says what is wrong with it, in words.
    """
    try:
        backup = _set_aside(path)
    except OSError as move_error:
        return StoreWarning(
            f"{path.name} could not be read ({problem}) nor moved aside ({move_error}); "
            "it was left as it is and nothing will be saved over it"
        )
    return StoreWarning(
        f"{path.name} could not be read ({problem}); it was kept as {backup.name} "
        f"in {backup.parent} and a fresh one started"
    )


def copy_aside(path: Path) -> Path:
    """Copy ``path`` to a ``.bak`` name no earlier backup has; return that name."""
    backup = _backup_name(path)
    write_bytes_atomic(backup, path.read_bytes())
    return backup


def read_json(path: Path, schema: str) -> tuple[dict[str, Any] | None, StoreWarning | None]:
    """Read a JSON object written by ``write_json`` with this ``schema``.

    Returns ``(data, None)``; ``(None, None)`` when there is no file yet; and
    ``(None, warning)`` when the file was unreadable and has been moved aside.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("schema") != schema:
            raise ValueError(f"not a {schema} file")
    except RecursionError:
        return None, set_aside(path, "it is nested too deeply to be a newsdiff file")
    except (UnicodeDecodeError, ValueError) as exc:
        return None, set_aside(path, exc)
    return data, None


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` atomically: an interrupted save leaves the old file whole."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: JSON escapes read back the same
        encoded = (json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode("ascii")
    write_bytes_atomic(path, encoded)
