"""A copy of an article that changes only typography and letter case.

Straight quotes and apostrophes for curly ones, "..." for "…", a hyphen for
the en dash, US for U.S., and the first short line (the dateline or site
label, where a byline would be) in capitals: what wire copies of one story
differ by, and what no view may call a change.
"""

from __future__ import annotations


def typography_only(text: str) -> str:
    for curly, straight in (("“", '"'), ("”", '"'), ("’", "'"), ("‘", "'"), ("…", "...")):
        text = text.replace(curly, straight)
    text = text.replace(" – ", " - ").replace("U.S.", "US")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.strip() and len(line.split()) <= 8:
            lines[number] = line.upper()  # a byline or dateline in capitals
            break
    return "\n".join(lines)
