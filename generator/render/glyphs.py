"""Which characters the PDF can draw, and the text values that hold one it cannot."""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

COVERAGE = Path(__file__).resolve().parent / "fonts" / "coverage.txt"

# Line breaks and tabs never reach the page as glyphs: a line break becomes a Break, a tab
# white space.
_LAYOUT = frozenset("\t\n\r\x0b")


@functools.lru_cache(maxsize=1)
def _ranges() -> tuple[list[int], list[int]]:
    firsts, lasts = [], []
    for line in COVERAGE.read_text(encoding="ascii").split():
        first, last = line.split("-")
        firsts.append(int(first, 16))
        lasts.append(int(last, 16))
    return firsts, lasts


def drawable(char: str) -> bool:
    """Whether every DejaVu Sans face has a glyph for char."""
    firsts, lasts = _ranges()
    code = ord(char)
    index = bisect.bisect_right(firsts, code) - 1
    return index >= 0 and code <= lasts[index]


def right_to_left(char: str) -> bool:
    """A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…)."""
    return unicodedata.bidirectional(char) in ("R", "AL")


def refusal(char: str) -> str | None:
    """Why char cannot be in a PDF, or None when it can."""
    if char in _LAYOUT:
        return None
    if right_to_left(char):
        return (
            f"{describe(char)} is right-to-left text, which the PDF cannot lay out yet (it "
            "would read backwards); write it in Latin letters, or leave out pdf with "
            "--format docx,md"
        )
    if not drawable(char):
        return (
            f"{describe(char)} is in no font inwriting ships (DejaVu Sans), so the PDF cannot "
            "show it; replace it, or leave out pdf with --format docx,md"
        )
    return None


def first_refused(text: str) -> tuple[str, str] | None:
    """The first character of text the PDF cannot draw, and why; None if it draws them all."""
    if text.isascii():  # the common case, and every ASCII character other than controls draws
        return None
    for char in dict.fromkeys(text):
        reason = refusal(char)
        if reason is not None:
            return char, reason
    return None


def describe(char: str) -> str:
    """U+1D518 MATHEMATICAL FRAKTUR CAPITAL U ("𝔘"): how a message names a character."""
    name = unicodedata.name(char, "with no Unicode name")
    shown = f' ("{char}")' if unicodedata.category(char)[0] not in "CZM" else ""
    return f"U+{ord(char):04X} {name}{shown}"


def refused_values(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[Any, str]]:
    """(data path, reason) for every text value in data with a character the PDF cannot
    draw; one reason per value, for its first such character."""
    if isinstance(data, str):
        found = first_refused(data)
        if found is not None:
            yield path, found[1]
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from refused_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from refused_values(value, (*path, index))
