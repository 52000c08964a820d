"""Text from files, shown on a terminal without taking the terminal over.

Why: file names, outlets, article sentences and a student's self-chosen name
are other people's text. Printed raw, an ESC or OSC sequence in them can
recolour, retitle or clear the terminal (or write a clickable link), a
carriage return or line feed can forge a row of the grade table, and the
Unicode direction overrides can make a line read differently from what it
holds. ``for_terminal`` shows every such character as a visible escape
(``\\x1b``, ``\\n``, ``\\u202e``); everything else, accents and emoji
included, passes unchanged. Machine formats (JSON, CSV) escape by their own
rules and do not go through this.

Public API: ``for_terminal``, ``one_line``.
"""

from __future__ import annotations

__all__ = ["for_terminal", "one_line"]

# C0 controls, DEL, C1 controls, and the bidirectional embeddings/overrides/isolates.
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_VISIBLE = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _CONTROLS
} | {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def for_terminal(text: object) -> str:
    """``str(text)`` with control and direction-override characters as escapes."""
    return str(text).translate(_VISIBLE)


def one_line(text: object) -> str:
    """A message of ours with other people's text in it, as one safe line: line
    breaks become spaces (as before), other controls become escapes."""
    return for_terminal(" ".join(str(text).splitlines()))
