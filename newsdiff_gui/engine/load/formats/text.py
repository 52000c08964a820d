"""Plain text and Markdown: decode bytes, keep the text exactly as decoded.

Contract: ``decode_bytes`` never normalises line endings or anything else —
``\\r\\n``, ``\\r`` and ``\\n`` stay as they are, so offsets index the decoded
text. Order of attempts: known binary signatures (refused), UTF-8 BOM,
UTF-16 BOM, BOM-less UTF-16 (NUL in every other byte, or, for scripts outside
Latin, NUL only on one side and printable text), NUL bytes (refused),
UTF-8, then cp1252 as the last resort (the usual encoding of Windows-saved
articles; it also reads every printable latin-1 text the same way). Text that
decodes but is mostly control characters is refused as binary.

Markdown is read as text: its syntax stays in ``Document.text`` and
segmentation marks rule, image and bare-link lines as boilerplate.

Public API: ``decode_bytes``, ``extract_text``, ``sniff_binary``.
"""

from __future__ import annotations

import codecs

from . import Extracted

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program binary",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document (save it as .txt or .docx)",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc; save it as .docx)",
}
# Control characters that do not occur in text (tab, line feed, form feed,
# carriage return and escape-free text excluded).
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c") | {"\x7f"}


def sniff_binary(data: bytes) -> str | None:
    """What a known binary signature says the file is, or None."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    return None


def _looks_utf16(data: bytes) -> str | None:
    """Codec of BOM-less UTF-16 text (mostly ASCII: NUL in every other byte)."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _non_latin_utf16(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16 of a script outside Latin (Cyrillic, Greek, CJK…): its
    letters have no NUL byte, but its spaces, digits and line breaks do, most
    on one side. Read it when that side decodes to printable text."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    odd_nul = sample[1::2].count(0)
    even_nul = sample[0::2].count(0)
    # ASCII spaces and line breaks put NULs on one side; a letter whose code
    # ends in 00 (开 is U+5F00) now and then puts one on the other.
    if odd_nul > 2 * even_nul:
        codec = "utf-16-le"
    elif even_nul > 2 * odd_nul:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    head = text[:2048]
    readable = sum(1 for ch in head if ch.isprintable() or ch in "\t\n\r")
    if readable < 0.97 * len(head) or any("\ud800" <= ch <= "\udfff" for ch in head):
        return None
    return _checked(text, codec)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``ValueError`` for binary data."""
    what = sniff_binary(data)
    if what:
        raise ValueError(f"this is {what}, not an article text")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            at = exc.start + len(codecs.BOM_UTF8)
            raise ValueError(
                f"it starts like UTF-8 text but its bytes are not UTF-8 "
                f"(invalid byte 0x{data[at]:02x} at offset {at})"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError("it starts like UTF-16 text but its bytes are not UTF-16") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        wide = _non_latin_utf16(data)
        if wide:
            return wide
        raise ValueError("this looks like a binary file (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        # Name the first byte that is not UTF-8 (where the reader should look),
        # and the one cp1252 has no character for, when that is another byte.
        bad = utf8_error.start
        where = f"invalid UTF-8 byte 0x{data[bad]:02x} at offset {bad}"
        if exc.start != bad:
            where += f"; byte 0x{data[exc.start]:02x} at offset {exc.start} is not cp1252"
        raise ValueError(f"its bytes are neither UTF-8, UTF-16 nor cp1252 text ({where})") from None
    return _checked(text, "cp1252")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters (a binary file
    that happened to decode)."""
    sample = text[:4096]
    if sample:
        controls = sum(1 for ch in sample if ch in _CONTROL)
        if controls > max(2, len(sample) // 100):
            raise ValueError("this looks like a binary file (it is full of control characters)")
    return text, encoding


def extract_text(data: bytes) -> Extracted:
    """A plain-text or Markdown file: the decoded text, no metadata."""
    text, encoding = decode_bytes(data)
    return Extracted(text=text, encoding=encoding)
