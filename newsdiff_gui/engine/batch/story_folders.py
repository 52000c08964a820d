"""Each compared story's texts as a folder the app (and every command) can open.

Why: the tables say which articles make a story and how much each copies,
but not what they say; a reader who wants to see a story's versions needs its
texts. The inputs may be gone, moved, or a 2 GB JSON Lines file that would
have to be scanned for one story, so the batch keeps what a reader needs in
the result folder itself:

    OUTDIR/stories/<story id>/00_<article>.txt …   one file per distinct text
    OUTDIR/stories/<story id>/newsdiff.json        the manifest: outlet, date,
                                                   title, id and source of each

A story folder is an ordinary article set (a folder with a manifest, see
``load.formats.manifest``), so ``newsdiff align OUTDIR/stories/<id>`` works
on it and ``OUTDIR/stories`` is a collection. Only stories of two or more
articles get one (one article has nothing to compare with), and identical
copies are written once (the loader would skip a second copy of a text): the
manifest lists the copies' ids beside their first text.

Every file is written atomically; the manifest last, so a folder with a
manifest is complete. Files are written by a few threads at once: each atomic
write waits for the disk (``fsync``), and eight of them overlap (0.4 ms a file
instead of 4 ms on the development machine).

Public API: ``StoryFolderWriter``, ``STORIES_FOLDER``, ``STORY_MANIFEST``,
``story_folder``, ``clear_story_folders``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..load.articles import SUPPORTED_SUFFIXES
from ..store.atomic import write_bytes_atomic
from .records import Article

__all__ = [
    "STORIES_FOLDER",
    "STORY_MANIFEST",
    "StoryFolderWriter",
    "clear_story_folders",
    "story_folder",
]

STORIES_FOLDER = "stories"
STORY_MANIFEST = "newsdiff.json"
# Story ids are "s" and 12 hex digits (compare.story_id); nothing else is ours to remove.
_STORY_ID = re.compile(r"^s[0-9a-f]{12}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SLUG_CHARS = 40
_WRITERS = 8


def story_folder(outdir: str | os.PathLike[str], story: str) -> Path:
    """Where the texts of ``story`` are (or would be) in a result folder."""
    return Path(outdir) / STORIES_FOLDER / story


def _slug(key: str) -> str:
    """A file-name part from an article's key (a path, ``pile.jsonl:12`` or an id)."""
    name = re.split(r"[\\/]", key)[-1]
    for suffix in SUPPORTED_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    slug = _UNSAFE.sub("-", name).strip("-.")[:_SLUG_CHARS].strip("-.")
    return slug or "article"


def story_files(
    story: str, title: str | None, articles: Sequence[Article], titles: Sequence[str | None]
) -> tuple[list[tuple[str, bytes]], bytes]:
    """The text files (name, bytes) of one story and its manifest, in article order.

    ``titles`` are the titles the ``articles`` table gives each article.
    """
    publishers = {a.key: a.publisher for a in articles}
    first_of: dict[str, int] = {}
    entries: list[dict[str, Any]] = []
    files: list[tuple[str, bytes]] = []
    distinct = len({a.text for a in articles})
    width = max(2, len(str(distinct - 1)))
    for article, article_title in zip(articles, titles, strict=True):
        if article.text in first_of:
            entries[first_of[article.text]]["copies"].append(article.key)
            continue
        first_of[article.text] = len(entries)
        name = f"{len(entries):0{width}d}_{_slug(article.key)}.txt"
        # Lone surrogates (JSON allows them) cannot be UTF-8: "?" instead.
        files.append((name, article.text.encode("utf-8", "replace")))
        entries.append(
            {
                "file": name,
                "outlet": article.publisher or None,
                "date": article.date,
                "title": article_title or article.title,
                "id": article.key,
                "source": article.source,
                "copies": [],
            }
        )
    for entry in entries:  # a version read by several outlets says so where its outlet shows
        entry["outlet"] = _with_copies(entry["outlet"], [publishers[k] for k in entry["copies"]])
    manifest = {"story": story, "title": title, "documents": entries}
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    return files, text.encode("utf-8", "replace")


def _with_copies(outlet: str | None, copied_by: Sequence[str]) -> str | None:
    """``wire.example (also post.example, blog.example)``: the outlets that ran
    the same text, since the copies are not versions of their own."""
    others = sorted({p for p in copied_by if p and p != outlet})
    if not outlet or not others:
        return outlet
    shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
    return f"{outlet} (also {shown})"


class StoryFolderWriter:
    """Writes the story folders of each finished chunk (threads overlap the fsyncs)."""

    def __init__(self, outdir: str | os.PathLike[str], threads: int = _WRITERS) -> None:
        self.outdir = Path(outdir)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="story-folders")

    def write(
        self,
        stories: Sequence[Mapping[str, Any]],
        article_rows: Sequence[Mapping[str, Any]],
        article: Callable[[str], Article],
    ) -> int:
        """Write the folder of every story of two or more articles; return how many.

        ``article(key)`` gives an article's record (its text) by key. Returns
        once every file is on disk, so the chunk's table parts, written after,
        never describe a story whose folder is half written.
        """
        members: dict[str, list[Mapping[str, Any]]] = {}
        for row in article_rows:
            members.setdefault(row["story"], []).append(row)
        texts: list[tuple[Path, bytes]] = []
        manifests: list[tuple[Path, bytes]] = []
        for story in stories:
            rows = members.get(story["id"], [])
            if len(rows) < 2:
                continue
            folder = story_folder(self.outdir, story["id"])
            files, manifest = story_files(
                story["id"],
                story.get("title"),
                [article(r["id"]) for r in rows],
                [r.get("title") for r in rows],
            )
            texts.extend((folder / name, data) for name, data in files)
            manifests.append((folder / STORY_MANIFEST, manifest))
        for batch in (texts, manifests):  # manifests last: a folder with one is complete
            for future in [self._pool.submit(write_bytes_atomic, p, d) for p, d in batch]:
                future.result()
        return len(manifests)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def clear_story_folders(outdir: str | os.PathLike[str]) -> None:
    """Remove the story folders an earlier run wrote (``--fresh``).

    Only folders named like a story id are removed, and ``stories/`` itself
    only when that leaves it empty: the folder may hold something of the user's.
    """
    root = Path(outdir) / STORIES_FOLDER
    if not root.is_dir():
        return
    for child in root.iterdir():
        if child.is_dir() and _STORY_ID.match(child.name):
            shutil.rmtree(child, ignore_errors=True)
    with contextlib.suppress(OSError):
        root.rmdir()
