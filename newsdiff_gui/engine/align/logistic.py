"""A standardised logistic model read from the package's data folder.

Why one small class: the link check (``verify.py``) and the recovery pass
(``recovery.py``) each ship a model trained by a tool under ``tools/`` and
stored as JSON (feature names, means, scales, coefficients, intercept), read
at run time with nothing but the standard library.

Public API: ``LogisticModel``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class LogisticModel:
    """P(yes) from features: the logistic of a weighted sum of standardised values."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float

    def probability(self, features: list[float]) -> float:
        z = self.intercept
        for x, mean, scale, weight in zip(
            features, self.means, self.scales, self.coefficients, strict=True
        ):
            z += weight * (x - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def read(cls, file_name: str, features: tuple[str, ...]) -> LogisticModel | None:
        """The model in ``align/data/file_name``; None when it is missing or was
        trained on other features than ``features`` (a stale file)."""
        try:
            text = (resources.files("newsdiff_gui.engine.align") / "data" / file_name).read_text(
                encoding="utf-8"
            )
        except OSError:
            return None
        data = json.loads(text)
        if tuple(data["features"]) != features:
            return None
        return cls(
            tuple(data["means"]),
            tuple(data["scales"]),
            tuple(data["coefficients"]),
            float(data["intercept"]),
        )
