"""Parse: the spaCy pipeline, loaded once per process."""
