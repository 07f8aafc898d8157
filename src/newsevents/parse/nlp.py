"""Load the spaCy English pipeline once per process; never download anything."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import NewsEventsError


@cache
def load(model: str) -> Language:
    """The installed pipeline ``model`` (a Python package), with newsevents' components added.

    Cached so a process (or a Dask worker) loads it once, whatever calls it.
    """
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise NewsEventsError("NE301", "spacy", model=model) from e
    return nlp
