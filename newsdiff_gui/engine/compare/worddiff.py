"""Word-level diff of two passages, as operations with spans into both texts.

Method: diff-match-patch in word mode — each distinct token (a word, or a run
of punctuation) is mapped to one private-use character, the character strings
are diffed, then semantic cleanup merges the noise of short coincidental
matches. ``Diff_Timeout = 0`` keeps the result deterministic (the default
1-second timeout would make output depend on machine load); instead, long
passages are cut at shared anchors and each stretch has a counted work
budget (``diff_budget``), so no diff runs for minutes.

Typography, letter case and spelling variants of one thing ("U.S."/"US",
curly/straight quotes, "…"/"...", "three"/"3", "Jan. 5"/"January 5") are equal
by default: tokens are grouped and keyed by ``compare.normalize`` first, so a
view neither strikes nor underlines them. ``exact=True`` compares the tokens
as written (for a reader who wants to see typography).

Contract: concatenating the ``a`` spans of all ops gives ``text_a`` from the
first token on, likewise for ``b``; whitespace between tokens belongs to the
op it follows. Adjacent delete+insert pairs are reported as ``replace``.

Public API: ``diff_words``, ``diff_regions``, ``sentence_regions``, ``tokenize``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from diff_match_patch import diff_match_patch

from ..model import DiffOp, OpKind, Sentence
from .diff_budget import bounded_diff
from .normalize import canonical_units, tokenize

_PRIVATE_USE_BASE = 0xF0000  # Supplementary private-use area: never in article text.


def _key(token: str) -> str:
    # Trailing whitespace does not make words different ("a b" vs "a  b"), nor
    # does the Unicode form: "é" composed (NFC) and decomposed (NFD) are one word.
    key = token.rstrip() or " "
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def diff_words(
    text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0, exact: bool = False
) -> list[DiffOp]:
    """Diff two passages word by word.

    ``offset_a``/``offset_b`` shift the spans so they index the documents the
    passages were cut from; ``exact`` compares tokens as written.
    """
    tokens_a = _keyed(text_a, tokenize(text_a), exact)
    tokens_b = _keyed(text_b, tokenize(text_b), exact)
    return _diff_tokens(
        [(s + offset_a, e + offset_a, k) for s, e, k in tokens_a], len(text_a) + offset_a,
        [(s + offset_b, e + offset_b, k) for s, e, k in tokens_b], len(text_b) + offset_b,
    )  # fmt: skip


def _keyed(text: str, tokens: list[tuple[int, int]], exact: bool) -> list[tuple[int, int, str]]:
    """Tokens with the key they are compared by: as written, or normalised
    (a run of tokens spelling one value becomes one unit)."""
    if exact:
        return [(s, e, _key(text[s:e])) for s, e in tokens]
    return canonical_units(text, tokens)


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
    text_a: str,
    regions_a: list[tuple[int, int]],
    text_b: str,
    regions_b: list[tuple[int, int]],
    exact: bool = False,
) -> list[DiffOp]:
    """Diff the words of some regions of two documents (spans index the texts).

    Why regions and not one passage: a row of the pair view may hold
    sentences far apart in a version (a fused sentence, a manual link); the
    text between them is not shown, and diffing it made one row of two
    distant sentences a diff of thousands of characters.

    Results are cached (the same rows are diffed again when a reader returns
    to a pair, and once per pair a version is in): the key holds the texts
    themselves, whose hashes Python keeps, so a hit costs little.
    """
    key_a, key_b = tuple(map(tuple, regions_a)), tuple(map(tuple, regions_b))
    return list(_diff_regions_cached(text_a, key_a, text_b, key_b, exact))


@lru_cache(maxsize=4096)
def _diff_regions_cached(
    text_a: str,
    regions_a: tuple[tuple[int, int], ...],
    text_b: str,
    regions_b: tuple[tuple[int, int], ...],
    exact: bool,
) -> tuple[DiffOp, ...]:
    tokens_a = [(a + s, a + e) for a, b in regions_a for s, e in tokenize(text_a[a:b])]
    tokens_b = [(a + s, a + e) for a, b in regions_b for s, e in tokenize(text_b[a:b])]
    end_a = regions_a[-1][1] if regions_a else 0
    end_b = regions_b[-1][1] if regions_b else 0
    return tuple(
        _diff_tokens(_keyed(text_a, tokens_a, exact), end_a, _keyed(text_b, tokens_b, exact), end_b)
    )


def _diff_tokens(
    keyed_a: list[tuple[int, int, str]],
    end_a: int,
    keyed_b: list[tuple[int, int, str]],
    end_b: int,
) -> list[DiffOp]:
    """Word diff of two lists of (start, end, key) tokens; spans are the tokens' own."""
    alphabet: dict[str, str] = {}

    def encode(keyed: list[tuple[int, int, str]]) -> str:
        chars = []
        for _, _, key in keyed:
            if key not in alphabet:
                alphabet[key] = chr(_PRIVATE_USE_BASE + len(alphabet))
            chars.append(alphabet[key])
        return "".join(chars)

    encoded_a = encode(keyed_a)
    encoded_b = encode(keyed_b)
    tokens_a = [(s, e) for s, e, _ in keyed_a]
    tokens_b = [(s, e) for s, e, _ in keyed_b]
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
