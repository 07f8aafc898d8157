import pytest

from newsevents.clean.dateline import parse_dateline

pytestmark = pytest.mark.issue(2)


@pytest.mark.parametrize(
    ("paragraph", "text", "place", "country", "agency"),
    [
        (
            "MOSCOW — India’s Prime Minister Narendra Modi was in Moscow",
            "MOSCOW —",
            "Moscow",
            "RUS",
            None,
        ),
        ("NEW DELHI (AP) — Indian officials said", "NEW DELHI (AP) —", "New Delhi", "IND", "AP"),
        (
            "Washington, July 8 (Reuters) - The United States",
            "Washington, July 8 (Reuters) -",
            "Washington",
            "USA",
            "Reuters",
        ),
        (
            "Mexico City (AFP) – It featured drama",
            "Mexico City (AFP) –",
            "Mexico City",
            "MEX",
            "AFP",
        ),
        ("WASHINGTON--A tremendous number of records", "WASHINGTON--", "Washington", "USA", None),
        (
            "BEIRUT (AP) \ufffd A Kurdish militia spokesman says",
            "BEIRUT (AP) \ufffd",
            "Beirut",
            "LBN",
            "AP",
        ),
        (
            "SPRINGFIELD, Ill. (AP) — A man was",
            "SPRINGFIELD, Ill. (AP) —",
            "Springfield, Ill.",
            "USA",
            "AP",
        ),
        (
            "KYIV, Ukraine (AP) — Russia launched",
            "KYIV, Ukraine (AP) —",
            "Kyiv, Ukraine",
            "UKR",
            "AP",
        ),
        (
            "SAN FRANCISCO - The American Civil Liberties Union",
            "SAN FRANCISCO -",
            "San Francisco",
            "USA",
            None,
        ),
        ("ahmedabad:", "ahmedabad:", "Ahmedabad", "IND", None),
        (
            "Tallinn, Estonia — The government",
            "Tallinn, Estonia —",
            "Tallinn, Estonia",
            "EST",
            None,
        ),
    ],
)
def test_datelines(paragraph: str, text: str, place: str, country: str, agency: str | None) -> None:
    parsed = parse_dateline(paragraph)
    assert parsed is not None
    assert (parsed.text, parsed.place, parsed.country, parsed.agency) == (
        text,
        place,
        country,
        agency,
    )
    assert paragraph.startswith(parsed.text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Hillary Clinton - the candidate said",
        "U.S.-based analysts said on Monday",
        "ABSTRACT.",
        "The U.S. — and its allies — disagreed.",
        "BREAKING NEWS: markets fall",
        "Modi met Russian President Vladimir Putin at his residence.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None
