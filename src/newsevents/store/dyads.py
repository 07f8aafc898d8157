"""Dyad time series: events between two countries per period, the shape models are fed.

For a directed pair (source -> target), or both directions as two series, each period from the
first to the last event (or ``since``/``until`` when given) gets a row, zeros included: the
number of events, their summed and mean Goldstein score, and the QuadClass breakdown. Each
story counts once (copies are not parsed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Final, Literal

import duckdb

from .query import EventFilter

Freq = Literal["day", "week", "month", "year"]
FREQS: Final[tuple[Freq, ...]] = ("day", "week", "month", "year")
QUADS: Final = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
SPARKS: Final = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadPeriod:
    period: dt.date  # first day of the period (weeks start on Monday)
    source: str
    target: str
    events: int
    goldstein: float  # sum over events with a score
    goldstein_mean: float | None
    quads: tuple[int, int, int, int]  # QuadClass 1..4


def dyad_series(
    connection: duckdb.DuckDBPyConnection,
    *,
    source: str,
    target: str,
    freq: Freq = "month",
    both: bool = False,
    where: EventFilter | None = None,
) -> list[DyadPeriod]:
    """Rows ordered by direction (source -> target first), then period."""
    base = where or EventFilter()
    directions = [(source, target)] + ([(target, source)] if both and source != target else [])
    found: dict[tuple[str, str, dt.date], tuple[int, float, int, int, int, int, int]] = {}
    days: list[dt.date] = []
    for s, t in directions:
        condition, params = replace(base, source=s, target=t).where()
        rows = connection.execute(
            f"SELECT date_trunc('{freq}', e.day)::DATE AS period, count(*), "
            "coalesce(sum(e.goldstein), 0), count(e.goldstein), "
            "count(*) FILTER (e.quad_class = 1), count(*) FILTER (e.quad_class = 2), "
            "count(*) FILTER (e.quad_class = 3), count(*) FILTER (e.quad_class = 4) "
            f"FROM events e WHERE e.day IS NOT NULL AND {condition} GROUP BY period",
            params,
        ).fetchall()
        for period, *values in rows:
            found[(s, t, period)] = tuple(values)
            days.append(period)
    if base.since:
        days.append(truncate(base.since, freq))
    if base.until:
        days.append(truncate(base.until, freq))
    if not days:
        return []
    periods = period_range(min(days), max(days), freq)
    result: list[DyadPeriod] = []
    for s, t in directions:
        for period in periods:
            n, total, scored, q1, q2, q3, q4 = found.get((s, t, period), (0, 0.0, 0, 0, 0, 0, 0))
            result.append(
                DyadPeriod(
                    period=period,
                    source=s,
                    target=t,
                    events=n,
                    goldstein=round(float(total), 4),
                    goldstein_mean=round(float(total) / scored, 4) if scored else None,
                    quads=(q1, q2, q3, q4),
                )
            )
    return result


def truncate(day: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def label(period: dt.date, freq: Freq) -> str:
    """How a period reads on a terminal: 2024, 2024-07, 2024-W27 or 2024-07-08 (CSV and JSON
    keep the period's first day, which every tool parses)."""
    if freq == "year":
        return str(period.year)
    if freq == "month":
        return period.strftime("%Y-%m")
    if freq == "week":
        year, week, _ = period.isocalendar()
        return f"{year}-W{week:02d}"
    return period.isoformat()


def period_range(first: dt.date, last: dt.date, freq: Freq) -> list[dt.date]:
    """Every period start from ``first`` to ``last`` (both already truncated)."""
    periods = []
    current = truncate(first, freq)
    while current <= last:
        periods.append(current)
        if freq == "day":
            current += dt.timedelta(days=1)
        elif freq == "week":
            current += dt.timedelta(days=7)
        elif freq == "month":
            current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            current = current.replace(year=current.year + 1)
    return periods


def sparkline(values: list[float]) -> str:
    """One block character per value, scaled from the smallest to the largest value."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return (SPARKS[0] if high == 0 else SPARKS[len(SPARKS) // 2]) * len(values)
    scale = (len(SPARKS) - 1) / (high - low)
    return "".join(SPARKS[round((v - low) * scale)] for v in values)
