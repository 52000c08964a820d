"""Read and write an exercise: a folder (or a .zip of one) holding
``exercise.md``, the article files and, for the teacher's copy, ``key.json``.

Where the answer key lives, and why: ``key.json`` beside ``exercise.md``, as
plain JSON. A teacher must be able to check any submission with the exercise
alone, and students checking their own answers need the key on their
machine, so it cannot be secret from a student who opens the folder. For a
graded test hand out the copy without the key (``include_key=False``,
``newsdiff exercise make --no-key``): students can still work and hand in,
and the teacher checks with the full copy.

Every file read from an exercise is untrusted: paths must stay inside the
folder (no ``..``, no absolute or drive paths, no symlink leading out), a zip
whose member names escape its folder is refused as a whole, sizes are capped
before anything is decompressed in full, and key spans must match the
article text. Each problem is one ``ExerciseError`` line.

Public API: ``load_exercise``, ``save_exercise``, ``save_exercise_zip``,
``key_to_dict``, ``example_exercise_path``, ``EXERCISE_FILE``, ``KEY_FILE``, ``KEY_SCHEMA``.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..load.articles import MAX_FILE_BYTES, InputError, load_document
from ..store.atomic import write_bytes_atomic, write_text_atomic
from ..store.storage import write_json
from .markdown_format import format_exercise_md, parse_exercise_md
from .model import Article, Exercise, ExerciseError, KeyItem, TaskKey, TaskKind

EXERCISE_FILE = "exercise.md"
KEY_FILE = "key.json"
KEY_SCHEMA = "newsdiff-exercise-key/1"
MAX_MD_BYTES = 1024 * 1024
MAX_KEY_BYTES = 8 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
MAX_ZIP_BYTES = 64 * 1024 * 1024  # all members, uncompressed


def example_exercise_path() -> Path:
    """The bundled example exercise on the seeds (Help → Example Exercise).

    It ships as package data (``newsdiff_gui/data/exercises/seeds``: the
    exercise and its key) and names the bundled seeds as its articles, which
    are read from the seeds folder: the package carries one copy of them.
    """
    return Path(__file__).resolve().parents[2] / "data" / "exercises" / "seeds"


def _example_articles_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "seeds"


def _safe_relative(name: str, what: str) -> PurePosixPath:
    """A relative path that cannot leave its folder, or an ``ExerciseError``."""
    if not name or "\\" in name or "\0" in name or ":" in name or name.startswith("/"):
        raise ExerciseError(f"{what} {name!r} is not a plain relative path inside the exercise")
    path = PurePosixPath(name)
    if any(part in ("..", "") for part in path.parts):
        raise ExerciseError(f"{what} {name!r} points outside the exercise folder")
    return path


class _Folder:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        # The bundled example's articles are the bundled seeds (one copy in the package).
        self.also = _example_articles_dir() if self.root == example_exercise_path() else None

    def read(self, name: str, limit: int) -> bytes | None:
        path = (self.root / _safe_relative(name, "file")).resolve()
        if not path.is_relative_to(self.root):
            raise ExerciseError(f"file {name!r} leads outside the exercise folder (a link?)")
        if not path.is_file() and self.also is not None:
            path = (self.also / _safe_relative(name, "file")).resolve()
        if not path.is_file():
            return None
        if path.stat().st_size > limit:
            raise ExerciseError(f"{name} is too large (over {limit // (1024 * 1024)} MB)")
        return path.read_bytes()


class _Zip:
    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            raise ExerciseError(f"{path.name} is not a readable zip file ({error})") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ExerciseError(f"{path.name} holds more than {MAX_ZIP_MEMBERS} files")
        if sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
            raise ExerciseError(f"{path.name} unpacks to more than {MAX_ZIP_BYTES >> 20} MB")
        for info in infos:
            _safe_relative(info.filename.rstrip("/"), f"{path.name}: member")
        names = {i.filename for i in infos if not i.is_dir()}
        tops = [n for n in names if PurePosixPath(n).name == EXERCISE_FILE]
        if EXERCISE_FILE in names:
            self.prefix = ""
        elif len(tops) == 1 and len(PurePosixPath(tops[0]).parts) == 2:
            self.prefix = tops[0][: -len(EXERCISE_FILE)]  # "folder/"
        else:
            self.prefix = ""  # read() reports the missing exercise.md
        self.names = names

    def read(self, name: str, limit: int) -> bytes | None:
        member = self.prefix + str(_safe_relative(name, "file"))
        if member not in self.names:
            return None
        # The declared size can lie: read at most limit + 1 bytes.
        try:
            with self.zip.open(member) as stream:
                data = stream.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            RuntimeError,
            NotImplementedError,
        ) as error:
            # RuntimeError: encrypted; NotImplementedError: an unknown compression.
            raise ExerciseError(f"{name} cannot be unpacked ({error})") from None
        if len(data) > limit:
            raise ExerciseError(f"{name} is too large (over {limit // (1024 * 1024)} MB)")
        return data


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExerciseError(f"{name} is not UTF-8 text") from None


def _load_articles(
    source: _Folder | _Zip, specs: tuple[tuple[str, str, str], ...]
) -> list[Article]:
    articles = []
    with tempfile.TemporaryDirectory(prefix="newsdiff-exercise-") as scratch:
        for index, (article_id, file, name) in enumerate(specs):
            data = source.read(file, MAX_FILE_BYTES)
            if data is None:
                raise ExerciseError(f"article {article_id}: {file} is missing from the exercise")
            # load_document wants a path: its converters pick a format by suffix.
            path = Path(scratch) / f"{index}{PurePosixPath(file).suffix}"
            path.write_bytes(data)
            try:
                document = load_document(path, index)
            except InputError as error:
                raise ExerciseError(f"article {article_id}: {file} {error.reason}") from None
            document = replace(document, path=file)
            try:
                articles.append(Article(article_id, file, name, document))
            except ValueError as error:
                raise ExerciseError(f"exercise.md: {error}") from None
    return articles


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ExerciseError(f"{where} must be a whole number")
    return value


def _key_from_dict(data: object, exercise: Exercise) -> dict[int, TaskKey]:
    if not isinstance(data, dict) or data.get("schema") != KEY_SCHEMA:
        raise ExerciseError(f"{KEY_FILE} is not a {KEY_SCHEMA} file")
    if data.get("exercise") != exercise.exercise_id:
        raise ExerciseError(
            f"{KEY_FILE} belongs to another exercise: the articles or tasks changed since the "
            "key was made (make the key again)"
        )
    entries = data.get("tasks")
    if not isinstance(entries, list):
        raise ExerciseError(f"{KEY_FILE}: 'tasks' must be a list")
    key: dict[int, TaskKey] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ExerciseError(f"{KEY_FILE}: every task entry must be an object")
        number = _int(entry.get("task"), f"{KEY_FILE}: task")
        if not 1 <= number <= len(exercise.tasks):
            raise ExerciseError(f"{KEY_FILE}: there is no task {number}")
        task = exercise.task(number)
        where = f"{KEY_FILE}: task {number}"
        items = []
        if task.kind == TaskKind.MARK:
            text = exercise.article(task.version).document.text
            for n, item in enumerate(entry.get("items") or [], start=1):
                if not isinstance(item, dict):
                    raise ExerciseError(f"{where} item {n} must be an object")
                start = _int(item.get("start"), f"{where} item {n} start")
                end = _int(item.get("end"), f"{where} item {n} end")
                if not 0 <= start < end <= len(text):
                    raise ExerciseError(f"{where} item {n} lies outside article {task.version}")
                if item.get("text") != text[start:end]:
                    raise ExerciseError(
                        f"{where} item {n} does not match the text of article {task.version} "
                        "(the article or the key was edited)"
                    )
                context = item.get("context")
                area = None
                if context is not None:
                    if not (isinstance(context, list) and len(context) == 2):
                        raise ExerciseError(f"{where} item {n}: context must be [start, end]")
                    area = (
                        _int(context[0], f"{where} context"),
                        _int(context[1], f"{where} context"),
                    )
                    if not (0 <= area[0] <= start and end <= area[1] <= len(text)):
                        raise ExerciseError(f"{where} item {n}: context lies outside the article")
                explanation = str(item.get("explanation", ""))
                items.append(KeyItem(start, end, text[start:end], explanation, area))
        answer = str(entry.get("answer", ""))
        if task.kind == TaskKind.CHOICE and answer not in {o.value for o in task.options}:
            raise ExerciseError(f"{where}: answer {answer!r} is not one of its options")
        key[number] = TaskKey(number, tuple(items), answer, str(entry.get("explanation", "")))
    return key


def key_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The JSON form of ``exercise.key`` (``KEY_SCHEMA``)."""
    tasks = []
    for number, entry in sorted((exercise.key or {}).items()):
        item_dicts = [
            {
                "start": i.start,
                "end": i.end,
                "text": i.text,
                "explanation": i.explanation,
                **({"context": list(i.context)} if i.context else {}),
            }
            for i in entry.items
        ]
        record: dict[str, Any] = {"task": number}
        if exercise.task(number).kind == TaskKind.MARK:
            record["items"] = item_dicts
        else:
            record["answer"] = entry.answer
        if entry.explanation:
            record["explanation"] = entry.explanation
        tasks.append(record)
    return {"schema": KEY_SCHEMA, "exercise": exercise.exercise_id, "tasks": tasks}


def load_exercise(path: str | os.PathLike[str]) -> Exercise:
    """Read an exercise folder, its ``exercise.md`` or a .zip; ``ExerciseError`` if unusable."""
    location = Path(path)
    if location.is_file() and location.name == EXERCISE_FILE:
        location = location.parent
    if location.is_dir():
        source: _Folder | _Zip = _Folder(location)
    elif location.is_file() and zipfile.is_zipfile(location):
        source = _Zip(location)
    elif location.exists():
        raise ExerciseError(f"{location.name} is neither an exercise folder nor a .zip of one")
    else:
        raise ExerciseError(f"{location} does not exist")
    try:
        return _read(source, location)
    finally:
        if isinstance(source, _Zip):
            source.zip.close()


def _read(source: _Folder | _Zip, location: Path) -> Exercise:
    data = source.read(EXERCISE_FILE, MAX_MD_BYTES)
    if data is None:
        raise ExerciseError(f"{location.name} has no {EXERCISE_FILE}")
    parsed = parse_exercise_md(_decode(data, EXERCISE_FILE))
    articles = _load_articles(source, parsed.articles)
    folder = source.root if isinstance(source, _Folder) else None
    try:
        exercise = Exercise(
            parsed.title,
            tuple(articles),
            parsed.tasks,
            parsed.intro,
            parsed.hide_highlights,
            folder=folder,
        )
    except ValueError as error:
        raise ExerciseError(f"exercise.md: {error}") from None
    raw_key = source.read(KEY_FILE, MAX_KEY_BYTES)
    if raw_key is None:
        return exercise
    try:
        key_data = json.loads(_decode(raw_key, KEY_FILE))
    except json.JSONDecodeError as error:
        raise ExerciseError(
            f"{KEY_FILE} is not valid JSON ({error.msg}, line {error.lineno})"
        ) from None
    except RecursionError:
        raise ExerciseError(f"{KEY_FILE} is nested too deeply to be an answer key") from None
    return replace(exercise, key=_key_from_dict(key_data, exercise))


def _files(exercise: Exercise, include_key: bool) -> dict[str, bytes]:
    files = {EXERCISE_FILE: format_exercise_md(exercise).encode("utf-8")}
    for article in exercise.articles:
        _safe_relative(article.file, "article file")
        files[article.file] = article.document.text.encode("utf-8", "surrogatepass")
    if include_key and exercise.key is not None:
        text = json.dumps(key_to_dict(exercise), ensure_ascii=False, indent=1) + "\n"
        files[KEY_FILE] = text.encode("utf-8", "surrogatepass")
    return files


def save_exercise(
    exercise: Exercise, folder: str | os.PathLike[str], include_key: bool = True
) -> Path:
    """Write the exercise into ``folder`` (created if needed), each file atomically.

    Articles are written as their decoded text in UTF-8, so a web page or Word
    file becomes the plain text every span indexes.
    """
    root = Path(folder)
    for name, data in _files(exercise, include_key).items():
        if name == KEY_FILE:
            write_json(root / name, key_to_dict(exercise))
        elif name == EXERCISE_FILE:
            write_text_atomic(root / name, data.decode("utf-8"))
        else:
            write_bytes_atomic(root / name, data)
    if not include_key and (root / KEY_FILE).exists():
        (root / KEY_FILE).unlink()  # a stale key must not ride along
    return root


def save_exercise_zip(
    exercise: Exercise, path: str | os.PathLike[str], include_key: bool = True
) -> Path:
    """Write the exercise as one .zip (one file to hand out), atomically."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _files(exercise, include_key).items():
            archive.writestr(name, data)
    write_bytes_atomic(path, buffer.getvalue())
    return Path(path)
