"""JSON Schemas of newsevents' output records."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def article_schema() -> dict[str, Any]:
    """The JSON Schema of ``newsevents.article/1``."""
    text = resources.files(__package__).joinpath("article-1.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def offset_problems(record: dict[str, Any]) -> list[str]:
    """Every span in ``record`` whose offsets do not give back its text from the body.

    A span is any object with integer ``start``/``end`` and a ``text`` (or, for evidence,
    ``sentence``); the invariant is ``body[start:end] == text``.
    """
    body: str = record["document"]["body"]
    problems: list[str] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            start, end = node.get("start"), node.get("end")
            expected = node.get("text", node.get("sentence"))
            is_span = isinstance(start, int) and isinstance(end, int) and isinstance(expected, str)
            if is_span and body[start:end] != expected:
                problems.append(f"{path}: body[{start}:{end}] != {expected!r}")
            for name, child in node.items():
                if not (path == "$.document" and name == "body"):
                    visit(child, f"{path}.{name}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                visit(child, f"{path}[{i}]")

    visit(record, "$")
    return problems
