"""The CAMEO and PLOVER tables: unique codes, complete mappings, values in range (issue 4)."""

from __future__ import annotations

import pytest

from newsevents.ontology.cameo import cameo, cameo_codes, goldstein, root_of
from newsevents.ontology.plover import (
    acled_for,
    cameo_to_plover,
    plover_for,
    plover_modes,
    plover_types,
)
from newsevents.ontology.tables import read_tsv

pytestmark = pytest.mark.issue(4)


def test_codes_are_unique_and_well_formed() -> None:
    rows = read_tsv("newsevents.ontology", "data/cameo_codes.tsv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) == 316
    for entry in cameo_codes().values():
        assert entry.code.isdigit() and 2 <= len(entry.code) <= 4
        assert entry.root == root_of(entry.code)
        assert entry.root in cameo_codes()
        assert 1 <= entry.quad_class <= 4


def test_goldstein_within_range_and_unscored_codes_fall_back() -> None:
    for entry in cameo_codes().values():
        if entry.goldstein is not None:
            assert -10 <= entry.goldstein <= 10
    assert cameo("1951") is not None and cameo("1951").goldstein is None  # type: ignore[union-attr]
    assert goldstein("1951") == goldstein("195")
    assert goldstein("190") == -10.0
    assert goldstein("042") == 1.9


@pytest.mark.parametrize(
    ("code", "quad"), [("010", 1), ("036", 1), ("057", 1), ("073", 2), ("112", 3), ("190", 4)]
)
def test_quad_class_follows_the_root(code: str, quad: int) -> None:
    assert cameo(code).quad_class == quad  # type: ignore[union-attr]


def test_every_code_maps_to_plover() -> None:
    table = cameo_to_plover()
    types = plover_types()
    assert set(cameo_codes()) <= set(table)
    for code, mapping in table.items():
        if code[:2] in {"01", "02"} or code == "08":
            assert mapping.type is None
        else:
            assert mapping.type in types, code
        if mapping.mode:
            assert mapping.mode in plover_modes()[mapping.type or ""], (code, mapping.mode)


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("163", "COERCE"),  # embargo under SANCTION's 16
        ("160", "SANCTION"),
        ("1712", "ASSAULT"),  # destroy property under COERCE's 171
        ("171", "COERCE"),
        ("175", "ASSAULT"),
        ("191", "COERCE"),
        ("192", "COERCE"),
        ("190", "ASSAULT"),
        ("0813", "RETREAT"),  # under CONCEDE's 081
        ("081", "CONCEDE"),
        ("0874", "RETREAT"),
        ("0831", "RETREAT"),  # a resignation: Draft 2.0's RETREAT mode "resign"
        ("0832", "CONCEDE"),
        ("042", "CONSULT"),
        ("20", "ASSAULT"),
    ],
)
def test_sub_code_exceptions(code: str, plover: str) -> None:
    mapping = plover_for(code)
    assert mapping is not None and mapping.type == plover


def test_plover_types_and_modes() -> None:
    types = plover_types()
    assert len(types) == 16
    assert types["CONSULT"].quad_class == 1 and types["ASSAULT"].quad_class == 4
    assert types["SANCTION"].requires_recipient and not types["ASSAULT"].requires_recipient
    assert plover_for("042").mode == "visit"  # type: ignore[union-attr]
    assert plover_for("186").mode == "targeted"  # type: ignore[union-attr]  # renamed 2021 mode


def test_acled_mapping_only_where_it_fits() -> None:
    assert acled_for("195", "ASSAULT") == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
    }
    assert acled_for("1411", "PROTEST") == {
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
    }
    assert acled_for("173", "COERCE")["sub_event_type"] == "Arrests"  # type: ignore[index]
    assert acled_for("192", "COERCE") is None  # depends on the actors
    assert acled_for("042", "CONSULT") is None
    for row in read_tsv("newsevents.ontology", "data/acled.tsv"):
        assert plover_for(row["cameo"]).type == row["plover_type"], row  # type: ignore[union-attr]


@pytest.mark.slow
def test_tables_are_built_from_their_sources() -> None:
    import subprocess
    import sys

    from ..conftest import ROOT, SHARED

    script = str(ROOT / "scripts" / "build_ontology.py")
    done = subprocess.run(
        [sys.executable, script, "--check", "--shared", str(SHARED)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_draft2_moves_a_resignation_to_retreat() -> None:
    mapping = plover_for("0831")
    assert mapping is not None
    assert (mapping.type, mapping.mode, mapping.exception) == ("RETREAT", "resign", True)
    # The context of the CAMEO2PLOVER row is kept.
    assert mapping.context == "political_institutions"
