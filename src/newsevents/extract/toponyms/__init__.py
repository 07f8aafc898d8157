"""Toponym recognition and resolution helpers for ``extract/places.py`` (issue 3)."""
