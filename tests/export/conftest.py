"""Export tests use the store built by hand in tests/store (the sample's events, copies)."""

from ..store.conftest import _built_store, rich_record, store_db

__all__ = ["_built_store", "rich_record", "store_db"]
