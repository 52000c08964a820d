"""Hostile files built at test time (never stored in the repository).

Word documents are built from python-docx's own blank template with the
body XML replaced, so every part python-docx expects is present and only
the body is hostile. Bodies are streamed into the zip chunk by chunk, so a
body that inflates to hundreds of megabytes costs the test no more memory
than one chunk.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body>'
).encode()
_TAIL = b"</w:body></w:document>"


def _template() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def write_docx(path: Path, body: Iterable[bytes]) -> Path:
    """A .docx whose ``word/document.xml`` body is the chunks of ``body``."""
    template = zipfile.ZipFile(io.BytesIO(_template()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, template.read(info))
                continue
            with out.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(_HEAD)
                for chunk in body:
                    member.write(chunk)
                member.write(_TAIL)
    return path


def paragraphs(text: str) -> bytes:
    """Body XML of one paragraph per blank-line-separated block of ``text``."""
    from xml.sax.saxutils import escape

    blocks = [b for b in text.split("\n\n") if b.strip()]
    return b"".join(
        f"<w:p><w:r><w:t>{escape(block)}</w:t></w:r></w:p>".encode() for block in blocks
    )


def empty_paragraphs(count: int, chunk: int = 100_000) -> Iterable[bytes]:
    """``count`` empty paragraphs (``<w:p/>``), ``chunk`` at a time."""
    while count > 0:
        step = min(chunk, count)
        yield b"<w:p/>" * step
        count -= step


def inflating_bytes(megabytes: int) -> Iterable[bytes]:
    """About ``megabytes`` MB of one empty run repeated: deflate packs it ~1000:1."""
    run = b"<w:p><w:r><w:t></w:t></w:r></w:p>" * 32_768  # about 1 MB
    for _ in range(megabytes):
        yield run


def declare_size(path: Path, member: str, size: int) -> Path:
    """Rewrite the central directory so ``member`` claims to inflate to ``size``
    bytes: a zip that lies about its sizes to slip under a cap."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            path.write_bytes(bytes(data))
            return path
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(member)


SECRET = "PRIVATE-KEY-MATERIAL do not share"
_GOOD_A = "Storm closes three ports\n\nA storm closed three ports on Friday, officials said.\n"
_GOOD_B = "Ports shut by storm\n\nThree ports were shut on Friday, port officials said.\n"


def hostile_set(tmp_path: Path) -> tuple[Path, Path]:
    """A folder whose manifest lists two good files and four ways out of it."""
    secret = tmp_path / "home" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n\nThe password is swordfish.\n", "utf-8")
    folder = tmp_path / "shared" / "dataset"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(_GOOD_A, "utf-8")
    (folder / "sub" / "b.txt").write_text(_GOOD_B, "utf-8")
    (folder / "link.txt").symlink_to(secret)
    listed = [
        "a.txt",
        "../../home/secret.txt",
        str(secret),
        "link.txt",
        "sub/../../../home/secret.txt",
        {"file": "sub/b.txt", "outlet": "Below"},
    ]
    (folder / "newsdiff.json").write_text(json.dumps({"documents": listed}), "utf-8")
    return folder, secret


def unpunctuated_pair(chars: int, seed: int = 0, change: float = 0.3) -> tuple[str, str]:
    """Two texts of about ``chars`` characters with no sentence punctuation and
    no blank line (each is one "sentence"), mixing lower-case words, capitalised
    names and figures; the second changes a share ``change`` of the words."""
    import random

    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(2000)]
    vocabulary += [f"Name{n}" for n in range(400)] + [str(n) for n in range(10, 400)]
    words: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(vocabulary)
        words.append(word)
        size += len(word) + 1
    changed = [rng.choice(vocabulary) if rng.random() < change else w for w in words]
    return " ".join(words)[:chars], " ".join(changed)[:chars]
