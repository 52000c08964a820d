"""BERT's uncased WordPiece tokenizer in plain Python, for the pair model.

Why not a tokenizer library: the model's vocabulary ships inside its weights
archive and the rules are short, so the runtime needs numpy alone. The rules
follow the tokenizer the model was trained with (BERT's normaliser and
pre-tokenizer, then greedy longest-match WordPiece), and a test compares the
pieces with the ones it produced:

1. clean: drop NUL, U+FFFD and control characters; every whitespace becomes a space;
2. put spaces around CJK ideographs; strip accents (NFD, drop marks); lower-case;
3. split on whitespace and make every punctuation character its own word;
4. each word: longest vocabulary prefix, then ``##``-prefixed continuations;
   a word with no such cover, or longer than 100 characters, is ``[UNK]``.

Public API: ``WordPieceTokenizer`` (``pieces``, ``ids``, ``encode_pair``), ``EncodedPair``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_MAX_WORD_CHARS = 100
_CJK_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


@dataclass(frozen=True)
class EncodedPair:
    """Token ids of ``[CLS] a [SEP] b [SEP]`` and their segment (0 for a, 1 for b)."""

    ids: list[int]
    types: list[int]

    def __post_init__(self) -> None:
        if len(self.ids) != len(self.types):
            raise ValueError("ids and types differ in length")


def _is_whitespace(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _is_control(char: str) -> bool:
    return char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cf", "Co", "Cn", "Cs")


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


@lru_cache(maxsize=4096)
def _normalise_char(char: str) -> str:
    if char in ("\x00", "\ufffd") or _is_control(char):
        return ""
    if _is_whitespace(char):
        return " "
    if _is_cjk(char):
        return f" {char} "
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn"
    )
    return stripped.lower()


def normalise(text: str) -> str:
    """Step 1-2 of the module docstring."""
    return "".join(_normalise_char(char) for char in text)


def words(text: str) -> list[str]:
    """Step 3: whitespace-separated words with punctuation split off."""
    out: list[str] = []
    for chunk in normalise(text).split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    out.append(current)
                    current = ""
                out.append(char)
            else:
                current += char
        if current:
            out.append(current)
    return out


class WordPieceTokenizer:
    """Pieces and ids for one vocabulary (a list of pieces, the index is the id)."""

    def __init__(self, vocab: list[str]) -> None:
        self._index = {piece: i for i, piece in enumerate(vocab)}
        for special in ("[CLS]", "[SEP]", "[UNK]", "[PAD]"):
            if special not in self._index:
                raise ValueError(f"vocabulary lacks {special}")
        self.cls_id = self._index["[CLS]"]
        self.sep_id = self._index["[SEP]"]
        self.unk_id = self._index["[UNK]"]
        self.pad_id = self._index["[PAD]"]
        self._word_cache: dict[str, list[str]] = {}

    def _word_pieces(self, word: str) -> list[str]:
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        pieces: list[str] = []
        start = 0
        while start < len(word) and len(word) <= _MAX_WORD_CHARS:
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self._index:
                    found = piece
                    break
                end -= 1
            if found is None:
                break
            pieces.append(found)
            start = end
        if start < len(word) or len(word) > _MAX_WORD_CHARS:
            pieces = ["[UNK]"]
        if len(self._word_cache) < 100_000:
            self._word_cache[word] = pieces
        return pieces

    def pieces(self, text: str) -> list[str]:
        """The word pieces of ``text`` (no special tokens)."""
        return [piece for word in words(text) for piece in self._word_pieces(word)]

    def ids(self, text: str) -> list[int]:
        return [self._index[piece] for piece in self.pieces(text)]

    def encode_pair(self, first: str, second: str, max_tokens: int) -> EncodedPair:
        """``[CLS] first [SEP] second [SEP]``, at most ``max_tokens`` long.

        Too long a pair loses tokens from the end of the longer sentence first,
        as the training tokenizer's "longest first" truncation does.
        """
        a, b = self.ids(first), self.ids(second)
        keep_a, keep_b = _truncated_lengths(len(a), len(b), max_tokens - 3)
        a, b = a[:keep_a], b[:keep_b]
        ids = [self.cls_id, *a, self.sep_id, *b, self.sep_id]
        types = [0] * (len(a) + 2) + [1] * (len(b) + 1)
        return EncodedPair(ids, types)


def _truncated_lengths(first: int, second: int, budget: int) -> tuple[int, int]:
    """How many tokens of each sentence to keep within ``budget``."""
    if first + second <= budget:
        return first, second
    shorter = min(first, second)
    half = budget // 2
    if shorter <= half:
        keep_short, keep_long = shorter, budget - shorter
    else:
        keep_short, keep_long = half, budget - half
    return (keep_short, keep_long) if first <= second else (keep_long, keep_short)
