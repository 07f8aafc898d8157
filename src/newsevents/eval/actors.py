"""Actor coding against gold event actors: does the actor we extract at a gold source or
target span carry the gold country and sector?

Gold: the ``events`` format of ``shared/datasets`` (PLOVER_GSR, CAMEO_ConfliBERT), whose
actors are ``{"start", "end", "text", "country"?, "sector"?}``. Every located gold actor of
every event (``sources``/``targets``, else ``source``/``target``) is looked up with
``coref.actor_for_span`` among the actors of the record's text. Metrics:

- ``found``: share of gold actors with an extracted actor overlapping their span;
- ``country``: share of gold actors with a country whose extracted actor has that country
  ("IGO" gold matches an igo actor or sector IGO; CAMEO codes are read as ISO: ROM = ROU);
- ``sector``: share of gold actors with a sector whose extracted actor has that sector (the
  first three letters of the gold code, so ``CVLalb`` is CVL; ``***`` is skipped);
- ``country_and_sector``: both right, over gold actors that have both;
- ``*_given_found``: the same over gold actors we found, which isolates coding from finding.

Records are not dated: PLOVER_GSR's dates are all the placeholder 2000-01-01 while its
sentences span decades of CAMEO manual examples (some rewritten with later names), so the
leaders table is read without a date (people's latest offices) and titles in the text decide.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..extract.coref import actor_for_span
from ..ontology import countries
from ..pipeline import run
from ..settings import Settings
from ..types import Actor, ArticleRecord, RawArticle
from . import EvalReport, read_gold


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    gold = list(read_gold(path, limit=limit))
    items = [RawArticle(source=str(r["id"]), id=str(r["id"]), text=r["text"]) for r in gold]
    # Short single sentences: the language guess is unreliable on them and all are English.
    quiet = replace(settings, check_language=False)
    counts: Counter[str] = Counter()
    per_sector: Counter[str] = Counter()
    per_sector_ok: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for record, result in zip(gold, run(items, settings=quiet), strict=True):
        if not isinstance(result, ArticleRecord):
            counts["failed"] += 1
            continue
        shift = record["text"].find(result.document.body)
        if shift < 0:
            counts["misaligned"] += 1
            continue
        for actor in _gold_actors(record):
            start, end = actor["start"] - shift, actor["end"] - shift
            found = actor_for_span(result.actors, start, end)
            _score(actor, found, counts, per_sector, per_sector_ok)
            if (found is None or not _country_ok(actor, found)) and len(misses) < 50:
                misses.append(
                    {
                        "id": record["id"],
                        "gold": actor,
                        "found": found.to_dict() if found else None,
                    }
                )
    metrics = {
        "found": _share(counts["found"], counts["gold"]),
        "country": _share(counts["country_ok"], counts["with_country"]),
        "sector": _share(counts["sector_ok"], counts["with_sector"]),
        "country_and_sector": _share(counts["both_ok"], counts["with_both"]),
        "country_given_found": _share(counts["country_ok"], counts["found_with_country"]),
        "sector_given_found": _share(counts["sector_ok"], counts["found_with_sector"]),
    }
    return EvalReport(
        task="actors",
        data=str(path),
        n=len(gold),
        metrics=metrics,
        breakdown={
            "sector_by_gold_sector": {
                s: _share(per_sector_ok[s], n) for s, n in per_sector.most_common()
            }
        },
        details={"counts": dict(counts), "misses": misses},
    )


def _gold_actors(record: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for event in record.get("events", []):
        for side in ("source", "target"):
            actors = event.get(side + "s") or ([event[side]] if event.get(side) else [])
            for actor in actors:
                if actor.get("start") is None:
                    continue
                span = (actor["start"], actor["end"])
                if span not in seen:
                    seen.add(span)
                    found.append(actor)
    return found


def _score(
    gold: dict[str, Any],
    found: Actor | None,
    counts: Counter[str],
    per_sector: Counter[str],
    per_sector_ok: Counter[str],
) -> None:
    counts["gold"] += 1
    counts["found"] += found is not None
    country = gold.get("country")
    sector = _gold_sector(gold)
    if country:
        counts["with_country"] += 1
        if found is not None:
            counts["found_with_country"] += 1
            counts["country_ok"] += _country_ok(gold, found)
    if sector:
        counts["with_sector"] += 1
        per_sector[sector] += 1
        if found is not None:
            counts["found_with_sector"] += 1
            ok = found.sector == sector
            counts["sector_ok"] += ok
            per_sector_ok[sector] += ok
    if country and sector:
        counts["with_both"] += 1
        if found is not None:
            counts["both_ok"] += _country_ok(gold, found) and found.sector == sector


def _gold_sector(gold: dict[str, Any]) -> str | None:
    sector = str(gold.get("sector") or "")[:3].upper()
    return sector if sector.isalpha() and len(sector) == 3 else None


def _country_ok(gold: dict[str, Any], found: Actor) -> bool:
    code = str(gold.get("country") or "")
    if code == "IGO":
        return found.type == "igo" or found.sector == "IGO"
    if code == "NGO":
        return found.type == "ngo" or found.sector == "NGO"
    return found.country == _iso(code)


def _iso(code: str) -> str:
    for country in countries.countries().values():
        if country.cameo == code:
            return country.iso3
    return code


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
