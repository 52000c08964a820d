"""A bounded, deterministic word diff for long passages.

Why: diff-match-patch's Myers bisection costs O(N·D) — N tokens, D edits —
so two long passages with little in common (two texts without sentence
punctuation, each one "sentence" of 100,000 characters) took minutes, and
with ``Diff_Timeout = 0`` (needed for deterministic output) nothing stopped
it. Two measures keep every diff near-linear and still deterministic:

* **Anchors.** Above ``ANCHOR_ABOVE`` tokens, tokens that occur exactly once
  on each side and in the same order (the longest increasing run of their
  positions: patience diff's anchors) cut the problem into the stretches
  between them, each split the same way in turn (up to ``MAX_DEPTH``
  rounds) and then diffed on its own. Ordinary sentence rows are far below
  the threshold and are diffed exactly as before.
* **A work budget.** Each stretch may take ``MAX_EDIT_STEPS`` steps of the
  bisection (counted, not timed: a deadline would make the output depend
  on machine load). A stretch that needs more is reported as replaced as a
  whole: such passages are too different for a word diff to help a reader.

Public API: ``bounded_diff``, ``ANCHOR_ABOVE``, ``MAX_EDIT_STEPS``, ``MAX_DEPTH``.
"""

from __future__ import annotations

import bisect
from collections import Counter

from diff_match_patch import diff_match_patch

__all__ = ["ANCHOR_ABOVE", "MAX_DEPTH", "MAX_EDIT_STEPS", "bounded_diff"]

# Tokens on both sides together above which anchors split the diff first.
ANCHOR_ABOVE = 2000
# Bisection steps (edit-distance rounds, summed over the recursion) one
# stretch may take: ample for any pair of sentences, about 0.1 s at worst.
MAX_EDIT_STEPS = 600
# Rounds of splitting at anchors (each level is O(n log n)).
MAX_DEPTH = 8

Diffs = list[tuple[int, str]]


class _StepBudget:
    """Stands in for diff-match-patch's deadline, which it compares as
    ``time.time() > deadline`` once per bisection round: this object answers
    "past the deadline" after ``steps`` rounds, whatever the clock says."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    def __lt__(self, _now: object) -> bool:  # ``now > self`` is asked as ``self < now``
        self.left -= 1
        return self.left < 0

    def __gt__(self, _now: object) -> bool:
        return False


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return engine


def _budgeted(engine: diff_match_patch, a: str, b: str) -> Diffs:
    return list(engine.diff_main(a, b, False, _StepBudget(MAX_EDIT_STEPS)))


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` of tokens unique on both sides, in an order both
    sides share (the longest such chain, by patience sorting)."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {ch: j for j, ch in enumerate(b) if count_b[ch] == 1}
    pairs = [(i, where_b[ch]) for i, ch in enumerate(a) if count_a[ch] == 1 and ch in where_b]
    # Longest increasing subsequence of the b positions (pairs are in a order).
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for number, (_, j) in enumerate(pairs):
        slot = bisect.bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_at.append(number)
        else:
            tails[slot] = j
            tail_at[slot] = number
        previous[number] = tail_at[slot - 1] if slot else -1
    chain: list[tuple[int, int]] = []
    number = tail_at[-1] if tail_at else -1
    while number != -1:
        chain.append(pairs[number])
        number = previous[number]
    return chain[::-1]


def _split_diff(engine: diff_match_patch, a: str, b: str, depth: int) -> Diffs:
    """Diff at anchors, then each stretch between them the same way (a token
    repeated across the whole text is often unique within one stretch)."""
    if len(a) + len(b) <= ANCHOR_ABOVE or depth >= MAX_DEPTH:
        return _budgeted(engine, a, b)
    anchors = _anchors(a, b)
    if not anchors:
        return _budgeted(engine, a, b)
    diffs: Diffs = []
    last_i = last_j = 0
    for i, j in anchors:
        diffs.extend(_split_diff(engine, a[last_i:i], b[last_j:j], depth + 1))
        diffs.append((0, a[i]))
        last_i, last_j = i + 1, j + 1
    diffs.extend(_split_diff(engine, a[last_i:], b[last_j:], depth + 1))
    return diffs


def bounded_diff(a: str, b: str) -> Diffs:
    """diff-match-patch ops (``(-1|0|1, text)``) of ``a`` against ``b``, in
    bounded work; semantic cleanup is left to the caller."""
    engine = _engine()
    if len(a) + len(b) <= ANCHOR_ABOVE:
        return _budgeted(engine, a, b)
    diffs = [d for d in _split_diff(engine, a, b, 0) if d[1]]
    engine.diff_cleanupMerge(diffs)  # join neighbouring ops of one kind
    return diffs
