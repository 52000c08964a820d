"""Sentence meaning vectors from distilled static word-piece vectors.

Why: lexical overlap misses paraphrase ("allegations he rejects" / "he has
denied"), spinner synonyms ("energy" for "power") and translation. The table
in ``data/vectors.npz`` holds one vector per word piece of all-MiniLM-L6-v2's
vocabulary, distilled by ``tools/distill_vectors.py``; a sentence vector is
the weighted mean of its words' vectors, so it costs a lookup and a sum.

The table is optional: when it (or numpy) is missing, ``VectorTable.load``
returns ``None`` and the aligner falls back to lexical similarity alone.

Public API: ``VectorTable``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

_log = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_MAX_PIECE_CHARS = 40


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


class VectorTable:
    """Word-piece vectors with a greedy longest-match (WordPiece) tokenizer."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        self._index = {w: i for i, w in enumerate(words)}
        self.vectors = vectors.astype("float32")
        self.dims = int(vectors.shape[1])

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> VectorTable | None:
        """The shipped table, or None (logged once) when numpy or the file is missing:
        alignment then runs on word overlap alone, which a user should be able to see."""
        try:
            import numpy as np
        except ImportError:
            _log.warning("numpy is not installed: aligning without meaning vectors")
            return None
        try:
            data_file = resources.files("newsdiff_gui.engine.align") / "data" / "vectors.npz"
            with data_file.open("rb") as stream:
                archive = np.load(stream)
                return VectorTable([str(w) for w in archive["words"]], archive["vectors"])
        except (FileNotFoundError, OSError, KeyError, ValueError) as exc:
            _log.warning("meaning vectors unavailable (%s): aligning on word overlap alone", exc)
            return None

    @lru_cache(maxsize=65536)  # noqa: B019 - one table per process, cache is the point
    def word_rows(self, word: str) -> tuple[int, ...]:
        """Rows of the pieces of one lower-cased word ("overthrow" -> over, ##throw)."""
        word = _strip_accents(word.lower())
        if len(word) > _MAX_PIECE_CHARS:
            return ()
        rows: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self._index:
                    found = self._index[piece]
                    break
                end -= 1
            if found is None:
                return ()
            rows.append(found)
            start = end
        return tuple(rows)

    @lru_cache(maxsize=65536)  # noqa: B019 - one table per process, cache is the point
    def word_vector(self, word: str) -> Any:
        """Mean vector of a word's pieces, or None for a word the table cannot spell."""
        rows = self.word_rows(word)
        if not rows:
            return None
        return self.vectors[list(rows)].mean(axis=0)

    def sentence_vector(self, words: list[tuple[str, float]]) -> Any:
        """Weighted mean of word vectors, unit length (zeros when nothing is known)."""
        import numpy as np

        total = np.zeros(self.dims, dtype="float32")
        for word, weight in words:
            vector = self.word_vector(word)
            if vector is not None:
                total += weight * vector
        norm = float(np.linalg.norm(total))
        return total / norm if norm > 0 else total
