import pytest

from newsevents.clean.pubdate import find_full_date, is_iso_day, parse_date

pytestmark = pytest.mark.issue(2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-08", "2024-07-08"),
        ("2024-07-08T23:30:00Z", "2024-07-08"),
        ("2024-02-20T08:00:00+09:00", "2024-02-20"),
        ("Mon, 08 Jul 2024 10:00:00 GMT", "2024-07-08"),
        ("July 8, 2024", "2024-07-08"),
        ("8 July 2024", "2024-07-08"),
        ("Jul. 8, 2024", "2024-07-08"),
        ("10:33 AM EDT, Tue June 4, 2024", "2024-06-04"),
        ("March 12, 2002", "2002-03-12"),
        ("yesterday", None),
        ("", None),
        ("February 30, 2024", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_caption_date_found_with_offsets() -> None:
    caption = (
        "Putin speaks with Modi at Novo-Ogaryovo, outside Moscow, Russia, Monday, July 8, 2024."
    )
    found = find_full_date(caption)
    assert found is not None
    value, start, end = found
    assert value == "2024-07-08"
    assert caption[start:end] == "July 8, 2024"


def test_money_is_not_a_year() -> None:
    # The date-parser trap the quantities issue names: "$65" is not 2065.
    assert (
        find_full_date("trade touched close to $65 billion in the 2023-24 financial year") is None
    )


def test_iso_day() -> None:
    assert is_iso_day("2024-07-08")
    assert not is_iso_day("2024-7-8")
    assert not is_iso_day("2024-02-30")
    assert not is_iso_day("July 8")
