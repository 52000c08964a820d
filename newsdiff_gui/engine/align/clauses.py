"""Clauses of a sentence, for finding the facts a fused sentence carries.

Why: a summary or a lead often packs two or three facts that other versions
report one sentence each ("Some 140,000 homes have no electricity, 30,000
hectares of farmland are under water, and 80 mm more rain is forecast").
Scored whole, such a sentence matches none of those sentences well; each of
its clauses matches one of them closely. Clauses are cut where writers join
facts: commas, semicolons, colons and dashes, and the conjunctions that open
a new fact. Pieces too short to carry a fact of their own stay with the
clause before them.

Public API: ``split_clauses``.
"""

from __future__ import annotations

import re

from .features import STOP_WORDS

# Where one fact ends and the next begins: punctuation, or a conjunction after a space.
_JOINERS = r"(?:and|but|while|whereas|although|though|as well as)"
_CUT = re.compile(rf"\s*[,;:–—]\s+(?:{_JOINERS}\s+)?|\s+{_JOINERS}\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# A piece with fewer content words than this stays with the clause before it.
MIN_CLAUSE_WORDS = 2


def _content_words(piece: str) -> int:
    return sum(w.lower() not in STOP_WORDS for w in _WORD.findall(piece))


def split_clauses(text: str) -> list[str]:
    """The clauses of ``text``: at least two, or an empty list when it has one fact."""
    pieces = [p.strip() for p in _CUT.split(text) if p and p.strip()]
    clauses: list[str] = []
    for piece in pieces:
        if clauses and _content_words(piece) < MIN_CLAUSE_WORDS:
            clauses[-1] = f"{clauses[-1]} {piece}"
        else:
            clauses.append(piece)
    if clauses and _content_words(clauses[0]) < MIN_CLAUSE_WORDS:
        if len(clauses) > 1:
            clauses[1] = f"{clauses[0]} {clauses[1]}"
        clauses.pop(0)
    return clauses if len(clauses) >= 2 else []
