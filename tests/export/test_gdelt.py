"""The GDELT export reads back with GDELT's published column names and matches the store."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from newsevents.export.gdelt import gdelt_columns, write_gdelt
from newsevents.store.query import EventFilter
from newsevents.store.schema import open_store

from ..conftest import SHARED

pytestmark = pytest.mark.issue(6)


def _published_columns() -> list[str]:
    with (SHARED / "ontology" / "gdelt2_event_columns.csv").open(encoding="utf-8") as f:
        return [r["name"] for r in sorted(csv.DictReader(f), key=lambda r: int(r["index"]))]


def _read_back(path: Path) -> list[dict[str, str]]:
    """As GDELT users read it: tab-separated, no header, the published names, all text."""
    names = _published_columns()
    if path.stat().st_size == 0:
        return []
    connection = duckdb.connect()
    relation = connection.read_csv(
        str(path), sep="\t", header=False, names=names, all_varchar=True, quotechar=""
    )
    rows = relation.fetchall()
    return [{n: v or "" for n, v in zip(names, row, strict=True)} for row in rows]


def test_package_columns_are_the_published_ones() -> None:
    assert list(gdelt_columns()) == _published_columns()
    assert len(gdelt_columns()) == 61


def test_round_trip(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    connection = open_store(store_db)
    assert write_gdelt(connection, out) == 18
    rows = _read_back(out)
    assert len(rows) == 18
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)
    stored = {
        str(gid): (cameo, root, quad, goldstein, day, doc)
        for gid, cameo, root, quad, goldstein, day, doc in connection.execute(
            "SELECT gid, cameo, cameo_root, quad_class, goldstein, day, doc_id FROM events"
        ).fetchall()
    }
    assert {r["GLOBALEVENTID"] for r in rows} == set(stored)
    for row in rows:
        cameo, root, quad, goldstein, day, doc = stored[row["GLOBALEVENTID"]]
        assert row["EventCode"] == cameo and row["EventRootCode"] == root
        assert row["EventBaseCode"] == cameo[:3]
        assert int(row["QuadClass"]) == quad
        assert float(row["GoldsteinScale"]) == pytest.approx(goldstein)
        assert row["SQLDATE"] == day.strftime("%Y%m%d")
        assert row["MonthYear"] == day.strftime("%Y%m") and row["Year"] == str(day.year)
        assert int(row["NumArticles"]) == (4 if doc == "1d858d0aa1c8f8cd" else 1)
        assert int(row["NumSources"]) == (3 if doc == "1d858d0aa1c8f8cd" else 1)
        assert row["AvgTone"] == ""


def test_values_of_one_event(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e1.tsv"
    where = EventFilter(cameo="042", since=None)
    write_gdelt(open_store(store_db), out, where)
    rows = [r for r in _read_back(out) if r["SOURCEURL"].endswith("000_1839534ac2fbbf65.txt")]
    assert len(rows) == 1
    row = rows[0]
    assert (
        row["SQLDATE"] == "20240708" and row["FractionDate"] == "2024.5973"
    )  # 2024 + (7 * 30 + 8) / 365
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "INDGOV",
        "NARENDRA MODI",
        "IND",
    )
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("RUSGOV", "GOV")
    # The evidence is in the second paragraph; the first paragraph is the lead.
    assert row["IsRootEvent"] == "0"
    # Two mentions (evidence + one more) in each of the story's four articles.
    assert row["NumMentions"] == "8"
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"]) == ("4", "Moscow, Russia")
    assert row["ActionGeo_CountryCode"] == "RS"  # FIPS 10-4, not ISO
    assert float(row["ActionGeo_Lat"]) == 55.75204 and float(row["ActionGeo_Long"]) == 37.61781
    assert row["ActionGeo_FeatureID"] == "524901"
    assert row["Actor1Geo_Type"] == "" and row["DATEADDED"] == "20240708000000"


def test_event_in_the_lead_paragraph_is_root(store_db: Path, tmp_path: Path) -> None:
    connection = duckdb.connect(str(store_db))
    # Move e1's evidence to the first paragraph (0..250 in the sample).
    connection.execute("UPDATE events SET evidence_start = 10 WHERE id = 'e1'")
    connection.close()
    out = tmp_path / "lead.tsv"
    write_gdelt(open_store(store_db), out, EventFilter(cameo="04"))
    root = {(r["EventCode"], r["IsRootEvent"]) for r in _read_back(out)}
    assert root == {("042", "1"), ("043", "0"), ("040", "0")}


def test_filters_limit_the_export_and_nothing_partial_is_left(
    store_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "usa.tsv"
    assert write_gdelt(open_store(store_db), out, EventFilter(source="USA")) == 3
    rows = _read_back(out)
    assert {r["EventCode"] for r in rows} == {"163"}
    assert {r["Actor2Code"] for r in rows} == {""}
    assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]
