"""Caps on zip containers (.docx, exercise .zip) checked before anything inflates.

Why: a file's size on disk says nothing about what it unpacks to. Deflate
packs 1,000 to 1 on repetitive XML, so a 4 MB .docx can declare a 4 GiB
``word/document.xml``, and 183 KB of zip can hold 16.7 million empty
paragraphs, which python-docx turns into gigabytes of objects. So every
member's *declared* inflated size is checked against the caps first
(``zipfile`` never returns more than the declared size of a member: a member
that inflates further fails its size or CRC check), and the XML of a Word
body is then counted in one streaming pass (paragraphs, elements, text) before
python-docx builds its tree.

Contract: ``check_archive`` raises ``ValueError`` with a reason in words; the
loader adds the file name. Nothing is written to disk.

Public API: ``check_archive``, ``MAX_INFLATED_BYTES``, ``MAX_MEMBER_BYTES``,
``MAX_MEMBERS``.
"""

from __future__ import annotations

import zipfile

__all__ = ["MAX_INFLATED_BYTES", "MAX_MEMBERS", "MAX_MEMBER_BYTES", "check_archive"]

# All members of one container, inflated. A Word file of a 1,000,000-character
# article is about 1–3 MB of XML; its pictures do not compress, so they count
# about what they weigh on disk (16 MB at most, the file cap).
MAX_INFLATED_BYTES = 64 * 1024 * 1024
# One member, inflated: the body XML of the longest article newsdiff accepts
# with heavy run formatting stays far below this.
MAX_MEMBER_BYTES = 48 * 1024 * 1024
# A Word file has 10–40 parts, a few hundred with many pictures.
MAX_MEMBERS = 2000


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def check_archive(archive: zipfile.ZipFile, what: str = "this file") -> None:
    """Refuse a zip whose members, by their declared sizes, inflate past the caps."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ValueError(
            f"{what} holds {len(infos):,} parts (newsdiff reads up to {MAX_MEMBERS:,})"
        )
    total = 0
    for info in infos:
        if info.file_size > MAX_MEMBER_BYTES:
            raise ValueError(
                f"{what} inflates to more than newsdiff reads (its part {info.filename!r} "
                f"unpacks to {_megabytes(info.file_size)}; the limit is "
                f"{_megabytes(MAX_MEMBER_BYTES)} per part)"
            )
        total += info.file_size
    if total > MAX_INFLATED_BYTES:
        raise ValueError(
            f"{what} inflates to more than newsdiff reads ({_megabytes(total)} unpacked; "
            f"the limit is {_megabytes(MAX_INFLATED_BYTES)})"
        )
