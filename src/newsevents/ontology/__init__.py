"""Ontology and lookup tables (CAMEO, PLOVER, countries, places, actors): small cached loaders
over the data files in ``ontology/data/``."""
