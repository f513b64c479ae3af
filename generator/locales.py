"""Which Babel locale formats a document: its language, in the jurisdiction's region."""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError


@functools.lru_cache(maxsize=64)
def document_locale(language: str, jurisdiction: str | None) -> Locale:
    """en + GB -> en_GB (22 December 2026, £1,560.00); a pair CLDR lacks -> the language."""
    if jurisdiction:
        try:
            return Locale.parse(f"{language}_{jurisdiction}")
        except (UnknownLocaleError, ValueError):
            pass
    return Locale.parse(language)
