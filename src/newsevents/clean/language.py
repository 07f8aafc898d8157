"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many characters a language guess is noise ("ahmedabad:" scores as Somali).
MIN_CHARS = 120


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for ``text``; ``("en", 0.0)`` when too short to tell."""
    sample = text[:4000]
    if len(sample.strip()) < MIN_CHARS:
        return "en", 0.0
    language, probability = _identifier().classify(sample)
    return str(language), float(probability)
