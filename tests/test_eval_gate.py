"""The evaluation gate: each metric stays within 2 points of its recorded floor.

Each ``tests/eval_floors/<name>.json`` holds::

    {"task": "timex", "data": "TempEval3/train.jsonl", "sha256": "...", "limit": null,
     "floors": {"value_f1": 0.80}, "reason": "why a floor was lowered, if it ever was"}

``data`` is relative to the shared datasets folder, or to the repository with ``"root": "repo"``
(gold sets annotated for newsevents, such as ``gold/quantities/quantities.jsonl``); ``sha256``
pins the gold file, so a changed file is noticed instead of silently moving the numbers. Floors
rise when earned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.eval import TASKS, evaluator, sha256
from newsevents.settings import Settings

from .conftest import DATASETS, ROOT

FLOORS_DIR = Path(__file__).parent / "eval_floors"
TOLERANCE = 0.02
FLOORS = sorted(FLOORS_DIR.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _data(spec: dict[str, Any]) -> Path:
    return (ROOT if spec.get("root") == "repo" else DATASETS) / spec["data"]


@pytest.mark.parametrize("path", FLOORS, ids=[p.stem for p in FLOORS])
def test_floor_file_is_well_formed(path: Path) -> None:
    spec = _load(path)
    assert spec["task"] in TASKS
    assert "test" not in spec["data"].lower(), "never evaluate against a test split here"
    assert spec["floors"] and all(0 <= v <= 1 for v in spec["floors"].values())
    assert sha256(_data(spec)) == spec["sha256"]


@pytest.mark.slow
@pytest.mark.parametrize("path", FLOORS, ids=[p.stem for p in FLOORS])
def test_metrics_hold_their_floors(path: Path) -> None:
    spec = _load(path)
    # The tests' own shared folder, for gold files that refer to the shared datasets.
    report = evaluator(spec["task"])(
        _data(spec),
        settings=Settings.from_env({}, shared=str(DATASETS.parent)),
        limit=spec.get("limit"),
    )
    drops = {
        name: (report.metrics[name], floor)
        for name, floor in spec["floors"].items()
        if report.metrics[name] < floor - TOLERANCE
    }
    assert not drops, f"metrics more than {TOLERANCE} below their floors: {drops}"
