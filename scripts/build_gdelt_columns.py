"""Build src/newsevents/export/data/gdelt2_event_columns.tsv from the shared ontology table.

Usage: python scripts/build_gdelt_columns.py [--shared ../shared]

The GDELT 2.0 event table has 61 tab-separated columns in a fixed order and no header; the
export writes them in the order of this file, and tests read exports back with these names.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/newsevents/export/data/gdelt2_event_columns.tsv"
HEADER = """\
# GDELT 2.0 event table columns, in file order (0-based index), with GDELT's types.
# Source: ../shared/ontology/gdelt2_event_columns.csv, from linwoodc3/gdelt2HeaderRows
# schema_csvs/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv (names and types only).
# Built by scripts/build_gdelt_columns.py; do not edit.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with (args.shared / "ontology" / "gdelt2_event_columns.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["index"]) for r in rows] == list(range(61)), "expected 61 columns in order"
    lines = ["index\tname\ttype"] + [f"{r['index']}\t{r['name']}\t{r['type']}" for r in rows]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(rows)} columns)")


if __name__ == "__main__":
    main()
