"""A small invented story whose one doubtful link is known, for the possible-partner tests.

Two versions of a bridge collapse: three sentences the same word for word,
one sentence each only one version has, and one sentence that differs only
in the death toll (12 in one, 14 in the other). The aligner links that pair;
whether it is *shown* as a link is the link model's call, which changes
whenever the model is retrained. So the tests replace the bundled model
with ``toll_doubting_model``: confident (0.95) about every link except one
whose two sides give conflicting numbers, which it doubts (0.43). That makes
the toll pair the one suggestion, on every machine and with any trained
model, and a real typed change (a number, 12 → 14) once the reader links it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff_gui.engine.align import recovery
from newsdiff_gui.engine.align.verify import FEATURE_NAMES, LinkModel, two_versions_refit

WIRE = """Bridge collapse in Portvale

A road bridge over the Venn river in Portvale collapsed on Tuesday evening during the rush hour.

At least 12 people were killed when the span fell into the water, the regional governor said.

Rescue divers worked through the night to reach cars trapped under the wreckage.

The bridge had been closed for repairs twice in the past five years.
"""

DAILY = """Portvale bridge collapse

A road bridge over the Venn river in Portvale collapsed on Tuesday evening during the rush hour.

At least 14 people were killed when the span fell into the water, the regional governor said.

Rescue divers worked through the night to reach cars trapped under the wreckage.

Engineers from the capital were sent to inspect every other crossing on the river.
"""

# The toll sentences, as the two versions word them.
TOLL_WIRE = "At least 12 people were killed"
TOLL_DAILY = "At least 14 people were killed"
# The stand-in model's probability for the toll pair (0.426, rounded as verify
# rounds), refitted as the link check refits every link of a two-version set.
DOUBT = two_versions_refit(0.426)


def toll_doubting_model() -> LinkModel:
    """Confident unless the two sides' numbers conflict: logistic of 3.0 - 3.3 x."""
    count = len(FEATURE_NAMES)
    coefficients = [0.0] * count
    coefficients[FEATURE_NAMES.index("numbers_conflict")] = -3.3
    return LinkModel((0.0,) * count, (1.0,) * count, tuple(coefficients), 3.0)


def use_toll_doubting_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in link model, and no recovery pass (its own offers would
    change with every retrained recovery model; tests/engine/align/test_recovery.py
    covers them)."""
    monkeypatch.setattr(LinkModel, "bundled", staticmethod(toll_doubting_model))
    monkeypatch.setattr(recovery, "bundled_model", lambda: None)


def write_bridge_story(folder: Path) -> list[Path]:
    """The two versions as files (wire first), for commands and the window."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "portvale-wire.txt", folder / "portvale-daily.txt"]
    for path, text in zip(paths, (WIRE, DAILY), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths
