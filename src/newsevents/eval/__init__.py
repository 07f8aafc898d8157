"""Evaluation against gold data: one module per task, each with ``evaluate(path, ...)``.

A task module ``newsevents.eval.<task>`` exposes::

    def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport

(tasks in ``CROSS_VALIDATED`` also take ``seeds``, the fold seeds).
``newsevents eval <task> --data FILE [--json]`` runs it; ``tests/eval_floors/<task>.json`` pins
the gold file's sha256 and the floors CI holds each metric to.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import NewsEventsError
from ..settings import Settings

# Task name -> module under newsevents.eval.
TASKS: dict[str, str] = {
    "actors": "actors",
    "timex": "timex",
    "toponyms": "toponyms",
    "events": "events",
    "quotes": "quotes",
    "quantities": "quantities",
    "acled": "acled",
    "triggers": "triggers",
}
# Tasks whose evaluate() takes ``seeds``: they retrain a shipped model per fold when scoring a
# file it was trained on.
CROSS_VALIDATED = frozenset({"events"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """What an evaluation measured: headline metrics, breakdowns, and details."""

    task: str
    data: str
    n: int
    metrics: dict[str, float]
    # Named groups of metrics: per label, per kind, reference systems ("baseline"), ...
    breakdown: dict[str, dict[str, float]] = field(default_factory=dict)
    # Anything else worth keeping in --json output (confusion matrix, counts).
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "data": self.data,
            "n": self.n,
            "metrics": self.metrics,
            "breakdown": self.breakdown,
            "details": self.details,
        }


class Evaluator(Protocol):
    def __call__(
        self, path: Path, *, settings: Settings, limit: int | None = None, **options: Any
    ) -> EvalReport: ...


def evaluator(task: str) -> Evaluator:
    """The ``evaluate`` function of ``task``."""
    module = importlib.import_module(f"{__name__}.{TASKS[task]}")
    function: Evaluator = module.evaluate
    return function


def read_gold(
    path: Path, *, limit: int | None = None, required: tuple[str, ...] = ("text",)
) -> Iterator[dict[str, Any]]:
    """Records of a gold JSON Lines file (the formats of ``shared/datasets``), each an object
    with the ``required`` fields."""
    if required == ("text",):
        missing = "no text field"
    else:
        missing = f"expected {', '.join(required[:-1])} and {required[-1]}"
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise NewsEventsError("NE701", str(path), detail=e.strerror or str(e)) from e
    with handle:
        count = 0
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise NewsEventsError("NE701", f"{path}:{number}", detail=e.msg) from e
            if not isinstance(record, dict) or not set(required) <= record.keys():
                raise NewsEventsError("NE701", f"{path}:{number}", detail=missing)
            yield record
            count += 1
            if limit is not None and count >= limit:
                return


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the two totals."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def confusion_matrix(counts: Mapping[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """(gold, predicted) counts as ``{gold: {predicted: count}}``, sorted, for JSON."""
    matrix: dict[str, dict[str, int]] = {}
    for (gold, predicted), count in sorted(counts.items()):
        matrix.setdefault(gold, {})[predicted] = count
    return matrix
