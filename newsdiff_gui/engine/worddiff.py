"""Word-level diff of two passages, as operations with spans into both texts.

Method: diff-match-patch in word mode — each distinct token (a word, or a run
of punctuation) is mapped to one private-use character, the character strings
are diffed, then semantic cleanup merges the noise of short coincidental
matches. ``Diff_Timeout = 0`` keeps the result deterministic (the default
1-second timeout would make output depend on machine load); instead, long
passages are cut at shared anchors and each stretch has a counted work
budget (``diff_budget``), so no diff runs for minutes.

Contract: concatenating the ``a`` spans of all ops gives ``text_a`` from the
first token on, likewise for ``b``; whitespace between tokens belongs to the
op it follows. Adjacent delete+insert pairs are reported as ``replace``.

Public API: ``diff_words``, ``diff_regions``, ``sentence_regions``, ``tokenize``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from diff_match_patch import diff_match_patch

from .diff_budget import bounded_diff
from .model import DiffOp, OpKind, Sentence

# Combining marks of common scripts (accents written as separate characters,
# Devanagari vowel signs and virama, Arabic harakat, Hebrew points, Thai
# vowels and tones): Python's \w leaves them out, which cut every such word
# into pieces and made NFD text differ from NFC text token by token.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
)
# Han characters and kana are written without spaces: each is its own token
# (with any marks), so one changed character is one changed token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_LETTER = rf"(?![{_CJK}])[\w{_MARKS}]"
# A token is a word (letters, digits, inner apostrophes/dots/commas of numbers),
# one CJK character, or a single punctuation mark, plus the whitespace after it.
_TOKEN = re.compile(
    rf"(?:(?:(?![{_CJK}])[\w$€£%{_MARKS}])+(?:[.,'’\-]{_LETTER}+)*"
    rf"|[{_CJK}][{_MARKS}]*|[^\w\s])\s*|\s+"
)

_PRIVATE_USE_BASE = 0xF0000  # Supplementary private-use area: never in article text.


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans covering ``text`` completely and in order."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    # Trailing whitespace does not make words different ("a b" vs "a  b"), nor
    # does the Unicode form: "é" composed (NFC) and decomposed (NFD) are one word.
    key = token.rstrip() or " "
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def diff_words(text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0) -> list[DiffOp]:
    """Diff two passages word by word.

    ``offset_a``/``offset_b`` shift the spans so they index the documents the
    passages were cut from.
    """
    return _diff_tokens(
        text_a, [(s + offset_a, e + offset_a) for s, e in tokenize(text_a)],
        len(text_a) + offset_a, text_b,
        [(s + offset_b, e + offset_b) for s, e in tokenize(text_b)],
        len(text_b) + offset_b, offset_a, offset_b,
    )  # fmt: skip


def sentence_regions(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Spans of runs of consecutive sentences (document order): what a row shows."""
    regions: list[tuple[int, int]] = []
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is not None and sentence.index == previous.index + 1:
            regions[-1] = (regions[-1][0], sentence.end)
        else:
            regions.append((sentence.start, sentence.end))
        previous = sentence
    return regions


def diff_regions(
    text_a: str, regions_a: list[tuple[int, int]], text_b: str, regions_b: list[tuple[int, int]]
) -> list[DiffOp]:
    """Diff the words of some regions of two documents (spans index the texts).

    Why regions and not one passage: a row of the pair view may hold
    sentences far apart in a version (a fused sentence, a manual link); the
    text between them is not shown, and diffing it made one row of two
    distant sentences a diff of thousands of characters.
    """
    tokens_a = [(a + s, a + e) for a, b in regions_a for s, e in tokenize(text_a[a:b])]
    tokens_b = [(a + s, a + e) for a, b in regions_b for s, e in tokenize(text_b[a:b])]
    end_a = regions_a[-1][1] if regions_a else 0
    end_b = regions_b[-1][1] if regions_b else 0
    return _diff_tokens(text_a, tokens_a, end_a, text_b, tokens_b, end_b)


def _diff_tokens(
    text_a: str,
    tokens_a: list[tuple[int, int]],
    end_a: int,
    text_b: str,
    tokens_b: list[tuple[int, int]],
    end_b: int,
    base_a: int = 0,
    base_b: int = 0,
) -> list[DiffOp]:
    """Word diff of two token lists; spans are the tokens' own. ``base_*`` is
    where ``text_*`` starts in the token spans' coordinates."""
    alphabet: dict[str, str] = {}

    def encode(text: str, spans: list[tuple[int, int]], base: int) -> str:
        chars = []
        for start, end in spans:
            key = _key(text[start - base : end - base])
            if key not in alphabet:
                alphabet[key] = chr(_PRIVATE_USE_BASE + len(alphabet))
            chars.append(alphabet[key])
        return "".join(chars)

    encoded_a = encode(text_a, tokens_a, base_a)
    encoded_b = encode(text_b, tokens_b, base_b)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = bounded_diff(encoded_a, encoded_b)
    engine.diff_cleanupSemantic(diffs)

    ops: list[DiffOp] = []
    index_a = index_b = 0

    def span(tokens: list[tuple[int, int]], first: int, count: int, end: int) -> tuple[int, int]:
        if count == 0:
            position = tokens[first][0] if first < len(tokens) else end
            return position, position
        return tokens[first][0], tokens[first + count - 1][1]

    def gaps(tokens: list[tuple[int, int]], first: int, count: int) -> set[int]:
        """Where a run of tokens jumps from one region to the next."""
        return {k for k in range(1, count) if tokens[first + k - 1][1] != tokens[first + k][0]}

    kinds = {0: OpKind.EQUAL, -1: OpKind.DELETE, 1: OpKind.INSERT}
    for operation, chars in diffs:
        count = len(chars)
        # An op never spans the hidden text between two regions: it is cut there.
        cuts: set[int] = set()
        if operation <= 0:
            cuts |= gaps(tokens_a, index_a, count)
        if operation >= 0:
            cuts |= gaps(tokens_b, index_b, count)
        bounds = [0, *sorted(cuts), count]
        for low, high in pairwise(bounds):
            a = span(tokens_a, index_a + low, high - low, end_a) if operation <= 0 else None
            b = span(tokens_b, index_b + low, high - low, end_b) if operation >= 0 else None
            a = a or span(tokens_a, index_a, 0, end_a)
            b = b or span(tokens_b, index_b, 0, end_b)
            ops.append(DiffOp(kinds[operation], a[0], a[1], b[0], b[1]))
        if operation <= 0:
            index_a += count
        if operation >= 0:
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
