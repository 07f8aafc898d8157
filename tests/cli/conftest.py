"""The store commands run against the hand-built store of tests/store."""

from ..store.conftest import _built_store, rich_record, store_db

__all__ = ["_built_store", "rich_record", "store_db"]
