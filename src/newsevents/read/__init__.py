"""Read: turn paths, directories, JSON Lines and stdin into ``RawArticle`` items or ``Failure``s."""

from .sources import iter_inputs

__all__ = ["iter_inputs"]
