"""Average-linkage clustering with a story-level check on every merge of stories.

Why not SciPy's ``linkage``: it cannot refuse a merge. Grouping needs to
(``verify.py``): two groups of articles whose articles are similar on
average may still be two stories of one busy day (the march photo captions
and the doll photo captions of one summit share their photo credits and
"Putin", "Trump", "Helsinki"). Before two groups of at least
``check_from`` articles join, their *leads* — the opening words of every
member, summed — must agree (cosine at least ``lead_at``). A refused pair
stays apart for good, and so do the groups they later join (the refusal
holds for the whole story, as complete linkage would). A single article
joins a story on average similarity alone: one scraped page's opening words
are too often a menu or a photo caption to decide on.

Cost: a dense ``n × n`` matrix and one arg-max per merge, O(n³) in the
worst case; blocks are at most a few hundred articles (``max_block``).

Contract: pure and deterministic (ties go to the lowest positions).

Public API: ``average_linkage``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["average_linkage"]


def average_linkage(
    similarity: Any,
    join_at: float,
    lead_similarity: Any | None = None,
    lead_at: float = 0.0,
    check_from: int = 2,
) -> list[list[int]]:
    """Groups of positions: merged while the best average similarity is at least
    ``join_at``, each merge of two groups of ``check_from`` or more articles
    checked on their summed leads (``lead_similarity``: cosines of unit lead
    vectors; None checks nothing)."""
    import numpy as np

    count = len(similarity)
    average = np.array(similarity, dtype=np.float64)
    np.fill_diagonal(average, -np.inf)
    leads = None if lead_similarity is None else np.array(lead_similarity, dtype=np.float64)
    size = np.ones(count, dtype=np.int64)
    members: list[list[int]] = [[i] for i in range(count)]
    while count > 1:
        best = int(np.argmax(average))
        i, j = divmod(best, count)
        if not average[i, j] >= join_at:
            break
        if leads is not None and size[i] >= check_from and size[j] >= check_from:
            # Cosine of the two groups' summed unit lead vectors, from the sums
            # of lead cosines within and between them.
            within = leads[i, i] * leads[j, j]
            agreement = leads[i, j] / np.sqrt(within) if within > 0.0 else 0.0
            if agreement < lead_at:
                average[i, j] = average[j, i] = -np.inf
                continue
        i, j = min(i, j), max(i, j)
        refused = np.isneginf(average[i]) | np.isneginf(average[j])
        merged = (size[i] * average[i] + size[j] * average[j]) / (size[i] + size[j])
        merged[refused] = -np.inf
        average[i, :] = merged
        average[:, i] = merged
        average[i, i] = -np.inf
        average[j, :] = -np.inf
        average[:, j] = -np.inf
        if leads is not None:
            leads[i, :] += leads[j, :]
            leads[:, i] += leads[:, j]
        size[i] += size[j]
        members[i].extend(members[j])
        members[j] = []
    return [sorted(group) for group in members if group]
