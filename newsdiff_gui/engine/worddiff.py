"""Word-level diff of two passages, as operations with spans into both texts.

Method: diff-match-patch in word mode — each distinct token (a word, or a run
of punctuation) is mapped to one private-use character, the character strings
are diffed, then semantic cleanup merges the noise of short coincidental
matches. ``Diff_Timeout = 0`` keeps the result deterministic (the default
1-second timeout would make output depend on machine load).

Contract: concatenating the ``a`` spans of all ops gives ``text_a`` from the
first token on, likewise for ``b``; whitespace between tokens belongs to the
op it follows. Adjacent delete+insert pairs are reported as ``replace``.

Public API: ``diff_words``, ``tokenize``.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .model import DiffOp, OpKind

# A token is a word (letters, digits, inner apostrophes/dots/commas of numbers)
# or a single punctuation mark, plus the whitespace that follows it.
_TOKEN = re.compile(r"(?:[\w$€£%]+(?:[.,'’\-][\w]+)*|[^\w\s])\s*|\s+")

_PRIVATE_USE_BASE = 0xF0000  # Supplementary private-use area: never in article text.


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans covering ``text`` completely and in order."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    # Trailing whitespace does not make words different ("a b" vs "a  b").
    return token.rstrip() or " "


def diff_words(text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0) -> list[DiffOp]:
    """Diff two passages word by word.

    ``offset_a``/``offset_b`` shift the spans so they index the documents the
    passages were cut from.
    """
    tokens_a = tokenize(text_a)
    tokens_b = tokenize(text_b)
    alphabet: dict[str, str] = {}

    def encode(text: str, spans: list[tuple[int, int]]) -> str:
        chars = []
        for start, end in spans:
            key = _key(text[start:end])
            if key not in alphabet:
                alphabet[key] = chr(_PRIVATE_USE_BASE + len(alphabet))
            chars.append(alphabet[key])
        return "".join(chars)

    encoded_a = encode(text_a, tokens_a)
    encoded_b = encode(text_b, tokens_b)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encoded_a, encoded_b, False)
    engine.diff_cleanupSemantic(diffs)

    ops: list[DiffOp] = []
    index_a = index_b = 0

    def span(
        tokens: list[tuple[int, int]], first: int, count: int, text_len: int
    ) -> tuple[int, int]:
        if count == 0:
            position = tokens[first][0] if first < len(tokens) else text_len
            return position, position
        return tokens[first][0], tokens[first + count - 1][1]

    for operation, chars in diffs:
        count = len(chars)
        if operation == 0:
            a = span(tokens_a, index_a, count, len(text_a))
            b = span(tokens_b, index_b, count, len(text_b))
            ops.append(
                DiffOp(
                    OpKind.EQUAL, a[0] + offset_a, a[1] + offset_a, b[0] + offset_b, b[1] + offset_b
                )
            )
            index_a += count
            index_b += count
        elif operation == -1:
            a = span(tokens_a, index_a, count, len(text_a))
            b = span(tokens_b, index_b, 0, len(text_b))
            ops.append(
                DiffOp(
                    OpKind.DELETE,
                    a[0] + offset_a,
                    a[1] + offset_a,
                    b[0] + offset_b,
                    b[1] + offset_b,
                )
            )
            index_a += count
        else:
            a = span(tokens_a, index_a, 0, len(text_a))
            b = span(tokens_b, index_b, count, len(text_b))
            ops.append(
                DiffOp(
                    OpKind.INSERT,
                    a[0] + offset_a,
                    a[1] + offset_a,
                    b[0] + offset_b,
                    b[1] + offset_b,
                )
            )
            index_b += count
    return _pair_replacements(ops)


def _pair_replacements(ops: list[DiffOp]) -> list[DiffOp]:
    """Fold a delete next to an insert into one ``replace``."""
    merged: list[DiffOp] = []
    for op in ops:
        previous = merged[-1] if merged else None
        if previous and {previous.kind, op.kind} == {OpKind.DELETE, OpKind.INSERT}:
            deleted, inserted = (previous, op) if previous.kind == OpKind.DELETE else (op, previous)
            merged[-1] = DiffOp(
                OpKind.REPLACE, deleted.a_start, deleted.a_end, inserted.b_start, inserted.b_end
            )
        else:
            merged.append(op)
    return merged
