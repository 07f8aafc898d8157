"""Clean: turn a raw article into a ``Document`` (body without debris, plus its structure)."""
