"""The gazetteer tables and index (issue 3; datelines of issue 2 keep their narrow view)."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest

from newsevents.ontology import gazetteer
from newsevents.ontology.tables import read_tsv

from ..conftest import ROOT

pytestmark = pytest.mark.issue(3)


def test_countries_have_codes_and_points() -> None:
    countries = gazetteer.countries()
    assert len(countries) > 240
    for code, entry in countries.items():
        assert len(code) == 3 and code.isupper()
        if entry.lat is not None and entry.lon is not None:
            assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180
    assert countries["USA"].lat is not None


def test_tables_name_known_countries() -> None:
    countries = gazetteer.countries()
    for row in read_tsv("newsevents.ontology", "data/country_words.tsv"):
        assert row["country"] in countries, row
        assert row["kind"] in {"demonym", "name"}
    for row in read_tsv("newsevents.ontology", "data/regions.tsv"):
        for member in filter(None, row["members"].split("|")):
            assert member in countries, (row["name"], member)
    for row in read_tsv("newsevents.ontology", "data/admin_regions.tsv"):
        assert row["country"] in countries and row["level"] in {"1", "2"}


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("W.Va.", "admin1", "USA"),
        ("W. Va.", "admin1", "USA"),
        ("Laurel County", "admin2", "USA"),
        ("Middle East", "region", ""),
        ("Europe", "continent", ""),
        ("Atlantic", "water", ""),
    ],
)
def test_candidates(name: str, feature: str, country: str) -> None:
    assert any(e.feature == feature and e.country == country for e in gazetteer.candidates(name))


def test_seas_have_no_invented_point() -> None:
    (ocean,) = [e for e in gazetteer.candidates("Atlantic") if e.feature == "water"]
    assert ocean.lat is None and ocean.lon is None


@pytest.mark.parametrize(
    ("name", "country", "demonym"),
    [
        ("Indian", "IND", True),
        ("Palestinians", "PSE", True),
        ("Scots", "GBR", True),
        ("America", "USA", False),
        ("Persia", "IRN", False),
    ],
)
def test_demonyms_and_country_names(name: str, country: str, demonym: bool) -> None:
    (entry, *_) = [e for e in gazetteer.candidates(name) if e.feature == "country"]
    assert (entry.country, entry.demonym) == (country, demonym)


def test_dateline_view_is_narrow() -> None:
    """``lookup`` keeps what datelines relied on: countries, US states, cities of 15,000+."""
    assert gazetteer.best("Moscow") is not None and gazetteer.best("Moscow").country == "RUS"
    assert all(e.feature != "admin2" and not e.demonym for e in gazetteer.lookup("Indian"))
    small = [e for e in gazetteer.lookup("Rogersville") if e.feature == "city"]
    assert all(e.population >= gazetteer.DATELINE_MIN_POPULATION for e in small)


def test_index_files_are_small_and_sorted() -> None:
    """The prebuilt index ships as two gzipped TSVs of a few MB, names in byte order."""
    folder = ROOT / "src" / "newsevents" / "ontology" / "data" / "gazetteer"
    for name in ("places.tsv.gz", "names.tsv.gz"):
        assert (folder / name).stat().st_size < 5_000_000, name
    names = gzip.decompress((folder / "names.tsv.gz").read_bytes()).split(b"\n")[:-1]
    keys = [line.split(b"\t", 1)[0] for line in names]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    assert all(k == gazetteer.key(k.decode("utf-8")).encode("utf-8") for k in keys[:5000])


@pytest.mark.parametrize("name", ["", "Aaaaaaa", "Zzzzzzzz", "Notaplace", "Paris Hilton"])
def test_unknown_names_have_no_candidates(name: str) -> None:
    assert gazetteer.candidates(name) == ()


def test_the_first_and_last_names_are_found() -> None:
    index = gazetteer._index()
    lines = len(index._name_starts) - 1
    for line in (0, lines - 1):
        name = index._name_at(line).decode("utf-8")
        assert gazetteer.candidates(name), name


def test_a_place_is_one_object_under_all_its_names() -> None:
    """The ranking's "not itself" test compares entries by identity."""
    (paris,) = [e for e in gazetteer.candidates("Paris") if e.geonameid == 2988507]
    again = [e for e in gazetteer.candidates("paris") if e.geonameid == 2988507]
    assert again[0] is paris
    # Matched by an alternate name, it is a copy that says so.
    (lutetia,) = [e for e in gazetteer.candidates("Lutetia") if e.geonameid == 2988507]
    assert lutetia.alternate and lutetia.name == "Paris"


@pytest.mark.slow
def test_index_is_built_from_its_sources() -> None:
    script = ROOT / "scripts" / "build_gazetteer_index.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
