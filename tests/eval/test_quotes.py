"""The quote scorer's rules: half of the shorter unit's words, one-to-one, speaker overlap."""

from __future__ import annotations

import pytest

from newsevents.eval.quotes import Unit, match, speaker_correct, unit_kind

pytestmark = pytest.mark.issue(5)


def unit(tokens: range, source: tuple[int, int] | None = None, kind: str = "indirect") -> Unit:
    return Unit(tokens=frozenset(tokens), kind=kind, source=source)


def test_half_of_the_shorter_unit_matches() -> None:
    gold = [unit(range(0, 10))]
    assert match([unit(range(5, 30))], gold) == [(0, 0)]  # 5 of the gold's 10 words
    assert match([unit(range(6, 30))], gold) == []  # 4 of 10: too few


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    gold = [unit(range(0, 10))]
    predicted = [unit(range(0, 6)), unit(range(0, 10))]
    assert match(predicted, gold) == [(1, 0)]


def test_speaker_overlap_or_same_actor() -> None:
    gold = unit(range(3), source=(100, 110))
    assert speaker_correct(unit(range(3), source=(105, 107)), gold)
    assert not speaker_correct(unit(range(3), source=(200, 202)), gold)
    same_actor = Unit(
        tokens=frozenset(range(3)), kind="direct", source=(200, 202), actor_mentions=((98, 104),)
    )
    assert speaker_correct(same_actor, gold)
    assert not speaker_correct(unit(range(3)), gold)


def test_units_of_several_quotes_take_the_loosest_kind() -> None:
    assert unit_kind(["direct", "direct"]) == "direct"
    assert unit_kind(["indirect"]) == "indirect"
    assert unit_kind(["direct", "partial"]) == "mixed"
