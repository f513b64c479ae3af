""" "Did you mean …?" for a mistyped name, from the names that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`did you mean 'en/scope'? ` when a choice is close to `word` (any case), else '': to
    put before the list of known names."""
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f"did you mean {by_folded[close[0]]!r}? " if close else ""
