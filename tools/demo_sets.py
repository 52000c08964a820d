"""Write invented article sets for screenshots and hand checks (no corpus text).

``wire`` — eight successive copies of one wire story: the same outlet and
headline, eight times of day (what made pickers read "AP — …" five times
over). Each copy updates the last the way wire desks do: paragraphs added,
a figure revised, a quote moved up, a sentence cut, straight quotes for
curly ones, a credit line and a lone full stop.

``moved`` — the two-version story of the reading-order tests: the update
moves the union's paragraph up.

    .venv/bin/python -m tools.demo_sets wire /tmp/wire
    .venv/bin/python -m tools.demo_sets moved /tmp/moved

Each folder gets the versions and a ``newsdiff.json`` manifest naming their
outlet, date and time, so the app reads them as a set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.support.moved_story import EARLIER, LATER

HEADLINE = "Storm surge closes coast road as river tops its banks"
LEAD = (
    "PORT ARDEN (AP) — A storm surge closed the coast road between Port Arden and "
    "Kelby on Tuesday after the river Marre rose above its banks overnight."
)
PARAGRAPHS = [
    "Police said about 120 homes in the lower town had been told to leave. "
    "Two shelters opened in school halls.",
    "“We have not seen water this high since 1998,” said harbour master Ilse Varn. "
    "“The next high tide is the one we are worried about.”",
    "The weather service kept its red warning in place until Wednesday noon.",
    "Rail services along the coast were suspended, and ferries to the islands stayed in port.",
    "The regional council said emergency crews had pumped water from the hospital basement.",
    "Insurers said it was too early to estimate the damage.",
    "Residents in Kelby filled sandbags through the night. "
    "Some said the flood barriers promised after the last storm were never built.",
    "The council's leader, Tomas Reyd, said the barriers were “still in planning.”",
]


def wire_versions() -> list[tuple[str, str, str]]:
    """(file name, time, text) of eight successive copies."""
    versions = []
    times = ("05:40", "06:25", "07:10", "08:05", "09:30", "11:15", "13:50", "16:20")
    for number, clock in enumerate(times):
        paragraphs = list(PARAGRAPHS[: 3 + min(number, 5)])
        if number >= 2:  # the evacuation figure is revised
            paragraphs[0] = paragraphs[0].replace("about 120 homes", "about 140 homes")
        if number >= 4:  # the harbour master's quote moves up, to the second paragraph
            quote = paragraphs.pop(1)
            paragraphs.insert(0, quote)
        if number >= 5:  # a sentence is cut
            paragraphs = [
                p.replace(" Two shelters opened in school halls.", "") for p in paragraphs
            ]
        if number >= 6:  # the desk adds the council's answer
            paragraphs.append("Reyd said a decision on the barriers would come “within weeks.”")
        if number >= 7:  # the warning is extended
            paragraphs = [p.replace("Wednesday noon", "Wednesday evening") for p in paragraphs]
        text = "\n\n".join([HEADLINE, LEAD, *paragraphs])
        if number == 3:  # one copy with straight quotes and a credit line
            text = text.replace("“", '"').replace("”", '"').replace("’", "'")
            text += "\n\nAP Photo/Staff\n\n."
        versions.append((f"wire-{number + 1}.txt", clock, text + "\n"))
    return versions


def write_set(kind: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "wire":
        entries = []
        for name, clock, text in wire_versions():
            (folder / name).write_text(text, encoding="utf-8")
            entries.append({"file": name, "outlet": "AP", "date": f"2025-03-04T{clock}"})
    else:
        entries = []
        for name, clock, text in (("earlier.txt", "08:00", EARLIER), ("later.txt", "12:30", LATER)):
            (folder / name).write_text(text, encoding="utf-8")
            entries.append({"file": name, "outlet": "Harbour News", "date": f"2025-03-04T{clock}"})
    manifest = folder / "newsdiff.json"
    manifest.write_text(json.dumps({"documents": entries}, indent=1), encoding="utf-8")
    return [folder / entry["file"] for entry in entries]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("wire", "moved"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    paths = write_set(args.kind, args.folder)
    print(f"wrote {len(paths)} versions and newsdiff.json to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
