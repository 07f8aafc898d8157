"""Linear classifiers shipped as weight tables: the cue and source models of quote attribution.

A model file is UTF-8 text: ``#`` comment lines (provenance, training figures), a
``feature<TAB>weight`` header, then one row per feature, plus ``__bias__`` and
``__threshold__`` rows. Scoring needs nothing but this module, so no training library is a
run-time dependency; ``scripts/train_quote_models.py`` writes the tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DATA = "newsevents.extract.data"


@dataclass(frozen=True, slots=True, kw_only=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, features: list[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in features)

    def probability(self, features: list[str]) -> float:
        return self.probability_of(self.score(features))

    @staticmethod
    def probability_of(score: float) -> float:
        return 1.0 / (1.0 + math.exp(-score))


@cache
def load_model(name: str) -> LinearModel:
    """The model table ``name`` from the package's data folder, read once per process."""
    with resources.files(_DATA).joinpath(name).open(encoding="utf-8") as handle:
        return parse_model(handle.read())


def parse_model(text: str) -> LinearModel:
    weights: dict[str, float] = {}
    bias = 0.0
    threshold = 0.5
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, value = line.rpartition("\t")
        if name == "feature":
            continue  # the header row
        if name == "__bias__":
            bias = float(value)
        elif name == "__threshold__":
            threshold = float(value)
        else:
            weights[name] = float(value)
    return LinearModel(weights=weights, bias=bias, threshold=threshold)
