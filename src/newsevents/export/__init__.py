"""Exports of a store: GDELT 2.0 event table, PLOVER/POLECAT-style JSON Lines, Parquet, CSV."""

from .gdelt import write_gdelt
from .plover import write_plover
from .tables import write_tables

FORMATS = ("gdelt", "plover", "parquet", "csv")

__all__ = ["FORMATS", "write_gdelt", "write_plover", "write_tables"]
