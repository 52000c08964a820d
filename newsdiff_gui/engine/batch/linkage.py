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

After linkage, ``attach_short_pages`` gives a short page left alone to the
story that carries its words (``verify.py`` says why).

Public API: ``average_linkage``, ``attach_short_pages``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["attach_short_pages", "average_linkage"]


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


def attach_short_pages(
    groups: list[list[int]],
    pages: Any,
    found_in: Any,
    attach_at: float,
    margin: float,
    max_size: int,
    min_story: int = 2,
) -> list[list[int]]:
    """Groups after moving each short page that linkage left alone (or in a
    group of at most ``max_size``) to the story it is best found in.

    ``pages``: the positions of the short pages; ``found_in[r, j]``: the share
    of page ``pages[r]``'s weight that article ``j`` carries (0 where the two
    may not be one story, e.g. dated too far apart). A page's match to a
    story is its mean ``found_in`` over the story's members; it moves when the
    best story (of ``min_story`` or more articles) matches at least
    ``attach_at`` and beats both the runner-up story and its own group (the
    others in it) by ``margin``. Every move is decided against the groups as
    linkage left them, so the result does not depend on the order of pages.
    """
    import numpy as np

    owner = {p: g for g, group in enumerate(groups) for p in group}
    targets = [g for g, group in enumerate(groups) if len(group) >= min_story]
    if not targets:
        return groups
    columns = np.zeros((len(owner), len(groups)))
    for g, group in enumerate(groups):
        columns[group, g] = 1.0
    sizes = columns.sum(axis=0)
    moves: dict[int, int] = {}
    for row, page in enumerate(pages):
        own = owner[int(page)]
        if len(groups[own]) > max_size:
            continue
        totals = np.asarray(found_in[row]) @ columns
        totals[own] -= found_in[row, page]
        others = sizes - (np.arange(len(groups)) == own)
        match = np.divide(totals, others, out=np.zeros_like(totals), where=others > 0)
        own_match = match[own]
        match[own] = -np.inf
        candidates = np.full(len(groups), -np.inf)
        candidates[targets] = match[targets]
        order = np.argsort(-candidates, kind="stable")
        best = int(order[0])
        runner_up = candidates[order[1]] if len(order) > 1 else -np.inf
        level = candidates[best]
        if level >= attach_at and level - max(runner_up, own_match, 0.0) >= margin:
            moves[int(page)] = best
    if not moves:
        return groups
    moved = [[p for p in group if p not in moves] for group in groups]
    for page, target in moves.items():
        moved[target].append(page)
    return [sorted(group) for group in moved if group]
