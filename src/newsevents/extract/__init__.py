"""Extractors: pure functions from a parsed article (spaCy ``Doc``) to typed records."""
