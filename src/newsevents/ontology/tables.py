"""Read the package's tab-separated data files.

``#`` lines are comments; the first other row is the header.
"""

from __future__ import annotations

import csv
from importlib import resources


def read_tsv(package: str, name: str) -> list[dict[str, str]]:
    with resources.files(package).joinpath(name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
