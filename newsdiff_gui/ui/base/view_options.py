"""What the reader asked every view to show: typography changes, site chrome.

Why one record on the application context: the pair view, the synopsis and
the coverage map must agree — a curly quote that is "no change" in one view
and a struck word in the next would make the reader doubt both. Meld's text
filters are the model: typography and letter case are ignored unless asked
for, and so is site chrome.

Public API: ``ViewOptions``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewOptions:
    # Typography and letter case (curly/straight quotes, "…"/"...", capitals)
    # count as word changes: the word diff's ``exact``.
    exact: bool = False
    # Boilerplate rows (credits, datelines, page furniture) and rows of
    # punctuation alone are shown.
    show_chrome: bool = False
