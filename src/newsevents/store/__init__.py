"""The corpus store: an embedded DuckDB file holding each story once (docs/store.md)."""

from .schema import DEFAULT_DB, SCHEMA_VERSION, open_store

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "open_store"]
