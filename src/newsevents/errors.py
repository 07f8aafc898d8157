"""The catalogue of numbered errors.

Codes are grouped by pipeline stage: 1xx read, 2xx clean, 3xx parse, 4xx extract,
5xx store, 6xx serve, 7xx eval. Every message names its input, so a line on stderr
(``NE102 story.txt: input is empty``) says what failed and where. Retired codes leave gaps.
"""

from __future__ import annotations

from typing import Final

from .types import Failure

CATALOGUE: Final[dict[str, str]] = {
    # read
    "NE101": "no such file or directory",
    "NE102": "input is empty",
    "NE103": "input looks binary, not text ({detail})",
    "NE104": "input is {size:,} bytes, over the limit of {limit:,}",
    "NE105": "cannot decode the bytes as text ({detail})",
    "NE106": "malformed JSON ({detail})",
    "NE107": "JSON record has no text: expected one of the fields text, body, content",
    "NE108": "no article text found in the HTML ({detail})",
    "NE109": "cannot read input ({detail})",
    # clean
    "NE201": "not English (detected {language}, confidence {confidence:.2f})",
    "NE202": "nothing left after removing debris",
    "NE203": "invalid date {value!r}: expected YYYY-MM-DD",
    # parse
    "NE301": (
        "spaCy pipeline {model!r} is not installed; "
        "install the newsevents package with its dependencies"
    ),
    # extract
    "NE401": "extraction failed ({detail})",
    # store
    "NE501": "not a newsevents store ({detail}); give another --db",
    "NE502": (
        "the store has schema version {found}, newer than this newsevents supports ({supported}); "
        "upgrade newsevents"
    ),
    "NE503": "cannot open the store ({detail})",
    "NE504": "no store here; create one with newsevents ingest",
    "NE505": "invalid value {value!r} ({detail})",
    "NE506": "migration to schema version {version} failed, the store is unchanged ({detail})",
    "NE507": "cannot write the export ({detail})",
    "NE508": "near-duplicate of {canonical}, whose extraction failed; not stored",
    # eval
    "NE701": "unknown or unreadable gold data ({detail})",
    "NE702": "cannot cross-validate the shipped model ({detail})",
}

# Exit codes of the command line (documented in docs/cli.md).
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
EXIT_USAGE: Final = 2


class NewsEventsError(Exception):
    """An error with a catalogue code, raised for one input."""

    def __init__(
        self, code: str, source: str, *, reason: str | None = None, **params: object
    ) -> None:
        self.code = code
        self.source = source
        self.params = params
        self.reason = reason if reason is not None else CATALOGUE[code].format(**params)
        super().__init__(f"{code} {source}: {self.reason}")

    @classmethod
    def from_failure(cls, failure: Failure) -> NewsEventsError:
        return cls(failure.code, failure.source, reason=failure.message)

    def to_failure(self) -> Failure:
        return Failure(source=self.source, code=self.code, message=self.reason)
