"""Three copies of one wire story: same outlet, same headline (written for these tests)."""

from __future__ import annotations

from pathlib import Path

HEADLINE = "Storm closes the coast road"
BODY = (
    "WASHINGTON (AP) — A storm closed the coast road on Monday, officials said.\n\n"
    "Crews worked through the night to clear fallen trees near the harbour.\n\n"
    "The road is expected to reopen on Wednesday{extra}.\n"
)


def write_wire_copies(folder: Path) -> list[Path]:
    """ap-1.txt … ap-3.txt: each loads as outlet "AP" with the same title."""
    paths = []
    for number, extra in enumerate(("", ", weather permitting", " at the earliest"), start=1):
        path = folder / f"ap-{number}.txt"
        path.write_text(f"{HEADLINE}\n\n" + BODY.format(extra=extra), encoding="utf-8")
        paths.append(path)
    return paths
